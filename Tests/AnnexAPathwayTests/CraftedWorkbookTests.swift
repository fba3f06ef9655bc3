import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import AnnexAPathway

/// Issue 29, item 5: crafted workbooks crashed jsna or exhausted the machine — a cell
/// reference past any column (arithmetic overflow; 3.4 TB asked for), a row number of 2^63,
/// one huge shared string (2.5 GB resident), 300 sheets pointing at one 50 MB part (15 GB
/// written). Each is now a one-line error naming the workbook, at bounded cost.
@Suite struct CraftedWorkbooks {
    static let header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Child Unique ID</t></is></c></row>"

    /// A workbook of `sheets` (name → part), with `parts` as given (sheet XML, shared strings).
    static func book(sheets: [(String, String)], parts: [String: Data]) throws -> String {
        let archive = try Archive(accessMode: .create)
        let workbook = "<workbook xmlns:r=\"r\"><sheets>" + sheets.enumerated().map { "<sheet name=\"\($1.0)\" r:id=\"rId\($0 + 1)\"/>" }.joined() + "</sheets></workbook>"
        let rels = "<Relationships>" + sheets.enumerated().map { "<Relationship Id=\"rId\($0 + 1)\" Target=\"\($1.1)\"/>" }.joined() + "</Relationships>"
        var all = parts
        all["xl/workbook.xml"] = Data(workbook.utf8)
        all["xl/_rels/workbook.xml.rels"] = Data(rels.utf8)
        for (path, data) in all.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let file = try temporaryDirectory().appendingPathComponent("crafted.xlsx")
        try archive.data!.write(to: file)
        return file.path
    }

    static func sheet(_ rows: String) -> Data { Data("<worksheet><sheetData>\(header)\(rows)</sheetData></worksheet>".utf8) }

    static func expectRefused(_ path: String, _ message: String) {
        do {
            _ = try PathwayFigures.read(folder: path, year: 2025, asAt: nil)
            Issue.record("expected an error saying \(message)")
        } catch {
            #expect("\(error)".contains("crafted.xlsx") && "\(error)".contains(message), "\(error)")
        }
    }

    @Test(arguments: [
        ("<row r=\"5\"><c r=\"ZZZZZZZZZZZZZZZ5\"><v>1</v></c></row>", "outside Excel's columns A to XFD"),
        ("<row r=\"5\"><c r=\"ZZZZZZZZ5\"><v>1</v></c></row>", "outside Excel's columns A to XFD"),
        ("<row r=\"5\"><c r=\"XFE5\"><v>1</v></c></row>", "outside Excel's columns A to XFD"),
        ("<row r=\"9223372036854775807\"><c><v>1</v></c></row>", "outside Excel's rows"),
        ("<row r=\"2000000000\"><c><v>1</v></c></row>", "outside Excel's rows"),
        ("<row r=\"5\"><c t=\"inlineStr\"><is><t>\(String(repeating: "x", count: 40_000))</t></is></c></row>", "more than Excel's 32,767 characters"),
    ])
    func cellsAndRowsBeyondExcelsLimits(rows: String, message: String) throws {
        Self.expectRefused(try Self.book(sheets: [("List 6", "worksheets/sheet1.xml")], parts: ["xl/worksheets/sheet1.xml": Self.sheet(rows)]), message)
    }

    @Test func oneHugeSharedString() throws {
        let strings = Data("<sst><si><t>\(String(repeating: "a", count: 5_000_000))</t></si></sst>".utf8)
        let path = try Self.book(sheets: [("List 6", "worksheets/sheet1.xml")], parts: [
            "xl/worksheets/sheet1.xml": Self.sheet("<row r=\"2\"><c t=\"s\"><v>0</v></c></row>"), "xl/sharedStrings.xml": strings,
        ])
        Self.expectRefused(path, "a shared string holds more than Excel's 32,767 characters")
    }

