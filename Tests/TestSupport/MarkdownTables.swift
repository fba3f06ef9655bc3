import Foundation

/// A Markdown pipe table as an attacker (or a test) reads it back from a chapter: its
/// italic caption and its rows of cell text, the header row first.
public struct MarkdownTable: Sendable {
    public var caption: String
    public var rows: [[String]]

    /// Every pipe table in `markdown`, each under the last italic caption line before it.
    public static func all(in markdown: some StringProtocol) -> [MarkdownTable] {
        var out: [MarkdownTable] = []
        var caption = ""
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("*") && !line.hasPrefix("*Note") { caption = String(line) }
            guard line.hasPrefix("| ") else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.first == "---" { continue }
            if out.last?.caption != caption { out.append(MarkdownTable(caption: caption, rows: [])) }
            out[out.count - 1].rows.append(cells)
        }
        return out
    }
}

/// The same reading of an HTML chapter's tables: caption and rows of cell text (tags
/// removed, entities decoded), the header row first.
public enum HTMLTable {
    public static func all(in html: String) -> [MarkdownTable] {
        OfficeFile.matches(#"<table>(.*?)</table>"#, in: html).map { match in
            let body = match[0]
            let caption = OfficeFile.matches(#"<caption>(.*?)</caption>"#, in: body).first.map { text($0[0]) } ?? ""
            let rows = OfficeFile.matches(#"<tr>(.*?)</tr>"#, in: body).map { row in
                OfficeFile.matches(#"<t[hd][^>]*>(.*?)</t[hd]>"#, in: row[0]).map { text($0[0]) }
            }
            return MarkdownTable(caption: caption, rows: rows)
        }
    }

    static func text(_ html: String) -> String {
        OfficeFile.unescape(html.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)).trimmingCharacters(in: .whitespaces)
    }
}

extension MarkdownTable {
    /// The cells as a reader sees them: Markdown's backslash escapes, emphasis and code marks removed.
    public var plainRows: [[String]] {
        rows.map { $0.map { $0.replacingOccurrences(of: #"\\(.)"#, with: "$1", options: .regularExpression).replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "") } }
    }
}

/// One line of a CSV that jsna wrote, split into fields (quotes removed, doubled quotes
/// undoubled); for tests reading back a small published CSV.
public enum CSVLine {
    public static func fields(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false
        var previousQuote = false
        for ch in line {
            if quoted {
                if ch == "\"" { quoted = false; previousQuote = true } else { field.append(ch) }
                continue
            }
            if ch == "\"" {
                if previousQuote { field.append("\"") }
                quoted = true
            } else if ch == "," {
                out.append(field)
                field = ""
            } else {
                field.append(ch)
            }
            previousQuote = false
        }
        out.append(field)
        return out
    }
}
