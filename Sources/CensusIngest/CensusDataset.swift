import CSVReader
import Dispatch
import Foundation
import Statistics

/// Everything read from one or more data folders: statistics tables, neighbour models,
/// the areas they name, and notes on what was chosen.
public struct CensusDataset: Sendable {
    /// Tables grouped by kind, newest release first.
    public private(set) var tables: [SourceKind: [SourceTable]] = [:]
    public private(set) var neighbourModels: [StatisticalNeighbours.Model: StatisticalNeighbours] = [:]
    public private(set) var areas = AreaDirectory()
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// Reads every CSV below the folders (in path order), recognising each by its header.
    ///
    /// Unknown CSVs give a warning; a folder without a recognised file, an empty file or a
    /// malformed one is an error naming file, line and column.
    public static func load(folders: [String]) throws -> CensusDataset {
        var dataset = CensusDataset()
        for folder in folders {
            let files = try csvFiles(in: folder)
            var recognised = 0
            for (path, read) in zip(files, readAll(files)) {
                switch try read.get() {
                case .table(let table):
                    recognised += 1
                    dataset.add(table)
                case .neighbours(let model):
                    recognised += 1
                    if let existing = dataset.neighbourModels[model.model] {
                        dataset.diagnostics.append(.init(.warning, "two \(model.model.rawValue) statistical neighbour files: \(existing.path) is used, \(path) is ignored"))
                    } else {
                        dataset.neighbourModels[model.model] = model
                    }
                case .unrecognised(let header):
                    let start = header.prefix(4).joined(separator: ",")
                    dataset.diagnostics.append(.init(.warning, "\(path): not a file jsna recognises (header starts \"\(start)\"); ignored"))
                }
            }
            if recognised == 0 {
                throw IngestError("\(folder): no recognised DfE or ONS file (\(files.count) CSV file\(files.count == 1 ? "" : "s") looked at)")
            }
        }
        dataset.noteReleases()
        return dataset
    }

    /// Reads the files on every core (each file is parsed and hashed on its own); the
    /// results come back in file order, so a dataset never depends on thread timing.
    static func readAll(_ files: [String]) -> [Result<SourceFile, any Error>] {
        final class Slot: @unchecked Sendable { var result: Result<SourceFile, any Error>? }
        let slots = files.map { _ in Slot() }
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            slots[i].result = Result {
                switch try SourceFile.read(path: files[i]) {
                case .table(var table):
                    table.sha256 = SHA256.hex(ofFile: files[i]) ?? ""
                    return .table(table)
                case .neighbours(var model):
                    model.sha256 = SHA256.hex(ofFile: files[i]) ?? ""
                    return .neighbours(model)
                case let other:
                    return other
                }
            }
        }
        return slots.map { $0.result! }
    }

    mutating func add(_ table: SourceTable) {
        tables[table.kind, default: []].append(table)
        tables[table.kind]!.sort { ($0.release, $1.path) > ($1.release, $0.path) }
        areas.merge(table.areas)
        for (level, count) in table.skippedLevels.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(.init(.note, "\(table.path): \(count) rows at geographic level \"\(level)\" skipped"))
        }
    }

    private mutating func noteReleases() {
        for kind in SourceKind.allCases {
            guard let list = tables[kind], list.count > 1 else { continue }
            let described = list.map { t in "\(t.path) (\(t.yearRange.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "no rows"))" }
            diagnostics.append(.init(.note, "\(list.count) releases of \(kind.title): the newest, \(described[0]), wins for every year it covers; also read: \(described.dropFirst().joined(separator: "; ")) — its published rates are kept as published_value"))
        }
    }

    /// Tables of a kind, newest release first.
    public func tables(_ kind: SourceKind) -> [SourceTable] { tables[kind] ?? [] }

    public func neighbours(_ model: StatisticalNeighbours.Model) -> StatisticalNeighbours? { neighbourModels[model] }

    /// The figure from the newest release that has this row and one of the measure's names.
    public func figure(_ kind: SourceKind, measure names: [String], area: String, year: Int, category: String? = nil) -> (figure: Figure, table: SourceTable)? {
        for table in tables(kind) {
            guard let column = table.column(among: names),
                let figure = table.figure(column, area: area, year: year, category: category)
            else { continue }
            return (figure, table)
        }
        return nil
    }

    /// The ONS 0–17 population for an area at mid-`year`.
    public func childPopulation(area: String, midYear year: Int) -> Figure {
        figure(.population, measure: ["population_estimate"], area: area, year: year)?.figure ?? .missing(.notPublished)
    }

    static func csvFiles(in folder: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw IngestError("\(folder): data folder not found")
        }
        guard isDirectory.boolValue else {
            return [folder]
        }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw IngestError("\(folder): cannot list the folder")
        }
        var files: [String] = []
        for case let relative as String in enumerator where relative.lowercased().hasSuffix(".csv") {
            files.append((folder as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }
}
