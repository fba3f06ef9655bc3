import Diagnostics
import Foundation
import ReferralExtract
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An Annex A workbook as councils keep it (.xlsx, one sheet per list, as Ofsted's
/// template), turned into one CSV per sheet so each list is read exactly as its CSV export
/// would be: the same recogniser, checks, split read and figures.
///
/// The zip is read with ZIPFoundation and each sheet's XML streamed through Foundation's
/// XMLParser (the sheet is unpacked to a temporary file, never held whole). Shared strings,
/// inline strings, empty (omitted) cells and Excel date serial numbers (1900 and 1904
/// systems) are read; a number is a date when its cell is formatted as one or its column's
/// name says "date", and is written dd/mm/yyyy. The header is the first of a sheet's first
/// 20 rows that is a list's header; the CSV's line L is the sheet's row L + `rowOffset`, so
/// every diagnostic names the sheet's own row and column.
public struct AnnexAWorkbook {
    /// One sheet, as a CSV.
    public struct Sheet: Sendable {
        public var name: String
        public var csv: String
        /// The sheet's row number of the CSV's line L is L + rowOffset.
        public var rowOffset: Int
    }

    public let path: String
    public private(set) var sheets: [Sheet] = []

    /// True for a path that names a workbook.
    public static func isWorkbook(_ path: String) -> Bool { path.lowercased().hasSuffix(".xlsx") }

    /// Converts every sheet of the workbook at `path` into `folder`.
    ///
    /// The zip is opened from its bytes in memory (ZIPFoundation's file-backed archives leak
    /// a path buffer on Linux, seen under LeakSanitizer) and each sheet's XML unpacked to a
    /// temporary file in turn; then the sheets are parsed at once, the largest first.
    public init(path: String, into folder: URL, columns: [String: String] = [:]) throws {
        self.path = path
        let archive: Archive
        let notZip = Diagnostic(.error, at: .whole(path), "is not a workbook jsna can open (an .xlsx is a zip of XML files)")
        try RegularFile.require(path)
        do {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            // A zip starts "PK\u{3}\u{4}". Checked first: ZIPFoundation leaks its memory file
            // when it refuses the bytes.
            guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw notZip }
            archive = try Archive(data: bytes, accessMode: .read)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic(.error, at: .whole(path), "\(notZip.message): \(error)")
        }
        let parts = try WorkbookParts(archive: archive, path: path)
        var sizes: [Int] = []
        for (i, sheet) in parts.sheets.enumerated() {
            guard let entry = archive[sheet.target] else { throw Diagnostic(.error, at: .whole(path), "sheet '\(sheet.name)' is missing its part \(sheet.target)") }
            let xml = folder.appendingPathComponent("sheet\(i).xml")
            guard FileManager.default.createFile(atPath: xml.path, contents: nil, attributes: [.posixPermissions: 0o600]), let out = FileHandle(forWritingAtPath: xml.path) else {
                throw Diagnostic(.error, at: .whole(xml.path), "cannot write a temporary file")
            }
            _ = try archive.extract(entry, skipCRC32: false) { out.write($0) }
            try out.close()
            sizes.append(Int(entry.uncompressedSize))
        }
        let order = parts.sheets.indices.sorted { sizes[$0] > sizes[$1] }
        let slots = parts.sheets.map { _ in Slot<Sheet>() }
        DispatchQueue.concurrentPerform(iterations: order.count) { k in
            let i = order[k]
            slots[i].result = Result { try Self.convert(sheet: parts.sheets[i], index: i, path: path, parts: parts, folder: folder, columns: columns) }
        }
        sheets = try slots.map { try $0.result!.get() }
    }

    /// One sheet's unpacked XML, streamed through XMLParser into its CSV.
    static func convert(sheet: (name: String, target: String), index i: Int, path: String, parts: WorkbookParts, folder: URL, columns: [String: String]) throws -> Sheet {
        let xml = folder.appendingPathComponent("sheet\(i).xml")
        let csv = folder.appendingPathComponent("sheet\(i).csv")
        defer { try? FileManager.default.removeItem(at: xml) }
        let writer = try SheetToCSV(csv: csv.path, parts: parts, columns: columns)
        guard let stream = InputStream(url: xml) else { throw Diagnostic(.error, at: .whole(path), "cannot read sheet '\(sheet.name)'") }
        let parser = XMLParser(stream: stream)
        parser.delegate = writer
        let ok = parser.parse()
        try writer.finish()
        if !ok || writer.failure != nil {
            throw Diagnostic(.error, at: .whole(path), "sheet '\(sheet.name)' is not well-formed sheet XML: \(writer.failure ?? parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        return Sheet(name: sheet.name, csv: csv.path, rowOffset: writer.rowOffset)
    }
}

/// The workbook's sheets (name and part), shared strings, date styles and date system.
struct WorkbookParts {
    var sheets: [(name: String, target: String)] = []
    var strings: [String] = []
    /// For each cell style index: whether its number format is a date.
    var dateStyles: [Bool] = []
    var date1904 = false

    init(archive: Archive, path: String) throws {
        func xml(_ part: String) throws -> ElementCollector? {
            guard let entry = archive[part] else { return nil }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            let collector = ElementCollector()
            let parser = XMLParser(data: data)
            parser.delegate = collector
            guard parser.parse() else { throw Diagnostic(.error, at: .whole(path), "its part \(part) is not well-formed XML") }
            return collector
        }
        guard let book = try xml("xl/workbook.xml") else { throw Diagnostic(.error, at: .whole(path), "has no xl/workbook.xml: not an Excel workbook") }
        let relations = try xml("xl/_rels/workbook.xml.rels")?.elements.filter { $0.name == "Relationship" } ?? []
        let targets = Dictionary(relations.compactMap { r in r.attributes["Id"].flatMap { id in r.attributes["Target"].map { (id, $0) } } }, uniquingKeysWith: { a, _ in a })
        date1904 = book.elements.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        for sheet in book.elements where sheet.name == "sheet" {
            guard let name = sheet.attributes["name"], let id = sheet.attributes["r:id"], let target = targets[id] else { continue }
            sheets.append((name, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target))
        }
        strings = try xml("xl/sharedStrings.xml")?.strings ?? []
        if let styles = try xml("xl/styles.xml") {
            var custom: [String: Bool] = [:]
            for f in styles.elements where f.name == "numFmt" {
                if let id = f.attributes["numFmtId"], let code = f.attributes["formatCode"] { custom[id] = Self.isDateFormat(code) }
            }
            dateStyles = styles.cellXfs.map { id in custom[id] ?? Int(id).map(Self.isBuiltInDate) ?? false }
        }
    }

    /// Excel's built-in date and date-time formats.
    static func isBuiltInDate(_ id: Int) -> Bool { (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) }

    /// A custom format is a date's when, outside quoted text and [..] sections, it has a d or a y.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "y": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }
}

/// Every element's name and attributes, in order; shared strings and cell styles on the way.
final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var strings: [String] = []
    var cellXfs: [String] = []
    private var inCellXfs = false, inString = false, inPhonetic = false, inText = false
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        switch name {
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellXfs.append(attributes["numFmtId"] ?? "0")
        case "si": inString = true; text = ""
        case "rPh": inPhonetic = true
        case "t": inText = inString && !inPhonetic
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "cellXfs": inCellXfs = false
        case "si": inString = false; strings.append(text)
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }
}
