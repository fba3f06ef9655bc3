import Document
import Foundation

/// Turns ``WordLayout``'s section-break markers into real page set-ups once pandoc has
/// written the document: each takes the document's own last section (the reference
/// document's page size, margins, header and footer), turned on its side for a landscape
/// section. A council's house style therefore keeps its headers on every page.
enum WordSections {
    static func apply(_ docx: Data) throws -> Data {
        try OfficeArchive.rewrite(docx) { path, data in
            guard path == "word/document.xml" else { return data }
            let xml = String(decoding: data, as: UTF8.self)
            let portrait = WordLayout.marker(.portrait), landscape = WordLayout.marker(.landscape)
            guard xml.contains(portrait) || xml.contains(landscape) else { return data }
            guard let start = xml.range(of: "<w:sectPr", options: .backwards), let close = xml[start.upperBound...].firstIndex(of: ">") else {
                throw WordError.failed("jsna", "the Word document has no page set-up to copy for its landscape pages")
            }
            // The body's own section: <w:sectPr …>…</w:sectPr>, or empty (<w:sectPr />).
            let body: String
            if xml[..<close].hasSuffix("/") {
                body = "<w:sectPr></w:sectPr>"
            } else if let end = xml.range(of: "</w:sectPr>", options: .backwards), start.upperBound <= end.lowerBound {
                body = String(xml[start.lowerBound..<end.upperBound])
            } else {
                throw WordError.failed("jsna", "the Word document's page set-up is not closed")
            }
            return Data(xml.replacingOccurrences(of: "<w:sectPr>\(portrait)</w:sectPr>", with: body)
                .replacingOccurrences(of: "<w:sectPr>\(landscape)</w:sectPr>", with: turned(body)).utf8)
        }
    }

    /// The same section on its side: width and height swapped, marked landscape.
    static func turned(_ sectPr: String) -> String {
        let landscape = #"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#
        guard let size = sectPr.range(of: "<w:pgSz"), let close = sectPr[size.upperBound...].range(of: "/>") else {
            return sectPr.replacingOccurrences(of: "</w:sectPr>", with: landscape + "</w:sectPr>")
        }
        let attributes = sectPr[size.upperBound..<close.lowerBound]
        let value = { (name: String) -> Int? in
            guard let r = attributes.range(of: "\(name)=\"") else { return nil }
            return Int(attributes[r.upperBound...].prefix { $0.isNumber })
        }
        let turnedSize = value("w:w").flatMap { w in value("w:h").map { h in "<w:pgSz w:w=\"\(max(w, h))\" w:h=\"\(min(w, h))\" w:orient=\"landscape\"/>" } } ?? landscape
        return sectPr.replacingCharacters(in: size.lowerBound..<close.upperBound, with: turnedSize)
    }
}
