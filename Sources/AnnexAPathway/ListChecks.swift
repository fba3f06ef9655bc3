import CSVReader
import Diagnostics
import ReferralExtract

/// What one list's rows hold that an analyst should know before trusting its figures,
/// counted as the rows are read (``PathwayReading``): dates that are blank where they
/// matter, not dates, before 1990 or after today, or before the date they follow; blank
/// child IDs. Each kind is reported once, with its count and first line, as `jsna check`
/// reports List 3. Also the votes that decide the list's date format.
public struct ListChecks: Sendable {
    /// A kind of problem in one column of the list.
    public enum Kind: Int, Sendable, CaseIterable, Comparable {
        case notADate, blank, early, late, beforeStart, childIDBlank, byteOrderMark

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    struct Key: Hashable, Comparable {
        var kind: Kind
        var column: Int
        static func < (a: Key, b: Key) -> Bool { (a.kind, a.column) < (b.kind, b.column) }
    }

    /// How many rows, and the first (its line counted within the chunk until merged).
    struct Count: Sendable {
        var rows = 0
        var firstLine = Int.max
    }

    var counts: [Key: Count] = [:]
    public internal(set) var rows = 0
    /// Non-blank values in the list's date columns, and how many each format reads.
    var votes = DateVotes()
    /// How far back the list reaches (the first date in its ``PathwayList/reachColumn``) and
    /// the last day it covers (its last event date, not a date of birth), from 1990 to
    /// today, as day numbers.
    var earliest = Int32.max, latest = Int32.min

    @inline(__always) mutating func count(_ kind: Kind, column: Int, line: Int) {
        let key = Key(kind: kind, column: column)
        var c = counts[key] ?? Count()
        c.rows += 1
        c.firstLine = min(c.firstLine, line)
        counts[key] = c
    }

    /// Adds a later chunk's counts, its lines moved on by `lineOffset`.
    mutating func merge(_ other: ListChecks, lineOffset: Int) {
        rows += other.rows
        votes.merge(other.votes)
        earliest = min(earliest, other.earliest)
        latest = max(latest, other.latest)
        for (key, c) in other.counts {
            var mine = counts[key] ?? Count()
            mine.rows += c.rows
            mine.firstLine = min(mine.firstLine, c.firstLine + lineOffset)
            counts[key] = mine
        }
    }

    /// Each kind once, in column order within kind, located at its first row's field.
    /// Values that cannot be read are errors (left out of the figures that need them);
    /// the rest are warnings (the rows count as written).
    /// - Parameter sheet: for a list read from a workbook sheet: the sheet's row of a line,
    ///   and its columns numbered from 1, in place of the CSV's lines and byte columns.
    public func diagnostics(list: PathwayList, path: String, fieldIndex: (Int) -> Int, sheet: (path: String, rowOffset: Int)? = nil) -> [Diagnostic] {
        counts.sorted { $0.key < $1.key }.map { key, c in
            let name = list.columns[key.column]
            let rows = c.rows == 1 ? "1 row" : "\(c.rows) rows"
            let message: String
            switch key.kind {
            case .notADate: message = "\(rows): \(name) is not a date in the list's format — left out of the figures that need it; the first is here"
            case .blank: message = "\(rows): \(name) is blank — left out of the figures that need it; the first is here"
            case .early: message = "\(rows): \(name) is before 1990 — counted as written; the first is here"
            case .late: message = "\(rows): \(name) is after today — counted as written; the first is here"
            case .beforeStart:
                let start = list.columns[list.datePairs.first { $0.end == key.column }?.start ?? 0]
                message = "\(rows): \(name) is before \(start) — not timed, and not open between them; the first is here"
            case .childIDBlank: message = "\(rows): Child Unique ID is blank — counted, but not as a distinct child; the first is here"
            case .byteOrderMark: message = "\(rows): a byte-order mark (U+FEFF) starts the row, as if another file were joined on here; removed; the first is here"
            }
            // A byte-order mark is at the start of its row, whichever column the list's is.
            let field = key.kind == .byteOrderMark ? 0 : fieldIndex(key.column)
            let (line, column) = sheet.map { (c.firstLine + $0.rowOffset, field + 1) }
                ?? CSVReader.position(path: path, field: field, recordLine: c.firstLine)
            return Diagnostic(key.kind == .notADate ? .error : .warning, at: SourceLocation(path: sheet?.path ?? path, line: line, column: column), message)
        }
    }

    /// Values of one kind of problem, over the list's columns.
    public func count(of kind: Kind) -> Int { counts.filter { $0.key.kind == kind }.reduce(0) { $0 + $1.value.rows } }

    public var errorRows: Int { counts.filter { $0.key.kind == .notADate }.reduce(0) { $0 + $1.value.rows } }
    public var warningRows: Int { counts.filter { $0.key.kind != .notADate }.reduce(0) { $0 + $1.value.rows } }
}

/// Which date formats read a list's non-blank dates: dd/mm/yyyy (Annex A's) is tried first
/// on every value; only values it cannot read are tried as yyyy-mm-dd and mm/dd/yyyy.
struct DateVotes: Sendable {
    var dates = 0, dayMonthYear = 0, monthDayYear = 0, iso = 0
    /// dd/mm/yyyy dates with a day above 12: none means the list reads as mm/dd/yyyy too.
    var dayAbove12 = 0

    mutating func merge(_ o: DateVotes) {
        dates += o.dates
        dayMonthYear += o.dayMonthYear
        monthDayYear += o.monthDayYear
        iso += o.iso
        dayAbove12 += o.dayAbove12
    }

    /// The share of non-blank dates a format must read to be the list's (as for List 3).
    static let needed = 0.99

    /// dd/mm/yyyy when it reads 99% (or there are no dates); else the other format that
    /// does; nil when none does.
    var decision: DateFormat? {
        let enough = { (n: Int) in Double(n) >= Self.needed * Double(dates) }
        if dates == 0 || enough(dayMonthYear) { return .dayMonthYear }
        if enough(iso) { return .iso }
        // A dd/mm/yyyy date with a day of 12 or less reads as mm/dd/yyyy too.
        if enough(monthDayYear + dayMonthYear - dayAbove12) { return .monthDayYear }
        return nil
    }
}
