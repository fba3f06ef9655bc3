import Diagnostics
import Parallel
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

    /// How a warning about a file jsna does not recognise starts.
    public static let unrecognisedMessage = "not a file jsna recognises"

    /// Reads every CSV below the folders (in path order), recognising each by its header.
    ///
    /// Unknown CSVs give a warning; a folder without a recognised file, an empty file or a
    /// malformed one is an error naming file, line and column.
    public static func load(folders: [String]) throws -> CensusDataset {
        var dataset = CensusDataset()
        for folder in folders {
            var files = try csvFiles(in: folder)
            for path in files where !isRegularFile(path) {
                dataset.diagnostics.append(.about(.warning, path, "not a regular file (a pipe, device or socket): skipped, not read"))
            }
            files = files.filter(isRegularFile)
            var recognised = 0
            var childLevel: [String] = []
            for (path, read) in zip(files, readAll(files)) {
                switch try read.get() {
                case .table(let table):
                    recognised += 1
                    dataset.add(table)
                case .neighbours(let model):
                    recognised += 1
                    if let existing = dataset.neighbourModels[model.model] {
                        dataset.diagnostics.append(.about(.warning, path, "a second \(model.model.rawValue) statistical neighbour file: ignored (\(SourceLocation.short(existing.path)) is used)"))
                    } else {
                        dataset.neighbourModels[model.model] = model
                    }
                case .unrecognised(let header) where header.contains(where: { ColumnAliases.normalise($0) == ColumnAliases.normalise("Child Unique ID") }):
                    childLevel.append(path)
                case .unrecognised(let header):
                    let start = header.prefix(4).joined(separator: ",")
                    let names = Set(header.map(ColumnAliases.normalise))
                    // An explore-education-statistics table whose measures are unknown is most
                    // likely a census file with a renamed column: say what jsna looks for.
                    let hint = names.contains("time_period") && names.contains("geographic_level")
                        ? " (a DfE statistics table, but none jsna uses: if it is a CIN census file, a column jsna looks for was renamed — e.g. referral_count, at31_episodes, cpp_at31, section47)"
                        : ""
                    dataset.diagnostics.append(.about(.warning, path, "\(unrecognisedMessage) (header starts \"\(start.forMessage)\"); ignored\(hint)"))
                }
            }
            if !childLevel.isEmpty {
                // The council's own lists kept beside the published files: not data, and not a mistake.
                let names = childLevel.map { ($0 as NSString).lastPathComponent }
                dataset.diagnostics.append(Diagnostic(.note, at: .whole(childLevel[0]), "\(names.count == 1 ? "1 child-level list" : "\(names.count) child-level lists") (\(names.joined(separator: ", "))) \(names.count == 1 ? "is" : "are") not published data and not read as such: give \(names.count == 1 ? "it" : "them") with --extract or --annex-a"))
            }
            if recognised == 0 {
                throw Diagnostic.folder(folder, "no recognised DfE or ONS file (\(files.count) CSV file\(files.count == 1 ? "" : "s") looked at)")
            }
        }
        try dataset.refuseConflictingCopies()
        dataset.noteReleases()
        let authorities = Set(dataset.areas.localAuthorities.map(\.id))
        for model in StatisticalNeighbours.Model.allCases {
            let found = dataset.neighbourModels[model]?.warnings(knownAuthorities: authorities) ?? []
            if let error = found.first(where: { $0.severity == .error }) { throw error }
            dataset.diagnostics += found
        }
        return dataset
    }

    /// Reads the files on every core (each file is parsed and hashed on its own); the
    /// results come back in file order, so a dataset never depends on thread timing.
    static func readAll(_ files: [String]) -> [Result<SourceFile, any Error>] {
        parallelResults(files.count) { i in
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

    mutating func add(_ table: SourceTable) {
        tables[table.kind, default: []].append(table)
        tables[table.kind]!.sort { ($0.release, $1.path) > ($1.release, $0.path) }
        areas.merge(table.areas)
        for (level, count) in table.skippedLevels.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(.about(.note, table.path, "\(count) rows at geographic level \"\(level.forMessage)\" skipped"))
        }
    }

    /// Two files of one kind and one release (the same newest year) that disagree: which
    /// is right is not jsna's to guess, so the first difference in the later file (in path
    /// order) is an error. Identical copies are fine; older releases are revisions (see
    /// ``noteReleases()``).
    private func refuseConflictingCopies() throws {
        for list in tables.values where list.count > 1 {
            for (i, a) in list.enumerated() {
                for b in list[(i + 1)...] where b.release == a.release {
                    let (first, second) = a.path < b.path ? (a, b) : (b, a)
                    if let conflict = Self.firstDifference(first, second) { throw conflict }
                }
            }
        }
    }

    static func firstDifference(_ a: SourceTable, _ b: SourceTable) -> CSVError? {
        let shared = b.measures.indices.filter { a.has(b.measures[$0]) }
        for (key, row) in b.rows.sorted(by: { $0.value < $1.value }) {
            guard let rowA = a.rows[key] else { continue }
            for column in shared {
                let measure = b.measures[column]
                let x = a.values[rowA * a.measures.count + a.measureIndex[measure]!], y = b.values[row * b.measures.count + column]
                guard x != y else { continue }
                let (line, col) = CSVReader.position(path: b.path, field: b.measureFields[column], recordLine: b.lines[row])
                let show = { (f: Figure) in f.value.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? f.missing.map { "\"\($0.symbol)\"" } ?? "" }
                return CSVError(path: b.path, line: line, column: col, message: "\(measure) for \(key.area), \(key.year) is \(show(y)) here but \(show(x)) in \(a.path) (line \(a.lines[rowA])), a file of the same release: remove the one that is wrong")
            }
        }
        return nil
    }

    private mutating func noteReleases() {
        for kind in SourceKind.allCases {
            guard let list = tables[kind], list.count > 1 else { continue }
            let described = list.map { t in "\(SourceLocation.short(t.path)) (\(t.yearRange.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "no rows"))" }
            diagnostics.append(.about(.note, list[0].path, "\(list.count) releases of \(kind.title): the newest, this one (\(list[0].yearRange.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "no rows")), wins for every year it covers; also read: \(described.dropFirst().joined(separator: "; ")) — its published rates are kept as published_value"))
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
            throw Diagnostic.folder(folder, "data folder not found")
        }
        guard isDirectory.boolValue else {
            return [folder]
        }
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw Diagnostic.folder(folder, "cannot list the folder")
        }
        var files: [String] = []
        for case let relative as String in enumerator where relative.lowercased().hasSuffix(".csv") {
            files.append((folder as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }

    /// True for a regular file (or a link to one): a pipe, a device or a socket named
    /// `*.csv` would block or never end, so it is skipped with a warning, never read.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
