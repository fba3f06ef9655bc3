import CSVReader
import Dispatch
import Foundation

/// Options for reading an extract.
public struct ExtractOptions: Sendable {
    /// The file's own header for fields whose names differ from Annex A List 3.
    public var columns: [ExtractField: String] = [:]
    /// nil: detected once from the file's referral dates.
    public var dateFormat: DateFormat?

    public init(columns: [ExtractField: String] = [:], dateFormat: DateFormat? = nil) {
        self.columns = columns
        self.dateFormat = dateFormat
    }
}

/// A council's child-level referral extract, read in one streaming pass into figures for
/// every census year it covers. Memory grows with children (and their referral dates),
/// not with the file's size; no row is held as Strings.
public struct ReferralExtract: Sendable {
    public var path: String
    public var rowsRead: Int
    public var dateFormat: DateFormat
    public var dateFormatDetected: Bool
    public var figures: [Int: ReferralFigures]
    /// Referrals per day (rows with a valid referral date), for year-to-date comparisons.
    public var daily: [CivilDate: Int]
    public var firstDate: CivilDate?
    public var lastDate: CivilDate?
    public var diagnostics: ExtractDiagnostics
    /// SHA-256 of the extract (for provenance; a hash reveals nothing about a child). Computed
    /// on demand: `jsna referrals` does not need it.
    public var sha256: String { SHA256.hex(ofFile: path) ?? "" }

    /// Rows left out of every figure because of an error.
    public var rowsExcluded: Int { diagnostics.errorRows }

    /// The figures for one census year (all zero, with empty breakdowns, if it has no rows).
    public func figures(for year: Int) -> ReferralFigures { figures[year] ?? ReferralFigures(year: year) }

    /// Reads the extract, split across cores at record boundaries when it is large.
    /// - Parameter parts: how many ranges to parse at once (default: one per core).
    public static func read(path: String, options: ExtractOptions = ExtractOptions(), parts: Int? = nil) throws -> ReferralExtract {
        let header = try DateFormatDetector.detect(path: path, options: options)
        let format = options.dateFormat ?? header.format
        let ranges = RecordBoundaries.split(path: path, parts: parts ?? ProcessInfo.processInfo.activeProcessorCount, dataStart: header.dataStart)
        if ranges.count > 1, let chunks = try? parse(path, ranges, header, format) {
            return merge(chunks, path: path, header: header, format: format, detected: options.dateFormat == nil)
        }
        // One range, or a chunk failed: read in order, so an error is located exactly.
        let whole = ReferralAggregator(layout: header.layout, format: format, chunk: 0)
        var records = 0
        try CSVReader(path: path).forEachRecord { record in
            records += 1
            if record.number > 1 { whole.add(record) }
        }
        guard whole.rows > 0 else { throw CSVError(path: path, line: 1, column: 1, message: "no data rows below the header") }
        return merge([(whole, 0)], path: path, header: header, format: format, detected: options.dateFormat == nil)
    }

    /// Parses the ranges concurrently; each result carries the lines it consumed.
    static func parse(_ path: String, _ ranges: [Range<Int>], _ header: DateFormatDetector.Header, _ format: DateFormat) throws -> [(ReferralAggregator, Int)] {
        final class Slot: @unchecked Sendable { var result: Result<(ReferralAggregator, Int), any Error>? }
        let slots = ranges.map { _ in Slot() }
        DispatchQueue.concurrentPerform(iterations: ranges.count) { i in
            let aggregator = ReferralAggregator(layout: header.layout, format: format, chunk: i)
            var options = CSVReader.Options()
            options.byteRange = ranges[i]
            options.expectedFieldCount = header.fieldCount
            slots[i].result = Result { (aggregator, try CSVReader(path: path, options: options).forEachRecord(aggregator.add).lines) }
        }
        return try slots.map { try $0.result!.get() }
    }

