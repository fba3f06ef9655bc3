import Document
import ReportModel
import Statistics

extension ChapterDocument {
    /// The council's own data: summary, monthly chart, breakdowns and reconciliation, every
    /// count already through disclosure control (hidden ones are `c`).
    /// The local section's id (and HTML anchor).
    public static let localSectionID = "local"

    public static func local(_ local: LocalSection) -> Section {
        var blocks: [Block] = [.paragraph([.text(local.summary.joined(separator: " "))]), .figure(ChartFigures.monthly(local.monthly))]
        blocks += local.breakdowns.map { .table(breakdownTable($0)) }
        if let r = local.reconciliation { blocks.append(.table(reconciliationTable(r))) }
        blocks += local.notes.map { .note([.text($0)]) }
        return Section(id: localSectionID, title: local.title, blocks: blocks)
    }

    static func count(_ c: Controlled) -> String { c.value.map { Rounding.grouped(Double($0), places: 0) } ?? Controlled.symbol }

    static func breakdownTable(_ b: LocalSection.Breakdown, counted: String = "Referrals") -> Table {
        Table(caption: b.caption, columns: [.text("Group"), .number(counted), .number("Share")], rows: b.rows.map { row in
            [Cell(row.label), Cell(count(row.count)), Cell(row.share.map { Rounding.format($0, places: 1) + "%" } ?? Controlled.symbol)]
        })
    }

    static func reconciliationTable(_ r: LocalSection.Reconciliation) -> Table {
        Table(caption: r.caption, columns: [.text("Year"), .number("Extract"), .number("DfE published"), .number("Difference")], rows: r.rows.map { row in
            let published: String
            if case .value(let v) = row.published { published = Rounding.grouped(v, places: 0) } else { published = row.published.text(places: 0) }
            let difference: String
            if let d = row.difference {
                difference = (d > 0 ? "+" : "") + Rounding.format(d, places: 1) + "%"
            } else if case .missing(let symbol) = row.published {
                difference = symbol
            } else {
                difference = Controlled.symbol
            }
            return [Cell(row.period), Cell(count(row.extract)), Cell(published), Cell(difference)]
        })
    }
}
