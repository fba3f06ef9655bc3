import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Testing

/// The bad-input corpus: each case is a malformed file as a case-management system or
/// Excel might write it, run through the built `jsna` as an analyst would. An error must
/// be one line naming file, line and column, exit non-zero and write nothing; a warning
/// must be located the same way and leave the figures coming. No case may crash or hang
/// (``Run`` stops a process after two minutes and the test fails).
@Suite struct BadInputCorpus {
    enum Expected: Sendable {
        /// One line on stderr containing "<file>:<line>:<column>: <message>", exit non-zero,
        /// nothing on stdout and no output folder.
        case error(line: Int, column: Int, _ message: String)
        /// An error about the file as a whole or the command (no position in a file).
        case fileError(_ message: String)
        /// Exit 0, and a located warning on stderr.
        case warning(line: Int, column: Int, _ message: String)
        /// Exit 0 and these referrals in 2023-24 (`jsna referrals` cases only).
        case reads(referrals: Int)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The file (its name in the case folder) and its bytes.
        let file: String
        let bytes: [UInt8]
        let expected: Expected
        var testDescription: String { name }
    }

    // MARK: The referral extract (`jsna referrals FILE --year 2024`)

    static let header = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker"
    static let rows = [
        "C1,a) Male,a) WBRI,14/07/2018,,01/05/2023,q) 6: Police,b) No,,MASH Team,Worker 1",
        "C2,b) Female,a) WBRI,14/07/2015,,02/06/2023,q) 6: Police,a) Yes,,MASH Team,Worker 2",
        "C1,a) Male,a) WBRI,14/07/2018,,03/09/2023,q) 6: Police,b) No,,MASH Team,Worker 1",
    ]
    /// The extract with row 2 (line 3) changed.
    static func extract(line3: (String) -> String, eol: String = "\n") -> String {
        ([header, rows[0], line3(rows[1]), rows[2]]).joined(separator: eol) + eol
    }
    /// The 1-based character column of `needle` in `line`.
    static func column(of needle: String, in line: String) -> Int {
        line.distance(from: line.startIndex, to: line.range(of: needle)!.lowerBound) + 1
    }
    static func extractCase(_ name: String, _ text: String, _ expected: Expected) -> Case {
        Case(name: name, file: "list3.csv", bytes: Array(text.utf8), expected: expected)
    }
    static func extractCase(_ name: String, bytes: [UInt8], _ expected: Expected) -> Case {
        Case(name: name, file: "list3.csv", bytes: bytes, expected: expected)
    }

    static let dateColumn = column(of: "02/06/2023", in: rows[1])

