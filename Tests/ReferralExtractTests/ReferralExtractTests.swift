import CSVReader
import Foundation
import TestSupport
import Testing
import Yams

@testable import ReferralExtract

let list3Header = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker"

/// A List 3 row with the fields that matter.
func row(_ id: String, _ referral: String, dob: String = "01/01/2015", gender: String = "a) Male", ethnicity: String = "a) WBRI",
         source: String = "q) 6: Police", nfa: String = "b) No", team: String = "MASH Team", worker: String = "Worker 0001") -> String {
    "\(id),\(gender),\(ethnicity),\(dob),,\(referral),\(source),\(nfa),0,\(team),\(worker)"
}

/// Reads rows as a List 3 file. The format is given (dd/mm/yyyy) unless a test passes
/// `ExtractOptions()`: most tests' few dates have days of 12 or less, which a file's own
/// dates could not settle (see ``DateDecisions``).
func extract(_ rows: [String], bom: Bool = false, crlf: Bool = false, options: ExtractOptions = ExtractOptions(dateFormat: .dayMonthYear)) throws -> ReferralExtract {
    let eol = crlf ? "\r\n" : "\n"
    let text = (bom ? "\u{FEFF}" : "") + ([list3Header] + rows).joined(separator: eol) + eol
    let path = try temporaryFolder(["list3.csv": text]) + "/list3.csv"
    return try ReferralExtract.read(path: path, options: options)
}

/// The shared kit's hand-computed edge cases and the Annex A value map (../shared).
let benchKit = SharedData.root.deletingLastPathComponent().appendingPathComponent("bench/tests")
let annexASpec = SharedData.root.appendingPathComponent("specs/annex_a_data_map.yml")

/// Issue 29, item 11: two extracts joined into one file: the second's byte-order mark made
/// a new child of the first ID after it. It is removed, so the child is linked, and a
/// warning names the line.
@Suite struct JoinedFiles {
    @Test func aByteOrderMarkMidFileIsRemovedWithAWarning() throws {
        let e = try extract([row("C1", "01/05/2024"), "\u{FEFF}" + row("C1", "01/07/2024")])
        let warning = try #require(e.diagnostics.groups[.byteOrderMark])
        #expect(warning.count == 1 && warning.firstLine == 3)
        #expect(!ExtractDiagnostics.Kind.byteOrderMark.isError)
        #expect(e.figures(for: 2025).rereferrals == 1, "the second referral is the same child's, within 12 months")
        let text = e.diagnostics.diagnostics(path: "list3.csv").map(\.description)
        #expect(text.contains { $0.hasPrefix("list3.csv:3:1:") && $0.contains("1 row: a byte-order mark (U+FEFF) starts the row") }, "\(text)")
    }
}

@Suite struct ReReferrals {
    @Test func leapDays() throws {
        // 28 Feb 2023 counts for 29 Feb 2024; 27 Feb 2023 does not.
        let a = try extract([row("A", "28/02/2023"), row("A", "29/02/2024"), row("B", "27/02/2023"), row("B", "29/02/2024")])
        #expect(a.figures(for: 2024).rereferrals == 1)
        // 29 Feb 2024 counts for 28 Feb 2025 but not for 1 Mar 2025.
        let b = try extract([row("C", "29/02/2024"), row("C", "28/02/2025"), row("D", "29/02/2024"), row("D", "01/03/2025")])
        #expect(b.figures(for: 2025).rereferrals == 1)
    }

    @Test func exactlyOneYearCountsOneYearAndADayDoesNot() throws {
        let e = try extract([row("A", "15/06/2022"), row("A", "15/06/2023"), row("B", "14/06/2022"), row("B", "15/06/2023")])
        #expect(e.figures(for: 2024).rereferrals == 1)
        #expect(e.figures(for: 2024).referrals == 2)
    }

    @Test func sameDayDuplicatesAreNotReReferralsOfEachOther() throws {
        let alone = try extract([row("A", "10/10/2023"), row("A", "10/10/2023")])
        #expect(alone.figures(for: 2024).rereferrals == 0)
        #expect(alone.diagnostics.groups[.duplicate]?.count == 1)
        #expect(alone.diagnostics.groups[.duplicate]?.firstLine == 3)
        let withEarlier = try extract([row("B", "01/05/2023"), row("B", "10/10/2023"), row("B", "10/10/2023")])
        #expect(withEarlier.figures(for: 2024).rereferrals == 2)
    }

