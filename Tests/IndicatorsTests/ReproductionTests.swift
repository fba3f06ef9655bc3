import CensusIngest
import Statistics
import TestSupport
import Testing

@testable import Indicators

/// The figures DfE's LAIT publishes, reproduced from the real files.
@Suite(.serialized) struct Reproduction {
    nonisolated(unsafe) static var cached: IndicatorTable?

    static func table() throws -> IndicatorTable? {
        if let cached { return cached }
        guard let dfe = SharedData.dfe else { return nil }
        let t = IndicatorTable(dataset: try CensusDataset.load(folders: [dfe]))
        cached = t
        return t
    }

    func shown(_ table: IndicatorTable, _ id: String, _ area: String, _ year: Int) throws -> String {
        let v = try #require(table.value(id, area: area, year: year), "\(id) \(area) \(year)")
        return v.shown(v.value)
    }

    @Test(arguments: [
        ("referrals_rate", "350", 2025, "503.0"),
        ("referrals_rate", "E92000001", 2025, "519.4"),
        ("cin_rate", "350", 2025, "288.9"),
        ("cpp_rate", "350", 2025, "42.2"),
        ("s47_rate", "350", 2025, "189.9"),
        ("referrals_rate", "350", 2016, "658.4"),
        ("referrals_rate", "350", 2024, "509.9"),
        ("referrals_rate", "E92000001", 2024, "515.7"),
    ])
    func laitFigures(id: String, area: String, year: Int, expected: String) throws {
        guard let table = try Self.table() else { return }
        #expect(try shown(table, id, area, year) == expected)
    }

    @Test func boltonComparators() throws {
        guard let table = try Self.table() else { return }
        let v = try #require(table.value("referrals_rate", area: "350", year: 2025))
        #expect(v.shown(v.england) == "519.4")
        #expect(v.shown(v.neighbours?.mean) == "605.0")
        #expect(v.neighbours?.used == 10)
        #expect(v.numerator == .value(3803))
        #expect(v.denominator == .value(75_599))
    }

    @Test func everyIndicatorHasBoltonValues() throws {
        guard let table = try Self.table() else { return }
        for indicator in IndicatorCatalogue.all {
            let v = try #require(table.value(indicator.id, area: "350", year: 2025), "\(indicator.id)")
            #expect(v.value.value != nil, "\(indicator.id) is \(v.value)")
        }
    }

    @Test func recomputedPercentagesMatchPublishedOnes() throws {
        guard let table = try Self.table() else { return }
        let v = try #require(table.value("rereferrals_pct", area: "350", year: 2025))
        #expect(v.shown(v.value) == "20.5")
        #expect(v.published?.value == .value(20.5))
        #expect(!v.differsFromPublished)
        let caseload = try #require(table.value("caseload_fte", area: "E92000001", year: 2025))
        #expect(caseload.shown(caseload.value) == "15.2")
        #expect(!caseload.differsFromPublished)
    }

    @Test func suppressedCountsGiveSuppressedRates() throws {
        guard let table = try Self.table() else { return }
        let suppressed = table.rows.filter { $0.numerator.missing?.reason == .confidential }
        #expect(!suppressed.isEmpty)
        for row in suppressed { #expect(row.value.missing?.reason == .confidential) }
    }

    @Test func successorSeriesAreFlaggedNotJoined() throws {
        guard let table = try Self.table() else { return }
        let cumberland = table.series("referrals_rate", area: "942")
        #expect(cumberland.map(\.year) == [2024, 2025])
        #expect(cumberland.allSatisfy { $0.boundaryChange?.successors.contains("942") == true })
        let change = try #require(BoundaryChange.affecting("942"))
        #expect(change.crosses(2021...2025, for: "942"))
        #expect(!change.crosses(2024...2025, for: "942"))
    }
}

/// The 2023 release's published rates beside the recomputed ones.
@Suite struct PublishedValues {
    @Test func westminsterDiffersBecauseThePopulationWasRevised() throws {
        guard let dfe = SharedData.dfe, let old = SharedData.release2023 else { return }
        let table = IndicatorTable(dataset: try CensusDataset.load(folders: [dfe, old]))
        let v = try #require(table.value("referrals_rate", area: "213", year: 2021))
        #expect(v.shown(v.value) == "658.1")
        #expect(v.published?.value == .value(413.4))
        #expect(v.published?.release == 2023)
        #expect(v.differsFromPublished)
        // The count is the same in both releases: the population estimate changed.
        #expect(v.published?.numerator == v.numerator)
    }

    @Test func theNewestReleaseSuppliesTheCounts() throws {
        guard let dfe = SharedData.dfe, let old = SharedData.release2023 else { return }
        let both = IndicatorTable(dataset: try CensusDataset.load(folders: [old, dfe]))
        let newest = IndicatorTable(dataset: try CensusDataset.load(folders: [dfe]))
        for year in [2016, 2021, 2023] {
            #expect(both.value("referrals_rate", area: "350", year: year)?.value == newest.value("referrals_rate", area: "350", year: year)?.value)
        }
    }

    @Test func withinRoundingIsNotADifference() throws {
        guard let dfe = SharedData.dfe, let old = SharedData.release2023 else { return }
        let table = IndicatorTable(dataset: try CensusDataset.load(folders: [dfe, old]))
        let rows = table.rows.filter { $0.indicator.id == "rereferrals_pct" && $0.published != nil && $0.value.value != nil }
        #expect(rows.count > 1000)
        let differing = rows.filter(\.differsFromPublished)
        #expect(Double(differing.count) / Double(rows.count) < 0.01, "\(differing.count) of \(rows.count)")
    }
}

@Suite struct NeighbourModels {
    @Test func the2021ModelIsUsedWhenAsked() throws {
        guard let dfe = SharedData.dfe else { return }
        let dataset = try CensusDataset.load(folders: [dfe])
        let m2021 = IndicatorTable(dataset: dataset, model: .model2021)
        let m2025 = IndicatorTable(dataset: dataset, model: .model2025)
        #expect(m2021.neighbours?.model == .model2021)
        let codes2021 = try #require(dataset.neighbours(.model2021)).neighbours(of: "350")
        #expect(codes2021.count == 10)
        #expect(codes2021 != dataset.neighbours(.model2025)!.neighbours(of: "350"))
        let a = try #require(m2021.value("referrals_rate", area: "350", year: 2025)?.neighbours?.mean.value)
        let b = try #require(m2025.value("referrals_rate", area: "350", year: 2025)?.neighbours?.mean.value)
        #expect(a != b)
        // The 2021 mean is the mean of those ten authorities' published (1 dp) values.
        let values = codes2021.compactMap { m2021.value("referrals_rate", area: $0, year: 2025)?.value.value }
            .map { Rounding.halfAwayFromZero($0, places: 1) }
        #expect(abs(a - values.reduce(0, +) / Double(values.count)) < 1e-9)
    }
}