    static let extractCases: [Case] = {
        let teamColumn = column(of: "MASH Team", in: rows[1])
        let cp1252 = Array(extract { $0.replacingOccurrences(of: "MASH Team", with: "Children\u{2019}s Team") }.utf8)
            .split(separator: 0xE2, maxSplits: 1, omittingEmptySubsequences: false)
        var seed: UInt64 = 0x5EED
        let garbage = (0..<4096).map { _ -> UInt8 in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: seed >> 56)
        }
        return [
            extractCase("empty file", "", .error(line: 1, column: 1, "empty file: no header and no rows")),
            extractCase("header only", header + "\n", .error(line: 1, column: 1, "no data rows below the header")),
            extractCase("byte-order mark only", bytes: [0xEF, 0xBB, 0xBF], .error(line: 1, column: 1, "empty file")),
            extractCase("binary garbage", bytes: garbage, .error(line: 0, column: 0, "")),
            extractCase("NUL byte in a field", extract { $0.replacingOccurrences(of: "MASH", with: "MA\0SH") },
                        .error(line: 3, column: teamColumn + 2, "NUL byte: this is not CSV text")),
            // "’" written as Excel's Windows-1252 byte 0x92 instead of UTF-8's E2 80 99.
            extractCase("Windows-1252 text", bytes: Array(cp1252[0]) + [0x92] + Array(cp1252[1].dropFirst(2)),
                        .error(line: 3, column: teamColumn + 8, "not UTF-8: byte 0x92 is \"\u{2019}\" in Windows-1252")),
            extractCase("Windows-1252 pound sign", bytes: Array(extract { $0.replacingOccurrences(of: "MASH Team", with: "X") }.utf8).map { $0 == UInt8(ascii: "X") ? 0xA3 : $0 },
                        .error(line: 3, column: teamColumn, "byte 0xA3 is \"£\" in Windows-1252")),
            extractCase("invalid UTF-8", bytes: Array(extract { $0.replacingOccurrences(of: "MASH Team", with: "X") }.utf8).flatMap { $0 == UInt8(ascii: "X") ? [0xC3, 0x28] : [$0] },
                        .error(line: 3, column: teamColumn, "not UTF-8: byte 0xC3")),
            extractCase("UTF-16 text", bytes: [0xFF, 0xFE] + Array(extract { $0 }.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                        .error(line: 1, column: 1, "UTF-16 text")),
            extractCase("cut inside a character", bytes: Array((header + "\n" + rows[0] + "\nC9,a) Male,a) WBRI,14/07/2018,,01/05/2023,q) 6: Police,b) No,,Team \u{2019}").utf8).dropLast(1),
                        .error(line: 3, column: 69, "the file ends inside a character")),
            extractCase("mixed line endings still locate a ragged row",
                        [header, rows[0], rows[1], rows[2]].joined(separator: "\r\n") + "\r" + rows[0] + "\n" + "C3,a) Male\n",
                        .error(line: 6, column: 11, "ragged row: 2 fields where the header has 11")),
            extractCase("mixed line endings", header + "\r\n" + rows[0] + "\r" + rows[1] + "\n" + rows[2] + "\r\n", .reads(referrals: 3)),
            extractCase("unterminated quote at the end", extract { $0 } + "C3,a) Male,a) WBRI,14/07/2018,,01/05/2023,q) 6: Police,b) No,,\"MASH Team,Worker 1\n",
                        .error(line: 5, column: 63, "quoted field is never closed")),
            extractCase("stray quote", extract { $0.replacingOccurrences(of: "MASH Team", with: "MA\"SH Team") },
                        .error(line: 3, column: teamColumn + 2, "stray quote in an unquoted field")),
            extractCase("ragged row", extract { $0.replacingOccurrences(of: ",Worker 2", with: "") },
                        .error(line: 3, column: column(of: "MASH Team", in: rows[1]) + 9, "ragged row: 10 fields where the header has 11")),
            extractCase("duplicate header names", extract { $0 }.replacingOccurrences(of: "Allocated Team", with: "Gender"),
                        .error(line: 1, column: column(of: "Allocated Team", in: header), "column 'Gender' appears twice in the header")),
            extractCase("missing required column", extract { $0 }.replacingOccurrences(of: "Date of Referral", with: "Referral Date"),
                        .error(line: 1, column: 1, "missing column 'Date of Referral'")),
            // Excel's habits: empty rows below the data, a BOM and CRLF, semicolons under a European locale.
            extractCase("blank trailing rows", extract { $0 } + String(repeating: ",,,,,,,,,,\r\n", count: 3) + ",,,,,,,,,,\n", .reads(referrals: 3)),
            extractCase("BOM and CRLF", "\u{FEFF}" + extract(line3: { $0 }, eol: "\r\n"), .reads(referrals: 3)),
            extractCase("semicolon-separated", ([header] + rows).map { $0.replacingOccurrences(of: ",", with: ";") }.joined(separator: "\r\n") + "\r\n",
                        .error(line: 1, column: 1, "the columns are separated by semicolons (Excel's CSV under a European locale)")),
            extractCase("extra columns", ([header + ",Notes"] + rows.map { $0 + ",x" }).joined(separator: "\n") + "\n", .reads(referrals: 3)),
            extractCase("a 10 MB field", extract { $0.replacingOccurrences(of: "Worker 2", with: String(repeating: "W", count: 10_000_000)) }, .reads(referrals: 3)),
            extractCase("100,000 columns", (0..<100_000).map { "c\($0)" }.joined(separator: ",") + "\n" + String(repeating: "1,", count: 99_999) + "1\n",
                        .error(line: 1, column: 1, "missing columns")),
            extractCase("Excel date serials", extract { $0.replacingOccurrences(of: "02/06/2023", with: "45000") },
                        .warning(line: 3, column: dateColumn, "1 row, left out of every figure: Date of Referral is not a valid date in the file's format (e.g. \"45000\"): an Excel date number?")),
            extractCase("31 February", extract { $0.replacingOccurrences(of: "02/06/2023", with: "31/02/2024") },
                        .warning(line: 3, column: dateColumn, "(e.g. \"31/02/2024\")")),
            extractCase("month 13", extract { $0.replacingOccurrences(of: "02/06/2023", with: "2024-13-01") },
                        .warning(line: 3, column: dateColumn, "(e.g. \"2024-13-01\")")),
            extractCase("two-digit years", extract { $0.replacingOccurrences(of: "02/06/2023", with: "02/06/23") },
                        .warning(line: 3, column: dateColumn, "left out of every figure")),
            // A quoted value with a line break in it stays on the warning's one line (fuzzer finding).
            extractCase("a line break inside a quoted date", extract { $0.replacingOccurrences(of: "02/06/2023", with: "\"02/06/\n2023\"") },
                        .warning(line: 3, column: dateColumn, "(e.g. \"02/06/\\n2023\") — the first is here")),
            extractCase("a future date", extract { $0.replacingOccurrences(of: "02/06/2023", with: "02/06/2093") },
                        .warning(line: 3, column: dateColumn, "1 row, left out of every figure: Date of Referral is after today or before 1990 (e.g. \"02/06/2093\")")),
            extractCase("a date before 1990", extract { $0.replacingOccurrences(of: "02/06/2023", with: "02/06/1923") },
                        .warning(line: 3, column: dateColumn, "1 row, left out of every figure: Date of Referral is after today or before 1990 (e.g. \"02/06/1923\")")),
            extractCase("date of birth after referral", extract { $0.replacingOccurrences(of: "14/07/2015", with: "14/07/2025") },
                        .warning(line: 3, column: column(of: "14/07/2015", in: rows[1]), "Date of Birth is after Date of Referral")),
            extractCase("blank child ID", extract { "  " + $0.dropFirst(2) },
                        .warning(line: 3, column: 1, "Child Unique ID is blank")),
            extractCase("Annex A List 4 header",
                        "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Assessment actual start date,Assessment completion date,Organisation completing assessment,Factors identified at the end of assessment,Allocated Team,Allocated Worker\nC1,a) Male,a) WBRI,14/07/2018,,01/05/2023,05/05/2023,LA,1A,MASH,W\n",
                        .error(line: 1, column: 1, "this is Annex A List 4 (assessments), not List 3 (referrals)")),
            extractCase("truncated mid-row (disk full mid-copy)", String(extract { $0 }.dropLast(30)),
                        .error(line: 4, column: 52, "was it cut short?")),
        ]
    }()

