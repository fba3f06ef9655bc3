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
