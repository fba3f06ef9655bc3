import Foundation
import ReferralExtract
import TestSupport
import Testing

@testable import AnnexAPathway

let kit = SharedData.root.deletingLastPathComponent().appendingPathComponent("bench/annexa")
let hasKit = FileManager.default.fileExists(atPath: kit.appendingPathComponent("tests/edge").path)

/// dd/mm/yyyy whatever the dates say, as the peers read: the kit's edge lists hold so many
/// not-dates that jsna would not decide their format on its own.
let asThePeersRead = PathwayOptions(dateFormat: .dayMonthYear)

func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

/// Working days (issue 19): the days after the first date up to the second, Monday to
/// Friday, less England and Wales bank holidays made from the statutory rules.
@Suite struct WorkingDayCounts {
    @Test func handCases() {
        #expect(WorkingDays.between(date(2024, 5, 10), date(2024, 5, 10)) == 0, "same day")
        #expect(WorkingDays.between(date(2024, 5, 10), date(2024, 5, 13)) == 1, "Friday to Monday")
        #expect(WorkingDays.between(date(2024, 5, 13), date(2024, 5, 10)) == nil, "untimed")
        // 24 Dec 2024 (Tue) to 2 Jan 2025 (Thu): 27, 30, 31 Dec and 2 Jan; not 25, 26 Dec or 1 Jan.
        #expect(WorkingDays.between(date(2024, 12, 24), date(2025, 1, 2)) == 4)
        // 2022's one-off days: the Platinum Jubilee and the state funeral.
        #expect(WorkingDays.bankHolidays(2022).contains(date(2022, 6, 3)) && WorkingDays.bankHolidays(2022).contains(date(2022, 9, 19)))
        #expect(WorkingDays.bankHolidays(2020).contains(date(2020, 5, 8)) && !WorkingDays.bankHolidays(2020).contains(date(2020, 5, 4)))
        // Christmas 2021 fell at a weekend: Monday 27 and Tuesday 28 December.
        #expect(WorkingDays.bankHolidays(2021).contains(date(2021, 12, 27)) && WorkingDays.bankHolidays(2021).contains(date(2021, 12, 28)))
        // Outside 2012-2027 only weekends count.
        #expect(WorkingDays.between(date(2030, 12, 24), date(2030, 12, 27)) == 3)
    }

    @Test(.enabled(if: hasKit, "needs ../shared/bench/annexa")) func theRulesGiveTheKitsHolidays() throws {
        let text = try String(contentsOf: kit.appendingPathComponent("bank_holidays_england_wales.csv"), encoding: .utf8)
        let listed = Set(text.split(separator: "\n").dropFirst().compactMap { DateFormat.iso.parse(text: String($0).trimmingCharacters(in: .whitespacesAndNewlines)) })
        let made = Set(WorkingDays.years.flatMap { WorkingDays.bankHolidays($0) })
        #expect(listed.count > 120)
        #expect(made == listed, "only in the rules: \(made.subtracting(listed).sorted()); only in the kit: \(listed.subtracting(made).sorted())")
    }
}