    @Test(arguments: extractCases)
    func referralExtract(_ c: Case) throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent(c.file).path
        try Data(c.bytes).write(to: URL(fileURLWithPath: path))
        // The format is given: these files test bytes and rows, not the format decision
        // (three rows whose days are all 12 or less could not settle it; see DateDecisionCLI).
        let run = try Run.jsna(["referrals", path, "--year", "2024", "--date-format", "dd/mm/yyyy"])
        try check(run, c, path: path, output: nil)
        if case .reads(let n) = c.expected {
            #expect(run.stdout.contains("\"referrals\": \(n),"), "\(run.stdout)")
        }
    }

    // MARK: Census files (`jsna build --data DIR --la 971`)

    /// The demonstration data with one file's text changed.
    struct CensusEdit: Sendable, CustomTestStringConvertible {
        let name: String
        /// The start of the file's name in data/demo ("c1_", "sn_model"), or a new file's name.
        let file: String
        let edit: @Sendable (String) -> String
        let expected: Expected
        var bytes: (@Sendable (String) -> [UInt8])? = nil
        var testDescription: String { name }
    }

    static let c1Line4 = "2025,Reporting year,Regional,E92000001,England,E12900002,Southern Downs,,,,Referrals and Re-referrals,"
    /// c1's line 4 with referral_count set to `value`; its column is `countColumn`.
    static func c1(_ value: String) -> @Sendable (String) -> String {
        { text in
            var lines = text.components(separatedBy: "\n")
            var fields = lines[3].components(separatedBy: ",")
            fields[11] = value
            lines[3] = fields.joined(separator: ",")
            return lines.joined(separator: "\n")
        }
    }
    static let countColumn = c1Line4.count + 1
    static let populationLine = "2024,Reporting year,Regional,E92000001,England,E12900001,Northern Fells,,,,Children aged 0 to 17 years,"

    static let censusCases: [CensusEdit] = [
        CensusEdit(name: "thousands separator", file: "c1_", edit: c1("\"3,803\""), expected: .error(line: 4, column: countColumn, "\"3,803\" in referral_count is neither a number nor a missing-value symbol")),
        CensusEdit(name: "spaces around a number", file: "c1_", edit: c1(" 12 "), expected: .error(line: 4, column: countColumn, "\" 12 \" in referral_count is neither a number")),
        CensusEdit(name: "exponent", file: "c1_", edit: c1("1e3"), expected: .error(line: 4, column: countColumn, "\"1e3\" in referral_count is neither a number")),
        CensusEdit(name: "negative count", file: "c1_", edit: c1("-5"), expected: .error(line: 4, column: countColumn, "negative value -5 in referral_count")),
        CensusEdit(name: "a count over 100 million", file: "c1_", edit: c1("123456789"), expected: .error(line: 4, column: countColumn, "123456789 in referral_count is more than 100 million")),
        CensusEdit(name: "fractional count", file: "c1_", edit: c1("12.5"), expected: .error(line: 4, column: countColumn, "12.5 in referral_count is not a whole number")),
        CensusEdit(name: "unknown suppression symbol", file: "c1_", edit: c1("*"), expected: .error(line: 4, column: countColumn, "\"*\" in referral_count is neither a number nor a missing-value symbol (.. : c k low u x z)")),
        CensusEdit(name: "duplicate area-year row", file: "c1_", edit: { $0 + $0.components(separatedBy: "\n")[3] + "\n" },
                   expected: .error(line: 152, column: 1, "duplicate row for area E12900002, time_period 2025, Referrals and Re-referrals: already given at line 4")),
        CensusEdit(name: "conflicting copies of one release", file: "c1_copy.csv", edit: c1("15297"),
                   expected: .error(line: 4, column: countColumn, "referral_count for E12900002, 2025 is 15297 here but")),
        CensusEdit(name: "population zero", file: "ons_", edit: { text in
                       var lines = text.components(separatedBy: "\n")
                       lines[2] = populationLine + "0"
                       return lines.joined(separator: "\n")
                   },
                   expected: .error(line: 3, column: populationLine.count + 1, "population is zero")),
        CensusEdit(name: "neighbour list naming an unknown authority", file: "sn_model", edit: { $0.replacingOccurrences(of: "Amberfold,1,Northern Fells,972,", with: "Amberfold,1,Northern Fells,999,") },
                   expected: .error(line: 2, column: 32, "neighbour 999 of authority 971 is in no census file: an unknown code")),
        CensusEdit(name: "neighbour list naming one authority twice", file: "sn_model", edit: { text in
                       // Amberfold's first neighbour repeated in its second place.
                       var lines = text.components(separatedBy: "\n")
                       var fields = lines[1].components(separatedBy: ",")
                       fields[6] = fields[4]
                       lines[1] = fields.joined(separator: ",")
                       return lines.joined(separator: "\n")
                   },
                   expected: .error(line: 2, column: 0, "is listed twice for authority 971")),
        CensusEdit(name: "a line break inside a quoted neighbour code (fuzzer finding)", file: "sn_model", edit: { $0.replacingOccurrences(of: "Amberfold,1,Northern Fells,972,", with: "Amberfold,1,Northern Fells,\"97\n2\",") },
                   expected: .error(line: 2, column: 32, "neighbour \"97\\n2\" is not a three-digit LA code")),
        CensusEdit(name: "neighbour list naming the authority itself", file: "sn_model", edit: { $0.replacingOccurrences(of: "Amberfold,1,Northern Fells,972,", with: "Amberfold,1,Northern Fells,971,") },
                   expected: .error(line: 2, column: 32, "authority 971 is listed as its own neighbour")),
        CensusEdit(name: "fewer than 10 neighbours", file: "sn_model", edit: { text in
                       var lines = text.components(separatedBy: "\n")
                       lines[1] = lines[1].components(separatedBy: ",").enumerated().map { $0.offset >= 16 ? "" : $0.element }.joined(separator: ",")
                       return lines.joined(separator: "\n")
                   }, expected: .warning(line: 2, column: 1, "authority 971 has 6 statistical neighbours, not 10")),
        CensusEdit(name: "empty census file", file: "c1_", edit: { _ in "" }, expected: .error(line: 1, column: 1, "empty file: no header and no rows")),
        CensusEdit(name: "census header only", file: "c1_", edit: { $0.components(separatedBy: "\n")[0] + "\n" }, expected: .error(line: 1, column: 1, "no data rows below the header")),
        CensusEdit(name: "duplicate census header names", file: "c1_", edit: { $0.replacingOccurrences(of: "rereferral_count", with: "referral_count") },
                   expected: .error(line: 1, column: 152, "column 'referral_count' appears twice in the header (also column 12 of 18)")),
        // A known table with a column renamed: an error naming the column and the closest header.
        CensusEdit(name: "renamed measure column", file: "c1_", edit: { $0.replacingOccurrences(of: "rereferral_count", with: "rerefs") },
                   expected: .error(line: 1, column: 1, "a CIN census c1 (referrals and re-referrals) file without its 'rereferral_count' column (the closest header is 'rereferral_percent')")),
        CensusEdit(name: "census ragged row", file: "c1_", edit: { text in
                       var lines = text.components(separatedBy: "\n")
                       lines[4] += ",x"
                       return lines.joined(separator: "\n")
                   }, expected: .error(line: 5, column: 0, "ragged row: 19 fields where the header has 18")),
        CensusEdit(name: "census file cut short", file: "c1_", edit: { String($0.prefix($0.count / 2)) },
                   expected: .error(line: 76, column: 0, "was it cut short?")),
        CensusEdit(name: "authority name in Windows-1252", file: "c1_", edit: { $0.replacingOccurrences(of: "Amberfold", with: "Amberfold£") },
                   expected: .error(line: 0, column: 0, "not UTF-8: byte 0xA3 is \"£\" in Windows-1252"),
                   bytes: { Array($0.utf8).split(separator: 0xC2, omittingEmptySubsequences: false).joined(separator: []).map { $0 } }),
        CensusEdit(name: "NUL byte in a census file", file: "c1_", edit: { $0.replacingOccurrences(of: ",Amberfold,", with: ",Amber\0fold,") },
                   expected: .error(line: 0, column: 0, "NUL byte")),
    ]

    @Test(arguments: censusCases)
    func censusFile(_ c: CensusEdit) throws {
        let data = try temporaryDirectory()
        var target: String?
        for name in try FileManager.default.contentsOfDirectory(atPath: demoData) where name.hasSuffix(".csv") && !name.contains("referrals_list3") {
            try FileManager.default.copyItem(atPath: demoData + "/" + name, toPath: data.path + "/" + name)
            if name.hasPrefix(c.file) { target = name }
        }
        let path: String
        if let target {
            path = data.path + "/" + target
        } else {
            // A new file: an edited copy of c1.
            let c1 = try FileManager.default.contentsOfDirectory(atPath: demoData).first { $0.hasPrefix("c1_") }!
            path = data.path + "/" + c.file
            try FileManager.default.copyItem(atPath: demoData + "/" + c1, toPath: path)
        }
        let edited = c.edit(try String(contentsOfFile: path, encoding: .utf8))
        try Data(c.bytes?(edited) ?? Array(edited.utf8)).write(to: URL(fileURLWithPath: path))
        let out = try temporaryDirectory().appendingPathComponent("out")
        let run = try Run.jsna(["build", "--data", data.path, "--la", "971", "--out", out.path])
        try check(run, Case(name: c.name, file: c.file, bytes: [], expected: c.expected), path: path, output: out)
    }

    // MARK: Commands, folders and outputs

    @Test func missingInputFile() throws {
        let path = try temporaryDirectory().appendingPathComponent("nowhere.csv").path
        let run = try Run.jsna(["referrals", path, "--year", "2024"])
        try check(run, Case(name: "", file: "", bytes: [], expected: .fileError("\(path): cannot open: No such file or directory")), path: path, output: nil)
    }

    @Test func inputIsAFolder() throws {
        let path = try temporaryDirectory().path
        let run = try Run.jsna(["referrals", path, "--year", "2024"])
        try check(run, Case(name: "", file: "", bytes: [], expected: .fileError("\(path): is a folder, not a file")), path: path, output: nil)
    }

    /// A named pipe (or `/dev/stdin` from a pipe) is refused before it is opened: its rows
    /// cannot be read twice, and opening it would wait for a writer.
    @Test func inputIsAPipe() throws {
        let path = try temporaryDirectory().appendingPathComponent("extract.csv").path
        #expect(mkfifo(path, 0o600) == 0)
        let run = try Run.jsna(["referrals", path, "--year", "2024"])
        try check(run, Case(name: "", file: "", bytes: [], expected: .fileError("\(path): is a pipe or a device, not a file: save the extract to a file and give its path")), path: path, output: nil)
    }

    @Test func missingDataFolder() throws {
        let out = try temporaryDirectory().appendingPathComponent("out")
        let run = try Run.jsna(["build", "--data", "/nonexistent/jsna-data", "--la", "971", "--out", out.path])
        try check(run, Case(name: "", file: "", bytes: [], expected: .fileError("/nonexistent/jsna-data: data folder not found")), path: "", output: out)
    }

    /// Tests run as root here, so a read-only folder would not stop a write: a file where
    /// the output folder's parent should be does, for every user.
    @Test func outputFolderThatCannotBeCreated() throws {
        let dir = try temporaryDirectory()
        let blocker = dir.appendingPathComponent("not-a-folder")
        try Data("keep me\n".utf8).write(to: blocker)
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--out", blocker.appendingPathComponent("out").path])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("write outputs") && run.stderr.contains("not-a-folder"), "\(run.stderr)")
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "keep me\n")
    }

    @Test func outputFolderIsAFile() throws {
        let blocker = try temporaryDirectory().appendingPathComponent("chapter")
        try Data("keep me\n".utf8).write(to: blocker)
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--out", blocker.path])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(try String(contentsOf: blocker, encoding: .utf8) == "keep me\n")
    }

    // MARK: The checks every case shares

    func check(_ run: Run, _ c: Case, path: String, output: URL?) throws {
        let lines = run.stderr.split(separator: "\n").filter { !$0.contains("analyst-only output") }
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("crashed"), "\(run.stderr)")
        switch c.expected {
        case .error(let line, let column, let message):
            #expect(run.status != 0, "\(c.name): exit \(run.status)")
            #expect(lines.count == 1, "\(c.name): \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(c.name): \(run.stdout.prefix(200))")
            let location = line == 0 ? "\(path):" : column == 0 ? "\(path):\(line):" : "\(path):\(line):\(column): "
            #expect(run.stderr.contains(location), "\(c.name): expected \(location) in \(run.stderr)")
            #expect(message.isEmpty || run.stderr.contains(message), "\(c.name): expected \(message) in \(run.stderr)")
            // Located: file:line:column, whatever the case.
            #expect(run.stderr.range(of: #"\.csv:\d+:\d+: "#, options: .regularExpression) != nil, "\(run.stderr)")
        case .fileError(let message):
            #expect(run.status != 0)
            #expect(lines.count == 1, "\(run.stderr)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains(message), "expected \(message) in \(run.stderr)")
        case .warning(let line, let column, let message):
            #expect(run.status == 0, "\(c.name): \(run.stderr)")
            // "file:line:column: warning: …" (extracts) or "warning: file:line:column: …" (data folders).
            let location = line == 0 ? "\(path)" : "\(path):\(line):\(column): "
            #expect(lines.contains { $0.contains(location) && $0.contains("warning: ") && $0.contains(message) }, "\(c.name): expected \(location)…\(message) in \(run.stderr)")
        case .reads:
            #expect(run.status == 0, "\(c.name): \(run.stderr)")
            #expect(lines.isEmpty, "\(c.name): \(run.stderr)")
        }
        if let output {
            switch c.expected {
            case .error, .fileError: #expect(!FileManager.default.fileExists(atPath: output.path), "\(c.name): wrote \(output.path)")
            case .warning, .reads: #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("chapter.html").path))
            }
        }
    }
}

