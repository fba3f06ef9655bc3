import Diagnostics
import CSVReader
import Dispatch
import Foundation
import Parallel

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
    /// Bytes of linking records held in memory at most (``LinkingPlan``); beyond them the
    /// records go to a temporary file in `TMPDIR` as the file is read. nil: the default.
    public var linkingMemory: Int?
    /// Forces the number of partitions (tests and the fuzzer check any count, held or
    /// spilled, gives the same figures); nil: from the plan.
    public var linkingPartitions: Int?
    /// Spill every record, even when they would fit (tests, the fuzzer).
    public var alwaysSpill = false
    /// The last referral date counted (with today): rows after it are left out of every
    /// figure, so a census year's figures are those of the window ending that day. For
    /// year-to-date figures (`jsna annex-a --as-at`); nil: today.
    public var lastDay: CivilDate?
    /// Opens the spill file (tests give one on /dev/full, to see a full disk's error).
    var makeSpillFile: (@Sendable () throws -> SpillFile)?

    public init(columns: [ExtractField: String] = [:], dateFormat: DateFormat? = nil) {
        self.columns = columns
        self.dateFormat = dateFormat
    }
}

/// A council's child-level referral extract, read once, streaming, into figures for every
/// census year it covers. Each referral leaves a 16-byte linking record (``LinkRecord``),
/// held in memory or, for a file too large, spilled to a temporary file as it is read; the
/// records are then linked a partition of children at a time (``PartitionLinker``). Memory
/// is flat in the file's size; no row is held as Strings.
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
    /// The latest referral date in the file, counted or not (rows after ``ExtractOptions/lastDay``
    /// are left out of every figure, but say how far the file reaches).
    public var latestDate: CivilDate?
    public var diagnostics: ExtractDiagnostics
    /// How the referrals were linked: partitions, bytes spilled, records held at most.
    public var linking = LinkingSummary()
    /// SHA-256 of the extract (for provenance; a hash reveals nothing about a child). Computed
    /// on demand: `jsna referrals` does not need it.
    public var sha256: String { SHA256.hex(ofFile: path) ?? "" }
    /// The field each kind of diagnostic is about, to locate it (see ``ExtractDiagnostics/lines(path:fields:excludedRows:)``).
    public var diagnosticFields: [ExtractDiagnostics.Kind: Int] = [:]
    /// Figures for each month (key census year × 100 + month index, 0 = April): for a
    /// period of whole months (``figures(census:months:)``).
    var monthFigures: [Int: ReferralFigures] = [:]
    /// How many referral dates each format read, when the format was decided from the file.
    var formatVotes = FormatVotes()

    /// Rows left out of every figure because of an error.
    public var rowsExcluded: Int { diagnostics.errorRows }

    /// Counts and breakdowns for the first `months` whole months of census year `census`
    /// (1 = April only, 12 = the whole year). A re-referral looks back, never forward, so a
    /// period's are the same however far past it the file runs.
    public func figures(census: Int, months: Int) -> ReferralFigures {
        var f = ReferralFigures(year: census)
        for m in 0..<min(months, 12) { if let part = monthFigures[census * 100 + m] { f.add(part) } }
        return f
    }

    /// The figures for one census year (all zero, with empty breakdowns, if it has no rows).
    public func figures(for year: Int) -> ReferralFigures { figures[year] ?? ReferralFigures(year: year) }

    /// Reads the extract once, split across cores at record boundaries when it is large,
    /// then links its referrals (see ``LinkingPlan``).
    /// - Parameter parts: how many ranges to parse at once (default: one per core).
    public static func read(path: String, options: ExtractOptions = ExtractOptions(), parts: Int? = nil) throws -> ReferralExtract {
        let file = FileIdentity(path: path)
        if let file, file.isStream {
            // Its header is sampled before the rows are read, so a pipe would lose its
            // first rows and report nonsense.
            throw CSVError(path: path, line: 0, column: 0, message: "is a pipe or a device, not a file: save the extract to a file and give its path")
        }
        var header = try DateFormatDetector.detect(path: path, options: options)
        let dataBytes = (file?.size ?? 0) - header.dataStart
        let rows = Double(max(dataBytes, 0)) / max(header.bytesPerRow, 1) * 1.05
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let ranges = RecordBoundaries.split(path: path, parts: parts ?? cores, dataStart: header.dataStart, minimumBytes: options.splitAbove)
        let plan = LinkingPlan(
            dataBytes: dataBytes, sampledRows: rows, fieldCount: header.fieldCount, memory: options.linkingMemory ?? LinkingPlan.defaultMemory,
            workers: cores, partitions: options.linkingPartitions)
        header.bytesPerRow = max(header.bytesPerRow / 1.05, 1)
        let reader = PassReader(
            path: path, header: header, format: options.dateFormat ?? header.format, detecting: options.dateFormat == nil, progress: options.progress,
            ranges: ranges, fileBytes: file?.size ?? 0, lastDay: options.lastDay, plan: plan, alwaysSpill: options.alwaysSpill,
            makeSpillFile: options.makeSpillFile ?? { try SpillFile() })
        var chunks = try reader.read()
        var extract = summarize(chunks, reader: reader, detected: options.dateFormat == nil)
        // The format is decided from every row: when the sample's guess is not what all the
        // rows say, the file is read again in the format they say (rare).
        if options.dateFormat == nil {
            switch extract.formatVotes.decision {
            case .format(let decided) where decided != reader.format:
                var forced = options
                forced.dateFormat = decided
                chunks = []  // this read's linking records go before the next read's come
                var again = try Self.read(path: path, options: forced, parts: parts)
                again.dateFormatDetected = true
                again.formatVotes = extract.formatVotes
                return again
            case .format: break
            case .ambiguous, .undecided:
                throw DateDecision.error(extract.formatVotes, path: path, header: header)
            }
        }
        let facts = DayFacts(days: extract.daily.keys.map(\.dayNumber))
        try extract.link(chunks, lineOffsets: reader.lineOffsets(chunks), facts: facts, plan: plan, spillAll: options.alwaysSpill)
        return extract
    }

    /// Counts, breakdowns and row diagnostics from the chunks.
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
        let beyond = chunks.map(\.0.latestBeyond).max() ?? .min
        extract.latestDate = beyond > (days.max() ?? .min) ? CivilDate(dayNumber: beyond) : extract.lastDate
        let layout = reader.header.layout
        extract.diagnosticFields = [
            .referralDateBlank: layout[.dateOfReferral]!, .referralDateInvalid: layout[.dateOfReferral]!,
            .referralOutOfRange: layout[.dateOfReferral]!, .duplicate: layout[.dateOfReferral]!,
            .birthDateBlank: layout[.dateOfBirth]!, .birthDateInvalid: layout[.dateOfBirth]!,
            .birthAfterReferral: layout[.dateOfBirth]!, .childIDBlank: layout[.childID]!,
        ]
        return extract
    }

    /// Decides re-referrals and duplicates, a partition of children at a time. When the
    /// records held and the linking buffers would not both fit, what is held is spilled
    /// first, so linking has the whole of the memory.
    mutating func link(_ chunks: [(ReferralAggregator, Int)], lineOffsets: [UInt32], facts: DayFacts, plan: LinkingPlan, spillAll: Bool = false) throws {
        let spills = chunks.map(\.0.spill)
        var mostHeld = spills.reduce(0) { $0 + $1.mostHeld }
        let held = spills.reduce(0) { $0 + $1.held }
        let counts = spills.map(\.counts)
        let largest = (0..<plan.partitions).map { p in counts.reduce(0) { $0 + $1[p] } }.max() ?? 0
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, plan.partitions)
        // Each worker gathers a partition into one buffer and sorts it into another.
        if spillAll || held + 2 * workers * largest > plan.records {
            for spill in spills { try spill.spillAll() }
        }
        let stillHeld = spills.reduce(0) { $0 + $1.held }
        let linker = PartitionLinker(spills: spills, lineOffsets: lineOffsets, records: plan.records - stillHeld)
        let (parts, linkingHeld) = try linker.run({ ReferralLinks() }) { links, records in links.walk(records, facts: facts) }
        // An upper bound: partitions are released as they are linked.
        mostHeld = max(mostHeld, stillHeld + linkingHeld)
        var links = ReferralLinks()
        for part in parts { links.merge(part) }
        diagnostics.merge(links.duplicates, lineOffset: 0)
        for (month, n) in links.rereferrals {
            figures[month / 100]?.rereferrals += n
            monthFigures[month]?.rereferrals += n
        }
        linking = LinkingSummary(
            partitions: plan.partitions, spilledBytes: spills.reduce(0) { $0 + $1.spilledBytes }, mostRecordsHeld: mostHeld, recordBudget: plan.records)
    }
}

