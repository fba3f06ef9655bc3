import CSVReader
import Diagnostics
import Foundation
import ReferralExtract

/// How the lists are read.
public struct PathwayOptions: Sendable {
    /// nil: each list's format is decided from all its dates (dd/mm/yyyy, Annex A's, when
    /// it reads 99% of them); given: every list is read in it, and values it cannot read
    /// are not dates (as the peers read dd/mm/yyyy).
    public var dateFormat: DateFormat?
    /// The file's own header for an Annex A column, where it differs ("Child Unique ID":
    /// "PersonID"); one mapping for every list.
    public var columns: [String: String] = [:]
    /// Lists with more data bytes than this are split across cores (tests lower it to
    /// check the split read gives the same figures and the same first lines).
    public var splitAbove = 4 << 20
    /// Dates after this are flagged by the checks (tests fix it).
    public var today = CivilDate.today

    public init(dateFormat: DateFormat? = nil) { self.dateFormat = dateFormat }
}

/// One list as read: its figures, what its checks found and the date format it was read in.
public struct ListReading: @unchecked Sendable {
    public var list: PathwayList
    public var path: String
    public var value: PythonJSON.Value
    /// The row checks of lists 1 and 4 to 8; List 3 has its extract's own diagnostics.
    public var checks: ListChecks?
    public var extract: ReferralExtract?
    public var dateFormat: DateFormat
    /// Where each of the list's columns is in the file's header (for locating checks).
    public var fieldIndex: [Int] = []
    /// For a list read from a workbook: "lists.xlsx[List 6]", and the sheet's row of the
    /// CSV's line 0. `path` is then the sheet's temporary CSV, gone once the lists are read.
    public var sheet: (path: String, rowOffset: Int)?

    /// How far back the list reaches and the last day it covers (see ``ListChecks``).
    public var span: ClosedRange<CivilDate>? {
        if let extract { return extract.firstDate.flatMap { f in extract.lastDate.map { f...$0 } } }
        guard let c = checks, c.earliest <= c.latest else { return nil }
        return CivilDate(dayNumber: c.earliest)...CivilDate(dayNumber: c.latest)
    }

    /// The last day the list covers, including List 3's rows after the period read (its
    /// span stops at the period's end): how far the list reaches.
    public var reach: CivilDate? {
        if let extract { return extract.latestDate }
        return span?.upperBound
    }

    /// A count in the list's figures ("open", "started"), as the JSON names it; nil when absent.
    public func count(_ key: String) -> Int? {
        guard case .object(let members) = value, let v = members.first(where: { $0.0 == key })?.1, case .int(let n) = v else { return nil }
        return n
    }

    /// A breakdown in the list's figures ("open_by_category"): counts by label.
    public func breakdown(_ key: String) -> [String: Int] {
        guard case .object(let members) = value, let v = members.first(where: { $0.0 == key })?.1, case .object(let groups) = v else { return [:] }
        return Dictionary(groups.compactMap { k, v in if case .int(let n) = v { (k, n) } else { nil } }, uniquingKeysWith: +)
    }

    /// The file read: the list's own, or the workbook it is a sheet of.
    public var file: String { sheet.map { String($0.path[..<($0.path.lastIndex(of: "[") ?? $0.path.endIndex)]) } ?? path }

    /// The SHA-256 of ``file``, for provenance (read when asked for).
    public var sha256: String { SHA256.hex(ofFile: file) ?? "" }

    /// What the user knows the list as: its file, or its workbook and sheet.
    public var source: String { sheet?.path ?? path }

    /// The checks' diagnostics (List 3: its extract's), each located at its first row's field.
    public var diagnostics: [Diagnostic] {
        if let extract { return extract.diagnostics.diagnostics(path: path, fields: extract.diagnosticFields, sheet: sheet) }
        return checks?.diagnostics(list: list, path: path, fieldIndex: { fieldIndex[$0] }, sheet: sheet) ?? []
    }
}

/// Unit of parallel work: a byte range of one list, or a whole List 3.
struct ListJob: @unchecked Sendable {
    let bytes: Int
    let run: () -> Void
}

