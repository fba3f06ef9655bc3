import CSVReader
import Dispatch
import Foundation

/// Options for reading an extract.
public struct ExtractOptions: Sendable {
    /// The file's own header for fields whose names differ from Annex A List 3.
    public var columns: [ExtractField: String] = [:]
    /// nil: detected once from the file's referral dates.
    public var dateFormat: DateFormat?
    /// Files with more data bytes than this are split across cores. The split path must
    /// give the same figures and errors as one core: tests and the fuzzer lower this to
    /// check that on small files.
    public var splitAbove: Int = 4 << 20
    /// Counts bytes as they are read, for a progress line on long reads.
    public var progress: ReadProgress?

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
    /// The field each kind of diagnostic is about, to locate it (see ``ExtractDiagnostics/lines(path:fields:excludedRows:)``).
    public var diagnosticFields: [ExtractDiagnostics.Kind: Int] = [:]

    /// Rows left out of every figure because of an error.
    public var rowsExcluded: Int { diagnostics.errorRows }

    /// The figures for one census year (all zero, with empty breakdowns, if it has no rows).
    public func figures(for year: Int) -> ReferralFigures { figures[year] ?? ReferralFigures(year: year) }

    /// Reads the extract, split across cores at record boundaries when it is large.
    /// - Parameter parts: how many ranges to parse at once (default: one per core).
    public static func read(path: String, options: ExtractOptions = ExtractOptions(), parts: Int? = nil) throws -> ReferralExtract {
        let header = try DateFormatDetector.detect(path: path, options: options)
        let format = options.dateFormat ?? header.format
        let ranges = RecordBoundaries.split(path: path, parts: parts ?? ProcessInfo.processInfo.activeProcessorCount, dataStart: header.dataStart, minimumBytes: options.splitAbove)
        if ranges.count > 1, let chunks = try? parse(path, ranges, header, format, options.progress) {
            return merge(chunks, path: path, header: header, format: format, detected: options.dateFormat == nil)
        }
        // One range, or a chunk failed: read in order, so an error is located exactly.
        let whole = ReferralAggregator(layout: header.layout, format: format, chunk: 0)
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
            whole.reserve(rows: Int(Double(size) / header.bytesPerRow * 1.05), bytesPerID: header.bytesPerID)
        }
        var records = 0
        var sequential = CSVReader.Options()
        sequential.progress = options.progress
        try CSVReader(path: path, options: sequential).forEachRecord { record in
            records += 1
            if record.number > 1 { whole.add(record) }
        }
        guard whole.rows > 0 else { throw CSVError(path: path, line: 1, column: 1, message: "no data rows below the header") }
        whole.sortEntries()
        return merge([(whole, 0)], path: path, header: header, format: format, detected: options.dateFormat == nil)
    }

    /// Parses the ranges concurrently; each result carries the lines it consumed.
    static func parse(_ path: String, _ ranges: [Range<Int>], _ header: DateFormatDetector.Header, _ format: DateFormat, _ progress: ReadProgress?) throws -> [(ReferralAggregator, Int)] {
        final class Slot: @unchecked Sendable { var result: Result<(ReferralAggregator, Int), any Error>? }
        let slots = ranges.map { _ in Slot() }
        DispatchQueue.concurrentPerform(iterations: ranges.count) { i in
            let aggregator = ReferralAggregator(layout: header.layout, format: format, chunk: i)
            aggregator.reserve(rows: Int(Double(ranges[i].count) / header.bytesPerRow * 1.05), bytesPerID: header.bytesPerID)
            var options = CSVReader.Options()
            options.byteRange = ranges[i]
            options.expectedFieldCount = header.fieldCount
            options.progress = progress
            slots[i].result = Result {
                let lines = try CSVReader(path: path, options: options).forEachRecord(aggregator.add).lines
                aggregator.sortEntries()
                return (aggregator, lines)
            }
        }
        return try slots.map { try $0.result!.get() }
    }

    /// Puts the chunks together: figures summed, lines offset, and re-referrals decided on
    /// all referrals of each child in order of child and date. Each chunk sorted its own
    /// entries in its thread; here they are merged as they are walked, never copied.
    static func merge(_ chunks: [(ReferralAggregator, Int)], path: String, header: DateFormatDetector.Header, format: DateFormat, detected: Bool) -> ReferralExtract {
        var figures: [Int: ReferralFigures] = [:]
        var daily: [Int32: Int] = [:]
        var diagnostics = ExtractDiagnostics()
        var lineOffsets: [UInt32] = []
        var lineOffset = chunks.count > 1 ? header.lines : 0
        var rows = 0
        for (chunk, lines) in chunks {
            rows += chunk.rows
            for (year, f) in chunk.figures() { figures[year, default: ReferralFigures(year: year)].add(f) }
            for (day, n) in chunk.daily.nonZero { daily[day, default: 0] += n }
            diagnostics.merge(chunk.diagnostics, lineOffset: lineOffset)
            lineOffsets.append(UInt32(lineOffset))
            lineOffset += lines
        }
        let facts = DayFacts(days: daily.keys)
        let parts = rows > 100_000 ? ProcessInfo.processInfo.activeProcessorCount : 1
        var rereferrals: [Int: Int] = [:]
        for part in ChildOrder.walk(chunks.map(\.0), parts: parts, lineOffsets: lineOffsets, facts: facts) {
            diagnostics.merge(part.duplicates, lineOffset: 0)
            for (census, n) in part.rereferrals { rereferrals[census, default: 0] += n }
        }
        for (census, n) in rereferrals { figures[census]?.rereferrals += n }
        for (chunk, _) in chunks {
            chunk.entries = []
            chunk.ids.removeAll()
        }
        let days = daily.keys
        var extract = ReferralExtract(
            path: path, rowsRead: rows, dateFormat: format, dateFormatDetected: detected, figures: figures,
            daily: Dictionary(uniqueKeysWithValues: daily.map { (CivilDate(dayNumber: $0.key), $0.value) }),
            firstDate: days.min().map(CivilDate.init(dayNumber:)), lastDate: days.max().map(CivilDate.init(dayNumber:)),
            diagnostics: diagnostics)
        let layout = header.layout
        extract.diagnosticFields = [
            .referralDateBlank: layout[.dateOfReferral]!, .referralDateInvalid: layout[.dateOfReferral]!,
            .referralInFuture: layout[.dateOfReferral]!, .duplicate: layout[.dateOfReferral]!,
            .birthDateBlank: layout[.dateOfBirth]!, .birthDateInvalid: layout[.dateOfBirth]!,
            .birthAfterReferral: layout[.dateOfBirth]!, .childIDBlank: layout[.childID]!,
        ]
        return extract
    }
}

