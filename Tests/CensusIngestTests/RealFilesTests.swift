import Foundation
import Statistics
import TestSupport
import Testing

@testable import CensusIngest

@Suite struct RealFiles {
    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func everyRealFileIsRecognised() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        for kind in SourceKind.allCases where kind.isStatisticsTable {
            #expect(dataset.tables(kind).count == 1, "\(kind)")
        }
        #expect(dataset.neighbours(.model2021) != nil)
        #expect(dataset.neighbours(.model2025) != nil)
        #expect(dataset.diagnostics.filter { $0.severity == .warning }.isEmpty, "\(dataset.diagnostics)")
        #expect(dataset.areas.localAuthorities.count >= 150)
    }

    /// Issue 28: DfE's files give a London borough's region as Inner or Outer London. The
    /// region is London (the sub-region is kept for a note), and England has nine regions.
    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func londonIsTheRegion() throws {
        let dataset = try CensusDataset.load(folders: [try #require(SharedData.dfe)])
        let camden = try #require(dataset.areas["202"])
        #expect(camden.regionCode == Area.londonID && camden.regionName == "London" && camden.subRegionName == "Inner London")
        let boroughs = dataset.areas.localAuthorities.filter { $0.regionCode == Area.londonID }
        #expect(boroughs.count == 33, "the 32 boroughs and the City of London")
        #expect(dataset.areas.localAuthorities.allSatisfy { Area.londonSubRegions[$0.regionCode] == nil })
        #expect(dataset.areas.regions.count == 9 && dataset.areas.regions.contains { $0.id == Area.londonID })
        #expect(dataset.areas["E13000001"]?.isLondonSubRegion == true, "Inner London's own figures are still read")
    }

    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func boltonReferralsAndPopulation() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        let c1 = try #require(dataset.figure(.referralsC1, measure: ["referral_count", "Referrals"], area: "350", year: 2025))
        #expect(c1.figure == .value(3803))
        #expect(dataset.childPopulation(area: "350", midYear: 2024) == .value(75_599))
        #expect(dataset.areas["350"]?.name == "Bolton")
        #expect(dataset.areas["350"]?.newCode == "E08000001")
        #expect(dataset.areas["350"]?.regionName == "North West")
    }

    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func symbolsAreTypedNotZero() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        // West Berkshire 2023-24 NFA count is published as c.
        let nfa = try #require(dataset.figure(.referralsC1, measure: ["no_further_action_count"], area: "869", year: 2024))
        #expect(nfa.figure.missing?.reason == .confidential)
        // Bournemouth's population before 2019 is x in the revised series.
        #expect(dataset.childPopulation(area: "837", midYear: 2016).missing?.reason == .notAvailable)
    }

    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func bothNeighbourFormats() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        let m2025 = try #require(dataset.neighbours(.model2025))
        #expect(m2025.neighbours(of: "350") == ["354", "831", "353", "357", "335", "355", "889", "331", "373", "874"])
        #expect(m2025.groups["301"]?.first?.closeness == "Close")
        let m2021 = try #require(dataset.neighbours(.model2021))
        #expect(m2021.neighbours(of: "202").prefix(3) == ["213", "205", "207"])
        #expect(m2021.groups["202"]?.first?.closeness == "Very Close")
    }

    @Test(.enabled(if: SharedData.hasDFE && SharedData.has2023Release, "needs ../shared/data/dfe and dfe-2023-release")) func twoReleasesNewestWins() throws {
        let dfe = try #require(SharedData.dfe)
        let old = try #require(SharedData.release2023)
        let dataset = try CensusDataset.load(folders: [dfe, old])
        let c1 = dataset.tables(.referralsC1)
        #expect(c1.map(\.release) == [2025, 2023])
        let chosen = try #require(dataset.figure(.referralsC1, measure: ["referral_count", "Referrals"], area: "350", year: 2016))
        #expect(chosen.table.release == 2025)
        #expect(dataset.diagnostics.contains { $0.message.contains("releases of CIN census c1") })
        // The older release's published rate is still reachable.
        #expect(c1[1].has("Referrals_rate"))
    }
}
