import CensusIngest
import Statistics
import TestSupport
import Testing

@testable import Indicators

/// A tiny dataset written by hand: three authorities, one region, England.
struct HandMade {
    static let population = """
        time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,age_group,population_estimate
        2024,Reporting year,National,E92000001,England,,,,,,Children aged 0 to 17 years,100000
        2024,Reporting year,Regional,E92000001,England,E12000002,North West,,,,Children aged 0 to 17 years,30000
        2024,Reporting year,Local authority,E92000001,England,E12000002,North West,901,E06000901,Alpha,Children aged 0 to 17 years,10000
        2024,Reporting year,Local authority,E92000001,England,E12000002,North West,902,E06000902,Beta,Children aged 0 to 17 years,10000
        2024,Reporting year,Local authority,E92000001,England,E12000002,North West,903,E06000903,Gamma,Children aged 0 to 17 years,x

        """
    static let d5 = """
        \(eesHeader),CPP_At31
        2025,Reporting year,National,E92000001,England,,,,,,Plans,400
        2025,Reporting year,Regional,E92000001,England,E12000002,North West,,,,Plans,130
        2025,Reporting year,Local authority,E92000001,England,E12000002,North West,901,E06000901,Alpha,Plans,50
        2025,Reporting year,Local authority,E92000001,England,E12000002,North West,902,E06000902,Beta,Plans,c
        2025,Reporting year,Local authority,E92000001,England,E12000002,North West,903,E06000903,Gamma,Plans,30

        """
    static let neighbours = """
        old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P
        901,Alpha,2,North West,902,Close ,903,Close
        902,Beta,2,North West,901,Close,903,Close

        """

    static func table() throws -> IndicatorTable {
        let folder = try temporaryFolder(["pop.csv": population, "d5.csv": d5, "sn.csv": neighbours])
        return IndicatorTable(dataset: try CensusDataset.load(folders: [folder]))
    }
}

@Suite struct HandMadeIndicators {
    @Test func rateAndComparators() throws {
        let table = try HandMade.table()
        let alpha = try #require(table.value(.cppRate, area: "901", year: 2025))
        #expect(alpha.value == .value(50))
        #expect(alpha.england == .value(40))
        #expect(alpha.region == .value(130.0 / 30000 * 10000))
        #expect(alpha.countsRounded == false)
        #expect(table.value(.cppRate, area: "E92000001", year: 2025)?.countsRounded == true)
    }

    @Test func overdispersionNeedsTwoAuthoritiesWithCounts() throws {
        // Only Alpha has a count and a population (Beta is c, Gamma's population x):
        // no between-authority variance can be estimated, so no adjusted limits.
        let table = try HandMade.table()
        #expect(table.value(.cppRate, area: "901", year: 2025)?.overdispersion == nil)
        let cells = table.csvCells(table.value(.cppRate, area: "901", year: 2025)!)
        let at = try #require(IndicatorTable.csvColumns.firstIndex(of: "od_phi"))
        #expect(cells[at..<at + 7].allSatisfy { $0.isEmpty })
    }

    @Test func adjustedLimitsForEveryAuthorityWithACount() throws {
        let table = IndicatorTable(dataset: try CensusDataset.load(folders: [SharedData.demo]))
        let rows = table.authorities(.referralsRate, year: 2025)
        #expect(rows.allSatisfy { $0.overdispersion != nil })
        let phis = Set(rows.compactMap { $0.overdispersion?.phi })
        #expect(phis.count == 1, "one φ per indicator and year")
        for row in rows {
            let od = try #require(row.overdispersion).limits
            #expect(od.lower99_8 <= od.lower95 && od.lower95 <= od.upper95 && od.upper95 <= od.upper99_8)
            let inside = od.lower95 <= row.value.value! && row.value.value! <= od.upper95
            #expect(inside == (od.position == .within))
        }
        let at = try #require(IndicatorTable.csvColumns.firstIndex(of: "od_phi"))
        #expect(Array(IndicatorTable.csvColumns[at..<at + 7]) == ["od_phi", "od_tau2", "od_lower95", "od_upper95", "od_lower998", "od_upper998", "od_position"])
    }

    @Test func neighbourMeanDropsMissingWithReasons() throws {
        let table = try HandMade.table()
        let alpha = try #require(table.value(.cppRate, area: "901", year: 2025))
        let sn = try #require(alpha.neighbours)
        #expect(sn.neighbours == 2)
        #expect(sn.used == 0)
        #expect(sn.missingReasons.sorted { $0.rawValue < $1.rawValue } == [.confidential, .notAvailable])
        let beta = try #require(table.value(.cppRate, area: "902", year: 2025))
        #expect(beta.value.missing?.reason == .confidential)
        #expect(beta.neighbours?.used == 1)
        #expect(beta.neighbours?.mean == .value(50))
    }

