import Diagnostics
import CSVReader

/// What one CSV file turned out to be.
public enum SourceFile: Sendable {
    case table(SourceTable)
    case neighbours(StatisticalNeighbours)
    /// Not a file jsna knows; the header is kept for the warning.
    case unrecognised(header: [String])

    /// Reads a file, recognising its kind from the header.
    public static func read(path: String) throws -> SourceFile {
        var table: TableBuilder?
        var neighbours: NeighbourBuilder?
        var unknownHeader: [String]?
        var records = 0
        do {
            records = try CSVReader(path: path).forEachRecord { record in
            if let table { return try table.add(record) }
            if let neighbours { return try neighbours.add(record) }
            let header = record.strings.map(ColumnAliases.normalise)
            // A name jsna looks for, twice: which column is meant is a guess it will not make.
            for (i, name) in header.enumerated() where SourceKind.signatureNames.contains(name) && header[..<i].contains(name) {
                throw TableBuilder.twice(name, in: header)
            }
            switch SourceKind.recognise(header: Set(header)) {
            case .none:
                if let (kind, missing) = SourceKind.halfRecognised(header: Set(header)) {
                    // Among the columns jsna does not already know (a renamed one is one of them).
                    let candidates = header.filter { !$0.isEmpty && !SourceKind.signatureNames.contains($0) && !ColumnAliases.structuralNames.contains($0) }
                    let closest = candidates.min { TextDistance.levenshtein($0, missing) < TextDistance.levenshtein($1, missing) }
                    let hint = closest.map { TextDistance.levenshtein($0, missing) <= max(3, missing.count / 2) ? " (the closest header is '\($0.forMessage)')" : "" } ?? ""
                    throw CSVError(path: path, line: 1, column: 1, message: "a \(kind.title) file without its '\(missing)' column\(hint): rename the column back, or give the file DfE published")
                }
                unknownHeader = record.strings
                throw StopReading()
            case .some(let kind) where kind.isStatisticsTable:
                table = try TableBuilder(kind: kind, path: path, header: header)
            case .some(let kind):
                neighbours = try NeighbourBuilder(kind: kind, path: path, header: header)
            }
            }.records
        } catch is StopReading {
            return .unrecognised(header: unknownHeader ?? [])
        }
        if records == 0 { throw Diagnostic.file(path, "empty file: no header and no rows") }
        if let table {
            guard table.table.rowsRead > 0 else { throw Diagnostic.file(path, "no data rows below the header") }
            return .table(table.table)
        }
        if let neighbours { return .neighbours(neighbours.result) }
        throw Diagnostic.file(path, "empty file: no header and no rows")
    }
}

struct StopReading: Error {}

