import Foundation
import Diagnostics
import CSVReader

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
        /// From the sampled rows: bytes per row (fields plus separators), so each chunk can
        /// reserve its linking records once instead of doubling them.
        var bytesPerRow = 64.0
    }

    static func detect(path: String, options: ExtractOptions) throws -> Header {
        var layout: ExtractLayout?
        var fieldCount = 0
        var votes: [DateFormat: Int] = [:]
        var seen = 0
        var headerLines = 1
        var sampleBytes = 0, sampleRows = 0
        do {
            try CSVReader(path: path).forEachRecord { record in
                if record.number == 1 {
                    layout = try ExtractLayout.resolve(header: record.strings, mapping: options.columns, path: path)
                    fieldCount = record.count
                    return
                }
                if record.number == 2 { headerLines = record.line - 1 }
                sampleBytes += (0..<record.count).reduce(record.count) { $0 + record[$1].count }
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
        }
        return header
    }

    struct Sampled: Error {}
}

/// The referral dates jsna accepts: from 1 January 1990 to the day of the build.
enum DateRange {
    static let earliest = CivilDate(year: 1990, month: 1, day: 1)!
    static var referrals: ClosedRange<Int32> { earliest.dayNumber...CivilDate.today.dayNumber }
}

/// How many of a file's non-blank referral dates each format reads, and the first lines
/// each cannot: the evidence for deciding the file's format from all its rows.
struct FormatVotes: Sendable, Equatable {
    static let examples = 3
    var dates = 0
    /// Dates read by each format, in `DateFormat.allCases` order (plain counters, not an
    /// array: this is counted once a row).
    var readsDMY = 0, readsMDY = 0, readsISO = 0
    var unread = [[Int]](repeating: [], count: DateFormat.allCases.count)
    /// Bits of the formats that still want an example of a line they cannot read.
    var wantExamples: UInt8 = 7

    /// Which formats read a date, as bits in `DateFormat.allCases` order (dd/mm/yyyy,
    /// mm/dd/yyyy, ISO), and its day-first slash parts when it has them.
    static func readers(_ field: UnsafeBufferPointer<UInt8>) -> (formats: UInt8, parts: (Int, Int, Int)?) {
        if field.count == 10, field[4] == UInt8(ascii: "-") {
            return (DateFormat.iso.parse(field) != nil ? 4 : 0, nil)
        }
        guard let (a, b, y) = DateFormat.slashParts(field) else { return (0, nil) }
        return ((CivilDate.isValid(year: y, month: b, day: a) ? 1 : 0) | (CivilDate.isValid(year: y, month: a, day: b) ? 2 : 0), (a, b, y))
    }

    /// Counts one non-blank date that the formats in `formats` (bits, as ``readers(_:)``
    /// gives them) read.
    @inline(__always)
    mutating func count(readers formats: UInt8, line: Int) {
        dates += 1
        readsDMY += Int(formats & 1)
        readsMDY += Int(formats >> 1 & 1)
        readsISO += Int(formats >> 2 & 1)
        let unreadBy = ~formats & wantExamples
        guard unreadBy != 0 else { return }
        for i in 0..<3 where unreadBy & (1 << i) != 0 {
            unread[i].append(line)
            if unread[i].count == Self.examples { wantExamples &= ~(1 << UInt8(i)) }
        }
    }

    /// Adds another chunk's votes, its lines moved on by `lineOffset`.
    mutating func merge(_ o: FormatVotes, lineOffset: Int) {
        dates += o.dates
        readsDMY += o.readsDMY
        readsMDY += o.readsMDY
        readsISO += o.readsISO
        for i in unread.indices {
            unread[i] = Array((unread[i] + o.unread[i].map { $0 + lineOffset }).sorted().prefix(Self.examples))
            if unread[i].count == Self.examples { wantExamples &= ~(1 << UInt8(i)) }
        }
    }

    func reads(_ format: DateFormat) -> Int {
        switch format {
        case .dayMonthYear: readsDMY
        case .monthDayYear: readsMDY
        case .iso: readsISO
        }
    }
    func unread(_ format: DateFormat) -> [Int] { unread[DateFormat.allCases.firstIndex(of: format)!] }

    /// What the votes decide.
    enum Decision: Equatable {
        case format(DateFormat)
        /// dd/mm/yyyy and mm/dd/yyyy read every date alike (no day above 12).
        case ambiguous
        /// No format reads the share needed.
        case undecided
    }

    /// The share of non-blank referral dates a format must read to be the file's.
    static let needed = 0.99

    var decision: Decision {
        guard dates > 0 else { return .format(.dayMonthYear) }
        if reads(.dayMonthYear) == reads(.monthDayYear), Double(reads(.dayMonthYear)) >= Self.needed * Double(dates) { return .ambiguous }
        let best = DateFormat.allCases.max { reads($0) < reads($1) }!
        return Double(reads(best)) >= Self.needed * Double(dates) ? .format(best) : .undecided
    }
}

/// The error when a file's referral dates do not settle its format.
enum DateDecision {
    static func error(_ votes: FormatVotes, path: String, header: DateFormatDetector.Header) -> CSVError {
        let field = header.layout[.dateOfReferral]!
        let pct = { (n: Int) in String(format: "%.1f%%", Double(n) / Double(max(votes.dates, 1)) * 100) }
        let lines = { (l: [Int]) in l.isEmpty ? "" : "; it cannot read line\(l.count == 1 ? "" : "s") \(l.map(String.init).joined(separator: ", "))" }
        switch votes.decision {
        case .ambiguous:
            let (line, column) = CSVReader.position(path: path, field: field, recordLine: header.lines + 1)
            return CSVError(path: path, line: line, column: column, message: "every Date of Referral has a day of 12 or less, so it reads as dd/mm/yyyy and as mm/dd/yyyy alike: give --date-format (or date_format: in the config) to say which")
        default:
            let best = DateFormat.allCases.max { votes.reads($0) < votes.reads($1) }!
            let first = votes.unread(best).first ?? header.lines + 1
            let (line, column) = CSVReader.position(path: path, field: field, recordLine: first)
            let each = DateFormat.allCases.map { f in "\(f.rawValue) reads \(votes.reads(f)) (\(pct(votes.reads(f))))\(lines(votes.unread(f)))" }
            return CSVError(path: path, line: line, column: column, message: "cannot tell the date format of Date of Referral: no format reads \(Int(FormatVotes.needed * 100))% of its \(votes.dates) non-blank dates — \(each.joined(separator: "; ")). Correct the dates, or give --date-format (or date_format:) to leave out the rows that format cannot read")
        }
    }
}
