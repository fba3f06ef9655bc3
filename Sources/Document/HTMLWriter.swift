/// Writes ``Block``s as HTML: tables with captions and header scopes, figures with the
/// chart inline and its text alternative as caption, notes set apart. Text is escaped;
/// only ``Block/rawHTML(_:)`` and a figure's own SVG pass through.
public enum HTMLWriter {
    /// A section and its subsections, headed at `level` (2 for the chapter's own sections).
    public static func write(_ section: Section, level: Int = 2) -> String {
        let h = min(level, 6)
        return "<section aria-labelledby=\"\(Escape.html(section.id))\">\n<h\(h) id=\"\(Escape.html(section.id))\">\(Escape.html(section.title))</h\(h)>\n"
            + section.blocks.map(write).joined() + section.subsections.map { write($0, level: level + 1) }.joined() + "</section>\n"
    }

    public static func write(_ block: Block) -> String {
        switch block {
        case .heading(let level, let text, let id):
            let l = min(max(level, 1), 6)
            return "<h\(l)\(id.map { " id=\"\(Escape.html($0))\"" } ?? "")>\(Escape.html(text))</h\(l)>\n"
        case .paragraph(let content):
            return "<p>\(inlines(content))</p>\n"
        case .note(let content):
            return "<p class=\"note\"><strong>Note:</strong> \(inlines(content))</p>\n"
        case .banner(let content):
            return "<p class=\"banner\">\(inlines(content))</p>\n"
        case .list(let items, let ordered):
            let tag = ordered ? "ol" : "ul"
            return "<\(tag)>\n" + items.map { "<li>\(inlines($0))</li>\n" }.joined() + "</\(tag)>\n"
        case .definitions(let items):
            return "<dl>\n" + items.map { "<dt>\(Escape.html($0.term))</dt>\n<dd>\(Escape.html($0.detail))</dd>\n" }.joined() + "</dl>\n"
        case .table(let table):
            return write(table)
        case .figure(let figure):
            return "<figure>\n\(figure.svg)<figcaption>\(Escape.html(figure.alternative))</figcaption>\n</figure>\n" + (figure.table.map(write) ?? "")
        case .rawHTML(let html):
            return html.hasSuffix("\n") ? html : html + "\n"
        }
    }

    public static func write(_ table: Table) -> String {
        let right = table.columns.map { $0.alignment == .right }
        // A wide table scrolls inside its own region (named, and reachable by keyboard)
        // rather than widening the page.
        let wide = table.columns.count > 7
        var s = wide ? "<div class=\"table-scroll\" role=\"region\" aria-label=\"\(Escape.html(table.caption))\" tabindex=\"0\">\n" : ""
        s += "<table>\n<caption>\(Escape.html(table.caption))</caption>\n<thead><tr>"
        s += table.columns.map { "<th scope=\"col\"\($0.alignment == .right ? " class=\"num\"" : "")>\(Escape.html($0.title))</th>" }.joined()
        s += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            s += "<tr>"
            for (i, cell) in row.enumerated() {
                let numeric = i < right.count && right[i] ? " class=\"num\"" : ""
                s += i == 0 ? "<th scope=\"row\">\(inlines(cell.content))</th>" : "<td\(numeric)>\(inlines(cell.content))</td>"
            }
            s += "</tr>\n"
        }
        s += "</tbody>\n</table>\n" + (wide ? "</div>\n" : "")
        if !table.key.isEmpty { s += "<p class=\"key\">\(Escape.html(table.key.joined(separator: "; ")))</p>\n" }
        return s
    }

    public static func inlines(_ content: [Inline]) -> String {
        content.map { inline -> String in
            switch inline {
            case .text(let t): Escape.html(t)
            case .strong(let t): "<strong>\(Escape.html(t))</strong>"
            case .emphasis(let t): "<em>\(Escape.html(t))</em>"
            case .code(let t): "<code>\(Escape.html(t))</code>"
            case .link(let t, let href): "<a href=\"\(Escape.html(Escape.linkTarget(href)))\">\(Escape.html(t))</a>"
            case .lineBreak: "<br>"
            }
        }.joined()
    }
}
