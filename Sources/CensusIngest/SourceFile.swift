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

