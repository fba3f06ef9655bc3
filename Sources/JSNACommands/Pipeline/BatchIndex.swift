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
        let code = slug(a.level == .localAuthority ? a.oldCode : a.id, limit: 12)
        return "\(code.isEmpty ? "la" : code)-\(slug(a.name, limit: 40))"
    }

    static func html(_ entries: [Entry], table: IndicatorTable, year: Int, synthetic: Bool) -> String {
        let period = PeriodStyle.censusYear.label(year)
        let title = "Children's safeguarding chapters, \(period)"
        var front: [Block] = []
        if synthetic { front.append(.banner([.strong("Synthetic demonstration data."), .text(" Every authority, code and figure here is fictional.")])) }
        let las = entries.filter { $0.authority.level == .localAuthority }.count
        front.append(.paragraph([.text("One chapter for England, each region and each of \(las) local authorities. Rates are per 10,000 children aged under 18, with the count beneath; for an authority, the comparison with England is on the overdispersion-adjusted funnel (\"within\" the range expected, or above or below its 95% or 99.8% limits, beyond what variation between authorities explains). DfE rounds England's and regions' counts to the nearest 10.")]))
        let rows = entries.map { entry -> [Cell] in
            let a = entry.authority
            let code = a.level == .localAuthority ? a.oldCode : a.id
            var cells = [Cell([.link(a.name, href: "\(entry.folder)/chapter.html"), .text(" (\(code))")]), Cell(a.level == .localAuthority ? a.regionName : a.level.rawValue)]
            for id in keyIndicators {
                guard let v = table.value(id, area: a.id, year: year) else {
                    cells.append(Cell(Shown.absentSymbol))
                    continue
                }
                let count = v.numerator.value.map { v.indicator.counts.count($0) + (v.countsRounded ? " (rounded)" : "") } ?? v.numerator.missing.map { "count \($0.symbol)" }
                let versus = v.overdispersion.map { $0.limits.position.rawValue }
                cells.append(Cell([.text(v.shown(v.value))] + [count, versus].compactMap { $0 }.flatMap { [Inline.lineBreak, .text($0)] }))
            }
            return cells
        }
        let columns: [Table.Column] = [.text("Area"), .text("Region or level")] + keyIndicators.map { .number(IndicatorCatalogue.definition($0)!.title) }
        let figures = Table(caption: "Key figures, \(period), with counts and the comparison with England", columns: columns, rows: rows)
        let header = "<h1>\(Escape.html(title))</h1>\n" + front.map(HTMLWriter.write).joined()
        return PageShell.page(
            title: title + (synthetic ? " — synthetic demonstration data" : ""), header: header, contents: [],
            main: HTMLWriter.write(.table(figures)),
            footer: "Produced by jsna from published DfE and ONS statistics (Open Government Licence v3.0).")
    }

    /// The index's figures as a tidy CSV: one row per area and key indicator, with the count
    /// beside the value, the missing-value symbol and the comparison with England.
    static func csv(_ entries: [Entry], table: IndicatorTable, year: Int, synthetic: Bool) -> String {
        var lines = [(synthetic ? ["# synthetic demonstration data"] : []) + [
            "area_type,area_code,area_name,region_name,folder,indicator,time_period,value,numerator,denominator,status,counts_rounded,vs_england_adjusted",
        ]].flatMap { $0 }
        for entry in entries {
            let a = entry.authority
            for id in keyIndicators {
                guard let v = table.value(id, area: a.id, year: year) else { continue }
                let fields = [
                    a.level.rawValue, a.level == .localAuthority ? a.oldCode : a.id, a.name, a.level == .localAuthority ? a.regionName : "",
                    entry.folder, id.rawValue, String(year), v.value.value == nil ? "" : CSVText.number(v.value), v.numerator.value == nil ? "" : CSVText.number(v.numerator),
                    v.denominator.value == nil ? "" : CSVText.number(v.denominator), v.value.missing?.symbol ?? "", v.countsRounded ? "true" : "false",
                    v.overdispersion?.limits.position.rawValue ?? "",
                ]
                lines.append(fields.map(CSVText.escape).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
