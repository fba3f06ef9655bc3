import CensusIngest
import Indicators
import Statistics

/// The factors identified at assessment, in a few sentences: the most often recorded, and
/// those beyond what variation between authorities explains when set against England.
enum FactorsNarrative {
    /// "In 2024-25, of the 19 factors, those recorded most often in Bolton's assessments were
    /// domestic abuse: parent or carer (42.1%), … Against England, allowing for the number
    /// of assessments and for the variation between authorities, neglect (19.6%) was higher
    /// than expected …; the others were within the range expected."
    static func summary(_ values: [IndicatorValue], authority: Area, period: String) -> String {
        let shown = values.filter { $0.value.value != nil }.sorted { $0.value.value! > $1.value.value! }
        guard !shown.isEmpty else { return "In \(period) no figures for the factors identified at \(authority.possessive) assessments were published in the data given." }
        let name = { (v: IndicatorValue) in factorName(v.indicator) }
        let value = { (v: IndicatorValue) in v.indicator.unit.short(Rounding.format(v.value.value!, places: v.indicator.decimals)) }
        var sentence = "In \(period), of the \(values.count) factors, those recorded most often at the end of \(authority.possessive) assessments were "
            + Narrative.list(shown.prefix(3).map { "\(name($0)) (\(value($0)))" }) + "."
        let unavailable = values.filter { $0.value.value == nil }
        for reason in MissingReason.allCases {
            let these = unavailable.filter { $0.value.missing?.reason == reason }
            guard !these.isEmpty else { continue }
            let names = Narrative.list(these.map(name))
            sentence += " The figure for \(names) was \(reason.explanation)."
        }
        var beyond: [String] = []
        for (position, words) in [(FunnelLimits.Position.above99_8, "among the highest in England"), (.above95, "higher than expected"),
                                  (.below95, "lower than expected"), (.below99_8, "among the lowest in England")] {
            let these = shown.filter { $0.overdispersion?.limits.position == position }
            if !these.isEmpty { beyond.append("\(Narrative.list(these.map { "\(name($0)) (\(value($0)))" })) \(these.count == 1 ? "was" : "were") \(words)") }
        }
        let tested = shown.filter { $0.overdispersion != nil }.count
        if beyond.isEmpty {
            sentence += tested > 0 ? " Against England, allowing for the number of assessments and for the variation between authorities, each is within the range expected." : ""
        } else {
            sentence += " Against England, allowing for the number of assessments and for the variation between authorities, " + Narrative.clauses(beyond) + "; the others are within the range expected."
        }
        return sentence
    }

    /// "domestic abuse: parent or carer", from "Assessments identifying domestic abuse: parent or carer".
    static func factorName(_ indicator: IndicatorDefinition) -> String { factorName(title: indicator.title) }

    static func factorName(title: String) -> String {
        let prefix = "Assessments identifying "
        return title.hasPrefix(prefix) ? String(title.dropFirst(prefix.count)) : title
    }
}
