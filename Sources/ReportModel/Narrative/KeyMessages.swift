import CensusIngest
import Indicators
import Statistics

/// The key messages: what a safeguarding board needs first, chosen by rules an analyst can
/// check, in this order —
///
/// 1. beyond the overdispersion-adjusted 99.8% funnel limits (unusual among authorities);
/// 2. a significant five-year trend;
/// 3. a change of at least 20% in the count or the rate on last year;
/// 4. a rank in the worst or best 10% of authorities, for an indicator with a polarity;
/// 5. the largest gap from the statistical neighbours' average.
///
/// One message per indicator, under the first rule it meets, giving the count and the
/// value, England and the neighbours, the change in count and value (and %), and why it was
/// chosen. Within a rule, a message that meets more rules comes first, then the larger.
/// At most eight: each rule's strongest first, then the rest in rule order, with no
/// more than two from one stage of the pathway while other stages have messages. A figure with a data-quality flag (``DataQuality``) is never a
/// finding: it becomes a warning that it needs care, after the findings.
enum KeyMessages {
    enum Rule: Int, CaseIterable, Comparable {
        case beyondAdjustedLimits = 1, trend, change20, rankTenth, neighbourGap

        static func < (a: Rule, b: Rule) -> Bool { a.rawValue < b.rawValue }

        /// The rule as the Methods note states it.
        var statement: String {
            switch self {
            case .beyondAdjustedLimits: "beyond the overdispersion-adjusted 99.8% funnel limits"
            case .trend: "a significant five-year trend"
            case .change20: "a change of at least 20% in the count or the value on the year before"
            case .rankTenth: "a rank in the worst or best 10% of authorities (indicators with a polarity)"
            case .neighbourGap: "the largest gap from the statistical neighbours' average"
            }
        }
    }

    static let limit = 8
    static let changeThreshold = 0.2
    /// Messages from one stage of the pathway (``IndicatorStage``), unless fewer stages
    /// have any: nineteen assessment factors must not crowd out the rest of the pathway.
    static let perStage = 2

    struct Candidate {
        var rule: Rule
        var size: Double
        var text: String
        var flagged: Bool
        var stage: IndicatorStage = .frontDoor
        /// How many rules it meets: within a rule, a message that meets more is stronger.
        var rules = 1
    }

