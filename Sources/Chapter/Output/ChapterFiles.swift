import Document
import Foundation
import ReportModel

/// The files of one chapter, from its model: chapter.md, chapter.html, every chart as
/// SVG, and chapter.docx when Word is asked for. With a template, the template's
/// renderings replace the standard chapter (which is then never written at all).
///
///     let files = try ChapterFiles(template: nil, word: WordDocument()).make(model)
public struct ChapterFiles: Sendable {
    public var template: ChapterTemplate?
    /// nil: no Word document.
    public var word: WordDocument?

    public init(template: ChapterTemplate? = nil, word: WordDocument? = nil) {
        self.template = template
        self.word = word
    }

    public func make(_ model: ChapterModel) throws -> [(name: String, contents: Data)] {
        let document = ChapterDocument.make(model)
        let charts = Self.charts(document)
        let markdown: String, html: String, wordMarkdown: String
        var images: [(name: String, contents: Data)] = []
        if let template {
            let rendered = try template.render(model, document: document, word: word != nil)
            (markdown, html, wordMarkdown, images) = (rendered.markdown, rendered.html, rendered.wordMarkdown, rendered.images)
        } else {
            markdown = MarkdownWriter().write(document)
            html = PageShell.page(document)
            wordMarkdown = word == nil ? "" : MarkdownWriter(flavour: .pandoc).write(document)
        }
        var files: [(name: String, contents: Data)] = [("chapter.md", Data(markdown.utf8)), ("chapter.html", Data(html.utf8))]
        files += charts.map { ("charts/\($0.id).svg", Data($0.svg.utf8)) }
        files += images
        if var word {
            if word.header.isEmpty { word.header = "\(model.title), \(model.period)" + (model.isSynthetic ? " (synthetic demonstration data)" : "") }
            files.append(("chapter.docx", try word.make(markdown: wordMarkdown, charts: charts, images: images, plan: template == nil ? WordPlan.make(document) : nil)))
        }
        return files
    }

    /// Every chart in the chapter, by file name (without extension) and SVG: the
    /// document's figures, each drawn once.
    public static func charts(_ document: Document) -> [(id: String, svg: String)] {
        document.figures.map { ($0.id, $0.svg) }
    }
}
