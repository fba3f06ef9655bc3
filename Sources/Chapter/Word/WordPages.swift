import Document
import Foundation

/// Applies a ``WordPlan`` to the .docx pandoc wrote: page breaks before headings, the
/// contents page, and landscape sections around wide tables. Headings are found by the
/// bookmarks pandoc gives them (the sections' ids, which jsna chooses), tables by their
/// place in reading order; text from the data is escaped XML by then and cannot be mistaken
/// for either. A landscape section copies the document's own last section (the reference
/// document's page size, margins, header and footer) turned on its side, so a council's
/// house style keeps its headers on every page.
enum WordPages {
    static func apply(_ plan: WordPlan, to docx: Data) throws -> Data {
        guard plan != WordPlan() else { return docx }
        return try OfficeArchive.rewrite(docx) { path, data in
            guard path == "word/document.xml" else { return data }
            var xml = String(decoding: data, as: UTF8.self)
            try landscape(plan.landscapeTables, in: &xml)
            for id in plan.pageBreaksBefore {
                let end = try propertiesEnd(ofHeading: id, in: xml)
                xml.insert(contentsOf: "<w:pageBreakBefore/>", at: end.lowerBound)
            }
            for entry in plan.contents {
                let id = 90_000 + (Int(entry.bookmark.dropFirst(4)) ?? 0)
                let end = try propertiesEnd(ofHeading: entry.id, in: xml)
                xml.insert(contentsOf: "<w:bookmarkStart w:id=\"\(id)\" w:name=\"\(entry.bookmark)\"/><w:bookmarkEnd w:id=\"\(id)\"/>", at: end.upperBound)
            }
            if let before = plan.contentsBefore {
                guard let at = bookmarkStart(before, in: xml) else {
                    throw WordError.failed("jsna", "the Word document has no heading \(before) to put the contents before")
                }
                xml.insert(contentsOf: contents(plan.contents), at: at.lowerBound)
            }
            return Data(xml.utf8)
        }
    }

    /// pandoc's bookmark for a heading: `<w:bookmarkStart w:id="…" w:name="id" />`.
    static func bookmarkStart(_ id: String, in xml: String) -> Range<String.Index>? {
        let name = " w:name=\"\(WordLayout.xmlText(id))\""
        var from = xml.startIndex
        while let found = xml.range(of: name, range: from..<xml.endIndex) {
            let rest = xml[found.upperBound...].prefix(3)
            if rest.hasPrefix(" />") || rest.hasPrefix("/>"),
               let start = xml.range(of: "<w:bookmarkStart", options: .backwards, range: xml.startIndex..<found.lowerBound),
               !xml[start.upperBound..<found.lowerBound].contains(">") {
                return start.lowerBound..<found.upperBound
            }
            from = found.upperBound
        }
        return nil
    }

    /// The `</w:pPr>` of the heading paragraph that follows the section's bookmark.
    static func propertiesEnd(ofHeading id: String, in xml: String) throws -> Range<String.Index> {
        guard let mark = bookmarkStart(id, in: xml), let paragraph = xml.range(of: "<w:p>", range: mark.upperBound..<xml.endIndex),
              let end = xml.range(of: "</w:pPr>", range: paragraph.upperBound..<xml.endIndex) else {
            throw WordError.failed("jsna", "the Word document has no heading \(id)")
        }
        return end
    }

    /// The contents page: a title, then each heading linked, with a page-number field
    /// (PAGEREF to the bookmark inside the heading) that Word and LibreOffice fill in.
    static func contents(_ entries: [WordLayout.ContentsEntry]) -> String {
        let tab = #"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9638"/></w:tabs>"#
        var xml = #"<w:p><w:pPr><w:pStyle w:val="TOCHeading"/><w:pageBreakBefore/></w:pPr><w:r><w:t>Contents</w:t></w:r></w:p>"#
        for e in entries {
            let indent = e.depth > 1 ? "<w:ind w:left=\"\(440 * (e.depth - 1))\"/>" : ""
            let bold = e.depth == 1 ? "<w:rPr><w:b/></w:rPr>" : ""
            xml += "<w:p><w:pPr>\(tab)<w:spacing w:before=\"\(e.depth == 1 ? 120 : 0)\" w:after=\"0\"/>\(indent)</w:pPr>"
            xml += "<w:hyperlink w:anchor=\"\(e.bookmark)\"><w:r>\(bold)<w:t xml:space=\"preserve\">\(WordLayout.xmlText(e.title))</w:t></w:r></w:hyperlink>"
            xml += "<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            xml += "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF \(e.bookmark) \\h </w:instrText></w:r>"
            xml += "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>#</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        }
        return xml
    }

    /// Puts each listed table (with the caption pandoc writes before it) on landscape pages:
    /// a section break before it ends the portrait pages, one after it ends the landscape
    /// ones; tables next to each other share one landscape section.
    static func landscape(_ tables: [Int], in xml: inout String) throws {
        guard !tables.isEmpty else { return }
        guard let start = xml.range(of: "<w:sectPr", options: .backwards), let close = xml[start.upperBound...].firstIndex(of: ">") else {
            throw WordError.failed("jsna", "the Word document has no page set-up to copy for its landscape pages")
        }
        let body: String
        if xml[..<close].hasSuffix("/") {
            body = "<w:sectPr></w:sectPr>"
        } else if let end = xml.range(of: "</w:sectPr>", options: .backwards), start.upperBound <= end.lowerBound {
            body = String(xml[start.lowerBound..<end.upperBound])
        } else {
            throw WordError.failed("jsna", "the Word document's page set-up is not closed")
        }
        let portraitEnd = "<w:p><w:pPr>\(body)</w:pPr></w:p>", landscapeEnd = "<w:p><w:pPr>\(turned(body))</w:pPr></w:p>"
        // Table positions first, then edit from the last, so earlier positions stay valid.
        var found: [Range<String.Index>] = []
        var from = xml.startIndex
        while let open = xml.range(of: "<w:tbl>", range: from..<xml.endIndex), let shut = xml.range(of: "</w:tbl>", range: open.upperBound..<xml.endIndex) {
            found.append(open.lowerBound..<shut.upperBound)
            from = shut.upperBound
        }
        for i in tables.sorted(by: >) {
            guard i < found.count else { throw WordError.failed("jsna", "the Word document has \(found.count) tables, not \(i + 1)") }
            let table = found[i]
            xml.insert(contentsOf: landscapeEnd, at: table.upperBound)
            // The caption paragraph pandoc puts just before the table goes with it.
            var begin = table.lowerBound
            if let caption = xml.range(of: "<w:p>", options: .backwards, range: xml.startIndex..<begin),
               xml[caption.lowerBound..<begin].contains("<w:pStyle w:val=\"TableCaption\" />"), !xml[caption.lowerBound..<begin].contains("</w:tbl>") {
                begin = caption.lowerBound
            }
            xml.insert(contentsOf: portraitEnd, at: begin)
        }
        xml = xml.replacingOccurrences(of: landscapeEnd + portraitEnd, with: "")
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