    /// Puts the chunks together: figures summed, lines offset, and re-referrals decided on
    /// all referrals of each child, sorted by child and date.
    static func merge(_ chunks: [(ReferralAggregator, Int)], path: String, header: DateFormatDetector.Header, format: DateFormat, detected: Bool) -> ReferralExtract {
        var figures: [Int: ReferralFigures] = [:]
        var daily: [Int32: Int] = [:]
        var diagnostics = ExtractDiagnostics()
        var entries: [ReferralAggregator.Entry] = []
        var ids: [UInt8] = []
        var lineOffset = chunks.count > 1 ? header.lines : 0
        var rows = 0
        entries.reserveCapacity(chunks.reduce(0) { $0 + $1.0.entries.count })
        ids.reserveCapacity(chunks.reduce(0) { $0 + $1.0.ids.count })
        for (chunk, lines) in chunks {
            rows += chunk.rows
            for (year, f) in chunk.figures() { figures[year, default: ReferralFigures(year: year)].add(f) }
            for (day, n) in chunk.daily { daily[day, default: 0] += n }
            diagnostics.merge(chunk.diagnostics, lineOffset: lineOffset)
            let base = UInt64(ids.count)
            ids.append(contentsOf: chunk.ids)
            for var e in chunk.entries {
                e.id = (e.id & ~0xFF_FFFF_FFFF) + (e.id & 0xFF_FFFF_FFFF) + base
                e.line += UInt32(lineOffset)
                entries.append(e)
            }
            // Free each chunk's copy as soon as it is merged: peak memory stays near one copy.
            chunk.entries = []
            chunk.ids = []
            lineOffset += lines
        }
        ids.withUnsafeBufferPointer { bytes in
            let sameChild = { (a: ReferralAggregator.Entry, b: ReferralAggregator.Entry) in a.hash == b.hash && compare(bytes, a.id, b.id) == 0 }
            entries.sort { a, b in
                if a.hash != b.hash { return a.hash < b.hash }
                let c = compare(bytes, a.id, b.id)
                if c != 0 { return c < 0 }
                return (a.day, a.line) < (b.day, b.line)
            }
            var lastDay: Int32 = 0
            var previousDistinct: Int32?
            for i in entries.indices {
                let e = entries[i]
                if i == 0 || !sameChild(entries[i - 1], e) {
                    previousDistinct = nil
                } else if e.day != lastDay {
                    previousDistinct = lastDay
                } else {
                    diagnostics.add(.duplicate, line: Int(e.line))
                }
                lastDay = e.day
                let date = CivilDate(dayNumber: e.day)
                if let p = previousDistinct, p >= date.oneYearBefore.dayNumber { figures[date.censusYear]?.rereferrals += 1 }
            }
        }
        let days = daily.keys
        return ReferralExtract(
            path: path, rowsRead: rows, dateFormat: format, dateFormatDetected: detected, figures: figures,
            daily: Dictionary(uniqueKeysWithValues: daily.map { (CivilDate(dayNumber: $0.key), $0.value) }),
            firstDate: days.min().map(CivilDate.init(dayNumber:)), lastDate: days.max().map(CivilDate.init(dayNumber:)),
            diagnostics: diagnostics)
    }

    /// Compares two child IDs by their bytes (length, offset packed in the entry).
    @inline(__always)
    static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ a: UInt64, _ b: UInt64) -> Int32 {
        let la = Int((a >> 40) & 0xFFFF), lb = Int((b >> 40) & 0xFFFF)
        if la != lb { return la < lb ? -1 : 1 }
        return memcmp(bytes.baseAddress! + Int(a & 0xFF_FFFF_FFFF), bytes.baseAddress! + Int(b & 0xFF_FFFF_FFFF), la)
    }
}

/// Reads the header and a sample of referral dates to fix the file's date format once.
enum DateFormatDetector {
    static let sample = 500

    struct Header {
        var layout: ExtractLayout
        var format: DateFormat
        var fieldCount: Int
        /// Where the first data record starts, and how many lines the header takes.
        var dataStart: Int
        var lines: Int
    }

    static func detect(path: String, options: ExtractOptions) throws -> Header {
        var layout: ExtractLayout?
        var fieldCount = 0
        var votes: [DateFormat: Int] = [:]
        var seen = 0
        var headerLines = 1
        do {
            try CSVReader(path: path).forEachRecord { record in
                if record.number == 1 {
                    layout = try ExtractLayout.resolve(header: record.strings, mapping: options.columns, path: path)
                    fieldCount = record.count
                    return
                }
                if record.number == 2 { headerLines = record.line - 1 }
                let field = record[layout![.dateOfReferral]!]
                guard !field.isEmpty else { return }
                for format in DateFormat.allCases where format.parse(field) != nil { votes[format, default: 0] += 1 }
                seen += 1
                if seen >= sample { throw Sampled() }
            }
        } catch is Sampled {}
        guard let layout else { throw CSVError(path: path, line: 1, column: 1, message: "empty file: no header and no rows") }
        let best = DateFormat.allCases.max { (votes[$0] ?? 0, $1 == .dayMonthYear ? 1 : 0) < (votes[$1] ?? 0, $0 == .dayMonthYear ? 1 : 0) }!
        return Header(layout: layout, format: best, fieldCount: fieldCount, dataStart: RecordBoundaries.endOfHeader(path: path, lines: headerLines), lines: headerLines)
    }

    struct Sampled: Error {}
}