/// How an extract's referrals were linked (for tests, and for the analyst who asks).
public struct LinkingSummary: Sendable, Equatable {
    public var partitions = 1
    /// Bytes of linking records written to the temporary file (0: all held in memory).
    public var spilledBytes = 0
    /// Linking records held in memory at once, at the most; and the bound.
    public var mostRecordsHeld = 0
    public var recordBudget = 0
}

/// One read of an extract: its ranges parsed at once, or, if one of them fails (or there
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
    let plan: LinkingPlan
    var alwaysSpill = false
    let makeSpillFile: @Sendable () throws -> SpillFile

    /// An aggregator for `chunks` chunks, this one `bytes` long, with its share of the memory.
    func aggregator(bytes: Int, of chunks: Int) -> ReferralAggregator {
        let spill = LinkSpill(partitions: plan.partitions, budget: plan.spills || alwaysSpill ? nil : plan.records / max(chunks, 1), blockRecords: plan.blockRecords, makeFile: makeSpillFile)
        spill.reserve(records: Int(Double(bytes) / header.bytesPerRow * 1.05) + 64)
        return ReferralAggregator(layout: header.layout, format: format, spill: spill, detecting: detecting, lastDay: lastDay)
    }

    func read() throws -> [(ReferralAggregator, Int)] {
        if ranges.count > 1 {
            do { return try parallel() } catch let error as CSVError where error.line == 0 {
                throw error  // the spill failed (a full disk): one core would fail alike
            } catch {}
        }
        let whole = aggregator(bytes: fileBytes, of: 1)
        var sequential = CSVReader.Options()
        sequential.progress = progress
        try CSVReader(path: path, options: sequential).forEachRecord { record in
            if record.number > 1 { try whole.add(record) }
        }
        guard whole.rows > 0 else { throw CSVError(path: path, line: 1, column: 1, message: "no data rows below the header") }
        return [(whole, 0)]
    }

    /// Parses the ranges concurrently.
    func parallel() throws -> [(ReferralAggregator, Int)] {
        try parallelMap(ranges.count) { i in
            let aggregator = aggregator(bytes: ranges[i].count, of: ranges.count)
            var options = CSVReader.Options()
            options.byteRange = ranges[i]
            options.expectedFieldCount = header.fieldCount
            options.progress = progress
            let lines = try CSVReader(path: path, options: options).forEachRecord(aggregator.add).lines
            return (aggregator, lines)
        }
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
