import Diagnostics
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
    /// Bytes to link each child's referrals in; a larger extract is read in more passes
    /// (``LinkingPasses``), so memory stays flat however large the file. nil: the default.
    public var linkingMemory: Int?
    /// Forces the number of passes (tests and the fuzzer check any count gives the same
    /// figures); nil: from ``linkingMemory``.
    public var linkingPasses: Int?
    /// The last referral date counted (with today): rows after it are left out of every
    /// figure, so a census year's figures are those of the window ending that day. For
    /// year-to-date figures (`jsna annex-a --as-at`); nil: today.
    public var lastDay: CivilDate?
    /// Called before each pass (from 1), for tests that change the file between passes.
    var beforePass: (@Sendable (Int) -> Void)?

    public init(columns: [ExtractField: String] = [:], dateFormat: DateFormat? = nil) {
        self.columns = columns
        self.dateFormat = dateFormat
    }
}

/// A council's child-level referral extract, read in one streaming pass into figures for
/// every census year it covers (and, for a file too large to link in memory, further
/// passes that link its children's referrals a range at a time: see ``LinkingPasses``).
/// Memory is flat in the file's size; no row is held as Strings.
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
    /// How many times the file was read to link its children's referrals.
    public var passes = 1
    /// SHA-256 of the extract (for provenance; a hash reveals nothing about a child). Computed
    /// on demand: `jsna referrals` does not need it.
    public var sha256: String { SHA256.hex(ofFile: path) ?? "" }
    /// The field each kind of diagnostic is about, to locate it (see ``ExtractDiagnostics/lines(path:fields:excludedRows:)``).
    public var diagnosticFields: [ExtractDiagnostics.Kind: Int] = [:]
    /// Figures for each month (key census year × 100 + month index, 0 = April), without
    /// re-referrals: for a period of whole months (``figures(census:months:)``).
    var monthFigures: [Int: ReferralFigures] = [:]
    /// How many referral dates each format read, when the format was decided from the file.
    var formatVotes = FormatVotes()

    /// Rows left out of every figure because of an error.
    public var rowsExcluded: Int { diagnostics.errorRows }

    /// Counts and breakdowns for the first `months` whole months of census year `census`
    /// (1 = April only, 12 = the whole year); re-referrals are not split by month (0).
    public func figures(census: Int, months: Int) -> ReferralFigures {
        var f = ReferralFigures(year: census)
        for m in 0..<min(months, 12) { if let part = monthFigures[census * 100 + m] { f.add(part) } }
        return f
    }

    /// The figures for one census year (all zero, with empty breakdowns, if it has no rows).
    public func figures(for year: Int) -> ReferralFigures { figures[year] ?? ReferralFigures(year: year) }

    /// Reads the extract, split across cores at record boundaries when it is large, in as
    /// many passes as linking needs (see ``LinkingPasses``).
    /// - Parameter parts: how many ranges to parse at once (default: one per core).
    public static func read(path: String, options: ExtractOptions = ExtractOptions(), parts: Int? = nil) throws -> ReferralExtract {
        let file = FileIdentity(path: path)
        if let file, file.isStream {
            // Its header is sampled before the rows are read (and large files are read more
            // than once), so a pipe would lose its first rows and report nonsense.
            throw CSVError(path: path, line: 0, column: 0, message: "is a pipe or a device, not a file: save the extract to a file and give its path")
        }
        var header = try DateFormatDetector.detect(path: path, options: options)
        let dataBytes = (file?.size ?? 0) - header.dataStart
        // A forced count (tests, the fuzzer) needs no plan, nor its count of line breaks.
        let plan = options.linkingPasses.map { (passes: LinkingPasses(count: $0), rows: LinkingPasses.sampledRows(dataBytes: dataBytes, bytesPerRow: header.bytesPerRow)) }
            ?? LinkingPasses.plan(
                path: path, dataStart: header.dataStart, dataBytes: dataBytes, bytesPerRow: header.bytesPerRow,
                bytesPerID: header.bytesPerID, memory: options.linkingMemory ?? LinkingPasses.defaultMemory)
        let passes = plan.passes
        // Arrays are reserved from bytes per row: from the rows planned for, when counted.
        header.bytesPerRow = max(Double(dataBytes) / max(plan.rows, 1) * 1.05, 1)
        let reader = PassReader(
            path: path, header: header, format: options.dateFormat ?? header.format, detecting: options.dateFormat == nil, progress: options.progress,
            ranges: RecordBoundaries.split(path: path, parts: parts ?? ProcessInfo.processInfo.activeProcessorCount, dataStart: header.dataStart, minimumBytes: options.splitAbove),
            fileBytes: file?.size ?? 0, lastDay: options.lastDay)
        func read(pass: Int) throws -> (chunks: [(ReferralAggregator, Int)], hashes: ClosedRange<UInt64>) {
            options.progress?.beginPass(pass + 1, of: passes.count)
            options.beforePass?(pass + 1)
            if pass > 0, FileIdentity(path: path) != file { throw changed(pass, "") }
            let hashes = passes.hashes(pass)
            return (try reader.read(hashes: hashes, linkOnly: pass > 0, passes: passes.count), hashes)
        }
        func changed(_ pass: Int, _ how: String) -> CSVError {
            CSVError(path: path, line: 1, column: 1, message: "the file changed while it was being read (pass \(pass + 1) of \(passes.count)\(how)); read it again once it is complete")
        }
        // Pass 1 counts everything and links the first range of children; later passes link the rest.
        let first = try read(pass: 0)
        var extract = summarize(first.chunks, reader: reader, detected: options.dateFormat == nil)
        // The format is decided from every row: when the sample's guess is not what all the
        // rows say, the file is read again in the format they say (rare).
        if options.dateFormat == nil {
            switch extract.formatVotes.decision {
            case .format(let decided) where decided != reader.format:
                var forced = options
                forced.dateFormat = decided
                var again = try Self.read(path: path, options: forced, parts: parts)
                again.dateFormatDetected = true
                again.formatVotes = extract.formatVotes
                return again
            case .format: break
            case .ambiguous, .undecided:
                throw DateDecision.error(extract.formatVotes, path: path, header: header)
            }
        }
        extract.passes = passes.count
        let facts = DayFacts(days: extract.daily.keys.map(\.dayNumber))
        extract.link(first.chunks, hashes: first.hashes, lineOffsets: reader.lineOffsets(first.chunks), facts: facts)
        for pass in 1..<passes.count {
            let next = try read(pass: pass)
            if next.chunks.reduce(0, { $0 + $1.0.rows }) != extract.rowsRead { throw changed(pass, " found a different number of rows") }
            extract.link(next.chunks, hashes: next.hashes, lineOffsets: reader.lineOffsets(next.chunks), facts: facts)
        }
        return extract
    }

    /// Counts, breakdowns and row diagnostics from the first pass's chunks.
    static func summarize(_ chunks: [(ReferralAggregator, Int)], reader: PassReader, detected: Bool) -> ReferralExtract {
        var figures: [Int: ReferralFigures] = [:]
        var months: [Int: ReferralFigures] = [:]
        var daily: [Int32: Int] = [:]
        var diagnostics = ExtractDiagnostics()
        var rows = 0
        var votes = FormatVotes()
        for ((chunk, _), offset) in zip(chunks, reader.lineOffsets(chunks)) {
            rows += chunk.rows
            votes.merge(chunk.formatVotes, lineOffset: Int(offset))
            for (key, f) in chunk.monthFigures() {
                months[key, default: ReferralFigures(year: f.year)].add(f)
                figures[f.year, default: ReferralFigures(year: f.year)].add(f)
            }
            for (day, n) in chunk.daily.nonZero { daily[day, default: 0] += n }
            diagnostics.merge(chunk.diagnostics, lineOffset: Int(offset))
        }
        let days = daily.keys
        var extract = ReferralExtract(
            path: reader.path, rowsRead: rows, dateFormat: reader.format, dateFormatDetected: detected, figures: figures,
            daily: Dictionary(uniqueKeysWithValues: daily.map { (CivilDate(dayNumber: $0.key), $0.value) }),
            firstDate: days.min().map(CivilDate.init(dayNumber:)), lastDate: days.max().map(CivilDate.init(dayNumber:)),
            diagnostics: diagnostics)
        extract.formatVotes = votes
        extract.monthFigures = months
        let layout = reader.header.layout
        extract.diagnosticFields = [
            .referralDateBlank: layout[.dateOfReferral]!, .referralDateInvalid: layout[.dateOfReferral]!,
            .referralOutOfRange: layout[.dateOfReferral]!, .duplicate: layout[.dateOfReferral]!,
            .birthDateBlank: layout[.dateOfBirth]!, .birthDateInvalid: layout[.dateOfBirth]!,
            .birthAfterReferral: layout[.dateOfBirth]!, .childIDBlank: layout[.childID]!,
        ]
        return extract
    }

    /// Decides re-referrals and duplicates for one pass's children, walking all referrals
    /// of each child in order of child and date. Each chunk sorted its own entries in its
    /// thread; here they are merged as they are walked, never copied, then released.
    mutating func link(_ chunks: [(ReferralAggregator, Int)], hashes: ClosedRange<UInt64>, lineOffsets: [UInt32], facts: DayFacts) {
        let entries = chunks.reduce(0) { $0 + $1.0.entries.count }
        let parts = entries > 100_000 ? ProcessInfo.processInfo.activeProcessorCount : 1
        for part in ChildOrder.walk(chunks.map(\.0), hashes: hashes, parts: parts, lineOffsets: lineOffsets, facts: facts) {
            diagnostics.merge(part.duplicates, lineOffset: 0)
            for (census, n) in part.rereferrals { figures[census]?.rereferrals += n }
        }
        for (chunk, _) in chunks {
            chunk.entries = []
            chunk.ids.removeAll()
        }
    }
}

