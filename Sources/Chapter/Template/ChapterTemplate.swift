import Diagnostics
import Foundation
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

    /// The largest template jsna reads.
    static let maximumBytes = 1 << 20

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
        /// The template's own images, by their path in the output folder (embedded in the
        /// page; beside chapter.md and in the Word document as files).
        public var images: [(name: String, contents: Data)] = []
    }

    /// An image the template shows that cannot be shown, and why.
    struct ImageFailure: Error {
        var address: String
        var problem: TemplateImages.Problem

        func message(folder: String) -> String {
            let image = "the image \"\(address.forMessage)\""
            switch problem {
            case .outside: return "\(image) is outside the template's folder (\(folder.forMessage)): put it beside the template, as a template reads no other files"
            case .hidden: return "\(image) is a hidden file or in a hidden folder: jsna does not read hidden files"
            case .notFound(let path): return "\(image) is not a file beside the template (no \(path.forMessage))"
            case .notAFile: return "\(image) is not a file"
            case .tooLarge(let bytes): return "\(image) is \(bytes / 1024) KB: images in a chapter may be up to \(TemplateImages.maximumBytes >> 20) MB"
            case .notAnImage: return "\(image) is not a PNG, JPEG, GIF, WebP or SVG file"
            case .reserved: return "\(image) has the name of a file jsna writes (chapter.*, indicators.*, index.*, charts/…): move it to a folder such as images/"
            case .activeSVG(let what): return "\(image) is an SVG with \(what): a published chapter's pictures must not run or fetch anything; remove it or save the picture as PNG"
            }
        }
    }

    /// Checks the template's tags, then renders it once per output format: Markdown and
    /// HTML always, pandoc's Markdown when `word` is set (empty otherwise). `document` is
    /// the chapter's document (made from `model` when not given), whose charts are reused.
    public func render(_ model: ChapterModel, document: Document? = nil, word: Bool = true) throws -> Rendered {
        let document = document ?? ChapterDocument.make(model)
        guard text.utf8.count <= Self.maximumBytes else {
            throw TemplateError(path: path, line: 1, column: 1, message: "the template is over 1 MB (\(text.utf8.count) bytes): a chapter template is prose with tags; split it or trim it")
        }
        let htmlContext = TemplateContext.make(model, document: document, format: .html)
        try TemplateValidator.check(text, context: htmlContext, path: path)
        let prose = allowHTML ? text : Self.escapeRawHTML(text)
        // swift-mustache's parser measures what is left of the text at every tag (quadratic:
        // a 50,000-tag template took minutes), so the template is parsed in pieces cut where
        // no section is open; each renders alone, and together they give the same text.
        let templates: [MustacheTemplate]
        do { templates = try Self.pieces(prose).map { try MustacheTemplate(string: MarkdownText.pragma + $0) } } catch let error as MustacheTemplate.ParserError {
            // The checks above catch what analysts write; this is the backstop. The pragma
            // jsna puts first is one line, so the analyst's line is one less.
            throw TemplateError(path: path, line: max(error.context.lineNumber - 1, 1), column: max(error.context.columnNumber, 1),
                                message: Self.plainSentence(error.error))
        } catch {
            throw TemplateError(path: path, line: 1, column: 1, message: "the template's tags could not be read: check that every {{ has its }} and every {{#section}} its {{/section}}")
        }
        func render(_ context: [String: Any]) -> String {
            var markdown = templates.map { $0.render(context) }.joined()
            if model.isSynthetic && !markdown.contains("Synthetic demonstration data") {
                markdown = "> **Synthetic demonstration data.** Every authority, code and figure in this chapter is fictional.\n\n" + markdown
            }
            return markdown
        }
        let markdown = { (flavour: MarkdownWriter.Flavour) in render(TemplateContext.make(model, document: document, format: .markdown(flavour))) }
        var images = TemplateImages(template: path)
        let body: String
        do {
            body = try MarkdownToHTML.renderChecked(render(htmlContext)) { address in
                do throws(TemplateImages.Problem) { return try images.dataAddress(for: address) } catch { throw ImageFailure(address: address, problem: error) }
            }
        } catch let refused as MarkdownToHTML.UnsafeAddress {
            let (line, column) = Self.position(of: "(" + refused.address, in: text) ?? (1, 1)
            throw TemplateError(path: path, line: line, column: column, message: refused.isImage
                ? "the image \"\(refused.address.forMessage)\" is not a file beside the template: a published chapter shows only its own images (no remote ones), so it stays self-contained"
                : "the link \"\(refused.address.forMessage)\" is not allowed in a published chapter: links may be relative paths, #anchors, https: or mailto: addresses")
        } catch let failure as ImageFailure {
            let (line, column) = Self.position(of: "(" + failure.address, in: text) ?? (1, 1)
            throw TemplateError(path: path, line: line, column: column, message: failure.message(folder: images.folder))
        }
        let html = TemplatePage.page(model, body: body)
        return Rendered(markdown: markdown(.github), html: html, wordMarkdown: word ? markdown(.pandoc) : "", images: images.files)
    }

    /// What a Mustache parser error means, in one plain sentence (never the library's name for it).
    static func plainSentence(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a {{/section}} here closes a section with another name: close the one opened last first"
        case .unfinishedName: "a tag here is not finished: write a name followed by }}, with no space after {{"
        case .expectedSectionEnd: "a section opened before here is never closed: add its {{/section}}"
        case .invalidSetDelimiter: "{{=…=}} changes Mustache's delimiters, which jsna templates do not support: keep {{ and }}"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: "{{%…}} is a Mustache setting, which jsna templates do not support"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            "template inheritance ({{<…}} and {{$…}}) is not supported: put the text in the template"
        case nil: "the template's tags could not be read here: check that every {{ has its }} and every {{#section}} its {{/section}}"
        }
    }

    /// Line and column (1-based) of the first `needle` in `text`.
    static func position(of needle: String, in text: String) -> (Int, Int)? {
        guard let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 2
        return (line, column)
    }

    /// The template cut into pieces of about `size` characters, each cut where no section is
    /// open and before either a value tag (which Mustache never takes as standing alone on
    /// its line) or a character of text — so the pieces render to exactly what the whole
    /// would.
    static func pieces(_ text: String, size: Int = 4_000) -> [String] {
        guard text.utf8.count > size else { return [text] }
        func tagKind(at i: String.Index) -> Character? {
            let triple = text[i...].hasPrefix("{{{")
            return text[text.index(i, offsetBy: triple ? 3 : 2)...].drop { $0 == " " }.first
        }
        var pieces: [String] = []
        var current = ""
        var sections = 0
        var i = text.startIndex
        while i < text.endIndex {
            let isTag = text[i...].hasPrefix("{{")
            if sections == 0, current.utf8.count >= size {
                let safe = isTag ? tagKind(at: i).map { !"#^/!>=".contains($0) } ?? false : !text[i].isWhitespace && text[i] != "{"
                if safe {
                    pieces.append(current)
                    current = ""
                }
            }
            guard isTag else {
                current.append(text[i])
                i = text.index(after: i)
                continue
            }
            let triple = text[i...].hasPrefix("{{{")
            guard let close = text.range(of: triple ? "}}}" : "}}", range: text.index(i, offsetBy: triple ? 3 : 2)..<text.endIndex) else {
                current += text[i...]
                break
            }
            let kind = tagKind(at: i)
            if kind == "#" || kind == "^" { sections += 1 }
            if kind == "/" { sections = max(sections - 1, 0) }
            current += text[i..<close.upperBound]
            i = close.upperBound
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
        return pieces
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
/// `&`, and `"` and `'`, so a value placed in an attribute of the analyst's own HTML can
/// never close it), because every rendering of a template goes through Markdown — cmark for
/// the page, pandoc for Word — before anything reads it as markup; both read the entities
/// back as the characters.
struct MarkdownText: MustacheContentType {
    func escapeText(_ text: String) -> String {
        Escape.markdown(text).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    static let name = "JSNA_MARKDOWN"
    /// Put before the analyst's text: registers the content type (once) and selects it.
    static let pragma: String = {
        MustacheContentTypes.register(MarkdownText(), named: name)
        return "{{% CONTENT_TYPE: \(name) }}\n"
    }()
}
