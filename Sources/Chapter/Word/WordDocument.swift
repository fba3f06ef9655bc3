import Diagnostics
import Document
import Foundation
import TemporaryFiles

/// Makes `chapter.docx` with pandoc from the Markdown written for Word (headings, pipe
/// tables with `Table:` captions, charts as `charts/<id>.png`), as R Markdown does.
///
/// Charts are turned into PNG with rsvg-convert; the document gets a contents page and
/// Word's Heading 1-4 styles; A4 pages, the running header and page numbers come from
/// jsna's reference document (or the council's own, `reference_docx:`), and wide tables
/// get landscape pages (``WordPages``). Everything happens in a temporary folder that
/// is removed afterwards, and the result is returned as bytes, so the caller writes it
/// with the chapter's other files, all or nothing. `SOURCE_DATE_EPOCH` is fixed, so the
/// same inputs give the same bytes.
public struct WordDocument: Sendable {
    /// The council's house style (a .docx whose styles are used), if any.
    public var referenceDocx: String?
    /// The running header of jsna's own page set-up ("Children's safeguarding: Bolton,
    /// 2024-25"); a council's reference document keeps its own.
    public var header: String

    public init(referenceDocx: String? = nil, header: String = "") {
        self.referenceDocx = referenceDocx
        self.header = header
    }

    /// Stops early, before any work, when a tool Word output needs is missing.
    public static func checkTools() throws {
        for tool in [ExternalTool.pandoc, .rsvgConvert] where tool.path == nil { throw WordError.missing(tool) }
    }

    /// The pandoc reader: Markdown with raw HTML, TeX, raw blocks (`{=openxml}`), maths,
    /// citations and sub/superscript off, so text — the data's or the analyst's — can only
    /// ever be text. What Word's pages need beyond Markdown is a ``WordPlan``, applied after. A chart is a picture described by
    /// its text alternative, not a figure captioned with it (the chart carries its title).
    static let inputFormat = "markdown-raw_html-raw_tex-raw_attribute-tex_math_dollars-citations-superscript-subscript-smart-implicit_figures"

    /// `images` are the template's own images, by the relative paths its Markdown uses.
    /// `plan`: page breaks, a contents page and landscape tables for the standard chapter;
    /// without one (a template's chapter) pandoc writes its own contents field.
    public func make(markdown: String, charts: [(id: String, svg: String)], images: [(name: String, contents: Data)] = [], plan: WordPlan? = nil) throws -> Data {
        try Self.checkTools()
        let scratch = try TemporaryFolder("docx")
        defer { scratch.remove() }
        let folder = scratch.url
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("charts"), withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        // Only the charts the document shows (a template may place a few of them).
        for chart in charts where markdown.contains("charts/\(chart.id).png") {
            try scratch.write(Data(chart.svg.utf8), to: "charts/\(chart.id).svg")
            try ExternalTool.rsvgConvert.run(["--zoom", "2", "--format", "png", "--output", "charts/\(chart.id).png", "charts/\(chart.id).svg"], in: folder)
        }
        for image in images { try scratch.write(image.contents, to: image.name) }
        try scratch.write(Data(markdown.utf8), to: "chapter.md")
        let reference = folder.appendingPathComponent("reference.docx")
        if let referenceDocx {
            guard FileManager.default.fileExists(atPath: referenceDocx) else { throw WordError.referenceDocument(referenceDocx, "reference document not found") }
            if (try? RegularFile.require(referenceDocx)) == nil { throw WordError.referenceDocument(referenceDocx, "not a regular file") }
            try FileManager.default.copyItem(at: URL(fileURLWithPath: referenceDocx), to: reference)
        } else {
            let pandocDefault = try ExternalTool.pandoc.run(["--print-default-data-file", "reference.docx"])
            try ReferenceDocument.make(pandocDefault, header: header).write(to: reference)
        }
        // --columns=1: every table's column widths come from its dashes (WordLayout).
        try ExternalTool.pandoc.run(
            ["chapter.md", "--from", Self.inputFormat, "--to", "docx", "--columns=1", "--metadata", "lang=en-GB", "--reference-doc", "reference.docx",
             "--resource-path", ".", "--output", "chapter.docx"] + (plan?.contentsBefore != nil ? [] : ["--toc", "--toc-depth=3", "--metadata", "toc-title=Contents"]),
            environment: ["SOURCE_DATE_EPOCH": "0"], in: folder)
        let written = try Data(contentsOf: folder.appendingPathComponent("chapter.docx"))
        return try plan.map { try WordPages.apply($0, to: written) } ?? written
    }
}