@Suite struct ReadProgressLines {
    /// A long read says how far it has got on stderr; here the first line is asked for at
    /// once, so a small file shows it. stdout (the figures) is untouched.
    @Test func aLongReadSaysHowFarItHasGot() throws {
        let file = demoData + "/amberfold_referrals_list3.csv"
        let quiet = try Run.jsna(["referrals", file, "--year", "2025"])
        let run = try Run.jsna(["referrals", file, "--year", "2025"], environment: ["JSNA_PROGRESS_AFTER": "0"])
        #expect(run.status == 0, "\(run.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as! Int
        #expect(run.stderr.hasPrefix("jsna: reading amberfold_referrals_list3.csv: 0 of \(size / 1_000_000) MB (0%)\n"), "\(run.stderr)")
        #expect(!quiet.stderr.contains("jsna: reading"))
        #expect(run.stdout == quiet.stdout)
    }
}

/// `--memory` bounds what linking a child's referrals may hold; a smaller bound reads the
/// file more times and prints exactly the same figures.
@Suite struct LinkingMemoryOption {
    @Test func aSmallMemorySpillsWithTheSameFigures() throws {
        // The demo extract's rows eight times over: about 1 MB of linking records.
        let text = try String(contentsOfFile: demoData + "/amberfold_referrals_list3.csv", encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)  // "\r\n" is one Character
        let header = lines.removeFirst()
        let body = lines.joined(separator: "\r\n") + "\r\n"
        let path = try temporaryFolder(["big.csv": header + "\r\n" + String(repeating: body, count: 8)]) + "/big.csv"
        let roomy = try Run.jsna(["referrals", path, "--year", "2025"])
        let tight = try Run.jsna(["referrals", path, "--year", "2025", "--memory", "1"])
        #expect(roomy.status == 0 && tight.status == 0, "\(tight.stderr)")
        #expect(tight.stdout == roomy.stdout)
        #expect(!roomy.stderr.contains("temporary file"))
        let note = try #require(tight.stderr.split(separator: "\n").first { $0.contains("temporary file") })
        #expect(note.hasPrefix("jsna: note: linked each child's referrals through ") && note.contains("MB of temporary files in") && note.contains("up to 1 MB is held in memory"), "\(note)")
        // No room for the spill: one line, no figures.
        let nowhere = try Run.jsna(["referrals", path, "--year", "2025", "--memory", "1"], environment: ["TMPDIR": "/no/such/folder"])
        #expect(nowhere.status != 0 && nowhere.stdout.isEmpty, "\(nowhere.stderr)")
        let error = nowhere.stderr.split(separator: "\n").filter { !$0.contains("analyst-only") }
        #expect(error.count == 1 && error[0].contains("/no/such/folder: cannot create a temporary file in it") && error[0].contains("set TMPDIR"), "\(nowhere.stderr)")
        let zero = try Run.jsna(["referrals", path, "--year", "2025", "--memory", "0"])
        #expect(zero.status != 0 && zero.stderr.contains("--memory must be at least 1"), "\(zero.stderr)")
        // The same bound from a config's memory_mb:.
        let folder = (path as NSString).deletingLastPathComponent
        try Data("memory_mb: 1\n".utf8).write(to: URL(fileURLWithPath: folder + "/small.yml"))
        try Data("memory_mb: 0\n".utf8).write(to: URL(fileURLWithPath: folder + "/zero.yml"))
        let configured = try Run.jsna(["referrals", path, "--year", "2025", "--config", folder + "/small.yml"])
        #expect(configured.stdout == roomy.stdout && configured.stderr.contains("up to 1 MB is held"), "\(configured.stderr)")
        let refused = try Run.jsna(["referrals", path, "--year", "2025", "--config", folder + "/zero.yml"])
        #expect(refused.status != 0 && refused.stdout.isEmpty, "\(refused.stderr)")
        #expect(refused.stderr.contains("zero.yml: memory_mb must be at least 1"), "\(refused.stderr)")
    }
}

