import Diagnostics
import Foundation
import ReferralExtract

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams one sheet's XML into a CSV: one line per row (a row the sheet skips is a blank
/// line, so lines keep the sheet's numbering), cells placed by their reference.
final class SheetToCSV: NSObject, XMLParserDelegate {
    struct Cell { var column: Int; var type: String; var style: Int; var text: String }

    let parts: WorkbookParts
    let columns: [String: String]
    private let out: FileHandle
    private var buffer = Data()
    private var row: [Cell] = [], rowNumber = 0
    private var cell: Cell?
    private var inValue = false, inInline = false
    private var waiting: [(Int, [Cell])] = []
    private var width = 0, lastLine = 0
    private var dateColumns: [Bool] = []
    private(set) var rowOffset = 0
    private var headerFound = false
    var failure: String?

    init(csv: String, parts: WorkbookParts, columns: [String: String]) throws {
        guard FileManager.default.createFile(atPath: csv, contents: nil, attributes: [.posixPermissions: 0o600]), let out = FileHandle(forWritingAtPath: csv) else { throw Diagnostic(.error, at: .whole(csv), "cannot write a temporary file") }
        self.out = out
        self.parts = parts
        self.columns = columns
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            let number = attributes["r"].map { Int($0) ?? 0 } ?? rowNumber + 1
            guard (1...Self.lastRow).contains(number) else { return stop(parser, "row \(attributes["r"] ?? "") is outside Excel's rows 1 to 1,048,576") }
            rowNumber = number
            row = []
        case "c":
            let column: Int
            if let reference = attributes["r"] {
                guard let c = Self.column(reference) else { return stop(parser, "cell \(reference.prefix(20)) is outside Excel's columns A to XFD") }
                column = c
            } else {
                column = (row.last?.column ?? -1) + 1
            }
            guard column < Self.lastColumn else { return stop(parser, "a cell after column XFD, Excel's last") }
            cell = Cell(column: column, type: attributes["t"] ?? "n", style: attributes["s"].flatMap(Int.init) ?? 0, text: "")
        case "v": inValue = cell != nil
        case "is": inInline = cell != nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inValue || inInline, cell != nil else { return }
        cell!.text += string
        if cell!.text.utf8.count > Self.longestCell * 4 || cell!.text.count > Self.longestCell { stop(parser, "a cell holds more than Excel's 32,767 characters") }
    }

    /// Excel's limits: 1,048,576 rows, 16,384 columns (A to XFD), 32,767 characters a cell.
    static let lastRow = 1_048_576, lastColumn = 16_384, longestCell = 32_767