    @Test func manySheetsOnePart() throws {
        let sheets = (1...300).map { ("List \($0)", "worksheets/sheet1.xml") }
        Self.expectRefused(try Self.book(sheets: sheets, parts: ["xl/worksheets/sheet1.xml": Self.sheet("")]), "are the same part")
    }

    /// A part that unpacks to more than the budget (100 MB for a small file) stops there.
    @Test func aZipBombStopsAtItsBudget() throws {
        #expect(UnpackBudget.limit(fileSize: 53_000) == 100 << 20)
        #expect(UnpackBudget.limit(fileSize: 10 << 20) == 1_000 << 20)
        #expect(UnpackBudget.limit(fileSize: Int.max / 2) == 4 << 30)
        let spaces = Data(repeating: UInt8(ascii: " "), count: 110 << 20)
        let path = try Self.book(sheets: [("List 6", "worksheets/sheet1.xml")], parts: ["xl/worksheets/sheet1.xml": Self.sheet("") + spaces])
        Self.expectRefused(path, "unpacks to more than 100 MB")
    }
}

/// Issue 29, item 8: a List 7 saved as UTF-16 ("Unicode Text") was dropped in silence: exit
/// 0 and "No List 7 was given". It is refused with its file, line and column.
@Suite struct UTF16Lists {
    @Test func aUTF16ListIsAnErrorNeverSkipped() throws {
        let folder = try temporaryDirectory().appendingPathComponent("lists")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: SharedData.demo + "/annex-a"), to: folder)
        let list7 = folder.appendingPathComponent("list7.csv")
        let text = try String(contentsOf: list7, encoding: .utf8)
        try (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!).write(to: list7)
        for path in [folder.path, list7.path] {
            do {
                _ = try PathwayFigures.read(folder: path, year: 2025, asAt: nil)
                Issue.record("\(path): expected an error")
            } catch {
                #expect("\(error)".contains("list7.csv:1:1:") && "\(error)".contains("UTF-16"), "\(error)")
            }
        }
    }
}

/// Found by the workbook fuzz target: a shared-strings part whose element name has an
/// undeclared prefix and bytes that are not UTF-8 crashed Foundation's XML parser.
@Suite struct MalformedWorkbookXML {
    @Test(arguments: [
        Data("<sst><si:x><t>a</t></si:x></sst>".utf8),
        Data("<sst><si:".utf8) + Data([0xE9, 0x18, 0xB9, 0x9C]) + Data("/></sst>".utf8),
    ])
    func partsThatAreNotXMLAreErrors(strings: Data) throws {
        let path = try CraftedWorkbooks.book(sheets: [("List 6", "worksheets/sheet1.xml")], parts: [
            "xl/worksheets/sheet1.xml": CraftedWorkbooks.sheet(""), "xl/sharedStrings.xml": strings,
        ])
        do {
            _ = try PathwayFigures.read(folder: path, year: 2025, asAt: nil)
        } catch {
            #expect("\(error)".contains("crafted.xlsx"), "\(error)")
        }
    }
}

@Suite struct UTF8Streaming {
    /// A character split across chunks is held over; bytes that are not UTF-8 are caught
    /// wherever the chunks break.
    @Test func charactersSplitAcrossChunks() {
        let text = Data("Brindlecombe – Ærø 😀 end".utf8)
        for cut in 0...text.count {
            var check = UTF8Check()
            #expect(check.take(text.prefix(cut)) && check.take(text.suffix(text.count - cut)) && check.finish(), "cut at \(cut)")
        }
        let bad = Data("<si:".utf8) + Data([0xE9, 0x18, 0xB9, 0x9C]) + Data("/>".utf8)
        for cut in 0...bad.count {
            var check = UTF8Check()
            #expect(!(check.take(bad.prefix(cut)) && check.take(bad.suffix(bad.count - cut)) && check.finish()), "cut at \(cut)")
        }
        var unfinished = UTF8Check()
        #expect(unfinished.take(Data([0x41, 0xE2, 0x80])) && !unfinished.finish())
    }
}
