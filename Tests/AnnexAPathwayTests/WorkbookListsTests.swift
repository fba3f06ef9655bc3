import CSVReader
import CXLSXWriter
import Foundation
import ReferralExtract
import ReportModel
import TestSupport
import Testing

@testable import AnnexAPathway

/// Annex A workbooks as councils keep them: one sheet per list. Each test writes a
/// workbook from the kit's generated lists with libxlsxwriter (an independent writer),
/// dates as Excel stores them (serial numbers formatted as dates), and checks jsna reads
/// from it exactly the figures it reads from the CSV folder.
enum PathwayDisclosureHeaders {
    static let list3 = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker"
}

@Suite struct WorkbookLists {
    /// Generated lists (5,000 children) in a fresh folder.
    func generated(seed: Int = 4) throws -> URL {
        let folder = try temporaryDirectory()
        let generate = Process()
        generate.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generate.arguments = ["python3", kit.appendingPathComponent("gen_annexa.py").path, "--children", "3000", "--seed", String(seed),
                              "--start", "2022-04-01", "--end", "2025-03-31", "--out", folder.path + "/"]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        try #require(generate.terminationStatus == 0)
        return folder
    }

    /// Writes each CSV in `folder` as a sheet. Date columns become numbers formatted as
    /// dates (values that are not dates stay text); `constantMemory` writes inline strings
    /// instead of shared ones; `titleRows` puts rows of notes above each header.
    func workbook(from folder: URL, constantMemory: Bool, titleRows: Int = 0, skipping: Set<String> = []) throws -> String {
        let path = try temporaryDirectory().appendingPathComponent("Annex A.xlsx").path
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        let book = try #require(workbook_new_opt(path, &options))
        let dateFormat = workbook_add_format(book)
        format_set_num_format(dateFormat, "dd/mm/yyyy")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") && !skipping.contains($0) }.sorted()
        for name in names {
            let sheet = try #require(workbook_add_worksheet(book, "List \(name.dropFirst(4).dropLast(4))"))
            for r in 0..<titleRows { worksheet_write_string(sheet, lxw_row_t(r), 0, "Annex A — a note above the list, row \(r + 1)", nil) }
            // "\r\n" is one Character in Swift: split on scalars.
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
            var header: [String] = []
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                let fields = Self.fields(String(line))
                if i == 0 { header = fields }
                for (c, value) in fields.enumerated() where !value.isEmpty {
                    let row = lxw_row_t(titleRows + i), col = lxw_col_t(c)
                    if i > 0, c < header.count, header[c].lowercased().contains("date"), let serial = Self.serial(value) {
                        worksheet_write_number(sheet, row, col, serial, dateFormat)
                    } else {
                        worksheet_write_string(sheet, row, col, value, nil)
                    }
                }
            }
        }
        try #require(workbook_close(book) == LXW_NO_ERROR)
        return path
    }

    /// The generator's CSV has no quoted fields with commas in the columns written here
    /// except where quoted; a small reader for its quoting.
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false
        var chars = Array(line).makeIterator()
        while let ch = chars.next() {
            if quoted {
                if ch == "\"" { quoted = false } else { field.append(ch) }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                out.append(field)
                field = ""
            } else { field.append(ch) }
        }
        out.append(field)
        return out
    }

    /// Excel's serial number for a dd/mm/yyyy date in Python's reading (nil otherwise, so
    /// the value stays text, as a council's malformed date would).
    static func serial(_ text: String) -> Double? {
        guard text == text.trimmingCharacters(in: .whitespaces), text.count == 10,
              let date = DateFormat.dayMonthYear.parse(text: text), date.year >= 1900 else { return nil }
        let base = CivilDate(year: 1899, month: 12, day: 30)!
        return Double(date.dayNumber - base.dayNumber)
    }

    @Test(.enabled(if: hasKit, "needs ../shared/bench/annexa"), arguments: [false, true])
    func aWorkbookGivesTheFiguresItsCSVsGive(constantMemory: Bool) throws {
        let folder = try generated()
        let book = try workbook(from: folder, constantMemory: constantMemory, titleRows: constantMemory ? 2 : 0)
        for (year, asAt) in [(2025, nil), (2024, CivilDate(year: 2023, month: 12, day: 31))] as [(Int, CivilDate?)] {
            let fromCSV = try PathwayFigures.read(folder: folder.path, year: year, asAt: asAt)
            let fromBook = try PathwayFigures.read(folder: book, year: year, asAt: asAt)
            #expect(fromBook.json == fromCSV.json)
            #expect(fromBook.lists.count == 7)
        }
        let sheet = try #require(try PathwayFigures.read(folder: book, year: 2025, asAt: nil).lists[.cin])
        #expect(sheet.source == "\(book)[List 6]")
    }

    @Test(.enabled(if: hasKit, "needs ../shared/bench/annexa")) func problemsNameTheSheetRowAndColumn() throws {
        let folder = try temporaryDirectory()
        let header = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Does the Child have a Disability,CIN Start Date,Primary Need Code,Date Child Was Last Seen,CIN Closure Date,Reason for Closure,Case Status,Allocated Team,Allocated Worker\n"
        let rows = (1...200).map { "C\($0),a) Male,WBRI,01/01/2015,10,b) No,1\($0 % 10)/05/2024,N1,,,,,T,W" } + ["C99,a) Male,WBRI,01/01/2015,10,b) No,31/02/2024,N1,,,,,T,W"]
        try Data((header + rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("list6.csv"))
        let book = try workbook(from: folder, constantMemory: false, titleRows: 3)
        let reading = try #require(try PathwayFigures.read(folder: book, year: 2025, asAt: nil).lists[.cin])
        // Header on row 4, 200 rows below it, so the bad row is row 205; CIN Start Date is column G (7).
        #expect(reading.diagnostics.map(\.description) == ["\(book)[List 6]:205:7: 1 row: CIN Start Date is not a date in the list's format — left out of the figures that need it; the first is here"])
        #expect(!FileManager.default.fileExists(atPath: reading.path), "the sheet's temporary CSV is gone once the lists are read")
        // Too few dates in dd/mm/yyyy to decide: the error names the sheet's row and column too.
        let undecided = try temporaryDirectory()
        try Data((header + rows.prefix(20).joined(separator: "\n") + "\n" + rows.last! + "\n").utf8).write(to: undecided.appendingPathComponent("list6.csv"))
        let small = try workbook(from: undecided, constantMemory: false, titleRows: 1)
        #expect { try PathwayFigures.read(folder: small, year: 2025, asAt: nil) } throws: { "\($0)".hasPrefix("\(small)[List 6]:23:7: cannot tell the date format") }
    }

    /// Issue 29, item 11: a row with a cell beyond the header, on the sheet's row 101 (one
    /// title row, the header on row 2), is reported at that row and the extra cell's column.
    @Test func aRaggedRowNamesItsOwnSheetRowAndColumn() throws {
        let folder = try temporaryDirectory()
        let header = PathwayDisclosureHeaders.list3
        var rows = (1...120).map { "C\($0),a) Male,a) WBRI,01/01/2015,,1\($0 % 10)/05/2025,q) 6: Police,b) No,,Team A,W" }
        rows[98] += ",extra"  // the 99th row under the header on row 2: row 101
        try Data((header + "\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("list3.csv"))
        let book = try workbook(from: folder, constantMemory: false, titleRows: 1)
        #expect { try PathwayFigures.read(folder: book, year: 2026, asAt: nil) } throws: {
            "\($0)".hasPrefix("\(book)[List 3]:101:12: ragged row: 12 fields where the header has 11")
        }
        // The same list as a CSV with a quoted line break in an earlier row: the physical line.
        var broken = rows
        broken[10] = broken[10].replacingOccurrences(of: "Team A", with: "\"Team\nA\"")
        let csv = try temporaryDirectory()
        try Data((header + "\n" + broken.joined(separator: "\n") + "\n").utf8).write(to: csv.appendingPathComponent("list3.csv"))
        #expect { try PathwayFigures.read(folder: csv.path, year: 2026, asAt: nil) } throws: {
            "\($0)".contains("list3.csv:101:") && "\($0)".contains("ragged row: 12 fields where the header has 11")
        }
    }

    @Test func excelSerialNumbers() {
        #expect(ExcelDate.text(serial: 45413) == "01/05/2024")
        #expect(ExcelDate.text(serial: 45413.75) == "01/05/2024", "a time of day is dropped")
        #expect(ExcelDate.text(serial: 1) == "01/01/1900" && ExcelDate.text(serial: 59) == "28/02/1900")
        #expect(ExcelDate.text(serial: 60) == "29/02/1900" && ExcelDate.text(serial: 61) == "01/03/1900", "Excel's 29 February 1900")
        #expect(ExcelDate.text(serial: 0, date1904: true) == nil && ExcelDate.text(serial: 1, date1904: true) == "02/01/1904")
        #expect(ExcelDate.text(serial: 2_958_465) == "31/12/9999" && ExcelDate.text(serial: 2_958_466) == nil)
        #expect(WorkbookParts.isDateFormat("dd/mm/yyyy") && WorkbookParts.isDateFormat("[$-809]d mmmm yyyy") && !WorkbookParts.isDateFormat("0.0\\d") && !WorkbookParts.isDateFormat("\"days\" 0"))
    }

    @Test func aFileThatIsNotAWorkbookIsAnError() throws {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("lists.xlsx").path
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try PathwayFigures.read(folder: path, year: 2025, asAt: nil) } throws: { "\($0)".contains("lists.xlsx: is not a workbook jsna can open") }
    }

    /// A chapter from the demo lists as a workbook: its sections name the workbook and its
    /// sheets, never the temporary files the sheets were read from, and say what the CSVs say.
    @Test func aChapterFromAWorkbookNamesTheWorkbook() throws {
        let book = try workbook(from: URL(fileURLWithPath: SharedData.demo + "/annex-a"), constantMemory: false)
        let fromBook = try DemoChapter.modelWithAnnexA(folder: book)
        let fromCSV = try DemoChapter.modelWithAnnexA()
        let local = try #require(fromBook.local), pathway = try #require(fromBook.pathway)
        #expect(local.file.hasSuffix("Annex A.xlsx[List 3]") && local.sha256 == SHA256.hex(ofFile: book))
        #expect(pathway.files.count == 1 && pathway.files[0].name.hasSuffix("Annex A.xlsx"))
        let text = (local.notes + pathway.notes + pathway.summary).joined(separator: " ")
        #expect(!text.contains("jsna-workbook") && !text.contains("sheet0.csv"), "\(text)")
        #expect(pathway.stages.map(\.count) == fromCSV.pathway?.stages.map(\.count))
        #expect(local.summary == fromCSV.local?.summary)
    }
}
