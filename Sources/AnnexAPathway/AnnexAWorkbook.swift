import Diagnostics
import Foundation
import Parallel
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
    /// The zip is opened from the file (ZIPFoundation's in-memory archive traps on a crafted
    /// entry that points past the end; its file-backed one leaks a path buffer on Linux,
    /// which `.ci/lsan.supp` names) and each sheet's XML unpacked to a temporary file in
    /// turn, within the workbook's unpacking budget; then the sheets are parsed at once,
    /// the largest first.
    public init(path: String, into folder: URL, columns: [String: String] = [:]) throws {
        self.path = path
        let archive: Archive
        let notZip = Diagnostic(.error, at: .whole(path), "is not a workbook jsna can open (an .xlsx is a zip of XML files)")
        try RegularFile.require(path)
        do {
            // A zip starts "PK\u{3}\u{4}": anything else is refused before ZIPFoundation sees it.
            guard try Self.head(path, 4) == Data([0x50, 0x4B, 0x03, 0x04]) else { throw notZip }
            // File-backed: ZIPFoundation's in-memory archive traps when a crafted entry points
            // past the end of the bytes (found by the workbook fuzz target); reading the file
            // returns nothing there instead.
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic(.error, at: .whole(path), "\(notZip.message): \(error)")
        }
        let budget = UnpackBudget(fileSize: Self.fileSize(path), path: path)
        let parts = try WorkbookParts(archive: archive, path: path, budget: budget)
        var sizes: [Int] = []
        for (i, sheet) in parts.sheets.enumerated() {
            guard let entry = archive[sheet.target] else { throw Diagnostic(.error, at: .whole(path), "sheet '\(sheet.name)' is missing its part \(sheet.target)") }
            let xml = folder.appendingPathComponent("sheet\(i).xml")
            guard FileManager.default.createFile(atPath: xml.path, contents: nil, attributes: [.posixPermissions: 0o600]), let out = FileHandle(forWritingAtPath: xml.path) else {
                throw Diagnostic(.error, at: .whole(xml.path), "cannot write a temporary file")
            }
            do {
                var text = UTF8Check()
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    try budget.take(chunk.count)
                    guard text.take(chunk) else { throw Diagnostic(.error, at: .whole(path), "sheet '\(sheet.name)' is not UTF-8 XML") }
                    try out.write(contentsOf: chunk)
                }
                guard text.finish() else { throw Diagnostic(.error, at: .whole(path), "sheet '\(sheet.name)' is not UTF-8 XML") }
                try out.close()
            } catch let error as Diagnostic {
                try? out.close()
                throw error
            } catch {
                try? out.close()
                throw Diagnostic(.error, at: .whole(path), "sheet '\(sheet.name)' cannot be unpacked: \(error.localizedDescription)")
            }
            sizes.append(Int(entry.uncompressedSize))
        }
        let order = parts.sheets.indices.sorted { sizes[$0] > sizes[$1] }
        let converted = parallelResults(order.count) { k in
            try Self.convert(sheet: parts.sheets[order[k]], index: order[k], path: path, parts: parts, folder: folder, columns: columns)
        }
        // Back in the workbook's order (the largest sheets went first).
        var byIndex = [Result<Sheet, any Error>?](repeating: nil, count: order.count)
        for (k, i) in order.enumerated() { byIndex[i] = converted[k] }
        sheets = try byIndex.map { try $0!.get() }
    }

    /// The file's first `count` bytes (fewer if it is shorter), read with open/read.
    static func head(_ path: String, _ count: Int) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Diagnostic(.error, at: .whole(path), "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = read(fd, &bytes, count)
        return Data(bytes.prefix(max(n, 0)))
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
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
        if let failure = writer.failure { throw Diagnostic(.error, at: .whole(path), "sheet '\(sheet.name)': \(failure)") }
        if !ok {
            throw Diagnostic(.error, at: .whole(path), "sheet '\(sheet.name)' is not well-formed sheet XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
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

    init(archive: Archive, path: String, budget: UnpackBudget) throws {
        func xml(_ part: String) throws -> ElementCollector? {
            guard let entry = archive[part] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    try budget.take(chunk.count)
                    data.append(chunk)
                }
            } catch let error as Diagnostic { throw error } catch {
                throw Diagnostic(.error, at: .whole(path), "its part \(part) cannot be unpacked: \(error.localizedDescription)")
            }
            // Foundation's XML parser traps on some bytes that are not UTF-8 (in a prefixed
            // element name, found by the workbook fuzz target): they never reach it.
            guard String(validating: data, as: UTF8.self) != nil else { throw Diagnostic(.error, at: .whole(path), "its part \(part) is not UTF-8 XML") }
            let collector = ElementCollector()
            let parser = XMLParser(data: data)
            parser.delegate = collector
            let parsed = parser.parse()
            if let failure = collector.failure { throw Diagnostic(.error, at: .whole(path), "its part \(part): \(failure)") }
            guard parsed else { throw Diagnostic(.error, at: .whole(path), "its part \(part) is not well-formed XML") }
            return collector
        }
        guard let book = try xml("xl/workbook.xml") else { throw Diagnostic(.error, at: .whole(path), "has no xl/workbook.xml: not an Excel workbook") }
        let relations = try xml("xl/_rels/workbook.xml.rels")?.elements.filter { $0.name == "Relationship" } ?? []
        let targets = Dictionary(relations.compactMap { r in r.attributes["Id"].flatMap { id in r.attributes["Target"].map { (id, $0) } } }, uniquingKeysWith: { a, _ in a })
        date1904 = book.elements.contains { $0.name == "workbookPr" && ["1", "true"].contains($0.attributes["date1904"] ?? "") }
        for sheet in book.elements where sheet.name == "sheet" {
            guard let name = sheet.attributes["name"], let id = sheet.attributes["r:id"], let target = targets[id] else { continue }
            let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            // Each part is unpacked once: a real workbook never points two sheets at one part
            // (a crafted one pointed 300 at a 50 MB part, 15 GB unpacked).
            if let other = sheets.first(where: { $0.target == part }) {
                throw Diagnostic(.error, at: .whole(path), "sheets '\(other.name)' and '\(name)' are the same part (\(part)): not a workbook Excel writes")
            }
            sheets.append((name, part))
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

    /// Why the part was not read to its end (a shared string longer than Excel allows).
    var failure: String?

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        text += string
        if text.utf8.count > SheetToCSV.longestCell * 4 || text.count > SheetToCSV.longestCell {
            failure = "a shared string holds more than Excel's 32,767 characters"
            parser.abortParsing()
        }
    }

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

/// How much a workbook may unpack to, all parts together: 100 times its own size, at least
/// 100 MB and at most 4 GB. Excel's XML compresses about ten to one; a zip bomb unpacks
/// thousands to one. Counted as the bytes come out, so a part that lies about its size is
/// caught too.
final class UnpackBudget: @unchecked Sendable {
    let limit: Int
    let path: String
    private var used = 0

    init(fileSize: Int, path: String) {
        limit = Self.limit(fileSize: fileSize)
        self.path = path
    }

    static func limit(fileSize: Int) -> Int { min(4 << 30, max(100 << 20, fileSize.multipliedReportingOverflow(by: 100).overflow ? Int.max : fileSize * 100)) }

    func take(_ bytes: Int) throws {
        used += bytes
        if used > limit {
            throw Diagnostic(.error, at: .whole(path), "unpacks to more than \(limit >> 20) MB (100 times its own size): not a workbook jsna reads")
        }
    }
}

/// UTF-8 checked as it streams past in chunks: a character split between two chunks is
/// held over (at most 3 bytes) and checked with the next.
struct UTF8Check {
    private var held: [UInt8] = []

    /// False when the bytes so far cannot be UTF-8.
    mutating func take(_ chunk: Data) -> Bool {
        var bytes = held
        bytes.append(contentsOf: chunk)
        guard !bytes.isEmpty else { return true }
        // Keep back a character that is not finished: up to 3 bytes from the end.
        var cut = bytes.count
        for back in 1...min(3, bytes.count) {
            let b = bytes[bytes.count - back]
            if b & 0xC0 == 0x80 { continue }  // a continuation byte: look further back
            if b & 0x80 != 0 {
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                if length > back { cut = bytes.count - back }
            }
            break
        }
        held = Array(bytes[cut...])
        return String(validating: bytes[..<cut], as: UTF8.self) != nil
    }

    /// False when the stream ended inside a character.
    func finish() -> Bool { held.isEmpty }
}
