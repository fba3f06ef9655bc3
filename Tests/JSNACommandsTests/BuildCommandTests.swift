import Chapter
import ReportModel
import Foundation
import TestSupport
import Testing

@Suite struct BuildCommand {
    @Test func demoChapterFromFlags() throws {
        let out = try temporaryDirectory().appendingPathComponent("demo")
        let run = try Run.jsna(["build", "--data", demoData, "--la", "amberfold", "--year", "2024-25", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["chapter.md", "chapter.html", "indicators.csv", "charts/referrals_rate.svg"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        let html = try String(contentsOf: out.appendingPathComponent("chapter.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(html.contains("Synthetic demonstration data"))
        let csv = try String(contentsOf: out.appendingPathComponent("indicators.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",synthetic demonstration data") })
        #expect(run.stderr.contains("wrote"))
    }

    @Test func configFileGivesTheSameChapter() throws {
        let dir = try temporaryDirectory()
        let config = dir.appendingPathComponent("jsna.yml")
        try Data("la: \"971\"\nyear: \"2025\"\ndata: [\(demoData)]\nout: from-config\n".utf8).write(to: config)
        let fromConfig = try Run.jsna(["build", "--config", config.path])
        #expect(fromConfig.status == 0, "\(fromConfig.stderr)")
        let flags = try Run.jsna(["build", "--data", demoData, "--la", "E06900001", "--year", "2025", "--out", dir.appendingPathComponent("from-flags").path])
        #expect(flags.status == 0)
        // The same chapter; only the provenance line naming the command differs.
        let withoutCommand = { (url: URL) in
            try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.contains("Built by jsna") }
        }
        let a = try withoutCommand(dir.appendingPathComponent("from-config/chapter.html"))
        let b = try withoutCommand(dir.appendingPathComponent("from-flags/chapter.html"))
        #expect(a == b)
        #expect(try String(contentsOf: dir.appendingPathComponent("from-config/chapter.html"), encoding: .utf8).contains("Built by jsna \(JSNAVersion.current) with: jsna build --config \(config.path)"))
    }

    @Test func twoProcessesWriteTheSameBytes() throws {
        let out = try temporaryDirectory().appendingPathComponent("chapter")
        let files = ["chapter.md", "chapter.html", "indicators.csv", "charts/cpp_rate.svg"]
        var first: [Data] = []
        for _ in 0..<2 {
            let run = try Run.jsna(["build", "--data", demoData, "--la", "972", "--out", out.path])
            #expect(run.status == 0)
            let bytes = try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
            if first.isEmpty { first = bytes } else { #expect(bytes == first) }
        }
    }

    @Test func unknownAuthorityListsTheClosest() throws {
        let run = try Run.jsna(["build", "--data", demoData, "--la", "Amberfeld", "--out", try temporaryDirectory().path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no local authority matches \"Amberfeld\"; closest: Amberfold (971, E06900001)"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func badInputIsOneLineAndWritesNothing() throws {
        let data = try temporaryDirectory()
        let text = try String(contentsOfFile: demoData + "/d5_cpps_at31march_by_duration_2016_to_2025.csv", encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[7] = lines[7] + ",extra"
        for name in try FileManager.default.contentsOfDirectory(atPath: demoData) where name.hasSuffix(".csv") {
            try FileManager.default.copyItem(atPath: demoData + "/" + name, toPath: data.path + "/" + name)
        }
        let broken = data.path + "/d5_cpps_at31march_by_duration_2016_to_2025.csv"
        try FileManager.default.removeItem(atPath: broken)
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: broken))
        let out = try temporaryDirectory().appendingPathComponent("never")
        let run = try Run.jsna(["build", "--data", data.path, "--la", "971", "--out", out.path])
        #expect(run.status != 0)
        let column = lines[7].count - "extra".count + 1
        let fields = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
        #expect(run.stderr.contains("read data: \(broken):8:\(column): ragged row: \(fields + 1) fields where the header has \(fields)"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aFailedBuildLeavesThePreviousChapterIntact() throws {
        let out = try temporaryDirectory()
        let good = try Run.jsna(["build", "--data", demoData, "--la", "971", "--out", out.path])
        #expect(good.status == 0)
        // A folder where the lock file goes makes the write fail (a kill part-way through is
        // the kill test's: AllOrNothingOutputs).
        let lock = out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).lock")
        try? FileManager.default.removeItem(at: lock)
        try FileManager.default.createDirectory(at: lock.appendingPathComponent("blocker"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: lock) }
        let before = try fileContents(under: out)
        #expect(before.keys.contains("chapter.md") && before.keys.contains("chapter.html"))
        let bad = try Run.jsna(["build", "--data", demoData, "--la", "972", "--out", out.path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("write outputs:"))
        let after = try fileContents(under: out)
        #expect(after.keys.sorted() == before.keys.sorted(), "files were added or removed")
        for (name, bytes) in before {
            #expect(after[name] == bytes, "\(name) changed although the build failed")
        }
        // The chapter still describes the first authority, not the one whose build failed.
        let md = try String(contentsOf: out.appendingPathComponent("chapter.md"), encoding: .utf8)
        #expect(md.contains("Amberfold") && !md.contains("Brindlecombe's rate"))
    }

    /// Every regular file under `folder`, keyed by its relative path.
    private func fileContents(under folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let full = folder.path + "/" + path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
        }
        return files
    }

    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func boltonFromTheRealFiles() throws {
        let dfe = try #require(sharedDFE)
        let out = try temporaryDirectory()
        let run = try Run.jsna(["build", "--data", dfe, "--la", "350", "--year", "2025", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOf: out.appendingPathComponent("chapter.md"), encoding: .utf8)
        #expect(md.contains("In 2024-25 Bolton's rate of referrals was 503.0 per 10,000 children aged under 18 (3,803 referrals; 95% CI 487.2–519.3). It is lower than the North West region (529.1) and the average of its statistical neighbours (605.0), and similar to England (519.4)."))
        // One verdict per figure: the test for chance alone (lower than England) is not in the chapter.
        #expect(!md.contains("significantly lower than England (519.4)"))
        #expect(md.contains("| Referrals to children's social care | 503.0 | 519.4 | similar | 605.0 | lower | no significant change |"))
        #expect(md.contains("| Bolton: referrals (number) | 5,187 | 5,675 | 5,542 | 3,787 | 3,803 |"))
        #expect(!md.contains("ynthetic"))
        // --trend-years widens every trend table.
        let ten = try temporaryDirectory()
        let wide = try Run.jsna(["build", "--data", dfe, "--la", "350", "--trend-years", "10", "--out", ten.path])
        #expect(wide.status == 0, "\(wide.stderr)")
        let tenYears = try String(contentsOf: ten.appendingPathComponent("chapter.md"), encoding: .utf8)
        #expect(tenYears.contains("| Area | 2015-16 | 2016-17 | 2017-18 | 2018-19 | 2019-20 | 2020-21 | 2021-22 | 2022-23 | 2023-24 | 2024-25 |"))
        let bad = try Run.jsna(["build", "--data", dfe, "--la", "350", "--trend-years", "11", "--out", ten.path])
        #expect(bad.status != 0 && bad.stderr.contains("--trend-years must be from 2 to 10"))
    }
}

@Suite struct IndicatorsCommand {
    @Test func tidyCSVOverTheDemoData() throws {
        let out = try temporaryDirectory().appendingPathComponent("all.csv")
        let run = try Run.jsna(["indicators", "--data", demoData, "--output", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: out, encoding: .utf8)
        #expect(csv.hasPrefix("indicator,time_period,geographic_level,new_la_code,old_la_code,area_name,numerator,denominator,value,status,sn_mean,sn_median,england_value,region_value"))
        #expect(csv.contains("referrals_rate,2025,National,"))
        #expect(csv.contains(",c,"))
    }

    @Test func missingOutputFolderIsAnErrorAndWritesNothing() throws {
        let out = try temporaryDirectory().appendingPathComponent("no/such/folder/all.csv")
        let run = try Run.jsna(["indicators", "--data", demoData, "--output", out.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("output folder does not exist"))
    }

    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func realFilesReproduceLAIT() throws {
        let dfe = try #require(sharedDFE)
        let out = try temporaryDirectory().appendingPathComponent("all.csv")
        let run = try Run.jsna(["indicators", "--data", dfe, "--output", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: out, encoding: .utf8)
        #expect(csv.contains("referrals_rate,2025,Local authority,E08000001,350,Bolton,3803,75599,503.04898212939327,,604.99,594.2,519.4362381203472,529.1362888450058"))
    }

    @Test func noRecognisedFileIsAnError() throws {
        let data = try temporaryDirectory()
        try Data("a,b\n1,2\n".utf8).write(to: data.appendingPathComponent("x.csv"))
        let output = try temporaryDirectory().appendingPathComponent("o.csv")
        let run = try Run.jsna(["indicators", "--data", data.path, "--output", output.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no recognised DfE or ONS file"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// Without the population every rate would read "denominator not published": the
    /// build stops and names each family of file that is missing.
    @Test func aMissingFamilyOfFilesStopsTheBuild() throws {
        let data = try temporaryDirectory()
        let demo = URL(fileURLWithPath: demoData)
        for name in try FileManager.default.contentsOfDirectory(atPath: demoData) where !name.hasPrefix("ons_") && !name.hasPrefix("csww_") {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: data.appendingPathComponent(name))
        }
        let out = try temporaryDirectory().appendingPathComponent("out")
        let run = try Run.jsna(["build", "--data", data.path, "--la", "971", "--out", out.path])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("check inputs: the data has no file for children's social work workforce indicators; ONS mid-year population estimates (children aged 0 to 17), which every rate per 10,000 needs: add them with --data"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // The tidy table is still made from what there is.
        let csv = try Run.jsna(["indicators", "--data", data.path, "--output", out.path + ".csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
    }
}

@Suite struct BuildOptions {
    @Test func aYearWithoutDataIsAnError() throws {
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--year", "2031", "--out", try temporaryDirectory().path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no census figures for Amberfold in 2031; years available: 2016, 2017"))
    }

    @Test func aMalformedYearIsRejectedByTheParser() throws {
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--year", "2024-26"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--year"))
    }

    @Test func aConfigWithoutDataSaysWhatIsMissing() throws {
        let config = try temporaryDirectory().appendingPathComponent("jsna.yml")
        try Data("la: Bolton\n".utf8).write(to: config)
        let run = try Run.jsna(["build", "--config", config.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("missing key 'data'"))
    }
}

@Suite struct ConfigPaths {
    @Test func relativePathsAreTakenFromTheConfigFilesFolder() throws {
        let work = try temporaryDirectory()
        let project = work.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        // Data folders may be outside the project (a shared download folder).
        try FileManager.default.copyItem(atPath: demoData, toPath: work.appendingPathComponent("demo").path)
        try Data("la: Amberfold\ndata: [../demo]\nout: out/chapter\n".utf8)
            .write(to: project.appendingPathComponent("jsna.yml"))
        // Run from the work folder with a relative config path, as `make report` does.
        let run = try Run.jsna(["build", "--config", "project/jsna.yml"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("out/chapter/chapter.html").path))
        #expect(run.stderr.contains("to \(project.path)/out/chapter"), "\(run.stderr)")
    }

    /// A config passed around cannot make jsna write outside its own folder: not by "..",
    /// not by an absolute path, not through a link.
    @Test(arguments: [
        ("out: ../elsewhere", "out \"../elsewhere\""),
        ("out: /tmp/jsna-elsewhere", "out \"/tmp/jsna-elsewhere\""),
        ("out: link/chapter", "out \"link/chapter\""),
        ("out: reports/../../x", "out \"reports/../../x\""),
    ])
    func aConfigCannotReachOutsideItsFolder(line: String, named: String) throws {
        let work = try temporaryDirectory()
        let project = work.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: demoData + "/amberfold_referrals_list3.csv", toPath: work.appendingPathComponent("list3.csv").path)
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("link").path, withDestinationPath: work.path)
        try Data("la: Amberfold\ndata: [\(demoData)]\n\(line)\n".utf8).write(to: project.appendingPathComponent("jsna.yml"))
        let before = try FileManager.default.subpathsOfDirectory(atPath: work.path).sorted()
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("jsna.yml: \(named) is outside the project folder"), "\(run.stderr)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: work.path).sorted() == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/jsna-elsewhere"))
    }

    /// The extract lives where its governance says (a secure drive): it is read from
    /// anywhere, and nothing is ever written next to it (issue 16, item 7).
    @Test(arguments: ["../secure/list3.csv", "ABSOLUTE"])
    func theExtractIsReadFromWhereItLives(extract: String) throws {
        let work = try temporaryDirectory()
        let project = work.appendingPathComponent("project"), secure = work.appendingPathComponent("secure")
        for folder in [project, secure] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: demoData + "/amberfold_referrals_list3.csv", toPath: secure.appendingPathComponent("list3.csv").path)
        let path = extract == "ABSOLUTE" ? secure.appendingPathComponent("list3.csv").path : extract
        try Data("la: Amberfold\ndata: [\(demoData)]\nout: out\nextract: \(path)\n".utf8).write(to: project.appendingPathComponent("jsna.yml"))
        let before = try FileManager.default.contentsOfDirectory(atPath: secure.path).sorted()
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOf: project.appendingPathComponent("out/chapter.md"), encoding: .utf8)
        #expect(md.contains("## Referrals this year"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: secure.path).sorted() == before, "nothing written next to the extract")
        let check = try Run.jsna(["check", secure.appendingPathComponent("list3.csv").path])
        #expect(try FileManager.default.contentsOfDirectory(atPath: secure.path).sorted() == before && check.status == 0, "\(check.stderr)")
    }

    @Test func aLinkThatStaysInsideIsFine() throws {
        let project = try temporaryDirectory()
        try FileManager.default.createDirectory(at: project.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("link").path, withDestinationPath: project.appendingPathComponent("real").path)
        try Data("la: Amberfold\ndata: [\(demoData)]\nout: link/chapter\n".utf8).write(to: project.appendingPathComponent("jsna.yml"))
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("real/chapter/chapter.html").path))
    }
}

@Suite struct ReferralCommands {
    var extract: String { demoData + "/amberfold_referrals_list3.csv" }

    @Test func jsonOnStdoutWarningOnStderr() throws {
        let run = try Run.jsna(["referrals", extract, "--year", "2024-25"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("{\n  \"by_age\": {"))
        #expect(run.stdout.hasSuffix("  \"year\": 2025\n}\n"))
        #expect(run.stderr.contains("NOT disclosure-controlled"))
    }

    @Test func tableForAPerson() throws {
        let run = try Run.jsna(["referrals", extract, "--year", "2025", "--format", "table"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("UNSUPPRESSED"))
        #expect(run.stdout.contains("Re-referrals within 12 months"))
    }

    @Test func checkGroupsProblemsAndSetsTheExitCode() throws {
        let ok = try Run.jsna(["check", extract])
        #expect(ok.status == 0, "\(ok.stdout)")
        #expect(ok.stdout.contains("duplicate row"))
        let strict = try Run.jsna(["check", extract, "--strict"])
        #expect(strict.status != 0)
        let dir = try temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.csv")
        try Data((try String(contentsOfFile: extract, encoding: .utf8)).replacingOccurrences(of: ",01/04/2023,", with: ",31/02/2023,").utf8).write(to: bad)
        let errors = try Run.jsna(["check", bad.path])
        #expect(errors.status != 0)
        #expect(errors.stdout.contains("error:") && errors.stdout.contains("Date of Referral is not a valid date") && errors.stdout.contains("bad.csv:2:"))
    }

    @Test func mappedColumnsFromAConfig() throws {
        let dir = try temporaryDirectory()
        try Data("PersonID,Sex,Ethnic,DOB,ReferralDate,Source,NFA\nP1,M,WBRI,2015-01-01,2023-05-01,6,N\nP1,M,WBRI,2015-01-01,2023-06-01,6,Y\n".utf8)
            .write(to: dir.appendingPathComponent("cms.csv"))
        try Data("columns:\n  Child Unique ID: PersonID\n  Gender: Sex\n  Ethnicity: Ethnic\n  Date of Birth: DOB\n  Date of Referral: ReferralDate\n  Referral Source: Source\n  Referral NFA?: NFA\ndate_format: yyyy-mm-dd\n".utf8)
            .write(to: dir.appendingPathComponent("jsna.yml"))
        let run = try Run.jsna(["referrals", dir.appendingPathComponent("cms.csv").path, "--year", "2024", "--config", dir.appendingPathComponent("jsna.yml").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"rereferrals\": 1"))
    }
}

@Suite struct BatchBuild {
    @Test func everyAuthorityAndAnIndex() throws {
        let out = try temporaryDirectory()
        let run = try Run.jsna(["build", "--all", "--data", demoData, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        // Chapters are built in parallel, so the order of the progress lines varies.
        #expect(run.stderr.contains("[15/15] ") && run.stderr.contains("] Larkspur (982)"))
        let folders = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }.sorted()
        // 12 authorities, 2 regions and England, index.html and index.csv.
        #expect(folders.count == 17)
        #expect(folders.contains("e92000001-england") && folders.contains("e12900001-northern-fells") && folders.contains("index.csv"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".jsna-output").path), "the whole tree is one output")
        #expect(folders.contains("971-amberfold") && folders.contains("980-juniper-cross") && folders.contains("index.html"))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"973-corvin-heath/chapter.html\">Corvin Heath</a>"))
        #expect(index.contains("Synthetic demonstration data"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("982-larkspur/charts/cpp_rate.svg").path))
    }

    /// index.csv holds the index's figures: England and regions first, counts beside
    /// values, with the same numbers as each area's own indicators.csv.
    @Test func theIndexHasEnglandRegionsAndACSV() throws {
        let out = try temporaryDirectory()
        #expect(try Run.jsna(["build", "--all", "--data", demoData, "--out", out.path]).status == 0)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let england = try #require(index.range(of: "e92000001-england/chapter.html")), amber = try #require(index.range(of: "971-amberfold/chapter.html"))
        #expect(england.lowerBound < amber.lowerBound, "England comes first")
        #expect(index.contains("<a href=\"e12900002-southern-downs/chapter.html\">Southern Downs</a>"))
        let csv = try String(contentsOf: out.appendingPathComponent("index.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(csv[1].hasPrefix("area_type,area_code,area_name,region_name,folder,indicator,time_period,value,numerator,denominator,status"))
        #expect(csv.count == 2 + 15 * 4)
        let own = try String(contentsOf: out.appendingPathComponent("971-amberfold/indicators.csv"), encoding: .utf8).split(separator: "\n")
        let row = try #require(own.first { $0.hasPrefix("referrals_rate,2025,Local authority,") }).split(separator: ",", omittingEmptySubsequences: false)
        let indexed = try #require(csv.first { $0.hasPrefix("Local authority,971,Amberfold,") && $0.contains(",referrals_rate,2025,") }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(indexed[7] == row[8] && indexed[8] == row[6] && indexed[9] == row[7], "value, count and denominator as in indicators.csv")
        #expect(csv.contains { $0.hasPrefix("National,E92000001,England,,e92000001-england,referrals_rate,2025,") && $0.hasSuffix(",true,") })
    }

    /// A region, or England, as the subject: compared with England (a region), its
    /// authorities (or England's regions) beside it in the bar charts.
    @Test func aRegionOrEnglandIsTheSubject() throws {
        let out = try temporaryDirectory().appendingPathComponent("region")
        let run = try Run.jsna(["build", "--data", demoData, "--la", "Northern Fells", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("for Northern Fells (E12900001)"))
        let markdown = try String(contentsOf: out.appendingPathComponent("chapter.md"), encoding: .utf8)
        #expect(markdown.contains("in the Northern Fells region, 2024-25, compared with England, with its 6 local authorities beside it"))
        let tables = MarkdownTable.all(in: markdown)
        let trend = try #require(tables.first { $0.caption.hasPrefix("*Referrals to children's social care (per 10,000") })
        #expect(trend.rows.map { $0[0] } == ["Area", "Northern Fells", "Northern Fells: 95% confidence interval", "Northern Fells: referrals (number)", "England"])
        // The bar chart (written beside the chapter): the region and its 6 authorities.
        let bars = try String(contentsOf: out.appendingPathComponent("charts/referrals_rate-neighbours.svg"), encoding: .utf8)
        #expect(bars.contains("Referrals to children&#39;s social care: Northern Fells and its authorities"))
        #expect(bars.components(separatedBy: "<rect").count - 1 >= 7, "a bar for the region and each of its 6 authorities")
        let nation = try Run.jsna(["build", "--data", demoData, "--la", "England", "--out", try temporaryDirectory().appendingPathComponent("e").path])
        #expect(nation.status == 0, "\(nation.stderr)")
        let unknown = try Run.jsna(["build", "--data", demoData, "--la", "Middle Earth", "--out", try temporaryDirectory().appendingPathComponent("m").path])
        #expect(unknown.status != 0 && unknown.stderr.contains("a region or England may be named too: Northern Fells, Southern Downs, England"), "\(unknown.stderr)")
    }

    @Test func allAndLaTogetherIsAnError() throws {
        let run = try Run.jsna(["build", "--all", "--la", "971", "--data", demoData])
        #expect(run.status != 0)
        #expect(run.stderr.contains("either --la or --all"))
    }
}

@Suite struct PDFOutput {
    @Test func withoutChromiumItSaysHowToGetIt() throws {
        let process = Process()
        process.executableURL = Run.executable
        process.arguments = ["build", "--data", demoData, "--la", "971", "--pdf", "--out", try temporaryDirectory().path]
        process.environment = ["PATH": "/nonexistent"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(text.contains("--pdf needs Chromium: on Debian or Ubuntu `apt-get install chromium`"))
    }
}

@Suite struct InitProjects {
    @Test func initThenBuildThenRefuseToOverwrite() throws {
        let dir = try temporaryDirectory().appendingPathComponent("project")
        let made = try Run.jsna(["init", dir.path, "--la", "971", "--data", demoData])
        #expect(made.status == 0, "\(made.stderr)")
        let config = try String(contentsOf: dir.appendingPathComponent("jsna.yml"), encoding: .utf8)
        #expect(config.contains("template: chapter.md") && config.contains("la: \"971\""))
        let built = try Run.jsna(["build", "--config", dir.appendingPathComponent("jsna.yml").path])
        #expect(built.status == 0, "\(built.stderr)")
        let md = try String(contentsOf: dir.appendingPathComponent("output/chapter.md"), encoding: .utf8)
        #expect(md.hasPrefix("> **Synthetic demonstration data.**"))
        #expect(md.contains("# Safeguarding children in Amberfold, 2024-25"))
        let again = try Run.jsna(["init", dir.path, "--la", "971"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func aTemplateOutsideTheProjectIsRefused() throws {
        let dir = try temporaryDirectory()
        try Data("la: \"971\"\ndata: [\(demoData)]\ntemplate: ../elsewhere/chapter.md\n".utf8).write(to: dir.appendingPathComponent("jsna.yml"))
        let run = try Run.jsna(["build", "--config", dir.appendingPathComponent("jsna.yml").path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("is outside the project folder"))
    }

    /// A link inside the project pointing out of it is still outside.
    @Test func aTemplateLinkedFromOutsideIsRefused() throws {
        let dir = try temporaryDirectory()
        let elsewhere = try temporaryDirectory().appendingPathComponent("chapter.md")
        try Data("# {{authority.name}}\n".utf8).write(to: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("chapter.md").path, withDestinationPath: elsewhere.path)
        try Data("la: \"971\"\ndata: [\(demoData)]\ntemplate: chapter.md\nout: out\n".utf8).write(to: dir.appendingPathComponent("jsna.yml"))
        let run = try Run.jsna(["build", "--config", dir.appendingPathComponent("jsna.yml").path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("template \"chapter.md\" is outside the project folder"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func aTemplateErrorNamesTheFileLineAndColumnAndWritesNothing() throws {
        let dir = try temporaryDirectory()
        try Data("la: \"971\"\ndata: [\(demoData)]\ntemplate: chapter.md\nout: out\n".utf8).write(to: dir.appendingPathComponent("jsna.yml"))
        try Data("# Chapter\n\n{{indicator.nope.sentence}}\n".utf8).write(to: dir.appendingPathComponent("chapter.md"))
        let run = try Run.jsna(["build", "--config", dir.appendingPathComponent("jsna.yml").path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("chapter.md:3:1: the tag {{indicator.nope.sentence}} names nothing"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}

/// Outputs never land on what jsna reads (issue 17, item 3).
@Suite struct OutputsNeverOverwriteInputs {
    @Test func outDotWithATemplateAndAnExtractIsRefused() throws {
        let project = try temporaryDirectory()
        try FileManager.default.copyItem(atPath: demoData + "/amberfold_referrals_list3.csv", toPath: project.appendingPathComponent("indicators.csv").path)
        try Data("# {{authority.name}}\n".utf8).write(to: project.appendingPathComponent("chapter.md"))
        try Data("la: \"971\"\ndata: [\(demoData)]\nout: .\ntemplate: chapter.md\nextract: indicators.csv\n".utf8).write(to: project.appendingPathComponent("jsna.yml"))
        let before = try FileManager.default.contentsOfDirectory(atPath: project.path).sorted()
        let template = try Data(contentsOf: project.appendingPathComponent("chapter.md"))
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("check outputs: \(project.path): the output folder holds the"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path).sorted() == before)
        #expect(try Data(contentsOf: project.appendingPathComponent("chapter.md")) == template)
    }

    @Test func outMayNotBeOrHoldADataFolderOrTheExtract() throws {
        let work = try temporaryDirectory()
        let data = work.appendingPathComponent("data")
        try FileManager.default.copyItem(atPath: demoData, toPath: data.path)
        for out in [data.path, work.path] {
            let run = try Run.jsna(["build", "--data", data.path, "--la", "971", "--out", out])
            #expect(run.status != 0 && run.stderr.contains("the data folder \(data.path)"), "\(run.stderr)")
        }
        let extract = work.appendingPathComponent("out/list3.csv")
        try FileManager.default.createDirectory(at: extract.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: demoData + "/amberfold_referrals_list3.csv", toPath: extract.path)
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--extract", extract.path, "--out", work.appendingPathComponent("out").path])
        #expect(run.status != 0 && run.stderr.contains("holds the extract"), "\(run.stderr)")
        // Beside each other is fine.
        let fine = try Run.jsna(["build", "--data", data.path, "--la", "971", "--out", work.appendingPathComponent("chapter").path])
        #expect(fine.status == 0, "\(fine.stderr)")
    }
}

/// Configs and flags say what they do (issue 17, item 5).
@Suite struct ConfigKeysAndFlags {
    /// Issue 29, item 11: a value of the wrong type, and YAML that does not parse, are
    /// located at the offending key (or the fault), never at 1:1.
    @Test func typeErrorsNameTheKeysLine() throws {
        let dir = try temporaryDirectory()
        let cases = [
            ("la: \"971\"\ndata: [\(demoData)]\ntrend_years: ten\n", "jsna.yml:3:1: trend_years must be a whole number, not \"ten\""),
            ("la: \"971\"\ndata: [\(demoData)]\ndocx: maybe\n", "jsna.yml:3:1: docx must be true or false, not \"maybe\""),
            ("la: \"971\"\ndata: \(demoData)\n", "jsna.yml:2:1: data must be a list, such as [a, b]"),
            ("data: [\(demoData)]\narea:\n  name: X\n  members: 5\n", "jsna.yml:4:3: area.members must be a list, such as [a, b], not \"5\""),
            ("la: \"971\"\ndata: [\(demoData)\ntrend_years: 3\n", "jsna.yml:3:12: not valid YAML: did not find expected ',' or ']'"),
        ]
        for (yaml, message) in cases {
            try Data(yaml.utf8).write(to: dir.appendingPathComponent("jsna.yml"))
            let run = try Run.jsna(["build", "--config", dir.appendingPathComponent("jsna.yml").path])
            #expect(run.status != 0 && run.stderr.contains(message), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr)")
        }
    }

    /// Issue 31, item 5: `--all --pdf` printed nothing and said nothing.
    @Test func allWithPDFIsRefused() throws {
        let out = try temporaryDirectory().appendingPathComponent("o")
        let run = try Run.jsna(["build", "--all", "--data", demoData, "--pdf", "--out", out.path])
        #expect(run.status != 0 && run.stderr.contains("--pdf prints one chapter: it cannot be used with --all"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Issue 29, item 2: rounding is 5 or 10 (1: exact), from the command line or the config.
    @Test func roundingIsFiveOrTen() throws {
        let dir = try temporaryDirectory()
        let flag = try Run.jsna(["build", "--data", demoData, "--la", "971", "--round", "3", "--out", dir.appendingPathComponent("o").path])
        #expect(flag.status != 0 && flag.stderr.contains("--round must be 5 or 10 (or 1 for exact counts), not 3"), "\(flag.stderr)")
        try Data("la: \"971\"\ndata: [\(demoData)]\nrounding: 7\n".utf8).write(to: dir.appendingPathComponent("jsna.yml"))
        let config = try Run.jsna(["build", "--config", dir.appendingPathComponent("jsna.yml").path])
        #expect(config.status != 0 && config.stderr.contains("jsna.yml: rounding must be 5 or 10 (or 1 for exact counts), not 7"), "\(config.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path), "nothing written")
    }

    @Test func anUnknownKeyIsAnErrorWithTheClosestKey() throws {
        let dir = try temporaryDirectory()
        try Data("la: \"971\"\ndata: [\(demoData)]\ntrend_year: 10\n".utf8).write(to: dir.appendingPathComponent("jsna.yml"))
        let run = try Run.jsna(["build", "--config", dir.appendingPathComponent("jsna.yml").path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("jsna.yml:3:1: unknown key 'trend_year': did you mean 'trend_years'?"), "\(run.stderr)")
    }

    /// Issue 29, item 10: `memebers:` under `area:` and `colums:` in a referrals config
    /// were accepted in silence. Unknown keys are errors at every level of every config.
    @Test func unknownKeysAreErrorsAtEveryLevelOfEveryConfig() throws {
        let dir = try temporaryDirectory()
        let build = dir.appendingPathComponent("jsna.yml")
        try Data("area:\n  name: Amber and Brindle\n  memebers: [\"971\", \"972\"]\ndata: [\(demoData)]\n".utf8).write(to: build)
        let partnership = try Run.jsna(["build", "--config", build.path])
        #expect(partnership.status != 0 && partnership.stderr.contains("jsna.yml:3:3: unknown key 'memebers' under 'area': did you mean 'members'?"), "\(partnership.stderr)")
        let referrals = dir.appendingPathComponent("referrals.yml")
        try Data("colums:\n  Child Unique ID: PersonID\n".utf8).write(to: referrals)
        for arguments in [["referrals", demoData + "/amberfold_referrals_list3.csv", "--year", "2025", "--config", referrals.path],
                          ["annex-a", demoData + "/annex-a", "--year", "2025", "--config", referrals.path]] {
            let run = try Run.jsna(arguments)
            #expect(run.status != 0 && run.stderr.contains("referrals.yml:1:1: unknown key 'colums': did you mean 'columns'?"), "\(arguments[0]): \(run.stderr)")
        }
    }

    @Test func aFlagThatWouldBeIgnoredIsRefusedAndOverridesSaySo() throws {
        let dir = try temporaryDirectory()
        let config = dir.appendingPathComponent("jsna.yml").path
        try Data("la: \"971\"\ndata: [\(demoData)]\nout: out\n".utf8).write(to: URL(fileURLWithPath: config))
        let refused = try Run.jsna(["build", "--config", config, "--la", "972", "--out", dir.appendingPathComponent("x").path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--la, --out cannot be given with --config"), "\(refused.stderr)")
        let overriding = try Run.jsna(["build", "--config", config, "--trend-years", "3"])
        #expect(overriding.status == 0, "\(overriding.stderr)")
        #expect(overriding.stderr.contains("note: --trend-years overrides \(config)"))
        let md = try String(contentsOf: dir.appendingPathComponent("out/chapter.md"), encoding: .utf8)
        #expect(md.contains("| Area | 2022-23 | 2023-24 | 2024-25 |"))
    }

    @Test func aPipeInTheDataFolderIsSkippedNotRead() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        try FileManager.default.copyItem(atPath: demoData, toPath: data.path)
        let fifo = data.appendingPathComponent("stream.csv").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let out = try temporaryDirectory().appendingPathComponent("out")
        let run = try Run.jsna(["build", "--data", data.path, "--la", "971", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("stream.csv: warning: not a regular file (a pipe, device or socket): skipped, not read"), "\(run.stderr)")
    }
}

/// A partnership as the chapter's subject (issue 18), from the command line and jsna.yml.
@Suite struct PartnershipChapters {
    @Test func aPartnershipChapterShowsItsMembersInPlaceOfNeighbours() throws {
        let out = try temporaryDirectory().appendingPathComponent("out")
        let run = try Run.jsna(["build", "--data", demoData, "--area", "Amber and Brindle=971, Brindlecombe", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("wrote") && run.stderr.contains("Amber and Brindle (971+972)"))
        let markdown = try String(contentsOf: out.appendingPathComponent("chapter.md"), encoding: .utf8)
        #expect(markdown.contains("a partnership of Amberfold (971) and Brindlecombe (972)"))
        #expect(markdown.contains("Statistical neighbours do not apply to a partnership"))
        #expect(!markdown.contains("| Statistical neighbours (mean) |"))
        let tables = MarkdownTable.all(in: markdown)
        let referrals = try #require(tables.first { $0.caption.hasPrefix("*Referrals to children's social care (per 10,000") })
        #expect(referrals.rows.map { $0[0] }.contains("Amberfold") && referrals.rows.map { $0[0] }.contains("Brindlecombe"))
        // The partnership's count is the members' counts added, year by year.
        let count = { (label: String) in referrals.rows.first { $0[0] == label }.map { Array($0.dropFirst()) } }
        let csv = try String(contentsOf: out.appendingPathComponent("indicators.csv"), encoding: .utf8)
        // The members' own counts, from every area's indicators.
        let every = try temporaryDirectory().appendingPathComponent("all.csv")
        #expect(try Run.jsna(["indicators", "--data", demoData, "--output", every.path]).status == 0)
        let rows: [[Substring]] = (csv + (try String(contentsOf: every, encoding: .utf8))).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        func numerator(_ code: String) -> String? {
            let row = rows.first { (r: [Substring]) -> Bool in r.count > 6 && r[0] == "referrals_rate" && r[1] == "2025" && r[4] == Substring(code) }
            return row.map { String($0[6]) }
        }
        let members = try ["971", "972"].map { try #require(numerator($0).flatMap { Int($0) }) }
        let total = try #require(numerator("971+972"))
        #expect(Int(total) == members.reduce(0, +))
        #expect(count("Amber and Brindle: referrals (number)")?.last?.replacingOccurrences(of: ",", with: "") == total)
        #expect(csv.contains(",Partnership,,971+972,Amber and Brindle,"))
        // Issue 28: the partnership is not counted as one more authority, nor called one.
        let funnel = try String(contentsOf: out.appendingPathComponent("charts/referrals_rate-funnel.svg"), encoding: .utf8)
        #expect(funnel.contains(" authorities and Amber and Brindle against their number of children") && funnel.contains("Large circle: this partnership."))
        let bars = try String(contentsOf: out.appendingPathComponent("charts/referrals_rate-neighbours.svg"), encoding: .utf8)
        #expect(bars.contains("Amber and Brindle (this partnership)") && !bars.contains("(this authority)"))
    }

    @Test(arguments: [
        (["--area", "Pan=971"], "needs two or more member authorities"),
        (["--area", "971,972"], "write the partnership's name, =, and its members"),
        (["--area", "Pan=971,Amberfold"], "names Amberfold (971) twice"),
        (["--area", "Pan=971,Nowhere"], "no local authority matches \"Nowhere\""),
        (["--area", "Pan=971,972", "--la", "971"], "give one of --la, --area or --all"),
    ])
    func mistakesAreOneLine(arguments: [String], message: String) throws {
        let run = try Run.jsna(["build", "--data", demoData, "--out", try temporaryDirectory().appendingPathComponent("o").path] + arguments)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func aConfigNamesThePartnership() throws {
        let project = try temporaryDirectory()
        try Data("area:\n  name: Northern Pair\n  members: [Amberfold, \"972\"]\ndata: [\(demoData)]\nout: out\n".utf8).write(to: project.appendingPathComponent("jsna.yml"))
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: project.appendingPathComponent("out/chapter.html"), encoding: .utf8)
        #expect(html.contains("Northern Pair, a partnership of Amberfold (971) and Brindlecombe (972)"))
        try Data("la: \"971\"\narea:\n  name: X\n  members: [\"971\", \"972\"]\ndata: [\(demoData)]\n".utf8).write(to: project.appendingPathComponent("both.yml"))
        let both = try Run.jsna(["build", "--config", project.appendingPathComponent("both.yml").path])
        #expect(both.status != 0 && both.stderr.contains("give either la or area, not both"), "\(both.stderr)")
    }
}
