import CensusIngest
import Indicators
import Statistics

/// What a chapter says about its subject beyond one authority (a partnership's notes), and
/// the assessment factors as one summary.
extension ChapterBuilder {
    /// What a partnership's figures are, and why its neighbours are its members.
    func partnershipNotes(_ partnership: Area, year: Int) -> [String] {
        let names = members.map { "\($0.name) (\($0.oldCode))" }
        var notes = ["\(partnership.name) is a partnership of \(Narrative.list(names)). Its counts, children and denominators are the sums of its members'; its rates, percentages, intervals, comparisons, trends and funnel positions are worked out from those sums. Where any member's count is suppressed or missing, the partnership's figure is missing for the same reason: a partial sum is never shown as the whole. Caseload and the workforce percentages are DfE's own figures for each member, weighted by their denominators (DfE's formula for the combined area)."]
        notes.append("Statistical neighbours do not apply to a partnership: each member's own figures are shown beside it instead.")
        let regions = Set(members.map(\.regionName))
        if regions.count > 1 {
            notes.append("The members are in different regions (\(Narrative.list(regions.sorted()))), so the partnership is compared with England; each member's region is shown in the tables.")
        }
        return notes
    }

    func factors(authority: Area, year: Int) -> FactorsSummary? {
        let definitions = IndicatorCatalogue.all.filter { $0.stage == .factors }
        let values = definitions.compactMap { table.value($0.id, area: authority.id, year: year) }
        guard !values.isEmpty else { return nil }
        let period = PeriodStyle.censusYear.label(year)
        var chart = ComparisonChartBuilder.spine(authority, year: year, table: table, indicators: definitions, what: "factors identified at assessment",
                                                 title: "Factors identified at assessment: \(authority.name) against all authorities, \(period)", highestFirst: true)
        chart.id = "factors"
        // Rows named for the factor alone ("Neglect"): the chart's title says what they share.
        for i in chart.rows.indices {
            let name = FactorsNarrative.factorName(title: chart.rows[i].title)
            chart.rows[i].title = name.prefix(1).uppercased() + name.dropFirst()
        }
        return FactorsSummary(sentence: FactorsNarrative.summary(values, authority: authority, period: period), chart: chart)
    }
}
