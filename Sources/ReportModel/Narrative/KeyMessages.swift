import CensusIngest
import Indicators
import Statistics

/// One key message: a sentence a board reads, and why it was chosen (for the appendix).
public struct KeyMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Meets a rule and has no data-quality flag.
        case finding
        /// Would meet a rule, but a data-quality flag says it needs care first.
        case needsCare
        /// No figure meets a rule: the text says so.
        case noneMet
    }

    public var text: String
    public var why: String
    public var kind: Kind
}

/// The key messages a board acts on, chosen by rules an analyst can check, in this order:
///
/// 1. beyond the adjusted 99.8% funnel limits on the worse side (outcome and timeliness
///    measures: those with a polarity);
/// 2. a significant worsening five-year trend in an outcome or timeliness measure;
/// 3. a rank in the worst tenth of authorities for an outcome measure (repeat plans, plans
///    lasting 2 years, caseload, turnover, timeliness);
/// 4. activity and need volumes (no polarity): beyond the adjusted 99.8% limits either side,
///    or a significant five-year trend.
///
/// Every rule reads the figure's ``Verdict``, so a message never disagrees with the section.
/// A change whose denominator moved by over 50% in a year is a recording note, never a
/// finding; a figure with a data-quality flag is never a finding either: the strongest such
/// figure keeps the last place as a warning. Each message is one sentence of at most 30
/// words: the value and its count, then its comparison. At most eight, at most two of the
/// assessment factors.
///
///     KeyMessages.pick(table: table, authority: bolton, year: 2025).map(\.text)
///     // ["Second or subsequent child protection plans: 30.7% (123 of 401 plans), higher
///     //   than England (24.5%); 133rd of 151 authorities, where 1st is the lowest.", …]
public enum KeyMessages {
    public enum Rule: Int, CaseIterable, Comparable, Sendable {
        case beyondAdjustedLimits = 1, worseningTrend, worstTenth, activity

        public static func < (a: Rule, b: Rule) -> Bool { a.rawValue < b.rawValue }

        /// The rule as the Methods note states it.
        public var statement: String {
            switch self {
            case .beyondAdjustedLimits: "beyond the adjusted 99.8% funnel limits on the worse side (outcome and timeliness measures)"
            case .worseningTrend: "a significant worsening five-year trend, allowing for year-to-year variation (outcome and timeliness measures)"
            case .worstTenth: "a rank in the worst tenth of authorities (outcome and timeliness measures)"
            case .activity: "for activity and need, beyond the adjusted 99.8% limits either side or a significant five-year trend"
            }
        }
    }

    public static let limit = 8
    public static let maxWords = 30
    /// Assessment factors in the key messages at most: nineteen of them must not crowd out the pathway.
    public static let factorsAtMost = 2
    /// An activity trend smaller than this over its five years (19.3% → 19.0%) is real but
    /// not something a board acts on.
    public static let materialTrend = 0.1
    /// A denominator that moved by more than this in a year makes the change a recording note.
    public static let recordingChange = 0.5

    struct Candidate {
        var rule: Rule
        var size: Double
        var message: KeyMessage
        var stage: IndicatorStage
    }

    public static func pick(table: IndicatorTable, authority: Area, year: Int) -> [KeyMessage] {
        var candidates: [Candidate] = []
        for indicator in IndicatorCatalogue.all {
            guard let v = table.value(indicator.id, area: authority.id, year: year), v.value.value != nil else { continue }
            let previous = table.value(indicator.id, area: authority.id, year: v.year - 1)
            let first = table.value(indicator.id, area: authority.id, year: year - TrendTest.points + 1)?.value.value
            guard let (rule, size, why) = firstRule(v, fiveYearsBefore: first) else { continue }
            var reasons = [why]
            if let note = recordingNote(v, previous: previous) { reasons.append(note) }
            let needsCare = v.verdict.needsCare
            let text = needsCare ? warning(v) : sentence(v, rule: rule)
            let message = KeyMessage(text: text, why: "\(indicator.title): " + reasons.joined(separator: "; ") + ".", kind: needsCare ? .needsCare : .finding)
            candidates.append(Candidate(rule: rule, size: size, message: message, stage: indicator.stage))
        }
        // Within a rule the larger gap from England first; the assessment factors after the pathway's own measures.
        let order = { (a: Candidate, b: Candidate) in
            (a.rule, a.stage == .factors ? 1 : 0, -a.size, a.message.text) < (b.rule, b.stage == .factors ? 1 : 0, -b.size, b.message.text)
        }
        // The strongest warning keeps the last place (a board should hear that a figure is
        // doubtful); it counts towards the assessment factors' places.
        let warning = candidates.filter { $0.message.kind == .needsCare }.sorted(by: order).first
        var factorPlaces = factorsAtMost - (warning?.stage == .factors ? 1 : 0)
        var chosen: [Candidate] = []
        for c in candidates.filter({ $0.message.kind == .finding }).sorted(by: order) where chosen.count < limit - (warning == nil ? 0 : 1) {
            if c.stage == .factors {
                guard factorPlaces > 0 else { continue }
                factorPlaces -= 1
            }
            chosen.append(c)
        }
        if let warning { chosen.append(warning) }
        guard !chosen.isEmpty else {
            return [KeyMessage(text: "No figure meets the rules for a key message in \(PeriodStyle.censusYear.label(year)) (see the appendix).", why: "", kind: .noneMet)]
        }
        return chosen.map(\.message)
    }