    /// Records why the sheet cannot be read and stops the parser (the error names it).
    private func stop(_ parser: XMLParser, _ why: String) {
        if failure == nil { failure = why }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v": inValue = false
        case "is": inInline = false
        case "c":
            if let cell { row.append(cell) }
            cell = nil
        case "row": take(rowNumber, row)
        default: break
        }
    }

    /// "AB12" → 27 (0-based column); nil past XFD (Excel's last), never an overflow.
    static func column(_ reference: String) -> Int? {
        var n = 0
        for u in reference.utf8 {
            guard u >= 65 && u <= 90 else { break }
            n = n * 26 + Int(u - 64)
            guard n <= lastColumn else { return nil }
        }
        return n > 0 ? n - 1 : nil
    }

    private func take(_ number: Int, _ cells: [Cell]) {
        guard headerFound else {
            waiting.append((number, cells))
            let texts = text(of: cells, header: true)
            if PathwayList.recognise(texts, columns: columns) != nil { writeHeader(number, cells) } else if waiting.count == 20 { writeHeader(waiting[0].0, waiting[0].1) }
            return
        }
        write(number, cells)
    }

    private func writeHeader(_ number: Int, _ cells: [Cell]) {
        headerFound = true
        let names = text(of: cells, header: true)
        width = names.count
        dateColumns = names.map { name in
            let mapped = columns.first { $0.value.lowercased() == name.lowercased() }?.key ?? name
            return mapped.lowercased().contains("date")
        }
        rowOffset = number - 1
        lastLine = 0
        write(number, cells, values: names)
        for (n, later) in waiting where n > number { write(n, later) }
        waiting = []
    }

    private func write(_ number: Int, _ cells: [Cell], values: [String]? = nil) {
        let line = number - rowOffset
        guard line > lastLine else { failure = "row \(number) comes after a later row"; return }
        buffer.append(contentsOf: [UInt8](repeating: 0x0A, count: line - lastLine - 1))
        var fields = values ?? text(of: cells, header: false)
        // Empty (formatted) cells past the header are nothing; a value past it is kept, so
        // the list's reader reports a ragged row at this row and that cell's column, as it
        // would in a CSV, instead of the value being dropped unseen.
        while fields.count > width, fields.last?.isEmpty == true { fields.removeLast() }
        if fields.contains(where: { !$0.isEmpty }) {
            buffer.append(contentsOf: fields.map(Self.quoted).joined(separator: ",").utf8)
            if fields.count < width { buffer.append(contentsOf: [UInt8](repeating: UInt8(ascii: ","), count: width - fields.count)) }
        }
        buffer.append(0x0A)
        lastLine = line
        if buffer.count > 1 << 20 { flush() }
    }

    /// The row's values by column: shared and inline strings, booleans, and numbers, which
    /// are dates (dd/mm/yyyy) where the cell's format or the column's name says so.
    private func text(of cells: [Cell], header: Bool) -> [String] {
        guard let last = cells.map(\.column).max() else { return [] }
        var values = [String](repeating: "", count: header ? last + 1 : max(width, last + 1))
        for c in cells {
            switch c.type {
            case "s": values[c.column] = Int(c.text).flatMap { $0 >= 0 && $0 < parts.strings.count ? parts.strings[$0] : nil } ?? ""
            case "b": values[c.column] = c.text == "1" ? "TRUE" : "FALSE"
            case "inlineStr", "str", "e": values[c.column] = c.text
            case "d": values[c.column] = Self.isoToDayMonthYear(c.text)
            default:
                let isDate = (c.style < parts.dateStyles.count && parts.dateStyles[c.style]) || (!header && c.column < dateColumns.count && dateColumns[c.column])
                values[c.column] = isDate ? (Double(c.text).flatMap { ExcelDate.text(serial: $0, date1904: parts.date1904) } ?? c.text) : c.text
            }
        }
        return values
    }

    static func isoToDayMonthYear(_ s: String) -> String {
        let p = Array(s.prefix(10).utf8)
        guard p.count == 10, p[4] == 45, p[7] == 45 else { return s }
        return String(decoding: p[8...9] + [47] + p[5...6] + [47] + p[0...3], as: UTF8.self)
    }

    static func quoted(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    private func flush() {
        out.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        if !headerFound, let first = waiting.first { writeHeader(first.0, first.1) }
        flush()
        try out.close()
    }
}

/// Excel's date serial numbers: days since 30 December 1899 (with Excel's 29 February
/// 1900, serial 60, that never was), or since 1 January 1904 in the 1904 system.
public enum ExcelDate {
    /// "01/05/2024" for serial 45413; nil for serials out of Excel's range (before 1 or
    /// after 31 December 9999). A time of day (the fraction) is dropped.
    public static func text(serial: Double, date1904: Bool = false) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        let days: Int
        if date1904 { days = whole + 1462 } else if whole == 60 { return "29/02/1900" } else { days = whole < 60 ? whole + 1 : whole }
        // Day 0 is 30 December 1899.
        let base = CivilDate(year: 1899, month: 12, day: 30)!
        let (y, m, d) = CivilDate(dayNumber: base.dayNumber + Int32(days)).components
        return (d < 10 ? "0" : "") + String(d) + "/" + (m < 10 ? "0" : "") + String(m) + "/" + format4(y)
    }
}
