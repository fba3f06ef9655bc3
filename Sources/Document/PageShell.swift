/// The one HTML page around every page jsna writes: the standard chapter, a chapter
/// rendered from an analyst's template and the index of a batch. Same head, styles, skip
/// link, banner, contents list and footer; no scripts; everything inline.
public enum PageShell {
    /// A contents entry: the heading's id and its text.
    public struct Entry: Sendable {
        public var id: String
        public var title: String
        /// Entries under this one (a stage's indicators), listed nested.
        public var entries: [Entry]
        public init(id: String, title: String, entries: [Entry] = []) {
            self.id = id
            self.title = title
            self.entries = entries
        }

        init(_ section: Section) { self.init(id: section.id, title: section.title, entries: section.subsections.map(Entry.init)) }
    }

    /// A page from a document: front matter in the header, every section in the contents.
    public static func page(_ document: Document) -> String {
        let main = document.sections.map { HTMLWriter.write($0) }.joined()
        var header = document.kicker.map { "<p class=\"kicker\">\(Escape.html($0))</p>\n" } ?? ""
        header += "<h1>\(Escape.html(document.title))</h1>\n" + document.front.map(HTMLWriter.write).joined()
        return page(
            title: document.pageTitle, header: header, contents: document.sections.map(Entry.init),
            main: main, footer: HTMLWriter.inlines(document.footer))
    }

    /// A page around HTML that is already written (`header` and `main` are markup).
    public static func page(title: String, header: String, contents: [Entry], main: String, footer: String) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<title>\(Escape.html(title))</title>\n<style>\n\(PageStyle.css)</style>\n</head>\n<body>\n"
        s += "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"
        if !header.isEmpty { s += "<header>\(header)</header>\n" }
        if !contents.isEmpty {
            s += "<nav aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">Contents</h2>\n" + list(contents) + "</nav>\n"
        }
        s += "<main id=\"main\">\n\(main)</main>\n<footer><p>\(footer)</p></footer>\n</body>\n</html>\n"
        return s
    }

    /// The contents as an ordered list, nested where entries have entries.
    static func list(_ entries: [Entry]) -> String {
        "<ol>\n" + entries.map { entry in
            "<li><a href=\"#\(Escape.html(entry.id))\">\(Escape.html(entry.title))</a>" + (entry.entries.isEmpty ? "" : "\n" + list(entry.entries)) + "</li>\n"
        }.joined() + "</ol>\n"
    }
}
