import Diagnostics
import CSVReader

/// Row problems in an extract, grouped by kind with a count and the first line.
///
///     312 rows: Date of Birth is after Date of Referral — first at line 88
public struct ExtractDiagnostics: Sendable {
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case referralDateBlank = "Date of Referral is blank"
        case referralDateInvalid = "Date of Referral is not a valid date in the file's format"
        case birthDateInvalid = "Date of Birth is not a valid date in the file's format"
        case birthDateBlank = "Date of Birth is blank"
        case birthAfterReferral = "Date of Birth is after Date of Referral"
        case childIDBlank = "Child Unique ID is blank, so the referral cannot be linked to others"
        case duplicate = "duplicate row: same child and Date of Referral as an earlier row"
        case referralOutOfRange = "Date of Referral is after today or before 1990"
        case byteOrderMark = "a byte-order mark (U+FEFF) starts the row, as if another file were joined on here; removed"

        /// Errors exclude the row from every figure; warnings keep it (as the peers do).
        public var isError: Bool { self == .referralDateBlank || self == .referralDateInvalid || self == .referralOutOfRange }

        public static func < (a: Kind, b: Kind) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    public struct Group: Sendable {
        public var kind: Kind
        public var count: Int
        public var firstLine: Int
        /// An example value, for the message ("31/02/2024").
        public var example: String
    }

    public internal(set) var groups: [Kind: Group] = [:]

    mutating func add(_ kind: Kind, line: Int, example: @autoclosure () -> String = "") {
        if let i = groups.index(forKey: kind) {
            // One lookup, not three: a file can have a diagnostic on many of its rows.
            groups.values[i].count += 1
            groups.values[i].firstLine = min(groups.values[i].firstLine, line)
        } else {
            groups[kind] = Group(kind: kind, count: 1, firstLine: line, example: example())
        }
    }

    public var sorted: [Group] { groups.values.sorted { $0.kind < $1.kind } }
    public var errorRows: Int { groups.values.filter(\.kind.isError).reduce(0) { $0 + $1.count } }
    public var warningRows: Int { groups.values.filter { !$0.kind.isError }.reduce(0) { $0 + $1.count } }

    /// One diagnostic per group, located at its first row's field; printed with
    /// `text(severity: true)` it reads:
    ///
    ///     list3.csv:88:41: warning: 312 rows: Date of Birth is after Date of Referral — the first is here
    ///
    /// - Parameters:
    ///   - fields: the field each kind is about (the layout's indices), for the column.
    ///   - excludedRows: the severity of rows left out of every figure: an error where that
    ///     fails the command (`jsna check`), a warning where the figures are still given.
    ///   - sheet: for a list read from a workbook sheet: the sheet's row of a line, and
    ///     its columns numbered from 1, in place of the CSV's lines and byte columns.
    public func diagnostics(path: String, fields: [Kind: Int] = [:], excludedRows: Diagnostic.Severity = .error, sheet: (path: String, rowOffset: Int)? = nil) -> [Diagnostic] {
        sorted.map { g in
            var example = g.example.isEmpty ? "" : " (e.g. \"\(g.example.forMessage)\")"
            if g.example.utf8.count == 5, g.example.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                example += ": an Excel date number? Format the column as a date in Excel before saving"
            }
            let column = fields[g.kind].map { sheet == nil ? CSVReader.position(path: path, field: $0, recordLine: g.firstLine).column : $0 + 1 } ?? 1
            let leftOut = g.kind.isError ? ", left out of every figure" : ""
            let location = SourceLocation(path: sheet?.path ?? path, line: g.firstLine + (sheet?.rowOffset ?? 0), column: column)
            return Diagnostic(
                g.kind.isError ? excludedRows : .warning, at: location,
                "\(g.count) row\(g.count == 1 ? "" : "s")\(leftOut): \(g.kind.rawValue)\(example) — the first is here")
        }
    }
}

extension ExtractDiagnostics {
    /// Adds another chunk's groups, its lines moved on by `lineOffset`.
    mutating func merge(_ other: ExtractDiagnostics, lineOffset: Int) {
        for g in other.sorted {
            if var mine = groups[g.kind] {
                mine.count += g.count
                if g.firstLine + lineOffset < mine.firstLine {
                    mine.firstLine = g.firstLine + lineOffset
                    mine.example = g.example
                }
                groups[g.kind] = mine
            } else {
                var moved = g
                moved.firstLine += lineOffset
                groups[g.kind] = moved
            }
        }
    }
}

extension ReferralFigures {
    /// Adds another chunk's counts for the same year.
    mutating func add(_ o: ReferralFigures) {
        referrals += o.referrals
        rereferrals += o.rereferrals
        nfa += o.nfa
        for (k, v) in o.byAge { byAge[k, default: 0] += v }
        for (k, v) in o.byGender { byGender[k, default: 0] += v }
        for (k, v) in o.byEthnicity { byEthnicity[k, default: 0] += v }
        for (k, v) in o.bySource { bySource[k, default: 0] += v }
        for (k, v) in o.byMonth { byMonth[k, default: 0] += v }
    }
}
