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

    @Test func headlineGivesTheCountAndATestedVerdictForEveryDirection() {
        var row = value(.value(503.0489), numerator: .value(3_803), england: .value(519.436), region: .value(510.0), sn: [.value(605.0)])
        row.ci95 = PoissonInterval.rate(count: 3803, denominator: 75_599, multiplier: 10_000, level: .percent95)
        row.vsEnglandChanceAlone = Significance.compare(row.ci95!, with: 519.436)
        row.vsRegion = Significance.compare(row.ci95!, with: 510.0)
        row.vsNeighbours = Significance.compare(row.ci95!, with: 605.0)
        let headline = Narrative.headline(row, authority: row.area)
        // 510.0 lies inside Bolton's interval: "similar", never "lower", although 503.0 < 510.0.
        #expect(headline == "In 2024-25 Bolton's rate of referrals was 503.0 per 10,000 children aged under 18 (3,803 referrals; 95% CI 487.2–519.3). It is lower than England (519.4) and the average of its statistical neighbours (605.0), and similar to the North West region (510.0).")
        #expect(!headline.contains("significantly"))
        // No adjusted limits here: England was decided by the interval, and the verdict says so.
        #expect(row.verdict.englandBasis == .interval)
        #expect(Narrative.details(row, previous: nil, authority: row.area).isEmpty, "tests for chance alone are not in the chapter's sections")
    }

    @Test func untestedComparisonsSaySo() {
        var row = value(.value(20.8), numerator: .value(2_711), england: .value(15.2), region: .value(15.8), sn: [.value(20.8)])
        row.indicator = IndicatorCatalogue.definition(.caseloadFte)!
        row.denominator = .value(130.6)
        #expect(Narrative.headline(row, authority: row.area)
            == "At 30 September 2025 Bolton's average caseload per social worker was 20.8 cases per FTE social worker (2,711 cases, 130.6 FTE case-holding social workers). For comparison (not tested: there is no interval for this figure): England 15.2, the North West region 15.8, the average of its statistical neighbours 20.8.")
    }

    @Test func detailsNameEveryMethod() {
        var row = value(.value(20.46), numerator: .value(778), england: .value(22.6))
        row.indicator = IndicatorCatalogue.definition(.rereferralsPct)!
        var previous = row
        previous.year = 2024
        previous.value = .value(24.3)
        previous.numerator = .value(921)
        row.change = 20.46 - 24.3
        row.trend = .decreasing
        row.rank = LAITRanking.Position(rank: 82, of: 153, band: .c)
        row.neighbourPosition = (6, 11)
        let text = Narrative.details(row, previous: previous, authority: row.area).joined(separator: " ")
        #expect(text == "This is 3.8 percentage points lower than in 2023-24 (24.3%), 15.8% lower; 778 re-referrals, 143 fewer than in 2023-24 (921, 15.5% fewer). Five-year trend to 2024-25: decreasing, allowing for how much the figure moves from year to year. Bolton ranks 82nd of 153 authorities, where 1st is the lowest (quartile band C; A is the best quarter). It is the 6th highest of Bolton and the 10 statistical neighbours with a figure.")
        #expect(Narrative.ordinal(1) == "1st" && Narrative.ordinal(12) == "12th" && Narrative.ordinal(22) == "22nd" && Narrative.ordinal(113) == "113th")
    }

    @Test func changesCarryTheirUnitAndTheCount() {
        var row = value(.value(503.0489), numerator: .value(3_803))
        var previous = row
        previous.year = 2024
        previous.value = .value(509.9237)
        previous.numerator = .value(3_787)
        #expect(Narrative.changeSentence(row, previous: previous)
            == "This is 6.9 fewer per 10,000 than in 2023-24 (509.9), 1.3% lower; 3,803 referrals, 16 more than in 2023-24 (3,787, 0.4% more) — the count and the rate moved in opposite directions because the number of children changed.")
        // A suppressed earlier year: no change, and why.
        previous.value = .missing(Missing(symbol: "c")!)
        previous.numerator = .missing(Missing(symbol: "c")!)
        #expect(Narrative.changeSentence(row, previous: previous)
            == "No change on 2023-24 can be given: 2023-24's figure is not available (the count was suppressed to protect confidentiality (c)).")
        row.indicator = IndicatorCatalogue.definition(.caseloadFte)!
        #expect(IndicatorUnit.caseload.change("0.6", up: true) == "0.6 more cases per social worker")
    }

    /// Issue 28: "0.2% … the same as in 2023-24 (0.1%)" and "(97,670, 0.0% more)". The
    /// change is between the values as shown, and a tiny relative change is "under 0.1%".
    @Test func changesAreBetweenTheValuesAsShown() {
        var row = value(.value(0.1500001), numerator: .value(97_671))
        var previous = row
        previous.year = 2024
        previous.value = .value(0.1499)
        previous.numerator = .value(97_670)
        let sentence = Narrative.changeSentence(row, previous: previous) ?? ""
        #expect(sentence.hasPrefix("This is 0.1 more per 10,000 than in 2023-24 (0.1)"), "\(sentence)")
        #expect(sentence.contains("97,671 referrals, 1 more than in 2023-24 (97,670, under 0.1% more)"), "\(sentence)")
        row.value = .value(0.1400001)
        #expect(Narrative.changeSentence(row, previous: previous)?.hasPrefix("This is the same as in 2023-24 (0.1)") == true)
    }

    /// Regions named for a compass point take "the": "the North West's rate".
    @Test func regionsReadAsNamesInASentence() {
        let region = { (name: String) in Area(id: "E12", level: .regional, name: name, newCode: "E12", oldCode: "", regionCode: "", regionName: "", latestYear: 2025, firstYear: 2013) }
        #expect(region("North West").possessive == "the North West's")
        #expect(region("East of England").inSentence == "the East of England")
        #expect(region("West Midlands").possessive == "the West Midlands'")
        #expect(region("London").possessive == "London's")
        #expect(region("Yorkshire and The Humber").inSentence == "Yorkshire and The Humber")
        var bolton = value(.value(503)).area
        bolton.name = "Bolton"
        #expect(bolton.possessive == "Bolton's")
        let sentence = Narrative.headline(value(.value(503.0), numerator: .value(3_803)), authority: region("North West"))
        #expect(sentence.contains("the North West's rate of referrals"), "\(sentence)")
    }

    @Test func aFlaggedFigureSaysWhyItNeedsCare() {
        var row = value(.value(0), numerator: .value(0), england: .value(3.2))
        row.indicator = IndicatorCatalogue.definition(.factorChildCriminalExploitationPct)!
        row.denominator = .value(2_732)
        row.quality = [.zeroUnlikeNeighbours]
        #expect(Narrative.headline(row, authority: row.area).hasSuffix("This figure needs care: it is zero while most statistical neighbours record some, which more often reflects recording than practice."))
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

    @Test func englandIsDecidedByTheAdjustedLimitsWhereThereAreAny() throws {
        var row = value(.value(503.0), numerator: .value(3_803), england: .value(519.4))
        row.funnel = .below95
        let units = [(3_803.0, 75_599.0), (2_768, 58_087), (4_943, 52_901), (3_355, 71_799), (4_910, 116_279)].map { OverdispersedFunnel.Unit(count: $0.0, denominator: $0.1) }
        let funnel = try #require(OverdispersedFunnel(units, scale: .rate(england: 0.05194, multiplier: 10_000)))
        row.overdispersion = .init(funnel: funnel, limits: try #require(funnel.limits(count: 3_803, denominator: 75_599)))
        row.ci95 = PoissonInterval.rate(count: 3803, denominator: 75_599, multiplier: 10_000, level: .percent95)
        row.vsEnglandChanceAlone = Significance.compare(row.ci95!, with: 519.4)
        // Chance alone says lower; the adjusted limits say similar, and only that is written.
        #expect(row.vsEnglandChanceAlone == .lower && row.overdispersion?.limits.position == .within)
        #expect(row.verdict.england == .tested(.similar, nil) && row.verdict.englandBasis == .adjustedLimits)
        #expect(Narrative.headline(row, authority: row.area).contains("It is similar to England (519.4)."))
        let beyond = Verdict(adjusted: .above99_8, englandInterval: .higher, region: nil, neighbours: nil, polarity: .lowIsGood)
        #expect(beyond.england.words == "higher (worse)" && beyond.beyondAdjusted99_8)
        row.overdispersion = nil
        #expect(Narrative.headline(row, authority: row.area).contains("It is lower than England (519.4)."))
    }

    @Test func boundaryNote() {
        let area = Area(id: "942", level: .localAuthority, name: "Cumberland", newCode: "E06000063", oldCode: "942",
                        regionCode: "E12000002", regionName: "North West", latestYear: 2025, firstYear: 2024)
        let note = BoundaryNarrative.note(BoundaryChange.affecting("942")!, authority: area, areas: AreaDirectory())
        #expect(note == "Cumberland was formed in April 2023, replacing 909 (909); it has figures from 2023-24 only. Earlier figures are for different areas and are not joined to this series.")
    }
}

@Suite struct RealChapters {
    /// A chapter for an earlier year names that year's population and counts only the
    /// authorities that existed then.
    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func anEarlierYearDescribesItself() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        let chapter = ChapterBuilder(table: IndicatorTable(dataset: dataset), dataset: dataset, isSynthetic: false).build(authority: dataset.areas["350"]!, year: 2022)
        #expect(chapter.dataNotes.contains { $0.contains("(for 2021-22, mid-2021)") })
        let cla = try #require(chapter.sections.first { $0.id == .claRate })
        // Isles of Scilly (z) only: Northamptonshire, Cumberland and Westmorland and Furness did not exist.
        #expect(cla.notes.contains { $0.hasPrefix("In 2021-22, 1 of 152 authorities has no published figure for this indicator (z: 1)") }, "\(cla.notes)")
    }

    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func keyMessagesFollowTheBoardRules() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        let table = IndicatorTable(dataset: dataset)
        let build = { (code: String) in ChapterBuilder(table: table, dataset: dataset, isSynthetic: false).build(authority: dataset.areas[code]!, year: 2025) }
        // Tower Hamlets' 0 of 2,732 child criminal exploitation is a warning in the last place, never a finding.
        let towerHamlets = build("211").keyMessages
        let cce = try #require(towerHamlets.first { $0.text.hasPrefix("Assessments identifying child criminal exploitation") })
        #expect(cce.kind == .needsCare && cce.text.contains("(0 of 2,732 assessments with factors recorded) needs care: zero where most neighbours record some"))
        #expect(towerHamlets.last == cce)
        #expect(towerHamlets.filter { $0.kind == .needsCare }.count == 1)
        // The flag sits beside the figure in the trend table too.
        let chapter = build("211")
        let section = try #require(chapter.sections.first { $0.id == .factorChildCriminalExploitationPct })
        let flags = try #require(section.table.row(.quality))
        #expect(flags.cells.last == .note("zero, unlike neighbours; change over 50%"))
        #expect(section.sentence.contains("This figure needs care: it is zero while most statistical neighbours record some"))
        // Every authority: at most eight, each one sentence of at most 30 words, never a
        // direction the section's verdict does not give, worse-side outcome rules first.
        for code in ["350", "211", "942", "E12000002", "E92000001", "838"] {
            let messages = build(code).keyMessages
            #expect(messages.count <= KeyMessages.limit, "\(code)")
            for m in messages {
                let words = m.text.split(separator: " ").count
                #expect(words <= KeyMessages.maxWords, "\(code): \(words) words: \(m.text)")
                #expect(!m.text.contains("Chosen because") && !m.text.contains("significantly"), "\(m.text)")
                #expect(m.text.hasSuffix(".") && !m.text.dropLast().contains(". "), "one sentence: \(m.text)")
            }
            #expect(messages.filter { $0.text.hasPrefix("Assessments identifying") }.count <= KeyMessages.factorsAtMost)
        }
    }

    /// Issue 28: Bolton led with adult-on-child sexual abuse and child sexual exploitation,
    /// dropped repeat plans (30.7%, 133rd of 151) and turnover (21.1%, 137th of 150), and chose
    /// caseload because "the count rose 59%" when the FTE rose 55%.
    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func boltonsKeyMessagesLeadWithOutcomes() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        let table = IndicatorTable(dataset: dataset)
        let chapter = ChapterBuilder(table: table, dataset: dataset, isSynthetic: false).build(authority: dataset.areas["350"]!, year: 2025)
        let texts = chapter.keyMessages.map(\.text)
        #expect(texts.count <= 8)
        // Data notes fit a page: the authorities DfE left out of a percentage (u) are counted
        // here and named in the workbook's Notes sheet.
        #expect(chapter.dataNotes.joined(separator: " ").split(separator: " ").count <= 450)
        #expect(chapter.dataNoteDetails.count >= 7 && chapter.dataNoteDetails.allSatisfy { $0.contains("(u, low reliability)") })
        #expect(chapter.dataNotes.contains { $0.contains("(\(chapter.dataNoteDetails.count) figures in the years shown; the workbook's Notes sheet names the authorities)") })
        #expect(!chapter.dataNotes.joined().contains("Herefordshire"), "no other council is listed in the chapter's notes")
        #expect(texts.contains { $0 == "Second or subsequent child protection plans: 30.7% in 2024-25 (123 of 401 plans started), rising over five years; higher (worse) than neighbours (23.9%), similar to England (24.5%)." },
                "the neighbours' tested, worse verdict leads where England's is similar")
        #expect(texts.contains { $0.hasPrefix("Social worker turnover: 21.1% at 30 September 2025") && $0.contains("137th of 150 authorities") })
        #expect(!texts.contains { $0.hasPrefix("Assessments identifying sexual abuse: adult on child") || $0.hasPrefix("Assessments identifying child sexual exploitation") })
        // Outcome measures come before activity and need.
        let outcome = texts.lastIndex { m in IndicatorCatalogue.all.contains { m.hasPrefix($0.title + ":") && $0.polarity != .none } } ?? -1
        let activity = texts.firstIndex { m in IndicatorCatalogue.all.contains { m.hasPrefix($0.title + ":") && $0.polarity == .none } } ?? Int.max
        #expect(outcome < activity)
        // Caseload is there for its rank; its 55% rise in FTE is a recording note in the appendix, not a finding.
        let caseload = try #require(chapter.keyMessages.first { $0.text.hasPrefix("Average caseload of children's social workers:") })
        #expect(caseload.text.contains("150th of 151 authorities") && !caseload.text.contains("rose"))
        #expect(caseload.why.contains("rose 55% in a year (84.5 to 130.6), so its change on the year is a recording note, not a finding"))
        // Every message's verdict is the section's.
        for m in chapter.keyMessages {
            guard let section = chapter.sections.first(where: { m.text.hasPrefix($0.title + ":") }), let v = section.current else { continue }
            for (word, side) in [("higher than England", Significance.higher), ("lower than England", .lower), ("similar to England", .similar)] where m.text.contains(word) {
                #expect(v.verdict.england.significance == side, "\(m.text)")
            }
        }
    }

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

    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func sectionsCountSuppressedAuthorities() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        let chapter = ChapterBuilder(table: IndicatorTable(dataset: dataset), dataset: dataset, isSynthetic: false).build(authority: dataset.areas["350"]!, year: 2025)
        let notes = chapter.sections.flatMap(\.notes)
        #expect(notes.contains { $0.contains("authorities has no published figure") || $0.contains("authorities have no published figure") })
    }
}
