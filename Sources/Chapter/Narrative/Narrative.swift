import CensusIngest
import Indicators
import Statistics

/// Sentences built from the figures, in British English. Comparisons here compare the
/// values as shown; they make no claim of statistical significance.
enum Narrative {
    /// "In 2024-25", or "At 30 September 2025" for workforce snapshots.
    static func when(_ value: IndicatorValue) -> String {
        switch value.indicator.periodStyle {
        case .censusYear: "In \(value.period)"
        case .septemberSnapshot: "At 30 September \(value.year)"
        }
    }

    /// The headline sentence for an indicator.
    static func headline(_ v: IndicatorValue, authority: Area) -> String {
        let subject = "\(authority.name)'s \(v.indicator.phrase)"
        guard let value = v.value.value else {
            return "\(when(v)) \(subject) is not available: \(whyMissing(v))."
        }
        var sentence = "\(when(v)) \(subject) was \(v.indicator.withUnit(Rounding.format(value, places: v.indicator.decimals)))"
        let comparators: [(String, Figure?)] = [
            ("England", v.england),
            (v.area.regionName.isEmpty ? "its region" : "the \(v.area.regionName) region", v.region),
            ("the average of its statistical neighbours", v.neighbours?.mean),
        ]
        var groups: [(Direction, [String])] = [(.higher, []), (.lower, []), (.same, [])]
        for (name, figure) in comparators {
            guard let figure, let direction = Direction.of(v.value, against: figure, places: v.indicator.decimals) else { continue }
            let shown = Rounding.format(figure.value!, places: v.indicator.decimals)
            let index = groups.firstIndex { $0.0 == direction }!
            groups[index].1.append("\(name) (\(v.indicator.unit == "%" ? shown + "%" : shown))")
        }
        let phrases = groups.filter { !$0.1.isEmpty }.map { direction, names in
            let lead = direction == .same ? "the same as" : "\(direction.rawValue) than"
            return "\(lead) \(list(names))"
        }
        if !phrases.isEmpty { sentence += ", " + list(phrases) }
        return sentence + "."
    }

    /// Why a value is missing, naming the part that was missing.
    static func whyMissing(_ v: IndicatorValue) -> String {
        if let m = v.numerator.missing {
            return "the count was \(m.reason.explanation) (\(m.symbol))"
        }
        if let m = v.denominator.missing {
            return "its denominator was \(m.reason.explanation) (\(m.symbol))"
        }
        return v.value.missing.map { "it was \($0.reason.explanation)" } ?? "it was not published"
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
