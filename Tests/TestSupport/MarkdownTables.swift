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
