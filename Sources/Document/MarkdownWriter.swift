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
        let entries = flavour == .pandoc ? document.contentsAfter.map { Self.contentsEntries(document.sections[$0...]) } ?? [] : []
        let bookmarks = Dictionary(entries.map { ($0.id, $0.bookmark) }) { first, _ in first }
        for (i, section) in document.sections.enumerated() {
            if flavour == .pandoc, let after = document.contentsAfter, i == after {
                s += (i > 0 ? WordLayout.pageBreak : "") + WordLayout.contents(entries)
            } else if flavour == .pandoc, section.startsPage, i > 0 {
                s += WordLayout.pageBreak
            }
            s += write(section, level: 2, bookmarks: bookmarks)
        }
        s += inlines(document.footer) + "\n"
        // Two wide tables in a row share one landscape section.
        return s.replacing(WordLayout.sectionEnd(.landscape) + WordLayout.sectionEnd(.portrait), with: "")
    }

    /// The contents page's entries: each section and the sections inside it.
    static func contentsEntries(_ sections: ArraySlice<Section>) -> [WordLayout.ContentsEntry] {
        let pairs = sections.flatMap { s in [(s, 1)] + s.subsections.map { ($0, 2) } }
        return pairs.enumerated().map { n, pair in WordLayout.ContentsEntry(id: pair.0.id, title: pair.0.title, depth: pair.1, bookmark: "_Toc\(n + 1)") }
    }

    /// A section and its subsections, headed at `level`.
    public func write(_ section: Section, level: Int) -> String { write(section, level: level, bookmarks: [:]) }

    /// For Word the heading carries the section's id, and a contents entry's bookmark
    /// inside the heading itself (where the contents page's page number points).
    func write(_ section: Section, level: Int, bookmarks: [String: String]) -> String {
        var heading = Escape.markdown(section.title)
        if flavour == .pandoc {
            if let bookmark = bookmarks[section.id] { heading += WordLayout.bookmark(bookmark) }
            heading += " {#\(section.id)}"
        }
        return String(repeating: "#", count: min(level, 6)) + " \(heading)\n\n" + section.blocks.map(write).joined()
            + section.subsections.map { write($0, level: level + 1, bookmarks: bookmarks) }.joined()
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

    public func write(_ table: Table) -> String {
        guard flavour == .pandoc, WordLayout.layout(table).landscape else { return rows(table) }
        return WordLayout.sectionEnd(.portrait) + rows(table) + WordLayout.sectionEnd(.landscape)
    }

    /// A chart's width on the Word page, in centimetres (one decimal place).
    static func centimetres(_ figure: ChartFigure) -> String {
        let tenths = Int((Double(figure.pixelWidth ?? 760) / 760 * 15 * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    func rows(_ table: Table) -> String {
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
