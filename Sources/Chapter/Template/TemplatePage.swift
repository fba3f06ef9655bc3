import Document
import ReportModel

/// The page around HTML rendered from an analyst's template: ``PageShell`` with ids on the
/// level-2 headings and a contents list built from them.
enum TemplatePage {
    static func page(_ model: ChapterModel, body: String) -> String {
        var entries: [PageShell.Entry] = []
        var out = ""
        var rest = Substring(body)
        while let open = rest.range(of: "<h2>") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "</h2>") else { break }
            let inner = String(rest[open.upperBound..<close.lowerBound])
            let slug = inner.lowercased().filter { $0.isLetter || $0 == " " }.split(separator: " ").joined(separator: "-")
            let id = slug.isEmpty ? "section-\(entries.count + 1)" : slug
            entries.append(PageShell.Entry(id: id, title: plain(inner)))
            out += "<h2 id=\"\(id)\">\(inner)</h2>"
            rest = rest[close.upperBound...]
        }
        out += rest
        // The analyst's prose, with jsna's blocks in it, is the one raw-HTML node of a page.
        return PageShell.page(title: ChapterDocument.pageTitle(model), header: "", contents: entries, main: HTMLWriter.write(.rawHTML(out)),
                              footer: HTMLWriter.inlines(ChapterDocument.footer(model)))
    }

    /// A heading's text without its markup or entities, for the contents list (which
    /// escapes it again).
    static func plain(_ html: String) -> String {
        var text = "", inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
