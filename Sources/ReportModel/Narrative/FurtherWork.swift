import Indicators
import Statistics

/// The chapter's "Unmet need and gaps" and "Recommendations for further work", read off
/// the same verdicts as every other sentence: where an outcome is worse than a tested
/// comparator, where need looks lower than both the region and the neighbours (less need,
/// or need not yet reaching services), what could not be shown or tested, and what needs
/// care before it is quoted. Each gap has one recommendation; nothing here is a new test.
///
///     FurtherWork.make(model).gaps.first
///     // "Second or subsequent child protection plans: 30.7%, higher (worse) than the
///     //  North West region (23.3%) and the average of its statistical neighbours (23.9%)."
public struct FurtherWork: Sendable {
    public var gaps: [String]
    public var recommendations: [String]

    /// At most this many recommendations: a board acts on a few.
    public static let recommendationLimit = 6

    public static func make(_ model: ChapterModel) -> FurtherWork {
        var gaps: [String] = [], recommendations: [String] = []
        let current = model.sections.compactMap { s in s.current.map { (s, $0) } }
        let region = model.authority.regionName.isEmpty ? "its region" : "the \(model.authority.regionName) region"

        // Outcomes worse than a tested comparator.
        let worse = current.compactMap { s, v in
            v.value.value == nil || v.verdict.needsCare ? nil : worseAgainst(v, region: region).map { (s, v, $0) }
        }
        for (s, v, against) in worse {
            gaps.append("\(s.title): \(v.indicator.unit.short(v.shown(v.value))), \(against).")
        }
        if !worse.isEmpty {
            let names = worse.map { $0.0.title.inSentence }
            recommendations.append("Find out why \(names.spokenList()) \(worse.count == 1 ? "is" : "are") worse than comparable areas, for example by auditing a sample of cases, and report back to the board.")
        }

        // Need lower than both the region and the neighbours: less need, or need not reaching services.
        let lower = current.filter { s, v in
            v.indicator.polarity == .none && (v.indicator.unit == .ratePer10k || v.indicator.unit == .wholeRatePer10k)
                && v.verdict.region.significance == .lower && v.verdict.neighbours.significance == .lower
        }
        if !lower.isEmpty {
            let names = lower.map { $0.0.title.inSentence }
            gaps.append("Lower than both \(region) and the average of its statistical neighbours: \(names.spokenList()). A lower rate can mean less need, or need that is not yet reaching children's social care.")
            recommendations.append("Check whether the lower rates of \(Array(names.prefix(3)).spokenList())\(names.count > 3 ? " and related measures" : "") reflect less need or where the threshold for help sits, using early help and partners' referral figures.")
        }

        // Figures the chapter cannot give.
        let missing = model.sections.filter { $0.current?.value.value == nil && $0.indicator.stage != .factors }
        for s in missing {
            let reason = s.current?.value.missing?.reason.explanation ?? "not published for this area and year"
            gaps.append("\(s.title): not available (\(reason)).")
        }
        if !missing.isEmpty {
            recommendations.append("Report \(missing.map { $0.title.inSentence }.spokenList()) from the council's own records, where the published figure is not available.")
        }

        // Figures that cannot be tested.
        let untested = current.filter { _, v in v.value.value != nil && v.verdict.england == .notTested && v.verdict.neighbours == .notTested }
        if !untested.isEmpty {
            gaps.append("\(untested.map { $0.0.title.inSentence }.spokenList().capitalisedFirst): no test of difference is possible (the published figures carry no measure of uncertainty), so the chapter shows these beside England and the neighbours without calling them higher or lower.")
        }

        // Figures that need care.
        let care = current.filter { _, v in v.value.value != nil && v.verdict.needsCare }
        if !care.isEmpty {
            let names = care.map { $0.0.title.inSentence }
            gaps.append("Needs care before quoting (recording, small numbers or a suppressed year): \(names.spokenList()).")
            recommendations.append("Confirm how \(Array(names.prefix(3)).spokenList())\(names.count > 3 ? " and the other flagged figures" : "") were recorded before drawing conclusions from \(names.count == 1 ? "its" : "their") change.")
        }

        // Local data the chapter was not given.
        if model.local == nil && model.pathway == nil {
            gaps.append("The chapter uses published national statistics, which run to \(model.period); it holds no figures for the year since.")
            recommendations.append("Add the council's own referral records and Ofsted Annex A lists to the next edition, to show the current year beside the published ones.")
        }
        return FurtherWork(gaps: gaps, recommendations: Array(recommendations.prefix(recommendationLimit)))
    }

    /// "higher (worse) than England (24.5%) and the North West region (23.3%)".
    static func worseAgainst(_ v: IndicatorValue, region: String) -> String? {
        let show = { (f: Figure?) in f?.value.map { v.indicator.unit.short(Rounding.format($0, places: v.indicator.decimals)) } }
        let comparators: [(String, String?, Judgement)] = [
            ("England", show(v.england), v.verdict.england),
            (region, show(v.region), v.verdict.region),
            ("the average of its statistical neighbours", show(v.neighbours?.mean), v.verdict.neighbours),
        ]
        let worse = comparators.filter { $0.2.assessment == .worse && $0.1 != nil }
        guard let words = worse.first?.2.words else { return nil }
        return "\(words) than " + worse.map { "\($0.0) (\($0.1!))" }.spokenList()
    }
}