/// The kit's precise readings, one by one.
@Suite struct PathwayReadings {
    func bytes<T>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var s = s
        return s.withUTF8(body)
    }

    @Test func valuesAreReadAsTheKitReadsThem() {
        #expect(bytes("a) Physical abuse") { PathwayValues.categories[PathwayValues.category($0)] } == "Neglect", "a prefix decides alone")
        #expect(bytes("f) Neglect") { PathwayValues.categories[PathwayValues.category($0)] } == "Unknown")
        #expect(bytes("sexual abuse") { PathwayValues.categories[PathwayValues.category($0)] } == "Sexual abuse")
        #expect(bytes("A) Yes") { PathwayValues.isYes($0) } == false && bytes("yes") { PathwayValues.isYes($0) })
        #expect(bytes("code N10") { PathwayValues.needs[PathwayValues.primaryNeed($0)] } == "N1" && bytes("n4") { PathwayValues.needs[PathwayValues.primaryNeed($0)] } == "N4")
        #expect(bytes("Abuse") { PathwayValues.needs[PathwayValues.primaryNeed($0)] } == "Unknown")
        #expect(bytes("01") { PathwayValues.wholeNumber($0) } == 1 && bytes("-1") { PathwayValues.wholeNumber($0) } == nil && bytes("1.0") { PathwayValues.wholeNumber($0) } == nil)
        #expect(PathwayValues.twoYearsAfter(date(2024, 2, 29)) == date(2026, 2, 28))
        #expect(PathwayValues.ageBands[PathwayValues.ageBand(birth: date(2020, 3, 31), at: date(2025, 3, 30))] == "1 to 4")
        #expect(PathwayValues.ageBands[PathwayValues.ageBand(birth: date(2026, 1, 1), at: date(2025, 3, 31))] == "Unknown")
        // Python's %d reads a space and one digit; %m does not; the year needs four digits.
        #expect(DateFormat.dayMonthYear.parse(text: " 1/04/2024") == date(2024, 4, 1))
        #expect(DateFormat.dayMonthYear.parse(text: "01/ 4/2024") == nil && DateFormat.dayMonthYear.parse(text: "31/02/2024") == nil)
        #expect(bytes("sEx") { PathwayValues.categories[PathwayValues.category($0)] } == "Sexual abuse" && bytes("S3X") { PathwayValues.category($0) } == 5)
    }
}

/// `jsna annex-a`'s figures equal the kit's hand-computed answers for its edge lists.
@Suite struct PathwayEdgeLists {
    @Test(.enabled(if: hasKit, "needs ../shared/bench/annexa"), arguments: [
        (2024, nil, "edge_expected_2024.json"), (2025, nil, "edge_expected_2025.json"),
        (2026, "2026-02-28", "edge_expected_2026_as_at_2026-02-28.json"),
    ] as [(Int, String?, String)])
    func handComputedAnswers(year: Int, asAt: String?, expected: String) throws {
        let figures = try PathwayFigures.read(folder: kit.appendingPathComponent("tests/edge").path, year: year, asAt: asAt.flatMap { DateFormat.iso.parse(text: $0) }, options: asThePeersRead)
        let answer = try String(contentsOf: kit.appendingPathComponent("tests/\(expected)"), encoding: .utf8)
        #expect(figures.json == answer)
        #expect(figures.sections.count == 7)
    }

    @Test(.enabled(if: hasKit, "needs ../shared/bench/annexa")) func listsAreKnownByTheirHeadersNotTheirNames() throws {
        let folder = try temporaryDirectory()
        let edge = kit.appendingPathComponent("tests/edge")
        // Renamed files, only three lists, and a file that is no list.
        try FileManager.default.copyItem(at: edge.appendingPathComponent("list7.csv"), to: folder.appendingPathComponent("plans export.csv"))
        try FileManager.default.copyItem(at: edge.appendingPathComponent("list1.csv"), to: folder.appendingPathComponent("zz.csv"))
        try FileManager.default.copyItem(at: edge.appendingPathComponent("list8.csv"), to: folder.appendingPathComponent("a.csv"))
        try Data("x,y\n1,2\n".utf8).write(to: folder.appendingPathComponent("notes.csv"))
        let figures = try PathwayFigures.read(folder: folder.path, year: 2025, asAt: nil, options: asThePeersRead)
        #expect(Set(figures.sections.keys) == [.cpp, .contacts, .cla])
        #expect(figures.notes.contains { $0.description.contains("notes.csv") && $0.description.contains("not an Annex A list") })
        let whole = try PathwayFigures.read(folder: edge.path, year: 2025, asAt: nil, options: asThePeersRead)
        for list in [PathwayList.cpp, .contacts, .cla] {
            #expect(PythonJSON.dumps(figures.sections[list]!.value) == PythonJSON.dumps(whole.sections[list]!.value))
        }
    }
}

