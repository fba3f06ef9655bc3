import CensusIngest
import Document
import Foundation
import Indicators
import Statistics
import TestSupport
import Testing

import Chapter
import Charts
@testable import ReportModel

@Suite struct NarrativeTests {
    func value(_ v: Figure, numerator: Figure = .value(1), england: Figure? = nil, region: Figure? = nil, sn: [Figure]? = nil) -> IndicatorValue {
        let area = Area(id: "350", level: .localAuthority, name: "Bolton", newCode: "E08000001", oldCode: "350",
                        regionCode: "E12000002", regionName: "North West", latestYear: 2025, firstYear: 2013)
        var row = IndicatorValue(indicator: IndicatorCatalogue.definition(.referralsRate)!, year: 2025, area: area,
                                 numerator: numerator, denominator: .value(75_599), value: v)
        row.england = england
        row.region = region
        row.neighbours = sn.map { StatisticalNeighbourSummary(values: $0, places: 1) }
        return row
    }

    @Test func testedComparisonsSaySignificantlyOnlyWhenTheTestDoes() {
        var row = value(.value(503.0489), england: .value(519.436), region: .value(510.0), sn: [.value(605.0)])
        row.ci95 = PoissonInterval.rate(count: 3803, denominator: 75_599, multiplier: 10_000, level: .percent95)
        row.vsEngland = Significance.compare(row.ci95!, with: 519.436)
        row.vsRegion = Significance.compare(row.ci95!, with: 510.0)
        row.vsNeighbours = Significance.compare(row.ci95!, with: 605.0)
        #expect(Narrative.headline(row, authority: row.area)
            == "In 2024-25 Bolton's rate of referrals was 503.0 per 10,000 children aged under 18 (95% CI 487.2–519.3), significantly lower than England (519.4) and the average of its statistical neighbours (605.0), and similar to the North West region (510.0).")
    }

    @Test func untestedComparisonsSaySo() {
        let row = value(.value(503.0), england: .value(519.4), region: .value(480.0), sn: [.value(503.04)])
        #expect(Narrative.headline(row, authority: row.area)
            == "In 2024-25 Bolton's rate of referrals was 503.0 per 10,000 children aged under 18, higher than the North West region (480.0), lower than England (519.4) and the same as the average of its statistical neighbours (503.0) (not tested for significance: this indicator has no confidence interval).")
    }

    @Test func detailsNameEveryMethod() {
        var row = value(.value(20.46), england: .value(22.6))
        row.indicator = IndicatorCatalogue.definition(.rereferralsPct)!
        var previous = row
        previous.year = 2024
        previous.value = .value(24.3)
        row.change = 20.46 - 24.3
        row.trend = .decreasing
        row.rank = LAITRanking.Position(rank: 82, of: 153, band: .c)
        row.neighbourPosition = (6, 11)
        let text = Narrative.details(row, previous: previous, authority: row.area).joined(separator: " ")
        #expect(text == "This is 3.8 percentage points lower than in 2023-24 (24.3). Over the five years to 2024-25 it has fallen significantly (trend test at 99.8%). Bolton ranks 82nd of 153 authorities, where 1st is the lowest (quartile band C; A is the best quarter). It is the 6th highest of Bolton and the 10 statistical neighbours with a figure.")
        #expect(Narrative.ordinal(1) == "1st" && Narrative.ordinal(12) == "12th" && Narrative.ordinal(22) == "22nd" && Narrative.ordinal(113) == "113th")
    }

    @Test func suppressedCountIsExplained() {
        let c = Missing(symbol: "c")!
        let row = value(.missing(c), numerator: .missing(c), england: .value(519.4))
        #expect(Narrative.headline(row, authority: row.area)
            == "In 2024-25 Bolton's rate of referrals is not available: the count was suppressed to protect confidentiality (c).")
    }

    @Test func dataDerivedTextIsEscaped() throws {
        var chapter = try DemoChapter.model()
        chapter.authority.name = "<script>alert(1)</script>"
        chapter.sections[0].chart.series[0].name = "</svg><script>x</script>"
        chapter.sections[0].sentence = "\"onload=alert(1) <b>"
        let html = ChapterDocument.html(chapter)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!ChapterDocument.markdown(chapter).contains("<script"))
    }

    @Test func funnelSentenceUsesTheAdjustedLimitsAndNamesBoth() throws {
        var row = value(.value(503.0), numerator: .value(3_803), england: .value(519.4))
        row.funnel = .below95
        let units = [(3_803.0, 75_599.0), (2_768, 58_087), (4_943, 52_901), (3_355, 71_799), (4_910, 116_279)].map { OverdispersedFunnel.Unit(count: $0.0, denominator: $0.1) }
        let funnel = try #require(OverdispersedFunnel(units, scale: .rate(england: 0.05194, multiplier: 10_000)))
        row.overdispersion = .init(funnel: funnel, limits: try #require(funnel.limits(count: 3_803, denominator: 75_599)))
        let details = Narrative.details(row, previous: nil, authority: row.area).joined(separator: " ")
        #expect(details.contains("allowing both for the number of children in Bolton and for the variation seen between authorities, it is within the range expected (overdispersion-adjusted funnel plot); against limits for chance alone it lies below the 95% limit."))
        row.overdispersion = nil
        #expect(Narrative.details(row, previous: nil, authority: row.area).joined().contains("it lies below the 95% limit (funnel plot)."))
    }

    @Test func boundaryNote() {
        let area = Area(id: "942", level: .localAuthority, name: "Cumberland", newCode: "E06000063", oldCode: "942",
                        regionCode: "E12000002", regionName: "North West", latestYear: 2025, firstYear: 2024)
        let note = BoundaryNarrative.note(BoundaryChange.affecting("942")!, authority: area, areas: AreaDirectory())
        #expect(note == "Cumberland was formed in April 2023, replacing 909 (909); it has figures from 2023-24 only. Earlier figures are for different areas and are not joined to this series.")
    }
}

@Suite struct RealChapters {
    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func cumberlandsTablesFlagTheBoundaryChange() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        let table = IndicatorTable(dataset: dataset)
        let chapter = ChapterBuilder(table: table, dataset: dataset, isSynthetic: false).build(authority: dataset.areas["942"]!, year: 2025)
        let referrals = try #require(chapter.sections.first { $0.id == .referralsRate })
        #expect(Array(referrals.table.rows[0].cells.prefix(3)) == [.absent, .absent, .absent])
        #expect(referrals.table.key.contains { $0.hasPrefix("boundary change in April 2023") })
        #expect(referrals.notes.contains { $0.contains("Cumberland was formed in April 2023, replacing Cumbria (909)") })
        #expect(!chapter.isSynthetic)
    }

    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func boltonsKeyMessagesPutWorseFirstAndSectionsCountSuppressedAuthorities() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        let chapter = ChapterBuilder(table: IndicatorTable(dataset: dataset), dataset: dataset, isSynthetic: false).build(authority: dataset.areas["350"]!, year: 2025)
        #expect(chapter.keyMessages.first == "Second or subsequent child protection plans: 30.7% in 2024-25, significantly higher (worse) than England (24.5%) and its statistical neighbours (23.9%).")
        #expect(chapter.keyMessages.count <= 8)
        let notes = chapter.sections.flatMap(\.notes)
        #expect(notes.contains { $0.contains("authorities has no published figure") || $0.contains("authorities have no published figure") })
    }
}
