import Charts
import Document
import ReportModel
import Statistics

extension ChapterDocument {
    /// One indicator: the headline sentence, details, notes and the trend chart. The
    /// chart's values are in the appendix's full tables; its neighbour and funnel charts
    /// are written beside the chapter (``unplacedFigures(_:)``).
    static func section(_ s: IndicatorSection) -> Section {
        var blocks: [Block] = [.paragraph([.text(s.sentence)])]
        if !s.details.isEmpty { blocks.append(.paragraph([.text(s.details.joined(separator: " "))])) }
        blocks += s.notes.map { .note([.text($0)]) }
        blocks.append(.figure(ChartFigures.trend(s.chart, table: nil)))
        return Section(id: s.id.rawValue, title: s.title, blocks: blocks)
    }

    /// The authority, its neighbours' mean, region and England by year; symbols keyed.
    public static func comparisonTable(_ t: ComparisonTable, decimals: Int) -> Table {
        Table(
            caption: t.caption, columns: [.text("Area")] + t.columns.map { .number($0) },
            rows: t.rows.map { row in [Cell(row.label)] + row.cells.map { Cell($0.text(places: decimals)) } },
            key: t.key)
    }
}