/// Bad lists stop with one line naming the file.
@Suite struct PathwayBadInput {
    @Test func aListWithoutAColumnItNeedsIsAnError() throws {
        let folder = try temporaryDirectory()
        try Data("Child Unique ID,CIN Start Date,CIN Closure Date\nC1,01/05/2024,\n".utf8).write(to: folder.appendingPathComponent("cin.csv"))
        #expect { try PathwayFigures.read(folder: folder.path, year: 2025, asAt: nil) } throws: {
            "\($0)".contains("cin.csv:1:1: List 6 (children in need) without its 'Date of Birth' column")
        }
    }

    /// Issue 29, item 11: a List 1 joined from two files, the second's byte-order mark on
    /// line 3: removed (the child is the same one) and a warning at that line.
    @Test func aByteOrderMarkMidListIsAWarningAtItsLine() throws {
        let folder = try temporaryDirectory()
        let header = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source\n"
        let rows = "C1,a) Male,WBRI,01/01/2015,9,01/05/2024,a) 6: Police\n\u{FEFF}C1,a) Male,WBRI,01/01/2015,9,03/05/2024,a) 6: Police\n"
        try Data((header + rows).utf8).write(to: folder.appendingPathComponent("contacts.csv"))
        let reading = try #require(try PathwayFigures.read(folder: folder.path, year: 2025, asAt: nil).lists[.contacts])
        let warnings = reading.diagnostics.map(\.description).filter { $0.contains("byte-order mark") }
        #expect(warnings.count == 1 && warnings[0].contains("contacts.csv:3:1:"), "\(reading.diagnostics)")
    }

    @Test func twoFilesOfOneListAreAnError() throws {
        let folder = try temporaryDirectory()
        let header = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source\n"
        try Data((header + "C1,a) Male,WBRI,01/01/2015,9,01/05/2024,a) 6: Police\n").utf8).write(to: folder.appendingPathComponent("a.csv"))
        try Data(header.utf8).write(to: folder.appendingPathComponent("b.csv"))
        #expect { try PathwayFigures.read(folder: folder.path, year: 2025, asAt: nil) } throws: { "\($0)".contains("a second List 1 (contacts)") }
    }

    @Test func anAsAtDateOutsideTheYearIsRefused() throws {
        let folder = try temporaryDirectory()
        #expect(throws: (any Error).self) { try PathwayFigures.read(folder: folder.path, year: 2025, asAt: date(2025, 4, 1)) }
    }
}

/// Each list is read in byte ranges on every core; the ranges must give what one
/// sequential read gives: the same figures, and the same problems at the same lines.
@Suite struct PathwaySplitRead {
    func readings(_ folder: String, splitAbove: Int, year: Int = 2025) throws -> (String, [String]) {
        var options = asThePeersRead
        options.splitAbove = splitAbove
        options.today = date(2026, 11, 30)
        let figures = try PathwayFigures.read(folder: folder, year: year, asAt: nil, options: options)
        return (figures.json, figures.lists.values.sorted { $0.list < $1.list }.flatMap { $0.diagnostics.map(\.description) })
    }

    @Test(.enabled(if: hasKit, "needs ../shared/bench/annexa")) func rangesGiveWhatOneReadGives() throws {
        let folder = try temporaryDirectory()
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = ["python3", kit.appendingPathComponent("tests/fuzz_lists.py").path, "--rows", "2000", "--seed", "7", "--out", folder.path]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        try #require(generate.terminationStatus == 0)
        let whole = try readings(folder.path, splitAbove: Int.max)
        let split = try readings(folder.path, splitAbove: 0)
        #expect(split.0 == whole.0)
        #expect(split.1 == whole.1)
        #expect(whole.1.count > 10, "the fuzzed lists have problems to report")
    }
}

/// `jsna check` on the pathway lists: each kind of problem once, counted, at its first row.
@Suite struct PathwayChecks {
    let header = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Does the Child have a Disability,CIN Start Date,Primary Need Code,Date Child Was Last Seen,CIN Closure Date,Reason for Closure,Case Status,Allocated Team,Allocated Worker\n"

