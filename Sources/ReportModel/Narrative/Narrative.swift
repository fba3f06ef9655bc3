import Diagnostics
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

    /// The headline sentence: level, interval, and comparison with England, the region and
    /// the neighbours' mean. "Significantly" appears only where the interval test says so.
    static func headline(_ v: IndicatorValue, authority: Area) -> String {
        let subject = "\(authority.name)'s \(v.indicator.phrase)"
        guard let value = v.value.value else {
            return "\(when(v)) \(subject) is not available: \(whyMissing(v))."
        }
        let places = v.indicator.decimals
        var sentence = "\(when(v)) \(subject) was \(v.indicator.withUnit(Rounding.format(value, places: places)))"
        if let ci = v.ci95 {
            sentence += " (95% CI \(Rounding.format(ci.lower, places: places))–\(Rounding.format(ci.upper, places: places)))"
        }
        let comparators: [(String, Figure?, Significance?)] = [
            ("England", v.england, v.vsEngland),
            (v.area.regionName.isEmpty ? "its region" : "the \(v.area.regionName) region", v.region, v.vsRegion),
            ("the average of its statistical neighbours", v.neighbours?.mean, v.vsNeighbours),
        ]
        let show = { (f: Figure) in
            v.indicator.unit.short(Rounding.format(f.value!, places: places))
        }
        var phrases: [String] = []
        if v.ci95 != nil {
            for outcome in [Significance.higher, .lower, .similar] {
                let names = comparators.filter { $0.2 == outcome && $0.1?.value != nil }.map { "\($0.0) (\(show($0.1!)))" }
                guard !names.isEmpty else { continue }
                let judged = outcome.assessment(v.indicator.polarity).map { " (\($0.rawValue))" } ?? ""
                phrases.append(outcome == .similar ? "similar to \(list(names))" : "significantly \(outcome.rawValue)\(judged) than \(list(names))")
            }
        } else {
            for direction in [Direction.higher, .lower, .same] {
                let names = comparators.filter { c in c.1.flatMap { Direction.of(v.value, against: $0, places: places) } == direction }
                    .map { "\($0.0) (\(show($0.1!)))" }
                guard !names.isEmpty else { continue }
                phrases.append(direction == .same ? "the same as \(list(names))" : "\(direction.rawValue) than \(list(names))")
            }
            if !phrases.isEmpty { phrases[phrases.count - 1] += " (not tested for significance: this indicator has no confidence interval)" }
        }
        if !phrases.isEmpty { sentence += ", " + clauses(phrases) }
        return sentence + "."
    }

    /// Joins clauses like ``list(_:)``, with a comma before the last "and" when a clause
    /// already contains one, so the reader can tell where each list ends.
    static func clauses(_ items: [String]) -> String {
        guard items.count > 1, items.dropLast().contains(where: { $0.contains(" and ") }) else { return list(items) }
        return items.dropLast().joined(separator: ", ") + ", and " + items.last!
    }

    /// Change on last year, trend, rank, position among neighbours and funnel position.
    static func details(_ v: IndicatorValue, previous: IndicatorValue?, authority: Area) -> [String] {
        guard v.value.value != nil else { return [] }
        let places = v.indicator.decimals
        let unit = v.indicator.unit.differenceSuffix
        var out: [String] = []
        if let change = v.change, let before = previous {
            let size = Rounding.format(abs(change), places: places)
            let word = Rounding.halfAwayFromZero(change, places: places) == 0 ? "unchanged from the figure" : (change > 0 ? "\(size)\(unit) higher than" : "\(size)\(unit) lower than")
            out.append("This is \(word) in \(before.period) (\(before.shown(before.value))).")
        }
        switch v.trend {
        case .increasing?: out.append("Over the five years to \(v.period) it has risen significantly (trend test at 99.8%).")
        case .decreasing?: out.append("Over the five years to \(v.period) it has fallen significantly (trend test at 99.8%).")
        case .noSignificantChange?: out.append("Over the five years to \(v.period) there is no significant trend.")
        case .cannotBeCalculated(let why)?: out.append("A five-year trend cannot be calculated: \(why).")
        case nil: break
        }
        if let rank = v.rank {
            out.append("\(authority.name) ranks \(ordinal(rank.rank)) of \(rank.of) authorities, where 1st is the \(v.indicator.polarity == .lowIsGood ? "lowest" : "highest") (quartile band \(rank.band.rawValue); A is the best quarter).")
        }
        if let p = v.neighbourPosition {
            var text = "It is the \(p.position == 1 ? "" : ordinal(p.position) + " ")highest of \(authority.name) and the \(p.of - 1) statistical neighbours with a figure"
            if let low = v.neighbours?.minimum.value, let high = v.neighbours?.maximum.value, p.of > 2 {
                text += " (the neighbours range from \(Rounding.format(low, places: places)) to \(Rounding.format(high, places: places)))"
            }
            out.append(text + ".")
        }
        if let funnel = v.funnel {
            let words: [FunnelLimits.Position: String] = [
                .above99_8: "above the 99.8% limit", .above95: "above the 95% limit", .within: "within the 95% limits",
                .below95: "below the 95% limit", .below99_8: "below the 99.8% limit",
            ]
            if let od = v.overdispersion {
                out.append("Against England's rate, allowing both for the number of children in \(authority.name) and for the variation seen between authorities, it \(adjustedWords(od.limits.position, v)) (overdispersion-adjusted funnel plot); against limits for chance alone it lies \(words[funnel]!).")
            } else {
                out.append("Against England's rate, allowing for the number of children in \(authority.name), it lies \(words[funnel]!) (funnel plot).")
            }
        }
        return out
    }

    /// "is within the range expected", or "is among the highest in England, beyond what
    /// variation between authorities explains (above the 99.8% limit)".
    static func adjustedWords(_ position: FunnelLimits.Position, _ v: IndicatorValue) -> String {
        switch position {
        case .within: "is within the range expected"
        case .above95: "is higher than expected, beyond what variation between authorities usually explains (above the 95% limit)"
        case .above99_8: "is among the highest in England, beyond what variation between authorities explains (above the 99.8% limit)"
        case .below95: "is lower than expected, beyond what variation between authorities usually explains (below the 95% limit)"
        case .below99_8: "is among the lowest in England, beyond what variation between authorities explains (below the 99.8% limit)"
        }
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : (n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th")
        return "\(n)\(suffix)"
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
    static func list(_ items: [String]) -> String { items.spokenList() }
}
