import CensusIngest
import Statistics

/// Adds intervals, tested comparisons, ranks, bands, change, trend and funnel position to
/// an indicator table's rows. Every method is a pure function in Statistics.
enum Benchmarks {
    static func interval(_ row: IndicatorValue, _ level: ConfidenceLevel) -> ConfidenceInterval? {
        guard let n = row.numerator.value, let d = row.denominator.value else { return nil }
        switch row.basis {
        case .recomputed, .publishedComparator: break  // a published comparator's interval is its rounded counts', widened
        case .publishedDefinition, .membersWeighted: return nil
        }
        let rounded: Double? = row.countsRounded ? 10 : nil
        switch row.indicator.interval {
        case .poissonRate:
            return PoissonInterval.rate(count: n, denominator: d, multiplier: row.indicator.multiplier, level: level, roundedTo: rounded)
        case .wilsonPercentage:
            return WilsonInterval.percentage(n, of: d, level: level, roundedTo: rounded)
        case .none:
            return nil
        }
    }

    /// Intervals for every row; then, for authorities, everything that compares them.
    static func add(to rows: inout [IndicatorValue], lookup: (Int, Int) -> Int?) {
        for i in rows.indices {
            rows[i].ci95 = interval(rows[i], .percent95)
            rows[i].ci998 = interval(rows[i], .percent99_8)
        }
        var ranks: [IndicatorID: [Int: [String: Double]]] = [:]
        for row in rows where row.area.level == .localAuthority {
            if let v = row.value.value { ranks[row.indicator.id, default: [:]][row.year, default: [:]][row.area.id] = v }
        }
        var positions: [IndicatorID: [Int: [String: LAITRanking.Position]]] = [:]
        for indicator in IndicatorCatalogue.all {
            for (year, values) in ranks[indicator.id] ?? [:] {
                positions[indicator.id, default: [:]][year] = LAITRanking.rank(values, places: indicator.decimals, polarity: indicator.polarity)
            }
        }
        for i in rows.indices {
            let row = rows[i]
            let id = row.indicator.id
            if let previous = lookup(i, row.year - 1), let a = row.value.value {
                if let b = rows[previous].value.value { rows[i].change = a - b } else { rows[i].changeMissing = rows[previous].value.missing }
            }
            let trend = trend(i, rows: rows, lookup: lookup)
            rows[i].trend = trend.result
            rows[i].trendChanceAlone = trend.chanceAlone
            if row.area.level == .regional, let ci = row.ci95 {
                rows[i].vsEnglandChanceAlone = row.england?.value.map { Significance.compare(ci, with: $0) }
            }
            guard row.area.level == .localAuthority || row.area.level == .partnership else { continue }
            rows[i].quality = quality(rows[i], previous: lookup(i, row.year - 1).map { rows[$0] })
            rows[i].rank = positions[id]?[row.year]?[row.area.id]
            if let ci = row.ci95 {
                rows[i].vsEnglandChanceAlone = row.england?.value.map { Significance.compare(ci, with: $0) }
                rows[i].vsRegion = row.region?.value.map { Significance.compare(ci, with: $0) }
                rows[i].vsNeighbours = row.neighbours?.mean.value.map { Significance.compare(ci, with: $0) }
            }
            if row.indicator.interval == .poissonRate, let target = row.england?.value, let n = row.denominator.value, let count = row.numerator.value {
                rows[i].funnel = FunnelLimits.position(count: count, target: target, denominator: n, multiplier: row.indicator.multiplier)
            }
        }
        addOverdispersion(to: &rows)
    }

