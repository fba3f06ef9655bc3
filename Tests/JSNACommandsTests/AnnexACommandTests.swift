import Foundation
import TestSupport
import Testing

/// `jsna annex-a` and `jsna check` on a folder of Annex A lists, run as a user runs them.
@Suite struct AnnexACommandTests {
    let cin = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Does the Child have a Disability,CIN Start Date,Primary Need Code,Date Child Was Last Seen,CIN Closure Date,Reason for Closure,Case Status,Allocated Team,Allocated Worker\n"
    let plans = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Does the Child have a Disability,Child Protection Plan Start Date,Initial Category of Abuse,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N),Number of Previous Child Protection Plans,Allocated Team,Allocated Worker\n"

    func folder(cinRows: [String]) throws -> URL {
        let folder = try temporaryDirectory()
        try Data((cin + cinRows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("export 6.csv"))
        try Data((plans + "C1,a) Male,WBRI,01/01/2015,10,b) No,01/05/2024,a) Neglect,a) Neglect,,,,,,0,T,W\n").utf8).write(to: folder.appendingPathComponent("export 7.csv"))
        return folder
    }

    @Test func checkReportsEachListAndFailsOnValuesThatAreNotDates() throws {
        let good = try folder(cinRows: (1...20).map { "C\($0),a) Male,WBRI,01/01/2015,10,b) No,1\($0 % 10)/05/2024,N1,,,,,T,W" })
        let ok = try Run.jsna(["check", good.path])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("export 6.csv: List 6 (children in need): 20 rows read (dates read as dd/mm/yyyy, decided from its dates); 0 values left out for errors; 0 warnings"), "\(ok.stdout)")
        #expect(ok.stdout.contains("export 7.csv: List 7 (child protection plans): 1 rows read"), "\(ok.stdout)")

        let bad = try folder(cinRows: (1...200).map { "C\($0),a) Male,WBRI,01/01/2015,10,b) No,1\($0 % 10)/05/2024,N1,,,,,T,W" } + ["C0,a) Male,WBRI,01/01/2015,10,b) No,30/02/2024,N1,,,,,T,W"])
        let failed = try Run.jsna(["check", bad.appendingPathComponent("export 6.csv").path])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("export 6.csv:202:37: error: 1 row: CIN Start Date is not a date in the list's format"), "\(failed.stdout)")
        #expect(!failed.stdout.contains("export 7.csv"), "one list named, one list checked")
    }

    @Test func annexAReadsTheFolderAndSaysItIsNotForPublishing() throws {
        let good = try folder(cinRows: ["C1,a) Male,WBRI,01/01/2015,10,b) No,10/05/2024,N1,,,,,T,W", "C2,a) Female,WBRI,01/01/2016,9,b) No,11/05/2024,N2,,01/06/2024,,,T,W"])
        let run = try Run.jsna(["annex-a", good.path, "--year", "2025"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("NOT disclosure-controlled"))
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let cin = json?["cin"] as? [String: Any]
        #expect(cin?["open"] as? Int == 1 && cin?["started"] as? Int == 2 && cin?["closed"] as? Int == 1)
        #expect((json?["cpp"] as? [String: Any])?["started"] as? Int == 1)
        #expect(json?["contacts"] == nil, "an absent list has no section")
    }

    @Test func aConfigMapsAnyListsColumns() throws {
        let folder = try temporaryDirectory()
        let renamed = cin.replacingOccurrences(of: "CIN Start Date", with: "Opened").replacingOccurrences(of: "Child Unique ID", with: "PersonID")
        try Data((renamed + "C1,a) Male,WBRI,01/01/2015,10,b) No,10/05/2024,N1,,,,,T,W\n").utf8).write(to: folder.appendingPathComponent("cases.csv"))
        let config = folder.appendingPathComponent("jsna.yml")
        try Data("columns:\n  cin start date: Opened\n  Child Unique ID: PersonID\n".utf8).write(to: config)
        let unmapped = try Run.jsna(["annex-a", folder.path, "--year", "2025"])
        #expect(unmapped.stderr.contains("not an Annex A list jsna reads") && !unmapped.stdout.contains("\"cin\""))
        let mapped = try Run.jsna(["annex-a", folder.path, "--year", "2025", "--config", config.path])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(mapped.stdout.utf8)) as? [String: Any]
        #expect((json?["cin"] as? [String: Any])?["open_children"] as? Int == 1)
        try Data("columns:\n  Opening date: Opened\n".utf8).write(to: config)
        let wrong = try Run.jsna(["annex-a", folder.path, "--year", "2025", "--config", config.path])
        #expect(wrong.status != 0 && wrong.stderr.contains("columns: 'Opening date' is not a column of any Annex A list jsna reads"), "\(wrong.stderr)")
    }

    @Test func buildWithListsRefusesWhatItCannotDo() throws {
        let lists = SharedData.demo + "/annex-a"
        let out = try temporaryDirectory().appendingPathComponent("out").path
        let midMonth = try Run.jsna(["build", "--data", demoData, "--la", "971", "--annex-a", lists, "--as-at", "2025-09-15", "--out", out])
        #expect(midMonth.status != 0 && midMonth.stderr.contains("is not the last day of a month"), "\(midMonth.stderr)")
        let twice = try Run.jsna(["build", "--data", demoData, "--la", "971", "--annex-a", lists, "--extract", SharedData.demo + "/amberfold_referrals_list3.csv", "--out", out])
        #expect(twice.status != 0 && twice.stderr.contains("List 3 is given twice"), "\(twice.stderr)")
        let all = try Run.jsna(["build", "--data", demoData, "--all", "--annex-a", lists, "--out", out])
        #expect(all.status != 0 && all.stderr.contains("--annex-a is one council's lists"), "\(all.stderr)")
        let region = try Run.jsna(["build", "--data", demoData, "--la", "Northern Fells", "--annex-a", lists, "--out", out])
        #expect(region.status != 0 && region.stderr.contains("one council's records cannot be used"), "\(region.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
        let ok = try Run.jsna(["build", "--data", demoData, "--la", "971", "--annex-a", lists, "--as-at", "2025-07-31", "--out", out])
        #expect(ok.status == 0, "\(ok.stderr)")
        let csv = try String(contentsOfFile: out + "/pathway.csv", encoding: .utf8)
        #expect(csv.hasPrefix("table,row,column,value\n") && csv.contains("1 April 2025 to 31 July 2025"))
        #expect(!ok.stderr.contains("The pathway runs to"), "a given end needs no explaining")
    }

    /// Without --as-at the terminal says where the period ends, which list decides it and
    /// how to change it (issue 28, item 7).
    @Test func theDefaultEndIsExplainedInTheTerminal() throws {
        let out = try temporaryDirectory().appendingPathComponent("out").path
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--annex-a", SharedData.demo + "/annex-a", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: The pathway runs to ") && run.stderr.contains("Give --as-at (as_at: in jsna.yml)"), "\(run.stderr)")
    }
}