/// Every chunk's sorted entries, walked as one sequence in order of child (hash, then ID
/// bytes), day, then file order (earlier chunk first). A walk may cover one range of
/// hashes: a child's entries share a hash, so ranges split the work without splitting a child.
struct ChildOrder {
    let chunks: [ReferralAggregator]
    var heads: [Int]
    let ends: [Int]

    init(_ chunks: [ReferralAggregator], hashes: ClosedRange<UInt64> = 0...UInt64.max) {
        self.chunks = chunks
        heads = chunks.map { Self.firstIndex(in: $0.entries, atLeast: hashes.lowerBound) }
        ends = chunks.map { hashes.upperBound == .max ? $0.entries.count : Self.firstIndex(in: $0.entries, atLeast: hashes.upperBound + 1) }
    }

    static func firstIndex(in entries: [ReferralAggregator.Entry], atLeast hash: UInt64) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].hash < hash { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Decides re-referrals and duplicates in `parts` hash ranges at once. Counts add up
    /// and diagnostics keep the smallest line, so the result does not depend on the split.
    static func walk(_ chunks: [ReferralAggregator], parts: Int, lineOffsets: [UInt32], facts: DayFacts) -> [(rereferrals: [Int: Int], duplicates: ExtractDiagnostics)] {
        final class Slot: @unchecked Sendable { var rereferrals: [Int: Int] = [:]; var duplicates = ExtractDiagnostics() }
        let slots = (0..<max(parts, 1)).map { _ in Slot() }
        let width = UInt64.max / UInt64(slots.count)
        // Read-only while the walks run: each walk keeps its own heads.
        struct Shared: @unchecked Sendable { let chunks: [ReferralAggregator] }
        let shared = Shared(chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: slots.count) { i in
            let chunks = shared.chunks
            let low = UInt64(i) * width, high = i == slots.count - 1 ? UInt64.max : UInt64(i + 1) * width - 1
            var walk = ChildOrder(chunks, hashes: low...high)
            var previous: (entry: ReferralAggregator.Entry, chunk: Int)?
            var lastDay: Int32 = 0
            var previousDistinct: Int32?
            let slot = slots[i]
            while let (e, c) = walk.next() {
                if let p = previous, walk.sameChild(p.entry, p.chunk, e, c) {
                    if e.day != lastDay {
                        previousDistinct = lastDay
                    } else {
                        slot.duplicates.add(.duplicate, line: Int(e.line + lineOffsets[c]))
                    }
                } else {
                    previousDistinct = nil
                }
                previous = (e, c)
                lastDay = e.day
                let (yearBefore, census) = facts[e.day]
                if let p = previousDistinct, p >= yearBefore { slot.rereferrals[census, default: 0] += 1 }
            }
        }
        return slots.map { ($0.rereferrals, $0.duplicates) }
    }

    mutating func next() -> (ReferralAggregator.Entry, Int)? {
        var best = -1
        var bestEntry = ReferralAggregator.Entry(hash: 0, id: 0, day: 0, line: 0)
        for c in chunks.indices where heads[c] < ends[c] {
            let e = chunks[c].entries[heads[c]]
            if best < 0 || precedes(e, c, bestEntry, best) {
                best = c
                bestEntry = e
            }
        }
        guard best >= 0 else { return nil }
        heads[best] += 1
        return (bestEntry, best)
    }

    /// Strictly before; on a tie the earlier chunk (scanned first) keeps its place.
    @inline(__always)
    func precedes(_ a: ReferralAggregator.Entry, _ ac: Int, _ b: ReferralAggregator.Entry, _ bc: Int) -> Bool {
        if a.hash != b.hash { return a.hash < b.hash }
        let c = ChildIDBytes.compare(a.id, in: chunks[ac].ids, b.id, in: chunks[bc].ids)
        return c != 0 ? c < 0 : a.day < b.day
    }

    @inline(__always)
    func sameChild(_ a: ReferralAggregator.Entry, _ ac: Int, _ b: ReferralAggregator.Entry, _ bc: Int) -> Bool {
        a.hash == b.hash && ChildIDBytes.compare(a.id, in: chunks[ac].ids, b.id, in: chunks[bc].ids) == 0
    }
}