/// The date format decided from the whole file, end to end (issue 16, item 1).
@Suite struct DateDecisionCLI {
    static func file(_ rows: Int, us: Bool, mixed: Int = 0) -> String {
        var lines = [BadInputCorpus.header]
        for i in 0..<rows {
            let day = 13 + i % 16, month = 1 + (i / 16) % 12
            let swap = us != (i < mixed)
            let date = swap ? String(format: "%02d/%02d/2023", month, day) : String(format: "%02d/%02d/2023", day, month)
            lines.append("C\(i % 41),a) Male,a) WBRI,,,\(date),q) 6: Police,b) No,,MASH Team,Worker 1")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func usDatesGiveTheSameFiguresAsUKDates() throws {
        let dir = try temporaryDirectory()
        for (name, us) in [("uk.csv", false), ("us.csv", true)] {
            try Data(Self.file(300, us: us).utf8).write(to: dir.appendingPathComponent(name))
        }
        let uk = try Run.jsna(["referrals", dir.appendingPathComponent("uk.csv").path, "--year", "2023", "--format", "json"])
        let us = try Run.jsna(["referrals", dir.appendingPathComponent("us.csv").path, "--year", "2023", "--format", "json"])
        #expect(uk.status == 0 && us.status == 0, "\(us.stderr)")
        #expect(us.stdout == uk.stdout && !us.stdout.contains("\"referrals\": 0,"), "\(us.stdout)")
        let given = try Run.jsna(["referrals", dir.appendingPathComponent("us.csv").path, "--year", "2023", "--format", "json", "--date-format", "m/d/yyyy"])
        #expect(given.stdout == uk.stdout)
    }

    @Test func aFileOfMixedFormatsIsOneLocatedError() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("mixed.csv").path
        try Data(Self.file(300, us: false, mixed: 120).utf8).write(to: URL(fileURLWithPath: path))
        let run = try Run.jsna(["referrals", path, "--year", "2023"])
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n").filter { !$0.contains("analyst-only") }
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("\(path):2:") && run.stderr.contains("dd/mm/yyyy reads 180 (60.0%); it cannot read lines 2, 3, 4; mm/dd/yyyy reads 120 (40.0%)"), "\(run.stderr)")
        let out = dir.appendingPathComponent("out").path
        let build = try Run.jsna(["build", "--data", demoData, "--la", "971", "--extract", path, "--out", out])
        #expect(build.status != 0 && !FileManager.default.fileExists(atPath: out))
    }
}