/// One pass over an extract: its ranges parsed at once, or, if one of them fails (or there
/// is one range), the whole file in order, so an error is located exactly. Each result
/// carries the lines it consumed.
struct PassReader {
    let path: String
    let header: DateFormatDetector.Header
    let format: DateFormat
    /// Count what each format reads (the format is being decided from the file).
    let detecting: Bool
    let progress: ReadProgress?
    let ranges: [Range<Int>]
    let fileBytes: Int
    var lastDay: CivilDate? = nil

    func read(hashes: ClosedRange<UInt64>, linkOnly: Bool, passes: Int) throws -> [(ReferralAggregator, Int)] {
        if ranges.count > 1, let chunks = try? parallel(hashes: hashes, linkOnly: linkOnly, passes: passes) { return chunks }
        let whole = ReferralAggregator(layout: header.layout, format: format, chunk: 0, hashes: hashes, linkOnly: linkOnly, detecting: detecting, lastDay: lastDay)
        whole.reserve(rows: expectedRows(bytes: fileBytes, passes: passes), bytesPerID: header.bytesPerID)
        var sequential = CSVReader.Options()
        sequential.progress = progress
        try CSVReader(path: path, options: sequential).forEachRecord { record in
            if record.number > 1 { whole.add(record) }
        }
        guard whole.rows > 0 else { throw CSVError(path: path, line: 1, column: 1, message: "no data rows below the header") }
        whole.sortEntries()
        return [(whole, 0)]
    }

