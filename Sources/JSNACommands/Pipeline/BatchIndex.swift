import Foundation
import CensusIngest
import Chapter
import Document
import Indicators
import ReportModel
import Statistics

/// The index page of a batch build: every authority with its key figures and a link, in
/// the same page shell as the chapters.
enum BatchIndex {
    struct Entry {
        var authority: Area
        var folder: String
        var model: ChapterModel
    }

    static let keyIndicators: [IndicatorID] = [.referralsRate, .cinRate, .cppRate, .claRate]

    /// "350-bolton": the code and the name as a short ASCII slug (at most 40 characters of
    /// name), so any name the data holds — 420 characters, accents, control characters —
    /// makes a folder every file system accepts.
    static func folderName(_ a: Area) -> String {
        func slug(_ text: String, limit: Int) -> String {
            var out = ""
            for c in text.lowercased().unicodeScalars {
                if c.isASCII, CharacterSet.alphanumerics.contains(c) { out.unicodeScalars.append(c) } else if !out.isEmpty, !out.hasSuffix("-") { out.append("-") }
                if out.count >= limit { break }
            }
            while out.hasSuffix("-") { out.removeLast() }
            return out
        }
        let code = slug(a.oldCode, limit: 12)
        return "\(code.isEmpty ? "la" : code)-\(slug(a.name, limit: 40))"
    }

    static func html(_ entries: [Entry], table: IndicatorTable, year: Int, synthetic: Bool) -> String {
        let period = PeriodStyle.censusYear.label(year)
        let title = "Children's safeguarding chapters, \(period)"
        var front: [Block] = []
        if synthetic { front.append(.banner([.strong("Synthetic demonstration data."), .text(" Every authority, code and figure here is fictional.")])) }
        front.append(.paragraph([.text("One chapter for each of \(entries.count) local authorities. Rates are per 10,000 children aged under 18, with the count beneath; the comparison with England is on the overdispersion-adjusted funnel (\"within\" the range expected, or above or below its 95% or 99.8% limits, beyond what variation between authorities explains).")]))
        let rows = entries.map { entry -> [Cell] in
            var cells = [Cell([.link(entry.authority.name, href: "\(entry.folder)/chapter.html"), .text(" (\(entry.authority.oldCode))")]), Cell(entry.authority.regionName)]
            for id in keyIndicators {
                guard let v = table.value(id, area: entry.authority.id, year: year) else {
                    cells.append(Cell("–"))
                    continue
                }
                let count = v.numerator.value.map { v.indicator.counts.count($0) } ?? v.numerator.missing.map { "count \($0.symbol)" }
                let versus = v.overdispersion.map { $0.limits.position.rawValue }
                cells.append(Cell([.text(v.shown(v.value))] + [count, versus].compactMap { $0 }.flatMap { [Inline.lineBreak, .text($0)] }))
            }
            return cells
        }
        let columns: [Table.Column] = [.text("Authority"), .text("Region")] + keyIndicators.map { .number(IndicatorCatalogue.definition($0)!.title) }
        let figures = Table(caption: "Key figures, \(period), with counts and the comparison with England", columns: columns, rows: rows)
        let header = "<h1>\(Escape.html(title))</h1>\n" + front.map(HTMLWriter.write).joined()
        return PageShell.page(
            title: title + (synthetic ? " — synthetic demonstration data" : ""), header: header, contents: [],
            main: HTMLWriter.write(.table(figures)),
            footer: "Produced by jsna from published DfE and ONS statistics (Open Government Licence v3.0).")
    }
}
