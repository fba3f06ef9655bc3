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
        for section in document.sections { s += write(section, level: 2) }
        return s + inlines(document.footer) + "\n"
    }

    /// A section and its subsections, headed at `level`. For Word the heading carries the
    /// section's id, which pandoc makes its bookmark (``WordPlan`` finds headings by it).
    public func write(_ section: Section, level: Int) -> String {
        let id = flavour == .pandoc ? " {#\(section.id)}" : ""
        return String(repeating: "#", count: min(level, 6)) + " \(Escape.markdown(section.title))\(id)\n\n" + section.blocks.map(write).joined()
            + section.subsections.map { write($0, level: level + 1) }.joined()
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
            // In Word a chart is sized from its drawn width: 760 pixels take 15 cm, so the
            // summary chart (760 × 560) fits beside the key messages on the first page.
            let size = flavour == .pandoc ? "{width=\(Self.centimetres(figure))cm}" : ""
            return "![\(Escape.markdown(figure.alternative))](charts/\(figure.id).\(chartExtension))\(size)\n\n" + (figure.table.map(write) ?? "")
        case .rawHTML(let html):
            // Word's Markdown carries no raw HTML: the analyst's markup is shown as text.
            return flavour == .github ? html + "\n\n" : Escape.markdown(html) + "\n\n"
        }
    }


    /// A chart's width on the Word page, in centimetres (one decimal place).
    static func centimetres(_ figure: ChartFigure) -> String {
        let tenths = Int((Double(figure.pixelWidth ?? 760) / 760 * 15 * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    public func write(_ table: Table) -> String {
        let e = Escape.markdown
        var s = flavour == .github ? "*\(e(table.caption))*\n\n" : ""
        s += "| " + table.columns.map { e($0.title) }.joined(separator: " | ") + " |\n|"
        s += zip(table.columns, dashes(table)).map { column, n in
            " " + String(repeating: "-", count: n) + (column.alignment == .right ? ": |" : " |")
        }.joined() + "\n"
        for row in table.rows { s += "| " + row.map { inlines($0.content) }.joined(separator: " | ") + " |\n" }
        if flavour == .pandoc { s += "\nTable: \(e(table.caption))\n" }
        s += "\n"
        if !table.key.isEmpty { s += table.key.map(e).joined(separator: "; ") + "\n\n" }
        return s
    }

    /// The dashes under each header. pandoc sizes every table's columns by them (it reads
    /// with `--columns=1`), so for Word they are ``WordLayout``'s widths: no number is ever
    /// broken, and text columns share what is left. GitHub's Markdown ignores them.
    func dashes(_ table: Table) -> [Int] {
        guard flavour == .pandoc else { return table.columns.map { _ in 3 } }
        return WordLayout.layout(table).widths
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