    @Test func blankIDsLinkToNothing() throws {
        let e = try extract([row("", "02/08/2023"), row("", "03/08/2023"), row("  ", "04/08/2023")])
        #expect(e.figures(for: 2024).referrals == 3)
        #expect(e.figures(for: 2024).rereferrals == 0)
        #expect(e.diagnostics.groups[.childIDBlank]?.count == 3)
    }

    @Test func theTwelveMonthColumnIsIgnored() throws {
        let e = try extract(["A,a) Male,a) WBRI,01/01/2015,8,10/10/2023,q) 6: Police,b) No,7,MASH Team,W"])
        #expect(e.figures(for: 2024).rereferrals == 0)
    }
}

@Suite struct AgesAndLabels {
    @Test func ageBands() throws {
        let e = try extract([
            row("A", "01/09/2023", dob: "01/09/2023"), row("B", "14/03/2024", dob: "15/03/2023"), row("C", "15/03/2024", dob: "15/03/2023"),
            row("D", "20/07/2023", dob: "15/08/2023"), row("E", "05/01/2024", dob: ""), row("F", "06/01/2024", dob: "31/02/2015"),
            row("G", "10/10/2023", dob: "05/05/2005"), row("H", "01/03/2024", dob: "29/02/2020"),
        ])
        let f = e.figures(for: 2024)
        #expect(f.byAge == ["Under 1": 2, "1 to 4": 2, "Unknown": 3, "16 and over": 1])
        #expect(e.diagnostics.groups[.birthAfterReferral]?.firstLine == 5)
        #expect(e.diagnostics.groups[.birthDateBlank]?.count == 1)
        #expect(e.diagnostics.groups[.birthDateInvalid]?.example == "31/02/2015")
    }

    /// Whole years at each band's edge: the day before a birthday, and the birthday itself.
    @Test func ageBandsAtTheirEdges() throws {
        let births = ["11/06/2019", "10/06/2019", "11/06/2014", "10/06/2014", "11/06/2008", "10/06/2008"]
        let e = try extract(births.enumerated().map { row("C\($0.offset)", "10/06/2024", dob: $0.element) })
        #expect(e.figures(for: 2025).byAge == ["1 to 4": 1, "5 to 9": 2, "10 to 15": 2, "16 and over": 1])
    }

    /// A column's labels are worked out once per distinct raw value and remembered by its
    /// bytes: values that share their first and last eight bytes, of every length up to
    /// past the longest remembered, and more of them than the memo keeps, each get the
    /// label worked out plainly.
    @Test func rememberedLabelsAreTheLabelsWorkedOut() {
        var values: [String] = []
        for n in 0...40 {
            values.append(String(repeating: "a", count: n))
            if n >= 3 {
                for middle in ["b", "c", ")"] {
                    var v = Array(String(repeating: "a", count: n))
                    v[n / 2] = Character(middle)
                    values.append(String(v))
                }
            }
        }
        values += (0..<300).map { "q) \($0): Source \($0 % 7)" } + ["a) Male", " a) Male ", "a)  Male", "Male", "b) Female"]
        let interner = ByteInterner(capacity: 16)
        var memo = FieldMemo(slots: 64)
        var plain: [String: Int] = [:]
        for round in 0..<3 {
            for value in values {
                let bytes = Array(value.utf8)
                let id = bytes.withUnsafeBufferPointer { f in memo.label(f) ?? memo.remember(f, interner.intern(Labels.label(f))) }
                let expected = bytes.withUnsafeBufferPointer { interner.intern(Labels.label($0)) }
                #expect(id == expected, "\(value) in round \(round)")
                plain[value] = expected
            }
        }
        #expect(interner.string(plain["a)  Male"]!) == "Male" && plain["a) Male"] == plain["Male"])
    }