    /// The first rule the figure meets, how strongly (for ordering within a rule), and why.
    static func firstRule(_ v: IndicatorValue, fiveYearsBefore first: Double?) -> (Rule, Double, String)? {
        let verdict = v.verdict, polarity = v.indicator.polarity
        let gap = relativeGap(v.value.value!, v.england?.value)
        let worse: Significance? = polarity == .lowIsGood ? .higher : polarity == .highIsGood ? .lower : nil
        if let worse {
            if verdict.beyondAdjusted99_8, verdict.england.significance == worse {
                return (.beyondAdjustedLimits, gap, "beyond the adjusted 99.8% funnel limit on the worse side (\(worse.rawValue) than England)")
            }
            let worsening: TrendTest.Result = polarity == .lowIsGood ? .increasing : .decreasing
            if verdict.trend == worsening {
                return (.worseningTrend, gap, "a significant worsening five-year trend (\(worsening.label)), allowing for year-to-year variation")
            }
            if let rank = v.rank, Double(rank.rank) > Double(rank.of) * 0.9 {
                return (.worstTenth, Double(rank.rank) / Double(rank.of), "\(Narrative.ordinal(rank.rank)) of \(rank.of) authorities, in the worst tenth")
            }
            return nil
        }
        if verdict.beyondAdjusted99_8, let side = verdict.england.significance {
            return (.activity, gap, "beyond the adjusted 99.8% funnel limit (\(side.rawValue) than England)")
        }
        if let trend = verdict.trend, trend.isSignificant, let moved = fiveYearChange(v, first: first), abs(moved) >= materialTrend {
            return (.activity, gap, "a significant five-year trend (\(trend.label), \(Rounding.format(abs(moved) * 100, places: 0))% over the five years), allowing for year-to-year variation")
        }
        return nil
    }

    /// "The denominator (FTE case-holding social workers) rose 55% in a year (84.5 to 130.6):
    /// the change is a recording note, not a finding."
    static func recordingNote(_ v: IndicatorValue, previous: IndicatorValue?) -> String? {
        guard let now = v.denominator.value, let then = previous?.denominator.value, then > 0,
            abs(now - then) / then > recordingChange
        else { return nil }
        let what = v.indicator.denominatorCounts?.many ?? "children"
        let places = v.indicator.denominatorCounts?.places ?? 0
        return "its denominator (\(what)) \(now > then ? "rose" : "fell") \(Rounding.format(abs(now - then) / then * 100, places: 0))% in a year (\(Rounding.grouped(then, places: places)) to \(Rounding.grouped(now, places: places))), so its change on the year is a recording note, not a finding"
    }

    /// The relative change from the first to the last of the trend's five years.
    static func fiveYearChange(_ v: IndicatorValue, first: Double?) -> Double? {
        guard let now = v.value.value, let first, first != 0 else { return nil }
        return (now - first) / first
    }

    static func relativeGap(_ value: Double, _ comparator: Double?) -> Double {
        guard let c = comparator, c != 0 else { return 0 }
        return abs(value - c) / abs(c)
    }