/// For each day a file holds: the same day a year before, and its census year. A table
/// over the span of days when it is short (as real extracts are), else computed.
struct DayFacts {
    let first: Int32
    let yearBefore: [Int32]
    let census: [Int]

    init(days: some Collection<Int32>) {
        let first = days.min() ?? 0, last = days.max() ?? 0
        self.first = first
        guard last - first < 100_000 else {
            yearBefore = []
            census = []
            return
        }
        let span = (first...last).map(CivilDate.init(dayNumber:))
        yearBefore = span.map(\.oneYearBefore.dayNumber)
        census = span.map(\.censusYear)
    }

    subscript(day: Int32) -> (yearBefore: Int32, census: Int) {
        let slot = Int(day - first)
        if slot >= 0 && slot < census.count { return (yearBefore[slot], census[slot]) }
        let date = CivilDate(dayNumber: day)
        return (date.oneYearBefore.dayNumber, date.censusYear)
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
        /// From the sampled rows: bytes per row (fields plus separators) and per child ID,
        /// so each chunk can reserve its arrays once instead of doubling them.
        var bytesPerRow = 64.0
        var bytesPerID = 8.0
    }

    static func detect(path: String, options: ExtractOptions) throws -> Header {
        var layout: ExtractLayout?
        var fieldCount = 0
        var votes: [DateFormat: Int] = [:]
        var seen = 0
        var headerLines = 1
        var sampleBytes = 0, sampleIDBytes = 0, sampleRows = 0
        do {
            try CSVReader(path: path).forEachRecord { record in
                if record.number == 1 {
                    layout = try ExtractLayout.resolve(header: record.strings, mapping: options.columns, path: path)
                    fieldCount = record.count
                    return
                }
                if record.number == 2 { headerLines = record.line - 1 }
                sampleBytes += (0..<record.count).reduce(record.count) { $0 + record[$1].count }
                sampleIDBytes += record[layout![.childID]!].count
                sampleRows += 1
                let field = record[layout![.dateOfReferral]!]
                guard !field.isEmpty else { return }
                for format in DateFormat.allCases where format.parse(field) != nil { votes[format, default: 0] += 1 }
                seen += 1
                if seen >= sample { throw Sampled() }
            }
        } catch is Sampled {}
        guard let layout else { throw CSVError(path: path, line: 1, column: 1, message: "empty file: no header and no rows") }
        let best = DateFormat.allCases.max { (votes[$0] ?? 0, $1 == .dayMonthYear ? 1 : 0) < (votes[$1] ?? 0, $0 == .dayMonthYear ? 1 : 0) }!
        var header = Header(layout: layout, format: best, fieldCount: fieldCount, dataStart: RecordBoundaries.endOfHeader(path: path, lines: headerLines), lines: headerLines)
        if sampleRows > 0 {
            header.bytesPerRow = max(Double(sampleBytes) / Double(sampleRows), 8)
            header.bytesPerID = Double(sampleIDBytes) / Double(sampleRows)
        }
        return header
    }

    struct Sampled: Error {}
}
