import Foundation
import ZIPFoundation

/// Reads back what jsna writes for Office, independently of how it was written: the
/// parts of a .docx or .xlsx (zip archives of XML) and the cells of a worksheet.
public struct OfficeFile {
    let archive: Archive

    public init(data: Data) throws { archive = try Archive(data: data, accessMode: .read) }

    public var parts: [String] { archive.map(\.path) }

    /// One part's text, such as `word/document.xml`.
    public func part(_ path: String) throws -> String {
        guard let entry = archive[path] else { throw OfficeFileError("no part \(path)") }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// A worksheet's cells by reference ("B7"), by sheet name: numbers as `.number`,
    /// shared and inline strings as `.text`.
    public func cells(sheet name: String) throws -> [String: SheetCell] {
        let workbook = try part("xl/workbook.xml")
        let names = Self.matches(#"<sheet name="([^"]*)" sheetId="(\d+)""#, in: workbook)
        guard let index = names.firstIndex(where: { Self.unescape($0[0]) == name }) else { throw OfficeFileError("no sheet \(name)") }
        let shared = (try? part("xl/sharedStrings.xml")).map { Self.matches(#"<si>(.*?)</si>"#, in: $0).map { Self.text($0[0]) } } ?? []
        let xml = try part("xl/worksheets/sheet\(index + 1).xml")
        var cells: [String: SheetCell] = [:]
        for m in Self.matches(#"<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)"#, in: xml) {
            let (ref, attributes, body) = (m[0], m[1], m[2])
            if attributes.contains("t=\"s\""), let v = Self.matches(#"<v>(\d+)</v>"#, in: body).first, let i = Int(v[0]), i < shared.count {
                cells[ref] = .text(shared[i])
            } else if attributes.contains("t=\"inlineStr\"") || attributes.contains("t=\"str\"") {
                cells[ref] = .text(Self.text(body))
            } else if let v = Self.matches(#"<v>([^<]*)</v>"#, in: body).first, let d = Double(v[0]) {
                cells[ref] = .number(d)
            }
        }
        return cells
    }

    /// The numbers under every header cell `isCount` accepts, read down its column to the
    /// first empty cell: the counts of a sheet whose tables each have a header row.
    public func countCells(sheet name: String, isCount: (String) -> Bool) throws -> [(address: String, value: Double)] {
        try labelledCounts(sheet: name, isCount: isCount).map { ($0.address, $0.value) }
    }

    /// As ``countCells(sheet:isCount:)``, with each count's row label (column A's text on its
    /// row) and column header.
    public func labelledCounts(sheet name: String, isCount: (String) -> Bool) throws -> [(address: String, row: String, header: String, value: Double)] {
        let cells = try cells(sheet: name)
        var out: [(address: String, row: String, header: String, value: Double)] = []
        for (address, cell) in cells {
            guard case .text(let header) = cell, isCount(header),
                  let split = address.firstIndex(where: \.isNumber), var row = Int(address[split...]) else { continue }
            let column = address[..<split]
            row += 1
            while let below = cells["\(column)\(row)"] {
                if case .number(let n) = below {
                    let label: String
                    if case .text(let t)? = cells["A\(row)"] { label = t } else { label = "" }
                    out.append(("\(column)\(row)", label, header, n))
                }
                row += 1
            }
        }
        return out
    }

    static func text(_ xml: String) -> String { unescape(matches(#"<t[^>]*>(.*?)</t>"#, in: xml).map { $0[0] }.joined()) }

    public static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The capture groups of every match (empty string for a group that did not take part).
    public static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }
}

extension Dictionary where Key == String, Value == SheetCell {
    /// The row of chapter.xlsx's Figures sheet for an indicator id, period and area.
    public func figuresRow(id: String, period: String, area: String) -> Int? {
        var row = 2
        while let indicator = self["B\(row)"] {
            if indicator == .text(id), self["C\(row)"] == .text(period), self["D\(row)"] == .text(area) { return row }
            row += 1
        }
        return nil
    }
}

public enum SheetCell: Equatable, Sendable {
    case number(Double)
    case text(String)
}

public struct OfficeFileError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension OfficeFile {
    /// Copies an Office file with one part's text changed (for test fixtures such as a
    /// council's house-style document).
    public static func rewrite(_ data: Data, part: String, to url: URL, _ change: (String) -> String) throws {
        let source = try Archive(data: data, accessMode: .read)
        // In memory, then written: ZIPFoundation's file-backed archives leak a path buffer
        // on Linux (seen under LeakSanitizer), its memory-backed ones do not.
        let out = try Archive(accessMode: .create)
        for entry in source where entry.type == .file {
            var bytes = Data()
            _ = try source.extract(entry) { bytes.append($0) }
            if entry.path == part { bytes = Data(change(String(decoding: bytes, as: UTF8.self)).utf8) }
            try out.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = out.data else { throw OfficeFileError("could not build \(url.lastPathComponent)") }
        try data.write(to: url)
    }
}