    @Test func labelsNFAAndQuotedCommas() throws {
        let e = try extract([
            row("A", "07/11/2023", source: "\"s) 8: Other, incl. \"\"anonymous\"\" callers\"", nfa: "a) Yes", team: "\"Assessment, North\"", worker: "\"Smith, Jo\""),
            row("B", "08/11/2023", gender: "Female", ethnicity: "", source: "6", nfa: "YES"),
            row("C", "09/11/2023", gender: " b)  Female ", source: "", nfa: "y"),
            row("D", "10/11/2023", nfa: "No"), row("E", "11/11/2023", nfa: ""),
        ])
        let f = e.figures(for: 2024)
        #expect(f.nfa == 3)
        #expect(f.byGender == ["Male": 3, "Female": 2])
        #expect(f.byEthnicity == ["WBRI": 4, "Unknown": 1])
        #expect(f.bySource == ["8": 1, "6": 3, "Unknown": 1])
        #expect(f.byMonth == ["2023-11": 5])
    }

    @Test func bomAndCRLF() throws {
        let e = try extract([row("A", "28/02/2024"), row("A", "29/02/2024")], bom: true, crlf: true)
        #expect(e.figures(for: 2024).referrals == 2)
        #expect(e.figures(for: 2024).rereferrals == 1)
    }
}

@Suite struct DatesAndColumns {
    @Test func isoFilesAreDetected() throws {
        let e = try extract([row("A", "2023-05-01", dob: "2015-01-01"), row("A", "2024-03-31", dob: "2015-01-01"), row("B", "")], options: ExtractOptions())
        #expect(e.dateFormat == .iso)
        #expect(e.dateFormatDetected)
        #expect(e.figures(for: 2024).referrals == 2)
        #expect(e.figures(for: 2024).rereferrals == 1)
        #expect(e.diagnostics.groups[.referralDateBlank]?.firstLine == 4)
        // Given a format, rows it cannot read are left out and located.
        let given = try extract([row("A", "2023-05-01", dob: "2015-01-01"), row("B", "01/05/2023")], options: ExtractOptions(dateFormat: .iso))
        #expect(given.diagnostics.groups[.referralDateInvalid]?.firstLine == 3)
    }

    @Test(arguments: ["44927", "31/02/2024", "2024-13-01", "01/05/23", " 01/05/2023", "1/5/2023 ", "01-05-2023"])
    func oddDatesAreLeftOutNeverGuessed(date: String) throws {
        let e = try extract([row("A", "01/05/2023"), row("B", date), row("C", "02/05/2023")])
        #expect(e.figures(for: 2024).referrals == 2)
        #expect(e.rowsExcluded == 1)
        #expect(e.diagnostics.groups[.referralDateInvalid]?.firstLine == 3)
    }

    @Test func singleDigitDayAndMonthAreAcceptedAsPandasDoes() throws {
        let e = try extract([row("A", "1/5/2023")])
        #expect(e.figures(for: 2024).byMonth == ["2023-05": 1])
    }

    @Test func configuredDateFormatWins() throws {
        let e = try extract([row("A", "2023-05-01")], options: ExtractOptions(dateFormat: .dayMonthYear))
        #expect(e.figures(for: 2024).referrals == 0)
        #expect(e.rowsExcluded == 1)
    }

    @Test func mappedColumns() throws {
        let text = "PersonID,Sex,Ethnic,DOB,ReferralDate,Source,NFA\nP1,M,WBRI,01/01/2015,01/05/2023,6,N\nP1,M,WBRI,01/01/2015,01/06/2023,6,Y\n"
        let path = try temporaryFolder(["cms.csv": text]) + "/cms.csv"
        let options = ExtractOptions(columns: [
            .childID: "PersonID", .gender: "Sex", .ethnicity: "Ethnic", .dateOfBirth: "DOB", .dateOfReferral: "ReferralDate",
            .source: "Source", .nfa: "NFA",
        ], dateFormat: .dayMonthYear)
        let f = try ReferralExtract.read(path: path, options: options).figures(for: 2024)
        #expect(f.referrals == 2 && f.rereferrals == 1 && f.nfa == 1)
        #expect(f.byGender == ["M": 2])
    }

    @Test func missingColumnsAndOtherListsAreNamed() throws {
        let path = try temporaryFolder(["l4.csv": "Child Unique ID,Gender,Ethnicity,Date of Birth,Continuous Assessment Start Date\nA,M,WBRI,01/01/2015,01/05/2023\n"]) + "/l4.csv"
        do {
            _ = try ReferralExtract.read(path: path)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("l4.csv:1:1: missing columns 'Date of Referral', 'Referral Source', 'Referral NFA?'"))
            #expect("\(error)".contains("List 4"))
        }
    }
}

