/// Writes a ``Document`` as Markdown.
///
/// Two flavours from the same tree: GitHub-flavoured Markdown for `chapter.md` (charts
/// linked as `charts/<id>.svg`, captions in italics above tables), and pandoc's Markdown
/// for Word (charts as `charts/<id>.png`, `Table:` captions that become Word captions, no
/// raw HTML). Every text run is escaped, so data cannot become markup.
public struct MarkdownWriter: Sendable {
    public enum Flavour: Sendable {
        case github
        case pandoc
    }

    public var flavour: Flavour

    public init(flavour: Flavour = .github) { self.flavour = flavour }

    var chartExtension: String { flavour == .github ? "svg" : "png" }

    public func write(_ document: Document) -> String {
        var s = "# \(Escape.markdown(document.title))\n\n"
        s += document.front.map(write).joined()
        for section in document.sections {
            s += "## \(Escape.markdown(section.title))\n\n" + section.blocks.map(write).joined()
        }
        return s + inlines(document.footer) + "\n"
    }

    public func write(_ block: Block) -> String {
        switch block {
        case .heading(let level, let text, _):
            return String(repeating: "#", count: min(max(level, 1), 6)) + " " + Escape.markdown(text) + "\n\n"
        case .paragraph(let content):
            return inlines(content) + "\n\n"
        case .note(let content):
            return "*Note:* " + inlines(content) + "\n\n"
        case .banner(let content):
            return "> " + inlines(content) + "\n\n"
        case .list(let items, let ordered):
            return items.enumerated().map { (ordered ? "\($0.offset + 1). " : "- ") + inlines($0.element) + "\n" }.joined() + "\n"
        case .definitions(let items):
            return items.map { "- **\(Escape.markdown($0.term))**: \(Escape.markdown($0.detail))\n" }.joined() + "\n"
        case .table(let table):
            return write(table)
        case .figure(let figure):
            return "![\(Escape.markdown(figure.alternative))](charts/\(figure.id).\(chartExtension))\n\n" + (figure.table.map(write) ?? "")
        case .rawHTML(let html):
            // Word's Markdown carries no raw HTML: the analyst's markup is shown as text.
            return flavour == .github ? html + "\n\n" : Escape.markdown(html) + "\n\n"
        }
    }

    public func write(_ table: Table) -> String {
        let e = Escape.markdown
        var s = flavour == .github ? "*\(e(table.caption))*\n\n" : ""
        s += "| " + table.columns.map { e($0.title) }.joined(separator: " | ") + " |\n|"
        s += table.columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows { s += "| " + row.map { inlines($0.content) }.joined(separator: " | ") + " |\n" }
        if flavour == .pandoc { s += "\nTable: \(e(table.caption))\n" }
        s += "\n"
        if !table.key.isEmpty { s += table.key.map(e).joined(separator: "; ") + "\n\n" }
        return s
    }

    public func inlines(_ content: [Inline]) -> String {
        content.map { inline -> String in
            switch inline {
            case .text(let t): Escape.markdown(t)
            case .strong(let t): "**\(Escape.markdown(t))**"
            case .emphasis(let t): "*\(Escape.markdown(t))*"
            case .code(let t): "`\(t.replacingBackticks)`"
            case .link(let t, let href): "[\(Escape.markdown(t))](\(Escape.linkTarget(href)))"
            case .lineBreak: " "
            }
        }.joined()
    }
}

extension String {
    /// Code spans cannot hold a backtick; none of jsna's code text has one.
    var replacingBackticks: String { String(map { $0 == "`" ? "'" : $0 }) }
}
