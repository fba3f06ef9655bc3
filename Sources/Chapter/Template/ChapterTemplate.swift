import Diagnostics
import Document
import Mustache
import ReportModel

/// An analyst's chapter template: their prose with Mustache tags for jsna's figures,
/// sentences, charts and tables. Next year, the same template is rebuilt with new data.
public struct ChapterTemplate: Sendable {
    public var text: String
    public var path: String
    /// Raw HTML in the analyst's prose is escaped unless the config allows it.
    public var allowHTML: Bool

    public init(text: String, path: String, allowHTML: Bool = false) {
        self.text = text
        self.path = path
        self.allowHTML = allowHTML
    }

    /// What one template gives: Markdown for chapter.md, the HTML page, and the
    /// Markdown pandoc turns into Word.
    public struct Rendered: Sendable {
        public var markdown: String
        public var html: String
        public var wordMarkdown: String
    }

    /// Checks the template's tags, then renders it once per output format: Markdown and
    /// HTML always, pandoc's Markdown when `word` is set (empty otherwise). `document` is
    /// the chapter's document (made from `model` when not given), whose charts are reused.
    public func render(_ model: ChapterModel, document: Document? = nil, word: Bool = true) throws -> Rendered {
        let document = document ?? ChapterDocument.make(model)
        let htmlContext = TemplateContext.make(model, document: document, format: .html)
        try TemplateValidator.check(text, context: htmlContext, path: path)
        let prose = allowHTML ? text : Self.escapeRawHTML(text)
        let template: MustacheTemplate
        do { template = try MustacheTemplate(string: MarkdownText.pragma + prose) } catch {
            throw TemplateError(path: path, line: 1, column: 1, message: "not a valid Mustache template: \(error)")
        }
        func render(_ context: [String: Any]) -> String {
            var markdown = template.render(context)
            if model.isSynthetic && !markdown.contains("Synthetic demonstration data") {
                markdown = "> **Synthetic demonstration data.** Every authority, code and figure in this chapter is fictional.\n\n" + markdown
            }
            return markdown
        }
        let markdown = { (flavour: MarkdownWriter.Flavour) in render(TemplateContext.make(model, document: document, format: .markdown(flavour))) }
        let html = TemplatePage.page(model, body: MarkdownToHTML.render(render(htmlContext)))
        return Rendered(markdown: markdown(.github), html: html, wordMarkdown: word ? markdown(.pandoc) : "")
    }

    /// Replaces `<` outside Mustache tags with `&lt;`, so the analyst's own HTML shows as text.
    static func escapeRawHTML(_ text: String) -> String {
        var out = ""
        var depth = 0
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix("{{") { depth += 1 }
            if text[i...].hasPrefix("}}") && depth > 0 { depth -= 1 }
            out += text[i] == "<" && depth == 0 ? "&lt;" : String(text[i])
            i = text.index(after: i)
        }
        return out
    }
}

/// How `{{…}}` escapes a value: for Markdown first (its punctuation), then HTML (`<`, `>`,
/// `&`), because every rendering of a template goes through Markdown — cmark for the page,
/// pandoc for Word — before anything reads it as markup.
struct MarkdownText: MustacheContentType {
    func escapeText(_ text: String) -> String { Escape.markdown(text) }

    static let name = "JSNA_MARKDOWN"
    /// Put before the analyst's text: registers the content type (once) and selects it.
    static let pragma: String = {
        MustacheContentTypes.register(MarkdownText(), named: name)
        return "{{% CONTENT_TYPE: \(name) }}\n"
    }()
}