    /// Parses the ranges concurrently.
    func parallel(hashes: ClosedRange<UInt64>, linkOnly: Bool, passes: Int) throws -> [(ReferralAggregator, Int)] {
        final class Slot: @unchecked Sendable { var result: Result<(ReferralAggregator, Int), any Error>? }
        let slots = ranges.map { _ in Slot() }
        DispatchQueue.concurrentPerform(iterations: ranges.count) { i in
            let aggregator = ReferralAggregator(layout: header.layout, format: format, chunk: i, hashes: hashes, linkOnly: linkOnly, detecting: detecting, lastDay: lastDay)
            aggregator.reserve(rows: expectedRows(bytes: ranges[i].count, passes: passes), bytesPerID: header.bytesPerID)
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

    /// Entries a chunk of `bytes` keeps in one of `passes` passes, with a margin, so its
    /// arrays are reserved once and not doubled (and copied, both copies resident).
    func expectedRows(bytes: Int, passes: Int) -> Int {
        Int(Double(bytes) / header.bytesPerRow * 1.05 / Double(passes) * 1.02) + 64
    }

    /// Where each chunk's line numbers start in the file (the sequential read counts from
    /// the top itself).
    func lineOffsets(_ chunks: [(ReferralAggregator, Int)]) -> [UInt32] {
        var offset = chunks.count > 1 ? header.lines : 0
        return chunks.map { chunk in
            defer { offset += chunk.1 }
            return UInt32(offset)
        }
    }
}
