import CensusIngest
import Indicators
import Statistics

/// Builds the neighbour, funnel and spine charts from the indicator table.
enum ComparisonChartBuilder {
    /// The authority and its statistical neighbours as bars, highest first; for a
    /// partnership, the partnership and its members.
    static func neighbours(_ indicator: IndicatorDefinition, _ v: IndicatorValue, table: IndicatorTable, areas: AreaDirectory, members: [Area] = []) -> NeighbourChart? {
        let codes = members.isEmpty ? table.neighbours?.neighbours(of: v.area.id) ?? [] : members.map(\.id)
        guard !codes.isEmpty else { return nil }
        let who = members.isEmpty ? "its statistical neighbours"
            : v.area.level == .regional ? "its authorities" : v.area.level == .national ? "its regions" : "its member authorities"
        let count = { (row: IndicatorValue?) -> Shown in row.map { $0.numerator.value.map { .count($0, of: indicator.counts) } ?? Shown($0.numerator) } ?? .absent }
        var bars = [NeighbourChart.Bar(name: v.area.name, value: v.value.value, symbol: v.value.missing?.symbol ?? "", isAuthority: true, count: count(v))]
        for code in codes {
            let n = table.value(indicator.id, area: code, year: v.year)
            bars.append(.init(name: areas[code]?.name ?? code, value: n?.value.value, symbol: n?.value.missing?.symbol ?? "x", isAuthority: false, count: count(n)))
        }
        bars.sort { ($0.value ?? -.infinity, $1.name) > ($1.value ?? -.infinity, $0.name) }
        let show = { (x: Double) in indicator.withUnit(Rounding.format(x, places: indicator.decimals)) }
        let ordered = bars.map { b in "\(b.name) \(b.value.map(show) ?? b.symbol)" }.joined(separator: "; ")
        var description = "Bar chart of \(indicator.title.inSentence) in \(v.period) for \(v.area.name) and \(who), highest first: \(ordered)."
        if let e = v.england?.value { description += " England: \(show(e))." }
        if let m = v.neighbours?.mean.value { description += " Neighbours' average: \(show(m))." }
        var chart = NeighbourChart(
            id: "\(indicator.id.rawValue)-neighbours", title: "\(indicator.title): \(v.area.name) and \(who), \(v.period)",
            axisLabel: indicator.unit.axisLabel, bars: bars, england: v.england?.value,
            neighbourMean: v.neighbours?.mean.value, decimals: indicator.decimals, description: description,
            countLabel: Self.capitalised(indicator.counts.many))
        chart.subjectLabel = subjectLabel(v.area)
        return chart
    }

    /// "this authority", "this partnership", "this region", and for England "this chapter's subject".
    static func subjectLabel(_ area: Area) -> String {
        switch area.level {
        case .localAuthority: "this authority"
        case .partnership: "this partnership"
        case .regional: "this region"
        case .national: "this chapter's subject"
        }
    }

    static func funnel(_ indicator: IndicatorDefinition, _ v: IndicatorValue, table: IndicatorTable) -> FunnelChart? {
        guard indicator.interval != .none, let england = v.england?.value else { return nil }
        let isPercentage = indicator.interval == .wilsonPercentage
        // Percentages are drawn around England's count ÷ denominator, the funnel's own target.
        guard !isPercentage || v.overdispersion != nil else { return nil }
        let target = v.overdispersion.map { od -> Double in
            if case .percentage(let p) = od.funnel.scale { return p * 100 }
            return england
        } ?? england
        let neighbours = Set(table.neighbours?.neighbours(of: v.area.id) ?? [])
        var points: [FunnelChart.Point] = []
        for row in table.authorities(indicator.id, year: v.year) {
            guard let rate = row.value.value, let n = row.denominator.value else { continue }
            let role: FunnelChart.Role = row.area.id == v.area.id ? .authority : (neighbours.contains(row.area.id) ? .neighbour : .other)
            points.append(.init(name: row.area.name, children: n, rate: rate, count: row.numerator.value ?? 0, role: role, position: row.funnel,
                                adjustedPosition: row.overdispersion?.limits.position))
        }
        if v.area.level == .partnership, let rate = v.value.value, let n = v.denominator.value {
            points.append(.init(name: v.area.name, children: n, rate: rate, count: v.numerator.value ?? 0, role: .authority, position: v.funnel,
                                adjustedPosition: v.overdispersion?.limits.position))
        }
        guard let maxN = points.map(\.children).max(), let minN = points.map(\.children).min() else { return nil }
        let limits: [(Double, Double, Double, Double, Double)]
        if let od = v.overdispersion, isPercentage {
            limits = Self.steps(from: minN * 0.8, to: maxN * 1.05).compactMap { n in od.funnel.chanceAlone.bounds(denominator: n).map { (n, $0.lower95, $0.upper95, $0.lower99_8, $0.upper99_8) } }
        } else {
            limits = FunnelCurves.shared.curve(target: target, from: minN * 0.8, to: maxN * 1.05, multiplier: indicator.multiplier)
        }
        let adjusted = v.overdispersion.map { od in
            limits.compactMap { point in od.funnel.bounds(denominator: point.0).map { (point.0, $0.lower95, $0.upper95, $0.lower99_8, $0.upper99_8) } }
        } ?? []
        points.sort { ($0.role == .other ? 0 : ($0.role == .neighbour ? 1 : 2), $0.name) < ($1.role == .other ? 0 : ($1.role == .neighbour ? 1 : 2), $1.name) }
        let show = { (x: Double) in indicator.unit.short(Rounding.format(x, places: indicator.decimals)) }
        let size = isPercentage ? (indicator.denominatorCounts?.many ?? "cases") : "children"
        let chance = isPercentage ? "chance alone (binomial, arcsine approximation)" : "chance alone (Poisson)"
        // A partnership is plotted beside the authorities it is made of: not one more authority.
        let authorities = points.filter { v.area.level != .partnership || $0.role != .authority }.count
        let plotted = v.area.level == .partnership ? "\(authorities) authorities and \(v.area.name)" : "\(authorities) authorities"
        var description = "Funnel plot of \(indicator.title.inSentence) in \(v.period) for \(plotted) against their number of \(size), with 95% and 99.8% limits around England's \(isPercentage ? "percentage" : "rate") (\(show(target))): limits for \(chance) and wider ones that also allow for the variation between authorities (overdispersion-adjusted). \(v.area.name): \(show(v.value.value ?? 0)), \(v.overdispersion.map { "\($0.limits.position.rawValue) allowing for variation between authorities, " } ?? "")\(v.funnel?.rawValue ?? "not classified") for chance alone."
        if adjusted.isEmpty { description += " The adjusted limits could not be estimated for this year." }
        let axisMaximum = Self.farOut(points.map(\.rate), keeping: [target, v.value.value ?? 0])
        if let top = axisMaximum {
            let off = points.filter { $0.rate > top }.sorted { $0.rate > $1.rate }.map { "\($0.name) (\(show($0.rate)))" }
            description += " Off the top of the scale, marked at its edge and listed in the table: \(Narrative.list(off))."
        }
        var chart = FunnelChart(
            id: "\(indicator.id.rawValue)-funnel", title: "\(indicator.title): funnel plot, \(v.period)", axisLabel: indicator.unit.axisLabel,
            target: target, points: points, limits: limits, adjusted: adjusted, decimals: indicator.decimals, description: description,
            countLabel: Self.capitalised(indicator.counts.many), sizeLabel: Self.capitalised(size))
        chart.axisMaximum = axisMaximum
        chart.subjectLabel = subjectLabel(v.area)
        return chart
    }