    @Test func missingPopulationCarriesItsReason() throws {
        let table = try HandMade.table()
        let gamma = try #require(table.value(.cppRate, area: "903", year: 2025))
        #expect(gamma.numerator == .value(30))
        #expect(gamma.denominator.missing?.symbol == "x")
        #expect(gamma.value.missing?.reason == .notAvailable)
    }

    @Test func csvHasTheContractColumnsAndStatus() throws {
        let table = try HandMade.table()
        let lines = table.csv().split(separator: "\n")
        #expect(lines[0].hasPrefix("indicator,time_period,geographic_level,new_la_code,old_la_code,area_name,numerator,denominator,value,status,sn_mean,sn_median,england_value,region_value"))
        let beta = try #require(lines.first { $0.contains(",902,") })
        #expect(beta.hasPrefix("cpp_rate,2025,Local authority,E06000902,902,Beta,c,10000,c,c,50,50,40,"))
    }

    @Test func formulaInjectionIsDefused() {
        #expect(CSVText.escape("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVText.escape("-12.5") == "-12.5")
        #expect(CSVText.escape("@cmd") == "'@cmd")
        #expect(CSVText.escape("+1+cmd") == "'+1+cmd")
        // Tab and carriage return at the start also make some spreadsheets read a formula.
        #expect(CSVText.escape("\t=1+1") == "'\t=1+1")
        #expect(CSVText.escape("\r=1+1") == "\"'\r=1+1\"")
        #expect(CSVText.escape("+44") == "+44")
        #expect(CSVText.escape("Bournemouth, Christchurch and Poole") == "\"Bournemouth, Christchurch and Poole\"")
    }

    @Test func periodLabels() {
        #expect(PeriodStyle.censusYear.label(2025) == "2024-25")
        #expect(PeriodStyle.censusYear.label(2010) == "2009-10")
        #expect(PeriodStyle.censusYear.label(2000) == "1999-00")
        #expect(PeriodStyle.septemberSnapshot.label(2025) == "Sep 2025")
    }
}

/// LAIT's rules end to end: twelve authorities, re-referral percentages with ties and two suppressed.
@Suite struct TwelveAuthorities {
    // (code, referrals, re-referrals): percentages 10.0, 12.0 ×3, 15.0, 18.0, 20.0 ×2, 25.0, 30.0, then c, c.
    static let authorities: [(String, String, String)] = [
        ("801", "1000", "100"), ("802", "500", "60"), ("803", "1000", "120"), ("804", "250", "30"),
        ("805", "200", "30"), ("806", "500", "90"), ("807", "100", "20"), ("808", "1000", "200"),
        ("809", "400", "100"), ("810", "300", "90"), ("811", "40", "c"), ("812", "c", "c"),
    ]

    static func table() throws -> IndicatorTable {
        var c1 = eesHeader + ",referral_count,rereferral_count\n"
        for (code, referrals, rereferrals) in authorities {
            c1 += "2025,Reporting year,Local authority,E92000001,England,E12000002,North West,\(code),E06000\(code),LA \(code),Referrals,\(referrals),\(rereferrals)\n"
        }
        return IndicatorTable(dataset: try CensusDataset.load(folders: [try temporaryFolder(["c1.csv": c1])]))
    }

    @Test func ranksBandsAndMissing() throws {
        let table = try Self.table()
        let rank = { (code: String) in table.value(.rereferralsPct, area: code, year: 2025)?.rank }
        #expect(["801", "802", "803", "804", "805", "806", "807", "808", "809", "810"].map { rank($0)?.rank }
            == [1, 2, 2, 2, 5, 6, 7, 7, 9, 10])
        #expect(rank("801")?.of == 10)
        #expect(rank("811") == nil && rank("812") == nil)
        #expect(table.value(.rereferralsPct, area: "811", year: 2025)?.value.missing?.reason == .confidential)
        // Q1 = 12, Q2 = 16.5, Q3 = 20 (R type 7 over the ten published values).
        #expect(["801", "802", "805", "806", "807", "809"].map { rank($0)?.band } == [.a, .a, .b, .c, .c, .d])
        // No polarity, no rank: the referral rate is not ranked.
        #expect(table.value(.referralsRate, area: "801", year: 2025)?.rank == nil)
    }
}
