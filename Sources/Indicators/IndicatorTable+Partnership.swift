import CensusIngest
import Statistics

extension IndicatorTable {
    /// A partnership's row for one indicator and year, from its members' rows: counts and
    /// denominators summed (a member's suppressed or missing figure makes the sum missing
    /// for that reason, never a partial sum), the value recomputed from them — or, where the
    /// value is DfE's own (caseload, workforce percentages), the members' published values
    /// weighted by their denominators. A joint return that two members share is counted
    /// once.
    static func combine(_ definition: Box<IndicatorDefinition>, area: Box<Area>, year: Int, members: [IndicatorValue?]) -> IndicatorValue {
        let indicator = definition.value
        var seenJoint: Set<[String]> = []
        var parts: [IndicatorValue?] = []
        for member in members {
            if let joint = member?.jointReturn {
                guard seenJoint.insert(joint.codes.sorted()).inserted else { continue }
            }
            parts.append(member)
        }
        let numerator = Figure.sum(parts.map { $0?.numerator ?? .missing(.notPublished) })
        let denominator = Figure.sum(parts.map { $0?.denominator ?? .missing(.notPublished) })
        var row = IndicatorValue(
            indicator: definition, year: year, area: area, numerator: numerator, denominator: denominator,
            value: Ratio.compute(numerator: numerator, denominator: denominator, multiplier: indicator.multiplier))
        if indicator.valueIsPublished {
            let values = parts.map { $0?.value ?? .missing(.notPublished) }
            let weights = parts.map { $0?.denominator ?? .missing(.notPublished) }
            if case .missing(let m) = Figure.sum(values + weights) {
                row.value = .missing(m)
            } else {
                let total = weights.reduce(0) { $0 + $1.value! }
                row.value = total > 0 ? .value(zip(values, weights).reduce(0) { $0 + $1.0.value! * $1.1.value! } / total) : .missing(.zeroDenominator)
            }
            row.basis = .membersWeighted
        }
        return row
    }

    /// Each partnership's rows: one per indicator and year that any member has.
    static func partnershipRows(_ partnerships: [Partnership], indicators: [IndicatorDefinition], from rows: [IndicatorValue]) -> [IndicatorValue] {
        guard !partnerships.isEmpty else { return [] }
        var byKey: [Key: Int] = [:]
        var years: [SeriesKey: Set<Int>] = [:]
        let memberIDs = Set(partnerships.flatMap { $0.members.map(\.id) })
        for (i, row) in rows.enumerated() where memberIDs.contains(row.area.id) {
            byKey[Key(indicator: row.indicator.id, area: row.area.id, year: row.year)] = i
            years[SeriesKey(indicator: row.indicator.id, area: row.area.id), default: []].insert(row.year)
        }
        var out: [IndicatorValue] = []
        for partnership in partnerships {
            let area = Box(partnership.area)
            for indicator in indicators {
                let definition = Box(indicator)
                let all = partnership.members.reduce(into: Set<Int>()) { $0.formUnion(years[SeriesKey(indicator: indicator.id, area: $1.id)] ?? []) }
                for year in all.sorted() {
                    let members = partnership.members.map { m in byKey[Key(indicator: indicator.id, area: m.id, year: year)].map { rows[$0] } }
                    out.append(combine(definition, area: area, year: year, members: members))
                }
            }
        }
        return out
    }
}