    /// The top of a value axis that leaves out far-out values (above the upper quartile plus
    /// three interquartile ranges, Tukey's "far out"), so one extreme authority does not
    /// squash the rest; nil when nothing is that far out. `keeping` stay on the scale.
    static func farOut(_ values: [Double], keeping: [Double]) -> Double? {
        let sorted = values.sorted()
        guard sorted.count >= 4 else { return nil }
        let q1 = Quantile.type7(sorted, 0.25), q3 = Quantile.type7(sorted, 0.75)
        let fence = q3 + 3 * (q3 - q1)
        guard let highest = sorted.last, highest > fence else { return nil }
        let inside = sorted.filter { $0 <= fence }.max() ?? fence
        return max(inside, keeping.max() ?? 0) * 1.1
    }

    /// 49 evenly spaced sizes for drawing limit curves.
    static func steps(from: Double, to: Double) -> [Double] {
        (0...48).map { from + (to - from) * Double($0) / 48 }
    }

    /// "referrals" → "Referrals", for a column title.
    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// The authority against all authorities on each of `indicators` (the pathway's by
    /// default; the chapter draws the assessment factors as a second spine, highest first).
    static func spine(_ authority: Area, year: Int, table: IndicatorTable, indicators: [IndicatorDefinition]? = nil,
                      what: String = "indicators", title: String? = nil, highestFirst: Bool = false) -> SpineChart {
        var rows: [SpineChart.Row] = []
        for indicator in indicators ?? IndicatorCatalogue.all.filter({ $0.stage != .factors }) {
            guard let v = table.value(indicator.id, area: authority.id, year: year), let value = v.value.value else { continue }
            let all = table.authorities(indicator.id, year: year).compactMap(\.value.value).sorted()
            guard !all.isEmpty else { continue }
            rows.append(.init(
                title: indicator.title, unit: indicator.unit, value: value, england: v.england?.value,
                lowest: all.first!, q1: Quantile.type7(all, 0.25), median: Quantile.type7(all, 0.5), q3: Quantile.type7(all, 0.75),
                highest: all.last!, verdict: v.verdict, englandChanceAlone: Judgement(v.vsEnglandChanceAlone, polarity: indicator.polarity),
                decimals: indicator.decimals, count: v.numerator.value.map { .count($0, of: indicator.counts) } ?? Shown(v.numerator),
                region: v.region?.value, neighbours: v.neighbours?.mean.value))
        }
        if highestFirst { rows.sort { $0.value > $1.value } }
        let period = PeriodStyle.censusYear.label(year)
        let description = "Summary chart of \(rows.count) \(what) for \(authority.name) in \(period). For each, a line spans all authorities from lowest to highest, a box covers the middle half, a vertical mark shows England, and a marker shows \(authority.name) (a circle where similar to England, a triangle pointing up where higher, down where lower, allowing for the variation between authorities; a diamond where not compared). The table below gives the values and the same comparisons."
        var chart = SpineChart(title: title ?? "\(authority.name) against all authorities, \(period)", rows: rows, description: description)
        chart.subject = authority.name
        return chart
    }
}
