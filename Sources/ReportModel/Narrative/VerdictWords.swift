import Indicators
import Statistics

/// The words for a figure's ``Verdict``, the same in every sentence and table: a direction
/// ("higher", "lower") only for a tested difference, otherwise "similar to"; "not tested"
/// where there is no test.
///
///     VerdictWords.comparisons(value)
///     // "It is similar to England (519.4) and the North West region (529.1), and lower
///     //  than the average of its statistical neighbours (605.0)."
public enum VerdictWords {
    /// A table cell: "higher (worse)", "similar", "not tested".
    public static func cell(_ judgement: Judgement) -> String { judgement.words }

    /// A table cell for the trend: "increasing", "decreasing", "no significant change", "–".
    public static func trend(_ result: TrendTest.Result?) -> String { result?.label ?? Shown.absentSymbol }

    /// One sentence comparing the figure with England, the region and the neighbours, each by
    /// its verdict; nil when there is nothing to compare with.
    static func comparisons(_ v: IndicatorValue, regionName: String? = nil) -> String? {
        let places = v.indicator.decimals
        let show = { (f: Figure) in v.indicator.unit.short(Rounding.format(f.value!, places: places)) }
        let verdict = v.verdict
        let region = regionName ?? (v.area.regionName.isEmpty ? "its region" : "the \(v.area.regionName) region")
        let comparators: [(String, Figure?, Judgement)] = [
            ("England", v.england, verdict.england),
            (region, v.region, verdict.region),
            ("the average of its statistical neighbours", v.neighbours?.mean, verdict.neighbours),
        ].filter { $0.1?.value != nil }
        guard !comparators.isEmpty else { return nil }
        var phrases: [String] = []
        let order: [Significance] = [.higher, .lower, .similar]
        for outcome in order {
            let group = comparators.filter { $0.2.significance == outcome }
            guard !group.isEmpty else { continue }
            let names = group.map { "\($0.0) (\(show($0.1!)))" }
            let words = group.first!.2.words
            phrases.append(outcome == .similar ? "similar to \(names.spokenList())" : "\(words) than \(names.spokenList())")
        }
        let untested = comparators.filter { $0.2 == .notTested }.map { "\($0.0) \(show($0.1!))" }
        var sentence = ""
        if !phrases.isEmpty {
            sentence = "It is \(Narrative.clauses(phrases))"
            if verdict.beyondAdjusted99_8, let side = verdict.england.significance {
                sentence += side == .higher ? ", among the highest in England" : ", among the lowest in England"
            }
            sentence += "."
        }
        if !untested.isEmpty {
            sentence += (sentence.isEmpty ? "" : " ") + "For comparison (not tested: \(v.ci95 == nil ? "there is no interval for this figure" : "no test applies")): \(untested.joined(separator: ", "))."
        }
        return sentence
    }
}