    func read(_ rows: [String], format: DateFormat? = nil) throws -> PathwayFigures {
        let folder = try temporaryDirectory()
        try Data((header + rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("cin.csv"))
        var options = PathwayOptions(dateFormat: format)
        options.today = date(2025, 6, 1)
        return try PathwayFigures.read(folder: folder.path, year: 2025, asAt: nil, options: options)
    }

    @Test func eachProblemIsCountedAtItsFirstRow() throws {
        let rows = [
            "C1,a) Male,WBRI,01/01/2015,10,b) No,01/05/2024,N1,,,,,T,W",   // line 2: fine
            "C2,a) Male,WBRI,01/01/2015,10,b) No,31/02/2024,N1,,,,,T,W",   // 3: start not a date
            ",a) Male,WBRI,,10,b) No,01/06/2024,N1,,01/05/2024,,,T,W",     // 4: ID and birth blank; closed before it started
            "C4,a) Male,WBRI,01/01/2015,10,b) No,01/06/1985,N1,,,,,T,W",   // 5: start before 1990
            "C5,a) Male,WBRI,01/01/2015,10,b) No,,N1,,01/07/2026,,,T,W",    // 6: start blank; closed after today
            "C6,a) Male,WBRI,01/01/2015,10,b) No,32/01/2024,N1,,,,,T,W",   // 7: a second start that is not a date
        ] + (0..<200).map { "D\($0),a) Female,WBRI,15/01/2016,9,b) No,20/05/2024,N2,,,,,T,W" }
        let figures = try read(rows)
        let reading = try #require(figures.lists[.cin])
        let lines = reading.diagnostics.map(\.description)
        #expect(lines == [
            "\(reading.path):3:37: 2 rows: CIN Start Date is not a date in the list's format — left out of the figures that need it; the first is here",
            "\(reading.path):4:15: warning: 1 row: Date of Birth is blank — left out of the figures that need it; the first is here",
            "\(reading.path):6:37: warning: 1 row: CIN Start Date is blank — left out of the figures that need it; the first is here",
            "\(reading.path):5:37: warning: 1 row: CIN Start Date is before 1990 — counted as written; the first is here",
            "\(reading.path):6:42: warning: 1 row: CIN Closure Date is after today — counted as written; the first is here",
            "\(reading.path):4:40: warning: 1 row: CIN Closure Date is before CIN Start Date — not timed, and not open between them; the first is here",
            "\(reading.path):4:1: warning: 1 row: Child Unique ID is blank — counted, but not as a distinct child; the first is here",
        ], "\(lines.joined(separator: "\n"))")
        #expect(reading.checks?.errorRows == 2 && reading.checks?.rows == 206)
    }

    @Test func aListInAnotherDateFormatIsReadInIt() throws {
        let dmy = try read((1...9).map { "C\($0),a) Male,WBRI,0\($0)/01/2015,10,b) No,1\($0)/05/2024,N1,,2\($0)/03/2025,,,T,W" })
        let iso = try read((1...9).map { "C\($0),a) Male,WBRI,2015-01-0\($0),10,b) No,2024-05-1\($0),N1,,2025-03-2\($0),,,T,W" })
        #expect(iso.lists[.cin]?.dateFormat == .iso && dmy.lists[.cin]?.dateFormat == .dayMonthYear)
        #expect(iso.json == dmy.json)
        #expect(try read(["C1,a) Male,WBRI,2015-01-01,10,b) No,2024-05-10,N1,,,,,T,W"], format: .dayMonthYear).lists[.cin]?.checks?.errorRows == 2)
    }

    @Test func aListWhoseDatesSettleNoFormatIsAnError() throws {
        let rows = (1...9).map { "C\($0),a) Male,WBRI,01/01/2015,10,b) No,1\($0)/05/2024,N1,,,,,T,W" } + ["C10,a) Male,WBRI,01/01/2015,10,b) No,2024-05-10,N1,,,,,T,W"]
        #expect { try read(rows) } throws: {
            "\($0)".contains("cin.csv:11:38: cannot tell the date format of List 6 (children in need)") && "\($0)".contains("dd/mm/yyyy reads 95.0%")
        }
    }
}