    /// Overdispersion-adjusted funnel limits per indicator and year, over the authorities
    /// with a count and a denominator, around England's own count ÷ denominator.
    static func addOverdispersion(to rows: inout [IndicatorValue]) {
        var england: [IndicatorID: [Int: Int]] = [:]
        var authorities: [IndicatorID: [Int: [Int]]] = [:]
        // Partnerships are placed on the authorities' funnel; they do not shape it.
        var partnerships: [IndicatorID: [Int: [Int]]] = [:]
        for (i, row) in rows.enumerated() where row.indicator.interval != .none {
            if row.area.id == Area.englandID { england[row.indicator.id, default: [:]][row.year] = i }
            guard row.numerator.value != nil, row.denominator.value != nil else { continue }
            if row.area.level == .localAuthority { authorities[row.indicator.id, default: [:]][row.year, default: []].append(i) }
            if row.area.level == .partnership { partnerships[row.indicator.id, default: [:]][row.year, default: []].append(i) }
        }
        for (id, years) in authorities {
            for (year, members) in years {
                guard let e = england[id]?[year], let count = rows[e].numerator.value, let whole = rows[e].denominator.value, whole > 0 else { continue }
                let indicator = rows[e].indicator
                let scale: OverdispersedFunnel.Scale = indicator.interval == .wilsonPercentage
                    ? .percentage(england: count / whole) : .rate(england: count / whole, multiplier: indicator.multiplier)
                let units = members.map { OverdispersedFunnel.Unit(count: rows[$0].numerator.value!, denominator: rows[$0].denominator.value!) }
                guard let funnel = OverdispersedFunnel(units, scale: scale) else { continue }
                let placed = partnerships[id]?[year] ?? []
                let placedUnits = placed.map { OverdispersedFunnel.Unit(count: rows[$0].numerator.value!, denominator: rows[$0].denominator.value!) }
                for (i, unit) in zip(members + placed, units + placedUnits) {
                    guard let limits = funnel.limits(count: unit.count, denominator: unit.denominator) else { continue }
                    rows[i].overdispersion = .init(funnel: funnel, limits: limits)
                    // Percentages: chance-alone limits on the same (arcsine) scale, τ² = 0.
                    if indicator.interval == .wilsonPercentage {
                        rows[i].funnel = funnel.chanceAlone.limits(count: unit.count, denominator: unit.denominator)?.position
                    }
                }
            }
        }
    }

    /// The data-quality flags of an authority's row (see ``DataQuality``).
    static func quality(_ row: IndicatorValue, previous: IndicatorValue?) -> [DataQuality.Flag] {
        var firstYear = false
        if let change = row.boundaryChange, change.successors.contains(row.area.id) {
            let first = row.indicator.periodStyle == .censusYear ? change.firstCensusYear : change.firstCensusYear - 1
            firstYear = row.year == first
        }
        return DataQuality.flags(.init(
            count: row.numerator.value, denominator: row.denominator.value, isPercentage: row.indicator.unit.isPercentage,
            value: row.value.value, previous: previous?.value.value,
            previousSuppressed: row.value.value != nil && previous?.value.missing != nil,
            neighboursAboveZero: row.neighbours?.aboveZero ?? 0, neighboursWithValue: row.neighbours?.used ?? 0,
            firstYearAfterReorganisation: firstYear, jointReturn: row.jointReturn != nil))
    }

    /// The five-year trend ending at the row's year, allowing for year-to-year variation and
    /// for chance alone; a boundary change inside it stops the test.
    static func trend(_ index: Int, rows: [IndicatorValue], lookup: (Int, Int) -> Int?) -> TrendTest.Outcome {
        let row = rows[index]
        let years = (row.year - TrendTest.points + 1)...row.year
        if let change = row.boundaryChange, change.crosses(years, for: row.area.id) {
            return .same(.cannotBeCalculated("a boundary change falls inside the five years"))
        }
        guard row.indicator.interval != .none else { return .same(.cannotBeCalculated("no interval for this indicator")) }
        var points: [TrendTest.Point] = []
        var suppressed: [String] = []
        for year in years {
            guard let i = lookup(index, year) else { continue }
            if let m = rows[i].value.missing { suppressed.append("\(rows[i].period) (\(m.symbol): \(m.reason.explanation))") }
            guard let v = rows[i].value.value, let ci = rows[i].ci95 else { continue }
            points.append(TrendTest.Point(year: year, value: v, standardError: ci.standardError))
        }
        if points.count < TrendTest.points, !suppressed.isEmpty, row.value.value != nil {
            return .same(.cannotBeCalculated("the figure for \(suppressed.joined(separator: " and ")) is missing"))
        }
        return TrendTest.test(points)
    }

    /// Position of `value` among the authority's and its neighbours' published values (1 = highest).
    static func neighbourPosition(_ value: Figure, neighbours: [Figure], places: Int) -> (Int, Int)? {
        guard let v = value.value else { return nil }
        let shown = Rounding.halfAwayFromZero(v, places: places)
        let all = [shown] + neighbours.compactMap(\.value).map { Rounding.halfAwayFromZero($0, places: places) }
        return (all.filter { $0 > shown }.count + 1, all.count)
    }
}
