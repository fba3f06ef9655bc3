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

    /// The headline: level with its count and interval; its verdicts against England, the
    /// region and the neighbours' mean (``VerdictWords``); and why the figure needs care, when
    /// a data-quality rule flags it.
    static func headline(_ v: IndicatorValue, authority: Area) -> String {
        let subject = "\(authority.possessive) \(v.indicator.phrase)"
        guard let value = v.value.value else {
            return "\(when(v)) \(subject) is not available: \(whyMissing(v))."
        }
        let places = v.indicator.decimals
        var sentence = "\(when(v)) \(subject) was \(v.indicator.withUnit(Rounding.format(value, places: places)))"
        var bracket: [String] = []
        if let counted = counted(v) { bracket.append(counted) }
        if let ci = v.ci95 { bracket.append("95% CI \(Rounding.format(ci.lower, places: places))–\(Rounding.format(ci.upper, places: places))") }
        if !bracket.isEmpty { sentence += " (" + bracket.joined(separator: "; ") + ")" }
        sentence += "."
        if let comparisons = VerdictWords.comparisons(v) { sentence += " " + comparisons }
        if let joint = v.jointReturn {
            sentence += " DfE publishes one return for \(authority.name) and \(list(joint.others(than: authority.id))): the figure is for both."
        }
        let cautions = v.quality.filter { $0 != .jointReturn }
        if !cautions.isEmpty {
            sentence += " This figure needs care: \(cautions.map(\.explanation).joined(separator: "; "))."
        }
        return sentence
    }

    /// "3,803 referrals", "780 of 3,803 referrals", "6,358 cases, 305.5 FTE case-holding
    /// social workers"; nil when the count is not published.
    static func counted(_ v: IndicatorValue) -> String? {
        guard let n = v.numerator.value else { return nil }
        let about = v.countsRounded ? " (rounded to the nearest 10)" : ""
        guard let whole = v.indicator.denominatorCounts else { return v.indicator.counts.count(n) + about }
        guard let d = v.denominator.value else { return v.indicator.counts.count(n) + about }
        if v.indicator.unit.isPercentage { return "\(Rounding.grouped(n, places: v.indicator.counts.places)) of \(whole.count(d))\(about)" }
        let fte = "\(Rounding.grouped(d, places: d == d.rounded() ? 0 : 1)) \(whole.many)"
        return "\(v.indicator.counts.count(n)), \(fte)\(about)"
    }

    /// Joins clauses like ``list(_:)``, with a comma before the last "and" when a clause
    /// already contains one, so the reader can tell where each list ends.
    static func clauses(_ items: [String]) -> String {
        guard items.count > 1, items.dropLast().contains(where: { $0.contains(" and ") }) else { return list(items) }
        return items.dropLast().joined(separator: ", ") + ", and " + items.last!
    }

    /// Change on last year (rate and count, with units and %), trend, rank and position among
    /// neighbours. The tests for chance alone are in indicators.csv and the workbook only.
    static func details(_ v: IndicatorValue, previous: IndicatorValue?, authority: Area) -> [String] {
        guard v.value.value != nil else { return [] }
        let places = v.indicator.decimals
        var out: [String] = []
        if let change = changeSentence(v, previous: previous) { out.append(change) }
        switch v.trend {
        case .increasing?, .decreasing?, .noSignificantChange?:
            out.append("Five-year trend to \(v.period): \(v.trend!.label), allowing for how much the figure moves from year to year.")
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
        return out
    }

    /// "This is 6.9 fewer per 10,000 than in 2023-24 (509.9), 1.4% lower; 3,803 referrals,
    /// 16 more than in 2023-24 (3,787, 0.4% more)." A suppressed earlier year says why there is no change.
    static func changeSentence(_ v: IndicatorValue, previous before: IndicatorValue?) -> String? {
        guard let before, let now = v.value.value else { return nil }
        guard let then = before.value.value else {
            return "No change on \(before.period) can be given: \(before.period)'s figure is not available (\(whyMissing(before)))."
        }
        let places = v.indicator.decimals
        let unit = v.indicator.unit
        // The change as the reader sees it: between the two values as shown, so 0.2% against
        // 0.1% is never "the same".
        let difference = Rounding.halfAwayFromZero(now, places: places) - Rounding.halfAwayFromZero(then, places: places)
        var text: String
        if Rounding.halfAwayFromZero(difference, places: places) == 0 {
            text = "This is the same as in \(before.period) (\(unit.short(before.shown(before.value))))"
        } else {
            text = "This is \(unit.change(Rounding.format(abs(difference), places: places), up: difference > 0)) than in \(before.period) (\(unit.short(before.shown(before.value))))"
            if then > 0 { text += ", \(relative(abs(now - then) / then * 100)) \(difference > 0 ? "higher" : "lower")" }
        }
        if let n = v.numerator.value, let m = before.numerator.value {
            let nouns = v.indicator.counts
            let d = n - m
            if d == 0 {
                text += "; \(nouns.count(n)), the same number as in \(before.period)"
            } else {
                text += "; \(nouns.count(n)), \(Rounding.grouped(abs(d), places: nouns.places)) \(d > 0 ? "more" : "fewer") than in \(before.period) (\(Rounding.grouped(m, places: nouns.places))"
                text += m > 0 ? ", \(relative(abs(d) / m * 100)) \(d > 0 ? "more" : "fewer"))" : ")"
                if case .childPopulation = v.indicator.denominator, (d > 0) != (difference > 0), Rounding.halfAwayFromZero(difference, places: places) != 0 {
                    text += " — the count and the rate moved in opposite directions because the number of children changed"
                }
            }
        }
        return text + "."
    }

    /// A relative change in words: "1.4%", or "under 0.1%" where one decimal place would
    /// show 0.0% for a change that is not nothing.
    static func relative(_ percent: Double) -> String {
        Rounding.halfAwayFromZero(percent, places: 1) == 0 ? "under 0.1%" : "\(Rounding.format(percent, places: 1))%"
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
