import Foundation

/// Makes `chapter.docx` with pandoc from the Markdown written for Word (headings, pipe
/// tables with `Table:` captions, charts as `charts/<id>.png`), as R Markdown does.
///
/// Charts are turned into PNG with rsvg-convert; the document gets a table of contents
/// and Word's Heading 1-3 styles; page numbers come from jsna's reference document (or
/// the council's own, `reference_docx:`). Everything happens in a temporary folder that
/// is removed afterwards, and the result is returned as bytes, so the caller writes it
/// with the chapter's other files, all or nothing. `SOURCE_DATE_EPOCH` is fixed, so the
/// same inputs give the same bytes.
public struct WordDocument: Sendable {
    /// The council's house style (a .docx whose styles are used), if any.
    public var referenceDocx: String?

    public init(referenceDocx: String? = nil) { self.referenceDocx = referenceDocx }

    /// Stops early, before any work, when a tool Word output needs is missing.
    public static func checkTools() throws {
        for tool in [ExternalTool.pandoc, .rsvgConvert] where tool.path == nil { throw WordError.missing(tool) }
    }

    /// The pandoc reader: Markdown with raw HTML, TeX, maths, citations and sub/superscript
    /// off, so text from the data can only ever be text.
    static let inputFormat = "markdown-raw_html-raw_tex-tex_math_dollars-citations-superscript-subscript-smart"

    /// `images` are the template's own images, by the relative paths its Markdown uses.
    public func make(markdown: String, charts: [(id: String, svg: String)], images: [(name: String, contents: Data)] = []) throws -> Data {
        try Self.checkTools()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jsna-docx-\(UInt64.random(in: .min ... .max))")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("charts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Only the charts the document shows (a template may place a few of them).
        for chart in charts where markdown.contains("charts/\(chart.id).png") {
            let svg = folder.appendingPathComponent("charts/\(chart.id).svg")
            try Data(chart.svg.utf8).write(to: svg)
            try ExternalTool.rsvgConvert.run(["--zoom", "2", "--format", "png", "--output", "charts/\(chart.id).png", "charts/\(chart.id).svg"], in: folder)
        }
        for image in images {
            let file = folder.appendingPathComponent(image.name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try image.contents.write(to: file)
        }
        try Data(markdown.utf8).write(to: folder.appendingPathComponent("chapter.md"))
        let reference = folder.appendingPathComponent("reference.docx")
        if let referenceDocx {
            guard FileManager.default.fileExists(atPath: referenceDocx) else { throw WordError.referenceDocument(referenceDocx, "reference document not found") }
            try FileManager.default.copyItem(at: URL(fileURLWithPath: referenceDocx), to: reference)
        } else {
            let pandocDefault = try ExternalTool.pandoc.run(["--print-default-data-file", "reference.docx"])
            try ReferenceDocument.withPageNumbers(pandocDefault).write(to: reference)
        }
        try ExternalTool.pandoc.run(
            ["chapter.md", "--from", Self.inputFormat, "--to", "docx", "--toc", "--toc-depth=3", "--metadata", "lang=en-GB",
             "--metadata", "toc-title=Contents", "--reference-doc", "reference.docx", "--resource-path", ".", "--output", "chapter.docx"],
            environment: ["SOURCE_DATE_EPOCH": "0"], in: folder)
        return try Data(contentsOf: folder.appendingPathComponent("chapter.docx"))
    }
}
