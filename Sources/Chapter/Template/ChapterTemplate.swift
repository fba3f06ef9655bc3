import Mustache

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

    /// The rendered Markdown and the self-contained HTML page.
    public func render(_ model: ChapterModel) throws -> (markdown: String, html: String) {
        let context = TemplateContext.make(model)
        try TemplateValidator.check(text, context: context, path: path)
        let prose = allowHTML ? text : Self.escapeRawHTML(text)
        let template: MustacheTemplate
        do { template = try MustacheTemplate(string: prose) } catch {
            throw TemplateError(path: path, line: 1, column: 1, message: "not a valid Mustache template: \(error)")
        }
        var markdown = template.render(context)
        if model.isSynthetic && !markdown.contains("Synthetic demonstration data") {
            markdown = "> **Synthetic demonstration data.** Every authority, code and figure in this chapter is fictional.\n\n" + markdown
        }
        let body = MarkdownToHTML.render(markdown)
        return (markdown, HTMLRenderer.page(model, body: body))
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
