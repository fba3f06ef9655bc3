import Foundation
import ZIPFoundation

/// jsna's reference document for Word: pandoc's own, with a centred page number in the
/// footer (pandoc keeps a reference document's headers and footers). Rebuilt in memory
/// with ZIPFoundation; every entry gets the same fixed date, so the bytes do not change.
enum ReferenceDocument {
    static let footerID = "rIdJsnaPageNumber"
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, zip's first date

    static let footer = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
        """

    static func withPageNumbers(_ docx: Data) throws -> Data {
        let source = try Archive(data: docx, accessMode: .read)
        let out = try Archive(accessMode: .create)
        for entry in source where entry.type == .file {
            var data = Data()
            _ = try source.extract(entry, skipCRC32: true) { data.append($0) }
            switch entry.path {
            case "word/document.xml":
                data = try replacing(data, in: entry.path, [
                    ("<w:sectPr />", "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"\(footerID)\" /></w:sectPr>"),
                ])
            case "word/_rels/document.xml.rels":
                data = try replacing(data, in: entry.path, [
                    ("</Relationships>", "<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Id=\"\(footerID)\" Target=\"footer1.xml\" /></Relationships>"),
                ])
            case "[Content_Types].xml":
                data = try replacing(data, in: entry.path, [
                    ("</Types>", "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\" /></Types>"),
                ])
            default: break
            }
            try add(data, as: entry.path, to: out)
        }
        try add(Data(footer.utf8), as: "word/footer1.xml", to: out)
        guard let bytes = out.data else { throw WordError.failed("jsna", "could not build the reference document") }
        return bytes
    }

    static func add(_ data: Data, as path: String, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate, compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Each replacement must find its text: pandoc's default reference document changing
    /// shape is an error, not a document without page numbers.
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
