import Charts
import Document
import ReportModel
import Statistics

/// Each chart as a document figure: its SVG, its text alternative and the table of the
/// values it draws, so nothing is told by the picture alone.
public enum ChartFigures {
    public static func trend(_ c: TrendChart, table: Table?) -> ChartFigure {
        ChartFigure(id: c.id, svg: TrendChartSVG.render(c), alternative: c.description, table: table)
    }

    public static func neighbours(_ c: NeighbourChart) -> ChartFigure {
        let f = { (x: Double) in Cell(Rounding.format(x, places: c.decimals)) }
        var rows = c.bars.map { [Cell($0.isAuthority ? "\($0.name) (\(c.subjectLabel))" : $0.name), Cell($0.count.text(places: 0)), $0.value.map(f) ?? Cell($0.symbol)] }
        if let m = c.neighbourMean { rows.append([Cell("Neighbours' average"), Cell(""), f(m)]) }
        if let e = c.england { rows.append([Cell("England"), Cell(""), f(e)]) }
        let table = Table(caption: "Values in the chart: \(c.title)", columns: [.text("Area"), .number(c.countLabel), .number("Value")], rows: rows)
        return ChartFigure(id: c.id, svg: ComparisonChartSVG.render(c), alternative: c.description, table: table)
    }

    public static func funnel(_ c: FunnelChart) -> ChartFigure {
        let order = { (p: FunnelChart.Point) in p.role == .authority ? 0 : 1 }
        let offScale = { (p: FunnelChart.Point) in c.axisMaximum.map { p.rate > $0 } ?? false }
        let shown = c.points.filter { $0.role != .other || offScale($0) }.sorted { (order($0), $0.name) < (order($1), $1.name) }
        let rows = shown.map { p in
            [Cell((p.role == .authority ? "\(p.name) (\(c.subjectLabel))" : p.name) + (offScale(p) ? " (off the chart's scale)" : "")),
             Cell(Rounding.grouped(p.children, places: 0)),
             Cell(Rounding.grouped(p.count, places: 0)), Cell(Rounding.format(p.rate, places: c.decimals)),
             Cell(p.adjustedPosition?.rawValue ?? Shown.absentSymbol), Cell(p.position?.rawValue ?? "")]
        }
        let table = Table(caption: "Funnel plot: \(c.subjectLabel) and its neighbours\(c.points.contains(where: offScale) ? ", and authorities off the chart's scale" : "")",
                          columns: [.text("Area"), .number(c.sizeLabel), .number(c.countLabel), .number("Value"),
                                    .text("Allowing for variation between authorities"), .text("Chance alone")],
                          rows: rows)
        return ChartFigure(id: c.id, svg: ComparisonChartSVG.render(c), alternative: c.description, table: table)
    }

    /// The summary chart with its at-a-glance table: seven columns, each verdict as every
    /// other output words it (``VerdictWords``).
    public static func spine(_ c: SpineChart) -> ChartFigure {
        let rows = c.rows.map { r -> [Cell] in
            let f = { (x: Double) in Cell(r.unit.short(Rounding.format(x, places: r.decimals))) }
            return [Cell(r.title), f(r.value), r.england.map(f) ?? Cell(Shown.absentSymbol), Cell(VerdictWords.cell(r.verdict.england)),
                    r.neighbours.map(f) ?? Cell(Shown.absentSymbol), Cell(VerdictWords.cell(r.verdict.neighbours)), Cell(VerdictWords.trend(r.verdict.trend))]
        }
        let columns: [Table.Column] = [.text("Indicator"), .number(c.subject), .number("England"), .text("Against England"),
                                       .number("Neighbours"), .text("Against neighbours"), .text("Five-year trend")]
        return ChartFigure(id: c.id, svg: ComparisonChartSVG.render(c), alternative: c.description, table: Table(caption: c.title, columns: columns, rows: rows))
    }

    /// The appendix's full tables behind the summary chart: every comparison with its
    /// comparator and the test for chance alone beside the verdicts; then where the figure
    /// sits in the spread of all authorities.
    public static func spineFullTables(_ c: SpineChart) -> [Table] {
        let format = { (r: SpineChart.Row, x: Double?) in x.map { Cell(Rounding.format($0, places: r.decimals)) } ?? Cell(Shown.absentSymbol) }
        let comparisons = c.rows.map { r -> [Cell] in
            [Cell(r.title), format(r, r.value), Cell(r.count.text(places: 0)), format(r, r.england), Cell(VerdictWords.cell(r.verdict.england)),
             Cell(VerdictWords.cell(r.englandChanceAlone)), format(r, r.region), Cell(VerdictWords.cell(r.verdict.region)),
             format(r, r.neighbours), Cell(VerdictWords.cell(r.verdict.neighbours))]
        }
        let spread = c.rows.map { r -> [Cell] in
            [Cell(r.title), format(r, r.value), format(r, r.lowest), format(r, r.q1), format(r, r.median), format(r, r.q3), format(r, r.highest)]
        }
        return [
            Table(caption: "\(c.title): every comparison", columns: [
                .text("Indicator"), .number(c.subject), .number("Count"), .number("England"), .text("Against England"),
                .text("Against England (chance alone)"), .number("Region"), .text("Against region"), .number("Neighbours"), .text("Against neighbours"),
            ], rows: comparisons),
            Table(caption: "\(c.title): the spread of all authorities", columns: [
                .text("Indicator"), .number(c.subject), .number("Lowest"), .number("Lower quartile"), .number("Median"), .number("Upper quartile"), .number("Highest"),
            ], rows: spread),
        ]
    }

    public static func monthly(_ c: BarChart) -> ChartFigure { bars(c, category: "Month", value: "Referrals") }

    /// A bar chart of counts, with the table of its bars (hidden counts are c).
    public static func bars(_ c: BarChart, category: String, value: String) -> ChartFigure {
        let rows = zip(c.labels, c.values).map { [Cell($0), Cell($1.map { Rounding.grouped(Double($0), places: 0) } ?? Controlled.symbol)] }
        let table = Table(caption: "Values in the chart: \(c.title)", columns: [.text(category), .number(value)], rows: rows)
        return ChartFigure(id: c.id, svg: BarChartSVG.render(c), alternative: c.description, table: table)
    }
}