    static func pick(table: IndicatorTable, authority: Area, year: Int) -> [String] {
        var candidates: [Candidate] = []
        let current = IndicatorCatalogue.all.compactMap { table.value($0.id, area: authority.id, year: year) }.filter { $0.value.value != nil }
        let largestGap = current.compactMap { v -> (IndicatorID, Double)? in
            guard let mean = v.neighbours?.mean.value, mean > 0 else { return nil }
            return (v.indicator.id, abs(v.value.value! - mean) / mean)
        }.max { $0.1 < $1.1 }
        for v in current {
            let indicator = v.indicator, value = v.value.value!
            let previous = table.value(indicator.id, area: authority.id, year: v.year - 1)
            var reasons: [(Rule, String, Double)] = []
            if let od = v.overdispersion, [.above99_8, .below99_8].contains(od.limits.position) {
                let side = od.limits.position == .above99_8 ? "above" : "below"
                reasons.append((.beyondAdjustedLimits, "\(side) the 99.8% funnel limit that allows for the variation between authorities", relativeGap(value, v.england?.value)))
            }
            switch v.trend {
            case .increasing?: reasons.append((.trend, "risen significantly over five years", relativeGap(value, v.england?.value)))
            case .decreasing?: reasons.append((.trend, "fallen significantly over five years", relativeGap(value, v.england?.value)))
            default: break
            }
            if let before = previous?.value.value {
                let rateChange = before > 0 ? abs(value - before) / before : 0
                let count = v.numerator.value, earlier = previous?.numerator.value
                let countChange = count.flatMap { n in earlier.map { $0 > 0 ? abs(n - $0) / $0 : 0 } } ?? 0
                if max(rateChange, countChange) >= changeThreshold {
                    let moved = { (what: String, up: Bool, x: Double) in "the \(what) \(up ? "rose" : "fell") \(Rounding.format(x * 100, places: 0))%" }
                    let countWords = moved("count", (count ?? 0) > (earlier ?? 0), countChange)
                    let valueWords = moved("value", value > before, rateChange)
                    let words = countChange >= changeThreshold && rateChange >= changeThreshold ? "\(countWords) and \(valueWords) in a year"
                        : countChange >= changeThreshold ? "\(countWords) in a year" : "\(valueWords) in a year"
                    reasons.append((.change20, words, max(rateChange, countChange)))
                }
            }
            if indicator.polarity != .none, let rank = v.rank {
                let of = Double(rank.of), r = Double(rank.rank)
                if r > of * 0.9 { reasons.append((.rankTenth, "\(Narrative.ordinal(rank.rank)) of \(rank.of) authorities, in the worst 10%", r / of)) }
                else if r <= of * 0.1 { reasons.append((.rankTenth, "\(Narrative.ordinal(rank.rank)) of \(rank.of) authorities, in the best 10%", 1 - r / of)) }
            }
            if let (id, gap) = largestGap, id == indicator.id, let mean = v.neighbours?.mean.value {
                reasons.append((.neighbourGap, "the largest gap from the statistical neighbours' average of any indicator (\(Rounding.format(gap * 100, places: 0))% \(value > mean ? "above" : "below"))", gap))
            }
            guard let first = reasons.min(by: { $0.0 < $1.0 }) else { continue }
            var candidate = message(v, previous: previous, rule: first.0, size: first.2, why: reasons.map(\.1))
            candidate.stage = indicator.stage
            candidate.rules = Set(reasons.map(\.0)).count
            candidates.append(candidate)
        }
        let order = { (a: Candidate, b: Candidate) in (a.rule, -a.rules, -a.size, a.text) < (b.rule, -b.rules, -b.size, b.text) }
        let findings = candidates.filter { !$0.flagged }.sorted(by: order)
        let warnings = candidates.filter(\.flagged).sorted(by: order)
        // Every rule that has a finding gets its strongest one first, so one rule (a run of
        // trends, say) cannot crowd out a rank in the worst 10%; then the rest in rule order.
        var ranked = Rule.allCases.compactMap { rule in findings.first { $0.rule == rule } }
        ranked += findings.filter { f in !ranked.contains { $0.text == f.text } }
        // At most two from any one stage while others wait; the rest fill places left.
        var chosen: [Candidate] = []
        for c in ranked where chosen.filter({ $0.stage == c.stage }).count < perStage { chosen.append(c) }
        chosen += ranked.filter { r in !chosen.contains { $0.text == r.text } }
        // The strongest warning keeps a place: a board should hear that a figure is doubtful.
        chosen = Array(chosen.prefix(warnings.isEmpty ? limit : limit - 1)).sorted(by: order)
        chosen += warnings.prefix(max(0, limit - chosen.count))
        let texts = chosen.map(\.text)
        return texts.isEmpty ? ["No indicator meets the rules for a key message in \(PeriodStyle.censusYear.label(year)) (see Methods: Key messages)."] : texts
    }

    static func relativeGap(_ value: Double, _ comparator: Double?) -> Double {
        guard let c = comparator, c != 0 else { return 0 }
        return abs(value - c) / abs(c)
    }

    /// "Average caseload of children's social workers: 20.8 cases per FTE social worker at
    /// 30 September 2025 (2,711 cases, …); England 15.2, neighbours 15.9. 0.6 more … Chosen
    /// because: 150th of 151 authorities, in the worst 10%."
    static func message(_ v: IndicatorValue, previous: IndicatorValue?, rule: Rule, size: Double, why: [String]) -> Candidate {
        let indicator = v.indicator
        let show = { (x: Double) in indicator.unit.short(Rounding.format(x, places: indicator.decimals)) }
        let when = indicator.periodStyle == .censusYear ? "in \(v.period)" : "at 30 September \(v.year)"
        var text = "\(indicator.title): \(indicator.withUnit(Rounding.format(v.value.value!, places: indicator.decimals))) \(when)"
        if let counted = Narrative.counted(v) { text += " (\(counted))" }
        var against: [String] = []
        if let e = v.england?.value { against.append("England \(show(e))") }
        if let m = v.neighbours?.mean.value { against.append("statistical neighbours' average \(show(m))") }
        if !against.isEmpty { text += "; \(against.joined(separator: ", "))" }
        text += "."
        if let change = Narrative.changeSentence(v, previous: previous) { text += " " + change }
        let flags = v.quality.filter { $0 != .jointReturn }
        if !flags.isEmpty {
            text += " Not a finding: it needs care because \(flags.map(\.explanation).joined(separator: "; ")) (it would otherwise be a key message: \(why.joined(separator: "; ")))."
            return Candidate(rule: rule, size: size, text: text, flagged: true)
        }
        text += " Chosen because: \(why.joined(separator: "; "))."
        return Candidate(rule: rule, size: size, text: text, flagged: false)
    }
}