    /// "Child protection plans starting: 53.0 per 10,000 (401 plans started), decreasing over
    /// five years; England 50.8."
    static func sentence(_ v: IndicatorValue, rule: Rule) -> String {
        let verdict = v.verdict
        var text = "\(v.indicator.title): \(level(v))"
        let england = v.england?.value.map { "England (\(show(v, $0)))" }
        // Rule 1 always, and an activity figure when it is beyond the 99.8% limits (not a trend).
        let beyond = rule == .beyondAdjustedLimits || (rule == .activity && verdict.beyondAdjusted99_8)
        switch beyond ? .beyondAdjustedLimits : rule {
        case .beyondAdjustedLimits:
            let side = verdict.england.significance == .higher ? "higher" : "lower"
            text += ", \(side) than \(england ?? "England") and among the \(side == "higher" ? "highest" : "lowest") of all authorities"
        case .worseningTrend, .activity:
            text += ", \(verdict.trend == .increasing ? "rising" : "falling") over five years"
            if let e = v.england?.value { text += "; " + withNeighbours(v, comparison(verdict.england, england: show(v, e)), after: text) }
        case .worstTenth:
            let rank = v.rank!
            text += ", \(Narrative.ordinal(rank.rank)) of \(rank.of) authorities (1st is the \(v.indicator.polarity == .lowIsGood ? "lowest" : "highest"))"
            if let e = v.england?.value { text += "; " + withNeighbours(v, comparison(verdict.england, england: show(v, e)), after: text) }
        }
        return text + "."
    }

    /// The England comparison, led by the neighbours' where they are tested and worse and
    /// England is not ("higher (worse) than neighbours (23.9%), similar to England (24.5%)"),
    /// when the message stays within ``maxWords``.
    static func withNeighbours(_ v: IndicatorValue, _ england: String, after text: String) -> String {
        let verdict = v.verdict
        guard verdict.neighbours.assessment == .worse, verdict.england.assessment != .worse, let mean = v.neighbours?.mean.value else { return england }
        let both = "\(verdict.neighbours.words) than neighbours (\(show(v, mean))), \(england)"
        return (text + "; " + both).split(separator: " ").count <= maxWords ? both : england
    }

    /// "Referrals with no further action: 5.6% in 2024-25 (212 of 3,803 referrals) needs care:
    /// changed over 50% in a year."
    static func warning(_ v: IndicatorValue) -> String {
        let reasons = v.quality.filter { $0 != .jointReturn }.map(brief)
        return "\(v.indicator.title): \(level(v)) needs care: \(reasons.joined(separator: "; "))."
    }

    static func brief(_ flag: DataQuality.Flag) -> String {
        switch flag {
        case .smallNumbers: "small numbers"
        case .zeroUnlikeNeighbours: "zero where most neighbours record some"
        case .changeOver50Percent: "changed over 50% in a year"
        case .firstYearAfterReorganisation: "first year after reorganisation"
        case .comparatorYearSuppressed: "last year suppressed"
        case .jointReturn: "a joint return"
        }
    }

    /// "30.7% in 2024-25 (123 of 401 plans)", "53.0 per 10,000 children in 2024-25 (401 plans started)".
    static func level(_ v: IndicatorValue) -> String {
        let when = v.indicator.periodStyle == .censusYear ? "in \(v.period)" : "at 30 September \(v.year)"
        let shown = show(v, v.value.value!)
        let unit = v.indicator.unit
        var text = unit.isPercentage ? shown : unit == .caseload ? "\(shown) cases per social worker" : "\(shown) per 10,000 children"
        text += " \(when)"
        if let n = v.numerator.value {
            if v.indicator.unit.isPercentage, let d = v.denominator.value, let whole = v.indicator.denominatorCounts {
                text += " (\(Rounding.grouped(n, places: v.indicator.counts.places)) of \(whole.count(d)))"
            } else {
                text += " (\(v.indicator.counts.count(n)))"
            }
        }
        return text
    }

    static func show(_ v: IndicatorValue, _ x: Double) -> String {
        v.indicator.unit.short(Rounding.format(x, places: v.indicator.decimals))
    }

    /// "higher than England (24.5%)", "similar to England (12.0%)"; "England 15.2" when not tested.
    static func comparison(_ j: Judgement, england: String) -> String {
        switch j.significance {
        case .higher?: "higher than England (\(england))"
        case .lower?: "lower than England (\(england))"
        case .similar?: "similar to England (\(england))"
        case nil: "England \(england)"
        }
    }
}