/// Each list's bad input: a column its figures need, missing (named); a broken row (an
/// unclosed quote), located at its line; a column given twice.
@Suite struct EachListsBadInput {
    static let headers: [PathwayList: String] = [
        .contacts: "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source",
        .assessments: "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Does the Child have a Disability,Continuous Assessment Start Date,Child Seen During Continuous Assessment,Continuous Assessment Date of Authorisation,Was the child assessed as requiring LA children's social care support?,Allocated Team,Allocated Worker",
        .s47: "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Does the Child have a Disability,Strategy discussion initiating Section 47 Enquiry Start Date,Was an Initial Child Protection Conference deemed unnecessary?,Date of Initial Child Protection Conference,Did the Initial Child Protection Conference Result in a Child Protection Plan,Number of Section 47 Enquiries in the last 12 months,Number of ICPCs in the last 12 months,Allocated Team,Allocated Worker",
        .cin: "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Does the Child have a Disability,CIN Start Date,Primary Need Code,Date Child Was Last Seen,CIN Closure Date,Reason for Closure,Case Status,Allocated Team,Allocated Worker",
        .cpp: "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Does the Child have a Disability,Child Protection Plan Start Date,Initial Category of Abuse,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N),Number of Previous Child Protection Plans,Allocated Team,Allocated Worker",
        .cla: "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N),Date Started to be Looked After,Date Ceased to be Looked After",
    ]

    func read(_ text: String) throws -> PathwayFigures {
        let folder = try temporaryDirectory()
        try Data(text.utf8).write(to: folder.appendingPathComponent("list.csv"))
        return try PathwayFigures.read(folder: folder.path, year: 2025, asAt: nil, options: asThePeersRead)
    }

    /// A row of the right width whose date columns hold 01/05/2024.
    static func row(_ header: String) -> String {
        header.split(separator: ",", omittingEmptySubsequences: false).map { $0.lowercased().contains("date") ? "01/05/2024" : "x" }.joined(separator: ",")
    }

    @Test(arguments: [PathwayList.contacts, .assessments, .s47, .cin, .cpp, .cla])
    func badInput(list: PathwayList) throws {
        let header = Self.headers[list]!
        let good = try read(header + "\n" + Self.row(header) + "\n")
        #expect(good.lists[list] != nil)
        // Each column the figures need, missing (the signature kept, so the list is still known).
        for needed in list.columns where needed != list.signature {
            let cut = header.split(separator: ",").filter { $0 != needed }.joined(separator: ",")
            #expect { try read(cut + "\n") } throws: { "\($0)".contains("\(list.title) without its '\(needed)' column") }
        }
        // An unclosed quote on line 3.
        #expect { try read(header + "\n" + Self.row(header) + "\n\"C1," + Self.row(header) + "\n") } throws: { "\($0)".contains("list.csv:3:") }
        // A column twice.
        #expect { try read(header + "," + list.signature + "\n") } throws: { "\($0)".contains("appears twice") }
    }
}

/// Issue 20: a chapter reads the folder of lists once for both periods (the year to date
/// and the same months a year earlier), and again only when a list stops short of the end
/// first taken. Either way, each period's figures are those of reading it on its own.
@Suite struct ChapterPeriodsInOneRead {
    static let folder = SharedData.demo + "/annex-a"

