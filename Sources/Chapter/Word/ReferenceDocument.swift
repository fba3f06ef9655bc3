import Document
import Foundation
import ZIPFoundation

/// jsna's reference document for Word: pandoc's own, set up as a board paper. A4 with
/// 2 cm margins, the title and period in the header, a centred page number in the footer,
/// Calibri (metric-compatible Carlito on Debian) for body and headings at 11 point, table
/// text at 10 point, British English. pandoc keeps a reference document's page set-up,
/// headers and footers. Every edit must find its text: pandoc's default changing shape is
/// an error, not a document quietly without page numbers.
enum ReferenceDocument {
    static let headerID = "rIdJsnaHeader"
    static let footerID = "rIdJsnaPageNumber"

    /// A4 portrait, 2 cm (1,134 twentieths of a point) margins, header and footer 1 cm in.
    static let pageSetUp = #"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>"#

    static let footer = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
        """

    /// The running header: "Children's safeguarding: Bolton, 2024-25", small and grey.
    static func header(_ text: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="right"/></w:pPr>\
        <w:r><w:rPr><w:color w:val="595959"/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">\(WordLayout.xmlText(text))</w:t></w:r></w:p></w:hdr>
        """
    }

    static func make(_ docx: Data, header text: String) throws -> Data {
        try OfficeArchive.rewrite(docx, adding: [("word/header1.xml", Data(header(text).utf8)), ("word/footer1.xml", Data(footer.utf8))]) { path, data in
            switch path {
            case "word/document.xml":
                return try replacing(data, in: path, [
                    ("<w:sectPr />", "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"\(headerID)\" /><w:footerReference w:type=\"default\" r:id=\"\(footerID)\" />\(pageSetUp)</w:sectPr>"),
                ])
            case "word/_rels/document.xml.rels":
                return try replacing(data, in: path, [
                    ("</Relationships>", "<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Id=\"\(headerID)\" Target=\"header1.xml\" />"
                        + "<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Id=\"\(footerID)\" Target=\"footer1.xml\" /></Relationships>"),
                ])
            case "[Content_Types].xml":
                return try replacing(data, in: path, [
                    ("</Types>", "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\" />"
                        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\" /></Types>"),
                ])
            case "word/styles.xml":
                return try replacing(data, in: path, [
                    ("<w:sz w:val=\"24\" />\n        <w:szCs w:val=\"24\" />\n        <w:lang w:val=\"en-US\"", "<w:sz w:val=\"22\" />\n        <w:szCs w:val=\"22\" />\n        <w:lang w:val=\"en-GB\""),
                    ("<w:spacing w:before=\"36\" w:after=\"36\" />\n    </w:pPr>", "<w:spacing w:before=\"36\" w:after=\"36\" />\n    </w:pPr><w:rPr><w:sz w:val=\"20\" /><w:szCs w:val=\"20\" /></w:rPr>"),
                ])
            case "word/theme/theme1.xml":
                return try replacing(data, in: path, [("<a:latin typeface=\"Cambria\"", "<a:latin typeface=\"Calibri\"")])
            default:
                return data
            }
        }
    }

    static func replacing(_ data: Data, in path: String, _ pairs: [(String, String)]) throws -> Data {
        var text = String(decoding: data, as: UTF8.self)
        for (old, new) in pairs {
            guard let range = text.range(of: old) else {
                throw WordError.failed("jsna", "pandoc's reference.docx has no \(old) in \(path); give reference_docx: instead")
            }
            text.replaceSubrange(range, with: new)
        }
        return Data(text.utf8)
    }
}

/// A .docx rebuilt in memory with ZIPFoundation, part by part; every entry gets the same
/// fixed date, so the same parts give the same bytes.
enum OfficeArchive {
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, zip's first date

    static func rewrite(_ docx: Data, adding: [(String, Data)] = [], _ edit: (String, Data) throws -> Data) throws -> Data {
        let source = try Archive(data: docx, accessMode: .read)
        let out = try Archive(accessMode: .create)
        for entry in source where entry.type == .file {
            var data = Data()
            _ = try source.extract(entry, skipCRC32: true) { data.append($0) }
            try add(try edit(entry.path, data), as: entry.path, to: out)
        }
        for (path, data) in adding { try add(data, as: path, to: out) }
        guard let bytes = out.data else { throw WordError.failed("jsna", "could not rebuild the Word document") }
        return bytes
    }

    static func add(_ data: Data, as path: String, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate, compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
