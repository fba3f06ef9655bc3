import CSVReader

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

    public static func read(path: String, options: ExtractOptions = ExtractOptions()) throws -> ReferralExtract {
        let (layout, detected) = try DateFormatDetector.detect(path: path, options: options)
        let format = options.dateFormat ?? detected
        let aggregator = ReferralAggregator(layout: layout, format: format)
        var rows = 0
        try CSVReader(path: path).forEachRecord { record in
            guard record.number > 1 else { return }
            rows += 1
            aggregator.add(record)
        }
        guard rows > 0 else { throw CSVError(path: path, line: 1, column: 1, message: "no data rows below the header") }
        return aggregator.finish(path: path, rows: rows, detected: options.dateFormat == nil)
    }
}

/// Reads the header and a sample of referral dates to fix the file's date format once.
enum DateFormatDetector {
    static let sample = 500

    static func detect(path: String, options: ExtractOptions) throws -> (ExtractLayout, DateFormat) {
        var layout: ExtractLayout?
        var votes: [DateFormat: Int] = [:]
        var seen = 0
        do {
            try CSVReader(path: path).forEachRecord { record in
                if record.number == 1 {
                    layout = try ExtractLayout.resolve(header: record.strings, mapping: options.columns, path: path)
                    return
                }
                let field = record[layout![.dateOfReferral]!]
                guard !field.isEmpty else { return }
                for format in DateFormat.allCases where format.parse(field) != nil { votes[format, default: 0] += 1 }
                seen += 1
                if seen >= sample { throw Sampled() }
            }
        } catch is Sampled {}
        guard let layout else { throw CSVError(path: path, line: 1, column: 1, message: "empty file: no header and no rows") }
        let best = DateFormat.allCases.max { (votes[$0] ?? 0, $1 == .dayMonthYear ? 1 : 0) < (votes[$1] ?? 0, $0 == .dayMonthYear ? 1 : 0) }!
        return (layout, best)
    }

    struct Sampled: Error {}
}