    func expectAsAlone(_ today: CivilDate, asAt: CivilDate?) throws {
        let (current, earlier) = try PathwayFigures.forChapter(Self.folder, options: PathwayOptions(), asAt: asAt, today: today)
        var options = PathwayOptions()
        options.today = today
        let end = current.window.last
        #expect(end == end.endOfMonth && end <= today)
        if let asAt { #expect(end == asAt) }
        #expect(current.json == (try PathwayFigures.read(folder: Self.folder, year: end.censusYear, asAt: end, options: options)).json, "today \(today)")
        let earlierEnd = end.oneYearBefore.endOfMonth
        let alone = try PathwayFigures.read(folder: Self.folder, year: earlierEnd.censusYear, asAt: earlierEnd, options: options)
        let e = try #require(earlier, "the demo lists reach back a year")
        #expect(e.json == alone.json, "today \(today)")
        // List 3's figures by whole months are those of reading it to the earlier end.
        #expect(e.lists[.referrals]?.count("rereferrals") ?? 0 > 0)
    }

    @Test func theDefaultEndIsReadOnceWithTheYearBefore() throws {
        try expectAsAlone(date(2026, 11, 30), asAt: nil)
    }

    @Test func aGivenEndIsReadOnceWithTheYearBefore() throws {
        try expectAsAlone(date(2026, 11, 30), asAt: date(2025, 12, 31))
    }

    /// Lists that stop months before today: the end they reach, read again.
    @Test func listsThatStopShortAreReadAgainToWhereTheyReach() throws {
        let today = date(2027, 6, 15)
        let (current, _) = try PathwayFigures.forChapter(Self.folder, options: PathwayOptions(), asAt: nil, today: today)
        let reach = try #require(current.lists.values.compactMap(\.reach).max())
        #expect(current.window.last == reach.lastWholeMonthEnd && current.window.last < today.lastWholeMonthEnd)
        try expectAsAlone(today, asAt: nil)
    }
}

/// Issue 28, item 7: the default end of the pathway. Found by trial: with every list run
/// to 30 September 2025, the section silently ended on 31 August, because Lists 7 and 8's
/// last events fell on 26 to 28 September.
@Suite struct DefaultEndOfThePathway {
    @Test func sparseListsEndingDaysEarlierDoNotCutAMonth() {
        let reaches: [(list: PathwayList, date: CivilDate)] = [(.cpp, date(2025, 9, 26)), (.cla, date(2025, 9, 28)), (.contacts, date(2025, 9, 30))]
        let end = PathwayFigures.defaultEnd(reaches, today: date(2025, 11, 30))
        #expect(end.date == date(2025, 9, 30) && end.limiting == nil)
        let note = PathwayFigures.endNote(end: end.date, latest: reaches[2], limiting: nil, near: Array(reaches.prefix(2)))
        #expect(note.hasPrefix("The pathway runs to 30 September 2025, the end of the last whole month the lists reach: the latest date is 30 September 2025, in List 1 (contacts)."))
        #expect(note.contains("The last dates of List 7 (child protection plans) on 26 September 2025 and List 8 (children looked after) on 28 September 2025 fall within 14 days of it"))
        #expect(note.hasSuffix("Give --as-at (as_at: in jsna.yml) with another month's last day to choose the period."))
    }

    @Test func aListExtractedEarlierLimitsTheEndAndIsNamed() {
        let reaches: [(list: PathwayList, date: CivilDate)] = [(.cpp, date(2025, 8, 2)), (.cla, date(2025, 9, 28)), (.contacts, date(2025, 9, 30))]
        let end = PathwayFigures.defaultEnd(reaches, today: date(2025, 11, 30))
        #expect(end.date == date(2025, 7, 31) && end.limiting?.list == .cpp)
        let note = PathwayFigures.endNote(end: end.date, latest: reaches[2], limiting: end.limiting, near: [])
        #expect(note.contains("the end of the last whole month List 7 (child protection plans) reaches: its last date is 2 August 2025, while List 1 (contacts) reaches 30 September 2025."))
    }

    @Test func neverAfterTheLastWholeMonthToTheBuild() {
        let reaches: [(list: PathwayList, date: CivilDate)] = [(.contacts, date(2025, 12, 15))]
        #expect(PathwayFigures.defaultEnd(reaches, today: date(2025, 10, 31)).date == date(2025, 10, 31))
    }

    /// The chapter's notes and the terminal say it, from the same sentence; a given end needs none.
    @Test func theChapterAndTheTerminalSayWhy() throws {
        let (current, _) = try PathwayFigures.forChapter(ChapterPeriodsInOneRead.folder, options: PathwayOptions(), asAt: nil, today: date(2026, 11, 30))
        let note = try #require(current.endNote)
        #expect(note.hasPrefix("The pathway runs to \(current.window.last.longText)") && note.contains("--as-at"))
        #expect(current.notes.contains { $0.severity == .note && $0.message == note })
        let (given, _) = try PathwayFigures.forChapter(ChapterPeriodsInOneRead.folder, options: PathwayOptions(), asAt: date(2025, 12, 31), today: date(2026, 11, 30))
        #expect(given.endNote == nil)
    }
}