/// An extract far from DfE's figures is said to be doubtful, not compared; `--strict` (or
/// `strict: true`) makes it an error (issue 16, item 3).
@Suite struct ImplausibleExtracts {
    @Test func strictStopsAndTheDefaultSaysWhy() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("thin.csv").path
        try Data(DateDecisionCLI.file(300, us: false).utf8).write(to: URL(fileURLWithPath: path))
        let out = dir.appendingPathComponent("out")
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--extract", path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOf: out.appendingPathComponent("chapter.md"), encoding: .utf8)
        #expect(md.contains("It is not compared with England or the neighbours. Check the extract: its annualised rate"), "\(md)")
        #expect(md.contains("The extract may be incomplete or wrongly mapped"))
        let strictOut = dir.appendingPathComponent("strict")
        let strict = try Run.jsna(["build", "--data", demoData, "--la", "971", "--extract", path, "--strict", "--out", strictOut.path])
        #expect(strict.status != 0)
        #expect(strict.stderr.contains("assemble chapter: \(path): --strict: Check the extract: its annualised rate"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: strictOut.path))
        // The config's strict: true does the same.
        try Data("la: \"971\"\ndata: [\(demoData)]\nextract: thin.csv\nout: cfg\nstrict: true\n".utf8).write(to: dir.appendingPathComponent("jsna.yml"))
        let configured = try Run.jsna(["build", "--config", dir.appendingPathComponent("jsna.yml").path])
        #expect(configured.status != 0 && configured.stderr.contains("--strict: Check the extract"), "\(configured.stderr)")
    }
}