@Suite struct Output {
    @Test func jsonIsWhatPythonPrints() {
        var f = ReferralFigures(year: 2024)
        f.referrals = 2
        f.byGender = ["Male": 1, "Zoë \"Z\"": 1]
        #expect(f.json == """
            {
              "by_age": {},
              "by_ethnicity": {},
              "by_gender": {
                "Male": 1,
                "Zo\\u00eb \\"Z\\"": 1
              },
              "by_month": {},
              "by_source": {},
              "nfa": 0,
              "referrals": 2,
              "rereferrals": 0,
              "year": 2024
            }

            """)
        #expect(PythonJSON.quote("a\u{1F600}") == "\"a\\ud83d\\ude00\"")
        #expect(PythonJSON.quote("\u{01}") == "\"\\u0001\"")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: benchKit.path), "needs ../shared/bench/tests"))
    func theKitsEdgeCasesMatchTheirHandComputedAnswers() throws {
        let kit = benchKit
        // The kit's dates are dd/mm/yyyy by its contract; one of its 37 is ISO (2.7%), more
        // than the 1% a file may have unread when its format is decided from its dates.
        #expect(throws: CSVError.self) { try ReferralExtract.read(path: kit.appendingPathComponent("edge.csv").path) }
        let e = try ReferralExtract.read(path: kit.appendingPathComponent("edge.csv").path, options: ExtractOptions(dateFormat: .dayMonthYear))
        for year in 2022...2025 {
            let expected = try String(contentsOf: kit.appendingPathComponent("edge_expected_\(year).json"), encoding: .utf8)
            #expect(e.figures(for: year).json == expected, "year \(year)")
        }
    }
}

@Suite struct Calendar {
    @Test func dayNumbersRoundTrip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 2, 29), (1900, 1, 1), (2099, 12, 31)] {
            let c = CivilDate(year: y, month: m, day: d)!
            #expect(c.components == (y, m, d))
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29)!.oneYearBefore == CivilDate(year: 2023, month: 2, day: 28))
        #expect(CivilDate(year: 2024, month: 3, day: 31)!.censusYear == 2024)
        #expect(CivilDate(year: 2024, month: 4, day: 1)!.censusYear == 2025)
        #expect(CivilDate(year: 2020, month: 2, day: 29)!.completedYears(on: CivilDate(year: 2025, month: 2, day: 28)!) == 4)
        #expect(CivilDate(year: 2020, month: 2, day: 29)!.completedYears(on: CivilDate(year: 2025, month: 3, day: 1)!) == 5)
    }

    /// The quick validity test (two bits a month, leap years asked only in February) and
    /// the unsigned day count, against Foundation's Gregorian calendar: every day of years
    /// at the edges of the range and around the century rules, and impossible parts; each
    /// day number goes back to its date.
    @Test func validityAndDayNumbersAgreeWithFoundation() {
        var gregorian = Foundation.Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        let epoch = gregorian.date(from: DateComponents(year: 1970, month: 1, day: 1))!
        for year in [999, 1000, 1001, 1600, 1899, 1900, 1904, 1990, 2000, 2023, 2024, 2100, 9999, 10_000] {
            for month in -1...14 {
                for day in -1...33 {
                    let parts = DateComponents(year: year, month: month, day: day)
                    // Foundation's calendar is Julian before October 1582; jsna's is Gregorian
                    // throughout, so earlier years are checked against the plain rule.
                    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
                    let plain = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                    let real = (1...12).contains(month) && day >= 1 && (1000...9999).contains(year)
                        && (year < 1600 ? day <= plain[month - 1]
                            : gregorian.date(from: parts).map { gregorian.dateComponents([.year, .month, .day], from: $0) == parts } == true)
                    #expect(CivilDate.isValid(year: year, month: month, day: day) == real, "\(year)-\(month)-\(day)")
                    guard real else { continue }
                    #expect(CivilDate(dayNumber: Int32(CivilDate.daysFromCivil(year, month, day))).components == (year, month, day))
                    if year >= 1600 {
                        let days = gregorian.dateComponents([.day], from: epoch, to: gregorian.date(from: parts)!).day!
                        #expect(CivilDate.daysFromCivil(year, month, day) == days, "\(year)-\(month)-\(day)")
                    }
                }
            }
        }
    }
}

@Suite struct AnnexAGroups {
    @Test func codedAndPlainValuesGroupAlike() {
        #expect(AnnexA.genderGroup("Male") == "Male" && AnnexA.genderGroup("M") == "Male" && AnnexA.genderGroup("f") == "Female")
        #expect(AnnexA.genderGroup("Unknown") == "Not stated, recorded or known")
        #expect(AnnexA.ethnicGroup("WBRI") == "White" && AnnexA.ethnicGroup("White British") == "White")
        #expect(AnnexA.ethnicGroup("APKN") == "Asian or Asian British" && AnnexA.ethnicGroup("Pakistani") == "Asian or Asian British")
        #expect(AnnexA.ethnicGroup("CHNE") == "Other ethnic group")
        #expect(AnnexA.ethnicGroup("Unknown") == "Refused, not obtained or unknown")
        #expect(AnnexA.sourceGroup("6") == "Police" && AnnexA.sourceGroup("Police") == "Police")
        #expect(AnnexA.sourceGroup("3A") == "Health services" && AnnexA.sourceGroup("GP") == "Health services")
        #expect(AnnexA.sourceGroup("2A") == "Schools" && AnnexA.sourceGroup("10") == "Unknown")
    }

    /// jsna's own table agrees with the Annex A value map in ../shared/data/specs.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: annexASpec.path), "needs ../shared/data/specs"))
    func everyListThreeCodeInTheSpecIsKnown() throws {
        let text = try String(contentsOf: annexASpec, encoding: .utf8)
        let yaml = try #require(try Yams.load(yaml: text) as? [String: Any])
        let list3 = try #require((yaml["data_config"] as? [String: Any])?["List 3"] as? [String: Any])
        let codes = { (field: String) in ((list3[field] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String } }
        // "a) WBRI" → "WBRI"; "q) 6: Police" → "6".
        let ethnicity = codes("Ethnicity").map { String($0.dropFirst(3)) }
        #expect(Set(ethnicity) == Set(AnnexA.ethnicities.map(\.code)))
        let sources = codes("Referral Source").map { String($0.dropFirst(3).prefix { $0 != ":" }) }
        #expect(sources.count == 21)
        for code in sources { #expect(AnnexA.sources.contains { $0.code == code }, "\(code)") }
    }
}

/// Split across cores, the figures, diagnostics and line numbers are exactly the same.
@Suite struct ParallelReading {
    static func bigExtract() throws -> String {
        var rows: [String] = []
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        for i in 0..<60_000 {
            let child = "C\(next(20_000))"
            let day = 1 + next(28), month = 1 + next(12), year = 2022 + next(3)
            let date = i % 997 == 0 ? "31/02/2023" : String(format: "%02d/%02d/%d", day, month, year)
            let source = i % 7 == 0 ? "\"s) 8: Other, incl.\nnewline \"\"quoted\"\"\"" : "q) 6: Police"
            let dob = i % 501 == 0 ? "" : String(format: "%02d/%02d/%d", 1 + next(28), 1 + next(12), 2006 + next(18))
            rows.append(row(child, date, dob: dob, source: source, team: "\"Team, \(next(5))\""))
        }
        return try temporaryFolder(["big.csv": ([list3Header] + rows).joined(separator: "\r\n") + "\r\n"]) + "/big.csv"
    }

    @Test func oneTwoAndThreePartsAgree() throws {
        let path = try Self.bigExtract()
        let one = try ReferralExtract.read(path: path, parts: 1)
        for parts in [2, 3, 5] {
            let many = try ReferralExtract.read(path: path, parts: parts)
            for year in 2022...2025 { #expect(many.figures(for: year) == one.figures(for: year), "year \(year), \(parts) parts") }
            #expect(many.daily == one.daily)
            #expect(many.rowsRead == one.rowsRead)
            for kind in ExtractDiagnostics.Kind.allCases {
                #expect(many.diagnostics.groups[kind]?.count == one.diagnostics.groups[kind]?.count, "\(kind)")
                #expect(many.diagnostics.groups[kind]?.firstLine == one.diagnostics.groups[kind]?.firstLine, "\(kind)")
            }
        }
        #expect(one.figures(for: 2024).referrals > 10_000)
        #expect(one.diagnostics.groups[.referralDateInvalid]?.firstLine == 2)
    }

    /// A header ended by a lone CR, rows by CRLF: the split read began one row late and
    /// lost the first data row (a fuzzer finding).
    @Test func aHeaderEndedByALoneCRLosesNoRow() throws {
        let rows = (0..<40).map { row("C\($0 % 7)", String(format: "%02d/04/2023", 1 + $0 % 20)) }
        let path = try temporaryFolder(["cr.csv": list3Header + "\r" + rows.joined(separator: "\r\n") + "\r\n"]) + "/cr.csv"
        var options = ExtractOptions()
        options.splitAbove = 0
        let one = try ReferralExtract.read(path: path, options: options, parts: 1)
        #expect(one.rowsRead == 40)
        for parts in [2, 3] {
            let many = try ReferralExtract.read(path: path, options: options, parts: parts)
            #expect(many.rowsRead == 40)
            #expect(many.figures(for: 2023) == one.figures(for: 2023), "\(parts) parts")
            #expect(many.diagnostics.groups[.duplicate]?.firstLine == one.diagnostics.groups[.duplicate]?.firstLine)
        }
    }

    @Test func anErrorInAChunkIsStillLocatedExactly() throws {
        var text = try String(contentsOfFile: try Self.bigExtract(), encoding: .utf8)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        var changed = lines.map(String.init)
        changed[50_000] += ",extra"
        text = changed.joined(separator: "\r\n")
        let path = try temporaryFolder(["bad.csv": text]) + "/bad.csv"
        do {
            _ = try ReferralExtract.read(path: path, parts: 3)
            Issue.record("expected an error")
        } catch let error as CSVError {
            let physical = changed.prefix(50_000).reduce(1) { $0 + $1.filter { $0 == "\n" }.count + 1 }
            #expect(error.line == physical, "\(error)")
            #expect(error.message.contains("ragged row"))
        }
    }
}

/// A file's date format is decided from all its referral dates (issue 16, item 1), and
/// dates after today or before 1990 are left out (item 2).
@Suite struct DateDecisions {
    /// `n` rows of referrals on days 13 to 28 of each month (so only one slash format reads
    /// them), written with `write`; the child IDs link some as re-referrals.
    static func rows(_ n: Int, _ write: (Int, Int, Int) -> String) -> [String] {
        (0..<n).map { i in
            let day = 13 + i % 16, month = 1 + (i / 16) % 12, year = 2023 + (i / 192) % 2
            return row("C\(i % 37)", write(day, month, year), dob: write(1 + i % 28, 1 + i % 12, 2012))
        }
    }
    static func dmy(_ d: Int, _ m: Int, _ y: Int) -> String { String(format: "%02d/%02d/%04d", d, m, y) }
    static func mdy(_ d: Int, _ m: Int, _ y: Int) -> String { String(format: "%02d/%02d/%04d", m, d, y) }

    @Test func usDatesAreReadAsUSDates() throws {
        let us = try extract(Self.rows(400, Self.mdy), options: ExtractOptions())
        let uk = try extract(Self.rows(400, Self.dmy), options: ExtractOptions())
        #expect(us.dateFormat == .monthDayYear && us.dateFormatDetected)
        #expect(uk.dateFormat == .dayMonthYear)
        for year in [2023, 2024, 2025] { #expect(us.figures(for: year).json == uk.figures(for: year).json) }
        #expect(us.rowsExcluded == 0 && us.lastDate == uk.lastDate)
        // Given explicitly, the same.
        let given = try extract(Self.rows(400, Self.mdy), options: ExtractOptions(dateFormat: .monthDayYear))
        #expect(given.figures(for: 2024).json == uk.figures(for: 2024).json && !given.dateFormatDetected)
    }

    @Test func aMixOfFormatsStopsWithEachFormatsCount() throws {
        let mixed = Self.rows(300, Self.dmy) + Self.rows(200, Self.mdy)
        #expect {
            try extract(mixed, options: ExtractOptions())
        } throws: { error in
            let text = "\(error)"
            return text.contains("list3.csv:") && text.contains("cannot tell the date format of Date of Referral: no format reads 99% of its 500 non-blank dates")
                && text.contains("dd/mm/yyyy reads 300 (60.0%); it cannot read lines 302, 303, 304") && text.contains("mm/dd/yyyy reads 200 (40.0%)")
                && text.contains("yyyy-mm-dd reads 0 (0.0%)")
        }
        // A few bad dates in 500 (under 1%) do not stop it: they are left out and located.
        let mostly = Self.rows(497, Self.dmy) + ["2023-05-01", "44927", "31/02/2024"].map { row("X", $0) }
        let e = try extract(mostly, options: ExtractOptions())
        #expect(e.dateFormat == .dayMonthYear && e.rowsExcluded == 3)
        #expect(e.diagnostics.groups[.referralDateInvalid]?.firstLine == 499)
    }

    @Test func daysOfTwelveOrLessAreAmbiguous() throws {
        #expect {
            try extract([row("A", "01/05/2023"), row("B", "02/05/2023"), row("C", "12/11/2023")], options: ExtractOptions())
        } throws: { error in
            "\(error)".contains("list3.csv:2:") && "\(error)".contains("every Date of Referral has a day of 12 or less, so it reads as dd/mm/yyyy and as mm/dd/yyyy alike: give --date-format")
        }
        let given = try extract([row("A", "01/05/2023"), row("B", "02/05/2023")], options: ExtractOptions(dateFormat: .monthDayYear))
        #expect(given.figures(for: 2023).byMonth == ["2023-01": 1, "2023-02": 1])
    }

    @Test(arguments: [("dd/mm/yyyy", DateFormat.dayMonthYear), ("d/m/yyyy", .dayMonthYear), ("DD/MM/YYYY", .dayMonthYear),
                      ("mm/dd/yyyy", .monthDayYear), ("m/d/yyyy", .monthDayYear), ("yyyy-mm-dd", .iso)])
    func formatSpellings(spelling: String, format: DateFormat) {
        #expect(DateFormat(spelling: spelling) == format)
        #expect(DateFormat(spelling: "dd-mm-yyyy") == nil && DateFormat(spelling: "dd/mm/yy") == nil)
    }

    /// One row dated 2052 (or 1952) is left out like an invalid date, counted and located;
    /// the period still ends at the latest date in range.
    @Test func outOfRangeDatesCannotMoveThePeriod() throws {
        var rows = Self.rows(300, Self.dmy)
        rows.insert(row("Z", "01/02/2052"), at: 10)
        rows.insert(row("Y", "15/06/1952"), at: 20)
        let e = try extract(rows, options: ExtractOptions())
        let without = try extract(Self.rows(300, Self.dmy), options: ExtractOptions())
        #expect(e.lastDate == without.lastDate && e.firstDate == without.firstDate)
        #expect(e.rowsExcluded == 2)
        let group = try #require(e.diagnostics.groups[.referralOutOfRange])
        #expect(group.count == 2 && group.firstLine == 12)
        #expect(e.figures(for: 2052).referrals == 0)
        let lines = e.diagnostics.diagnostics(path: e.path, fields: e.diagnosticFields).map { $0.text(severity: true) }
        #expect(lines.contains("\(e.path):12:31: error: 2 rows, left out of every figure: Date of Referral is after today or before 1990 (e.g. \"01/02/2052\") — the first is here"), "\(lines)")
    }

    /// The kit's edge cases with every dd/mm/yyyy date rewritten as mm/dd/yyyy, read with
    /// `mm/dd/yyyy` given: the hand-computed answers, unchanged.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: benchKit.path), "needs ../shared/bench/tests"))
    func theKitsEdgeCasesInUSDates() throws {
        let text = try String(contentsOf: benchKit.appendingPathComponent("edge.csv"), encoding: .utf8)
        let swapped = try NSRegularExpression(pattern: #"\b(\d{2})/(\d{2})/(\d{4})\b"#)
            .stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$2/$1/$3")
        #expect(swapped != text)
        let path = try temporaryFolder(["edge-us.csv": swapped]) + "/edge-us.csv"
        let e = try ReferralExtract.read(path: path, options: ExtractOptions(dateFormat: .monthDayYear))
        for year in 2022...2025 {
            let expected = try String(contentsOf: benchKit.appendingPathComponent("edge_expected_\(year).json"), encoding: .utf8)
            #expect(e.figures(for: year).json.trimmingCharacters(in: .newlines) == expected.trimmingCharacters(in: .newlines), "\(year)")
        }
    }
}
