import Foundation
import ReferralExtract
import TestSupport
import Testing

@testable import AnnexAPathway

let kit = SharedData.root.deletingLastPathComponent().appendingPathComponent("bench/annexa")
let hasKit = FileManager.default.fileExists(atPath: kit.appendingPathComponent("tests/edge").path)

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
        #expect(bytes("a) Physical abuse") { PathwayValues.category($0) } == "Neglect", "a prefix decides alone")
        #expect(bytes("f) Neglect") { PathwayValues.category($0) } == "Unknown")
        #expect(bytes("sexual abuse") { PathwayValues.category($0) } == "Sexual abuse")
        #expect(bytes("A) Yes") { PathwayValues.isYes($0) } == false && bytes("yes") { PathwayValues.isYes($0) })
        #expect(bytes("code N10") { PathwayValues.primaryNeed($0) } == "N1" && bytes("n4") { PathwayValues.primaryNeed($0) } == "N4")
        #expect(bytes("Abuse") { PathwayValues.primaryNeed($0) } == "Unknown")
        #expect(bytes("01") { PathwayValues.wholeNumber($0) } == 1 && bytes("-1") { PathwayValues.wholeNumber($0) } == nil && bytes("1.0") { PathwayValues.wholeNumber($0) } == nil)
        #expect(PathwayValues.twoYearsAfter(date(2024, 2, 29)) == date(2026, 2, 28))
        #expect(PathwayValues.ageBand(birth: date(2020, 3, 31), at: date(2025, 3, 30)) == "1 to 4")
        #expect(PathwayValues.ageBand(birth: date(2026, 1, 1), at: date(2025, 3, 31)) == "Unknown")
        // Python's %d reads a space and one digit; %m does not; the year needs four digits.
        #expect(DateFormat.dayMonthYear.parse(text: " 1/04/2024") == date(2024, 4, 1))
        #expect(DateFormat.dayMonthYear.parse(text: "01/ 4/2024") == nil && DateFormat.dayMonthYear.parse(text: "31/02/2024") == nil)
        #expect(bytes("01/01/0000") { PathwayValues.date($0) } == nil)
    }
}

/// `jsna annex-a`'s figures equal the kit's hand-computed answers for its edge lists.
@Suite struct PathwayEdgeLists {
    @Test(.enabled(if: hasKit, "needs ../shared/bench/annexa"), arguments: [
        (2024, nil, "edge_expected_2024.json"), (2025, nil, "edge_expected_2025.json"),
        (2026, "2026-02-28", "edge_expected_2026_as_at_2026-02-28.json"),
    ] as [(Int, String?, String)])
    func handComputedAnswers(year: Int, asAt: String?, expected: String) throws {
        let figures = try PathwayFigures.read(folder: kit.appendingPathComponent("tests/edge").path, year: year, asAt: asAt.flatMap { DateFormat.iso.parse(text: $0) })
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
        let figures = try PathwayFigures.read(folder: folder.path, year: 2025, asAt: nil)
        #expect(Set(figures.sections.keys) == [.cpp, .contacts, .cla])
        #expect(figures.notes.contains { $0.description.contains("notes.csv") && $0.description.contains("not an Annex A list") })
        let whole = try PathwayFigures.read(folder: edge.path, year: 2025, asAt: nil)
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