/// `jsna referrals` for a person (issue 16, item 6).
@Suite struct ReferralsForAPerson {
    @Test func theTableSaysWhatTheFileCoversAndNamesSources() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("r.csv").path
        try Data(DateDecisionCLI.file(300, us: false).utf8).write(to: URL(fileURLWithPath: path))
        let run = try Run.jsna(["referrals", path, "--year", "2024", "--format", "table"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("The file covers 1 April 2023 to 28 December 2023 of it (its referrals run from 13 January 2023 to 28 December 2023)"), "\(run.stdout)")
        #expect(run.stdout.contains("  6: Police "))
        #expect(run.stdout.contains("incomplete: the file starts 13 January 2023, so referrals before 13 January 2024 cannot be checked against a full year before them"))
        // A year outside the file: an error for a person, the peers' zeros (with a warning) as JSON.
        let outside = try Run.jsna(["referrals", path, "--year", "2021", "--format", "table"])
        #expect(outside.status != 0 && outside.stderr.contains("2020-21 is outside the file: its referrals run from 13 January 2023 to 28 December 2023"))
        let json = try Run.jsna(["referrals", path, "--year", "2021"])
        #expect(json.status == 0 && json.stdout.contains("\"referrals\": 0,") && json.stderr.contains("warning: 2020-21 is outside"))
    }
}
