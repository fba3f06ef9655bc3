import Indicators
import Document
import ReportModel
import Statistics

extension ChapterDocument {
    /// The pathway section's id (and HTML anchor).
    public static let pathwaySectionID = "pathway"

    /// The council's Annex A lists: summary, the stages beside the published figures, the
    /// conversions, timeliness and plans, every count already through disclosure control.
    public static func pathway(_ p: PathwayThisYear, authority: String) -> Section {
        // The counts in one paragraph, then each finding in its own.
        let opening = p.summary.prefix(2).joined(separator: " ")
        var blocks: [Block] = ([opening] + p.summary.dropFirst(2)).map { .paragraph([.text($0)]) }
        blocks.append(.figure(ChartFigures.bars(p.chart, category: "Stage", value: "Count")))
        blocks.append(.table(stagesTable(p, authority: authority)))
        if !p.conversions.isEmpty { blocks.append(.table(conversionsTable(p))) }
        let shares = p.timeliness + p.plans
        if !shares.isEmpty { blocks.append(.table(sharesTable(shares, caption: "Timeliness and child protection plans, \(authority), \(p.period)", p: p, authority: authority))) }
        blocks += p.breakdowns.map { .table(breakdownTable($0, counted: "Plans")) }
        blocks += p.notes.map { .note([.text($0)]) }
        return Section(id: pathwaySectionID, title: p.title, blocks: blocks)
    }

    static func figure(_ f: Figure?, places: Int = 1, percent: Bool = false) -> Cell {
        Cell(Shown(f).text(places: places) + (percent && f?.value != nil ? "%" : ""))
    }

    static func interval(_ ci: ConfidenceInterval?, hidden: Bool, percent: Bool = false) -> Cell {
        guard let ci else { return Cell(hidden ? Controlled.symbol : Shown.absentSymbol) }
        let unit = percent ? "%" : ""
        return Cell("\(Rounding.format(ci.lower, places: 1))\(unit)–\(Rounding.format(ci.upper, places: 1))\(unit)")
    }

    static func stagesTable(_ p: PathwayThisYear, authority: String) -> Table {
        var columns: [Table.Column] = [.text("Stage"), .number("Count"), .number("Rate per 10,000 (flows: a year)"), .number("95% CI")]
        if p.earlierPeriod != nil { columns.append(.number("A year earlier (same months; snapshots at the same date)")) }
        columns += [.number("\(authority) \(p.publishedPeriod)"), .number("England \(p.publishedPeriod)"), .number("Region \(p.publishedPeriod)"), .number("Neighbours' average \(p.publishedPeriod)"),
                    .text("Against England"), .text("Against neighbours")]
        let rows = p.stages.map { s -> [Cell] in
            let hidden = s.count.value == nil
            var row = [Cell(s.label), Cell(count(s.count)),
                       Cell(s.rate.map { Rounding.format($0, places: 1) } ?? (hidden ? Controlled.symbol : Shown.absentSymbol)), interval(s.interval, hidden: hidden)]
            if p.earlierPeriod != nil { row.append(Cell(s.earlier.map(count) ?? Shown.absentSymbol)) }
            let c = s.published
            row += [figure(c?.authority), figure(c?.england), figure(c?.region), figure(c?.neighbours),
                    Cell(s.implausible ? "not compared (see the summary)" : c.map { VerdictWords.cell($0.verdict.england) } ?? Shown.absentSymbol),
                    Cell(s.implausible ? "not compared" : c.map { VerdictWords.cell($0.verdict.neighbours) } ?? Shown.absentSymbol)]
            return row
        }
        return Table(caption: "The pathway, \(authority), \(p.period), beside the latest published figures (– : DfE publishes no such measure)", columns: columns, rows: rows)
    }

    static func conversionsTable(_ p: PathwayThisYear) -> Table {
        Table(caption: "From one stage to the next, \(p.period)", columns: [.text("Step"), .number("From"), .number("To"), .number("Per 100")], rows: p.conversions.map { c in
            [Cell(c.label + (c.isSubset ? "" : " (same period, not the same children)")), Cell(count(c.from)), Cell(count(c.to)),
             Cell(c.percent.map { Rounding.format($0, places: 1) } ?? Controlled.symbol)]
        })
    }

    static func sharesTable(_ shares: [PathwayThisYear.Share], caption: String, p: PathwayThisYear, authority: String) -> Table {
        let columns: [Table.Column] = [.text("Measure"), .number("Count"), .number("Of"), .number("Percentage"), .number("95% CI"),
                                       .number("\(authority) \(p.publishedPeriod)"), .number("England \(p.publishedPeriod)"), .number("Neighbours' average \(p.publishedPeriod)"),
                                       .text("Against England")]
        return Table(caption: caption, columns: columns, rows: shares.map { s in
            let hidden = s.percent == nil && (s.count.value == nil || s.of.value == nil)
            return [Cell(s.label), Cell(count(s.count)), Cell(count(s.of)),
                    Cell(s.percent.map { Rounding.format($0, places: 1) + "%" } ?? (hidden ? Controlled.symbol : Shown.absentSymbol)), interval(s.interval, hidden: hidden, percent: true),
                    figure(s.published?.authority, percent: true), figure(s.published?.england, percent: true), figure(s.published?.neighbours, percent: true),
                    Cell(s.published.map { hidden ? Controlled.symbol : VerdictWords.cell($0.verdict.england) } ?? Shown.absentSymbol)]
        })
    }
}

extension ChapterDocument {
    /// pathway.csv: every number the pathway section publishes, one per line (table, row,
    /// column, value), exactly as the chapter shows it: after disclosure control, c where a
    /// count (or a rate or share from one) is hidden, – where DfE publishes no such measure.
    public static func pathwayCSV(_ p: PathwayThisYear, authority: String) -> String {
        var lines = ["table,row,column,value"]
        for block in pathway(p, authority: authority).blocks {
            let table: Table
            switch block {
            case .table(let t): table = t
            case .figure(let f): guard let t = f.table else { continue }; table = t
            default: continue
            }
            for row in table.rows {
                for (column, cell) in zip(table.columns, row).dropFirst() {
                    // Numbers without their thousands separators, so a spreadsheet reads them as numbers.
                    let text = cell.content.plainText, bare = text.replacingOccurrences(of: ",", with: "")
                    let value = Double(bare) != nil ? bare : text
                    lines.append([table.caption, row.first?.content.plainText ?? "", column.title, value].map(CSVText.escape).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
