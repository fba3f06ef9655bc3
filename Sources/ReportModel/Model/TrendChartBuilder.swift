import CensusIngest
import Indicators
import Statistics

/// Builds the trend chart (and its text alternative) for an indicator.
enum TrendChartBuilder {
    static func chart(_ indicator: IndicatorDefinition, authority: Area, periods: [String], series values: [IndicatorValue?]) -> TrendChart {
        func pick(_ f: (IndicatorValue) -> Figure?) -> [Double?] { values.map { $0.flatMap(f)?.value } }
        var series = [
            TrendChart.Series(name: authority.name, values: pick { $0.value }),
            TrendChart.Series(name: "Statistical neighbours (mean)", values: pick { $0.neighbours?.mean }),
            TrendChart.Series(name: authority.regionName.isEmpty ? "Region" : authority.regionName, values: pick { $0.region }),
            TrendChart.Series(name: "England", values: pick { $0.england }),
        ]
        // A partnership, a region or England has no neighbours (members are in the table or
        // the bar chart), and members in different regions have no one region.
        if authority.level != .localAuthority { series.removeAll { s in s.values.allSatisfy { $0 == nil } } }
        let axis = indicator.unit.axisLabel
        var chart = TrendChart(
            id: indicator.id.rawValue, title: "\(indicator.title), \(periods.first!) to \(periods.last!)", axisLabel: axis,
            periods: periods, series: series,
            description: describe(indicator, periods: periods, series: series), decimals: indicator.decimals)
        chart.band = values.map { $0?.ci95.map { $0.lower...$0.upper } }
        if chart.band.contains(where: { $0 != nil }) {
            chart.description += " The shaded band is \(authority.possessive) 95% confidence interval."
        }
        return chart
    }

    /// "Line chart. Bolton: 509.9 in 2023-24 … ; England: …". Each series from first to last value.
    static func describe(_ indicator: IndicatorDefinition, periods: [String], series: [TrendChart.Series]) -> String {
        let parts = series.map { s -> String in
            let points = zip(periods, s.values).compactMap { p, v in v.map { (p, $0) } }
            guard let first = points.first, let last = points.last else { return "\(s.name): no figures" }
            let show = { (v: Double) in Rounding.format(v, places: indicator.decimals) }
            if points.count == 1 { return "\(s.name): \(show(first.1)) in \(first.0)" }
            return "\(s.name): \(show(first.1)) in \(first.0) to \(show(last.1)) in \(last.0)"
        }
        return "Line chart of \(indicator.title.inSentence) (\(indicator.unit.name)) from \(periods.first!) to \(periods.last!). " + parts.joined(separator: "; ") + "."
    }
}