final class Slot<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// A CSV list read in byte ranges on all cores; if a range fails, or the list's dates are
/// not in the format it was read in, the whole file is read again in order, so an error
/// is located exactly and the figures are in the decided format.
struct CSVListRead<S: PathwaySection> {
    let list: PathwayList
    let path: String
    let fieldIndex: [Int]
    let headerLines: Int
    let windows: [PathwayWindow]
    let options: PathwayOptions
    let ranges: [Range<Int>]
    let slots: [Slot<(ListAccumulator<S>, Int)>]

    init(list: PathwayList, path: String, fieldIndex: [Int], headerLines: Int, windows: [PathwayWindow], options: PathwayOptions) {
        self.list = list
        self.path = path
        self.fieldIndex = fieldIndex
        self.headerLines = headerLines
        self.windows = windows
        self.options = options
        let dataStart = RecordBoundaries.endOfHeader(path: path, lines: headerLines)
        ranges = RecordBoundaries.split(path: path, parts: ProcessInfo.processInfo.activeProcessorCount, dataStart: dataStart, minimumBytes: options.splitAbove)
        slots = ranges.map { _ in Slot() }
    }

    var jobs: [ListJob] {
        ranges.indices.map { i in
            ListJob(bytes: ranges[i].count) { [self] in
                slots[i].result = Result { try read(range: ranges[i], format: options.dateFormat ?? .dayMonthYear) }
            }
        }
    }

    func read(range: Range<Int>?, format: DateFormat) throws -> (ListAccumulator<S>, Int) {
        let accumulator = ListAccumulator<S>(list: list, windows: windows, format: format, today: options.today)
        var csv = CSVReader.Options()
        csv.requireSameFieldCount = false
        csv.byteRange = range
        let columns = fieldIndex
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        let summary = try CSVReader(path: path, options: csv).forEachRecord { record in
            guard range != nil || record.number > 1 else { return }
            if record.startsWithByteOrderMark { accumulator.checks.count(.byteOrderMark, column: 0, line: record.line) }
            accumulator.add(line: record.line) { i in columns[i] < record.count ? record[columns[i]] : empty }
        }
        return (accumulator, summary.lines)
    }

    /// The chunks merged in file order (or the whole file again, in order): a reading for
    /// each period.
    func finish() throws -> [ListReading] {
        var total: ListAccumulator<S>
        let format = options.dateFormat ?? .dayMonthYear
        if ranges.count > 1, let chunks = try? slots.map({ try $0.result!.get() }) {
            total = ListAccumulator<S>(list: list, windows: windows, format: format, today: options.today)
            var offset = headerLines
            for (chunk, lines) in chunks {
                total.merge(chunk, lineOffset: offset)
                offset += lines
            }
        } else if ranges.count == 1, let chunk = try? slots[0].result!.get() {
            total = ListAccumulator<S>(list: list, windows: windows, format: format, today: options.today)
            total.merge(chunk.0, lineOffset: headerLines)
        } else {
            total = try read(range: nil, format: format).0
        }
        if options.dateFormat == nil, let decided = total.checks.votes.decision, decided != format {
            total = try read(range: nil, format: decided).0
        } else if options.dateFormat == nil, total.checks.votes.decision == nil {
            throw undecided(total.checks)
        }
        return try total.sections.map { section in
            var section = section
            do { try section.resolve() } catch var error as Diagnostic {
                error.message = "\(list.title): \(error.message)"
                throw error
            }
            return ListReading(list: list, path: path, value: section.json, checks: total.checks, dateFormat: total.format, fieldIndex: fieldIndex)
        }
    }

    func undecided(_ checks: ListChecks) -> Diagnostic {
        let v = checks.votes
        let pct = { (n: Int) in String(format: "%.1f%%", Double(n) / Double(max(v.dates, 1)) * 100) }
        let first = checks.counts.filter { $0.key.kind == .notADate }.min { $0.value.firstLine < $1.value.firstLine }
        let (line, column) = first.map { CSVReader.position(path: path, field: fieldIndex[$0.key.column], recordLine: $0.value.firstLine) } ?? (1, 1)
        return Diagnostic(path: path, line: line, column: column, message:
            "cannot tell the date format of \(list.title): of its \(v.dates) non-blank dates dd/mm/yyyy reads \(pct(v.dayMonthYear)), yyyy-mm-dd \(pct(v.iso)), mm/dd/yyyy \(pct(v.monthDayYear + v.dayMonthYear - v.dayAbove12)) — no format reads 99%. Correct the dates, or give --date-format (or date_format:) to leave out the values that format cannot read")
    }
}
