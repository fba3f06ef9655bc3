import CSVReader
import Foundation
import Statistics
import TestSupport
import Testing

@testable import CensusIngest
import Diagnostics

@Suite struct HeaderVariants {
    @Test func release2023HeadersWithBOMAndCapitalCategory() throws {
        let text = "\u{FEFF}time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,Category,Referrals,Referrals_rate,Re_referrals\n"
            + "2023,Reporting year,Local authority,E92000001,England,E12000002,North West,350,E08000001,Bolton,Referrals and Re-referrals,3500,480.1,700\n"
        let folder = try temporaryFolder(["old.csv": text])
        let dataset = try CensusDataset.load(folders: [folder])
        let c1 = try #require(dataset.tables(.referralsC1).first)
        #expect(c1.column(among: ["referral_count", "Referrals"]) == "referrals")
        #expect(c1.figure("Referrals", area: "350", year: 2023) == .value(3500))
    }

    @Test func claFileWithNameBeforeCodeAndSeveralCategories() throws {
        let text = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000002,North West,350,Bolton,E08000001,Children looked after on 31 March each year,75599,700,93\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000002,North West,350,Bolton,E08000001,Children starting to be looked after each year,75599,200,26\n"
        let dataset = try CensusDataset.load(folders: [try temporaryFolder(["cla.csv": text])])
        let cla = try #require(dataset.tables(.childrenLookedAfter).first)
        #expect(cla.figure("children_count", area: "350", year: 2025, category: "Children looked after on 31 March each year") == .value(700))
        #expect(dataset.areas["350"]?.newCode == "E08000001")
    }

    @Test func quotedEmptyGeographyAndFinancialYearPeriods() throws {
        let text = eesHeader + ",CPP_At31\n202425,Financial year,National,E92000001,England,\"\",\"\",,\"\",\"\",Plans,49420\n"
        let dataset = try CensusDataset.load(folders: [try temporaryFolder(["d5.csv": text])])
        #expect(dataset.figure(.cppAt31D5, measure: ["CPP_At31"], area: "E92000001", year: 2025)?.figure == .value(49420))
    }

    @Test func unknownFileIsAWarningNotACrash() throws {
        let folder = try temporaryFolder([
            "a.csv": eesHeader + ",CPP_At31\n2025,Reporting year,National,E92000001,England,,,,,,Plans,49420\n",
            "notes.csv": "what,why\n1,2\n",
        ])
        let dataset = try CensusDataset.load(folders: [folder])
        #expect(dataset.diagnostics.contains { $0.severity == .warning && $0.path.hasSuffix("notes.csv") && $0.message.hasPrefix("not a file jsna recognises") })
    }
}

@Suite struct BadInput {
    func loadError(_ files: [String: String]) throws -> String {
        let folder = try temporaryFolder(files)
        do {
            _ = try CensusDataset.load(folders: [folder])
        } catch {
            return "\(error)"
        }
        Issue.record("expected an error")
        return ""
    }

    let row = "2025,Reporting year,Local authority,E92000001,England,E12000002,North West,350,E08000001,Bolton,Plans,"

    @Test func missingColumn() throws {
        let header = eesHeader.replacingOccurrences(of: "time_period,", with: "")
        let message = try loadError(["d5.csv": header + ",CPP_At31\nReporting year,Local authority,E92000001,England,E12000002,North West,350,E08000001,Bolton,Plans,10\n"])
        #expect(message.hasSuffix("d5.csv:1:1: missing column 'time_period' needed in a CIN census d5 (child protection plans at 31 March) file"))
    }

    @Test func duplicateAreaYear() throws {
        let message = try loadError(["d5.csv": eesHeader + ",CPP_At31\n" + row + "10\n" + row + "11\n"])
        #expect(message.hasSuffix("d5.csv:3:1: duplicate row for area 350, time_period 2025, Plans: already given at line 2"))
    }

    @Test func nonNumericCount() throws {
        let message = try loadError(["d5.csv": eesHeader + ",CPP_At31\n" + row + "abc\n"])
        #expect(message.contains("d5.csv:2:"))
        #expect(message.contains("\"abc\" in cpp_at31 is neither a number nor a missing-value symbol"))
        let column = row.count + 1
        #expect(message.contains("d5.csv:2:\(column):"))
    }

    @Test func negativeCount() throws {
        let message = try loadError(["d5.csv": eesHeader + ",CPP_At31\n" + row + "-4\n"])
        #expect(message.contains("d5.csv:2:\(row.count + 1): negative value -4 in cpp_at31"))
    }

    @Test func thousandsSeparatorIsNotANumber() throws {
        let message = try loadError(["d5.csv": eesHeader + ",CPP_At31\n" + row + "\"3,803\"\n"])
        #expect(message.contains("\"3,803\" in cpp_at31 is neither a number"))
    }

    @Test func populationZeroOrBlank() throws {
        let header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,age_group,population_estimate\n"
        let line = "2024,Reporting year,Local authority,E92000001,England,E12000002,North West,350,E08000001,Bolton,Children aged 0 to 17 years,"
        let zero = try loadError(["pop.csv": header + line + "0\n"])
        #expect(zero.contains("pop.csv:2:\(line.count + 1): population is zero"))
        let blank = try loadError(["pop.csv": header + line + "\n"])
        #expect(blank.contains("pop.csv:2:\(line.count + 1): population is blank"))
    }

    @Test func emptyFile() throws {
        let message = try loadError(["b1.csv": ""])
        #expect(message.hasSuffix("b1.csv:1:1: empty file: no header and no rows"))
    }

    @Test func headerOnly() throws {
        let message = try loadError(["d5.csv": eesHeader + ",CPP_At31\n"])
        #expect(message.hasSuffix("d5.csv:1:1: no data rows below the header"))
    }

    @Test func folderWithNoRecognisedFile() throws {
        let message = try loadError(["x.csv": "a,b\n1,2\n"])
        #expect(message.contains("no recognised DfE or ONS file (1 CSV file looked at)"))
    }

    @Test func missingFolder() {
        #expect(throws: Diagnostic(.error, at: .whole("/nonexistent/jsna-data"), "data folder not found")) { try CensusDataset.load(folders: ["/nonexistent/jsna-data"]) }
    }

    @Test func neighbourListedAsItsOwnNeighbour() throws {
        let text = "old_la_code,la_name,region_ind,region_name,SN_1,SN_1P\n350,Bolton,2,North West,350,Close\n"
        let message = try loadError(["sn.csv": text])
        #expect(message.contains("sn.csv:2:25: authority 350 is listed as its own neighbour"))
    }
}

/// Names from files lose control characters and direction overrides (issue 17, item 4).
@Suite struct NamesFromFiles {
    @Test func controlCharactersAndBidiOverridesAreRemoved() throws {
        let demo = URL(fileURLWithPath: SharedData.demo)
        let name = try FileManager.default.contentsOfDirectory(atPath: demo.path).first { $0.hasPrefix("c1_") }!
        let text = try String(contentsOf: demo.appendingPathComponent(name), encoding: .utf8)
            .replacingOccurrences(of: "Amberfold", with: "\"Amber\u{202E}fold\u{7}\u{7F}\"")
        let folder = try temporaryFolder([name: text])
        let dataset = try CensusDataset.load(folders: [folder])
        #expect(dataset.areas["971"]?.name == "Amberfold")
        #expect("a\u{0}b\u{2066}c\u{9}d".cleanedName == "abcd" && "Saint Hélène".cleanedName == "Saint Hélène")
    }
}
