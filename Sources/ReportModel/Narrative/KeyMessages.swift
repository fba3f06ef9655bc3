import CensusIngest
import Indicators
import Statistics

/// The "key messages": indicators where the authority differs significantly from England
/// or from its statistical neighbours, worse first, then the largest differences.
enum KeyMessages {
    static func pick(table: IndicatorTable, authority: Area, year: Int, limit: Int = 8) -> [String] {
        var candidates: [(rank: Int, size: Double, text: String)] = []
        for indicator in IndicatorCatalogue.all {
            guard let v = table.value(indicator.id, area: authority.id, year: year), let value = v.value.value else { continue }
            let tested: [(String, Figure?, Significance?)] = [("England", v.england, v.vsEngland), ("its statistical neighbours", v.neighbours?.mean, v.vsNeighbours)]
            let significant = tested.filter { $0.2 != nil && $0.2 != .similar && $0.1?.value != nil }
            guard !significant.isEmpty else { continue }
            let show = { (x: Double) in indicator.withUnit(Rounding.format(x, places: indicator.decimals)) }
            let shown = { (x: Double) in indicator.unit.short(Rounding.format(x, places: indicator.decimals)) }
            let parts = [Significance.higher, .lower].compactMap { outcome -> String? in
                let names = significant.filter { $0.2 == outcome }.map { "\($0.0) (\(shown($0.1!.value!)))" }
                guard !names.isEmpty else { return nil }
                return "significantly \(outcome.rawValue)\(outcome.assessment(indicator.polarity).map { " (\($0.rawValue))" } ?? "") than \(Narrative.list(names))"
            }
            let worse = significant.contains { $0.2!.assessment(indicator.polarity) == .worse }
            let size = abs(value - (v.england?.value ?? value)) / max(abs(v.england?.value ?? 1), 1e-9)
            candidates.append((worse ? 0 : 1, size, "\(indicator.title): \(show(value)) in \(v.period), \(Narrative.list(parts))."))
        }
        let sorted = candidates.sorted { ($0.rank, -$0.size, $0.text) < ($1.rank, -$1.size, $1.text) }.prefix(limit).map(\.text)
        return sorted.isEmpty ? ["No indicator differs significantly from England or the statistical neighbours in \(PeriodStyle.censusYear.label(year))."] : sorted
    }
}
