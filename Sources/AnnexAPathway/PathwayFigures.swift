import CSVReader
import Diagnostics
import Foundation
import ReferralExtract

/// The child protection pathway in-year from a council's Annex A lists: each list's
/// counts for a reporting year (to an as-at date), as ../shared/bench/annexa/README.md
/// defines them, so that `jsna annex-a --format json` prints what the peers print.
///
///     let figures = try PathwayFigures.read(folder: "lists/", year: 2025, asAt: nil)
///     print(figures.json)
public struct PathwayFigures: Sendable {
    public var year: Int
    public var window: PathwayWindow
    /// Each list read, with its file and its section.
    public var sections: [PathwayList: (path: String, value: PythonJSON.Value)] = [:]
    /// Files in the folder that are not a list jsna knows, and other notes.
    public var notes: [Diagnostic] = []

    /// The lists in `folder` (or the one file `folder` names), recognised by header.
    public static func read(folder: String, year: Int, asAt: CivilDate?) throws -> PathwayFigures {
        let window = PathwayWindow(year: year, asAt: asAt)
        guard window.last >= window.first, window.last <= CivilDate.censusYearEnd(year) else {
            throw Diagnostic(.error, at: .whole(folder), "--as-at \(asAt.map(\.description) ?? "") is outside \(year - 1)-04-01 to \(year)-03-31")
        }
        var figures = PathwayFigures(year: year, window: window)
        var found: [PathwayList: (path: String, header: [String])] = [:]
        for path in try files(in: folder) {
            guard let header = try? Self.header(path) else { continue }
            guard let list = PathwayList.recognise(header) else {
                figures.notes.append(Diagnostic(.warning, at: .whole(path), "not an Annex A list jsna reads (lists 1, 3 to 8); ignored"))
                continue
            }
            if let other = found[list] {
                throw Diagnostic(path: path, line: 1, column: 1, message: "a second \(list.title): \(other.path) is one too; keep one file per list")
            }
            found[list] = (path, header)
        }
        for (list, file) in found.sorted(by: { $0.key < $1.key }) {
            figures.sections[list] = (file.path, try section(list, path: file.path, header: file.header, window: window, year: year))
        }
        return figures
    }

    /// The JSON object the peers print: `year`, `as_at` and a section per list present.
    public var json: String {
        var members: [(String, PythonJSON.Value)] = [("year", .int(year)), ("as_at", .string(window.last.description))]
        for (list, section) in sections { members.append((list.key, section.value)) }
        return PythonJSON.dumps(.object(members)) + "\n"
    }

    static func files(in folder: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { throw Diagnostic(.error, at: .whole(folder), "not found") }
        guard isFolder.boolValue else { return [folder] }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }
        return names.sorted().map { (folder as NSString).appendingPathComponent($0) }.filter { path in
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
    }

    /// The first record's fields.
    static func header(_ path: String) throws -> [String] {
        var header: [String] = []
        var options = CSVReader.Options()
        options.requireSameFieldCount = false
        struct Stop: Error {}
        do {
            try CSVReader(path: path, options: options).forEachRecord { record in
                header = record.strings
                throw Stop()
            }
        } catch is Stop {}
        return header
    }

    static func section(_ list: PathwayList, path: String, header: [String], window: PathwayWindow, year: Int) throws -> PythonJSON.Value {
        switch list {
        case .referrals:
            var options = ExtractOptions(dateFormat: .dayMonthYear)
            options.lastDay = window.last
            return try ReferralExtract.read(path: path, options: options).figures(for: year).jsonValue(withYear: false)
        case .contacts: return try read(ContactsSection.self, list, path: path, header: header, window: window)
        case .assessments: return try read(AssessmentsSection.self, list, path: path, header: header, window: window)
        case .s47: return try read(S47Section.self, list, path: path, header: header, window: window)
        case .cin: return try read(CINSection.self, list, path: path, header: header, window: window)
        case .cpp: return try read(CPPSection.self, list, path: path, header: header, window: window)
        case .cla: return try read(CLASection.self, list, path: path, header: header, window: window)
        }
    }

    /// One list, streamed: each row's needed fields (stripped of spaces; blank where the
    /// row is short) go to the section's accumulator.
    static func read<S: PathwaySection>(_ kind: S.Type, _ list: PathwayList, path: String, header: [String], window: PathwayWindow) throws -> PythonJSON.Value {
        let names = header.map(PathwayList.normalised)
        let columns = try list.columns.map { name -> Int in
            guard let i = names.firstIndex(of: PathwayList.normalised(name)) else {
                throw Diagnostic(path: path, line: 1, column: 1, message: "\(list.title) without its '\(name)' column")
            }
            return i
        }
        var section = S(window: window)
        var options = CSVReader.Options()
        options.requireSameFieldCount = false
        try CSVReader(path: path, options: options).forEachRecord { record in
            guard record.number > 1 else { return }
            section.add { i in
                let c = columns[i]
                return c < record.count ? PathwayValues.stripped(record[c]) : UnsafeBufferPointer(start: nil, count: 0)
            }
        }
        return section.json
    }
}

extension PathwayFigures {
    /// The figures for a person: each list's section as indented lines.
    public var table: String {
        var out = "Annex A pathway, \(window.first.longText) to \(window.last.longText)\n"
        for (list, section) in sections.sorted(by: { $0.key < $1.key }) {
            out += "\n\(list.title) — \(section.path)\n"
            out += Self.lines(section.value, indent: "  ")
        }
        if sections.isEmpty { out += "\nNo Annex A list was found.\n" }
        return out
    }

    static func lines(_ value: PythonJSON.Value, indent: String) -> String {
        guard case .object(let unsorted) = value else { return "" }
        // Breakdowns in reading order: age bands youngest first, others by number then name.
        let bands = ReferralFigures.ageBands
        let isBreakdown = unsorted.allSatisfy { if case .int = $0.1 { true } else { false } } && unsorted.count > 0
            && !unsorted.contains { ["contacts", "referrals", "completed", "enquiries", "open", "started"].contains($0.0) }
        let members = !isBreakdown ? unsorted : unsorted.sorted { a, b in
            if let i = bands.firstIndex(of: a.0), let j = bands.firstIndex(of: b.0) { return i < j }
            return a.0.compare(b.0, options: .numeric) == .orderedAscending
        }
        return members.map { key, value in
            switch value {
            case .int(let n): "\(indent)\(key.replacingOccurrences(of: "_", with: " ")): \(n)\n"
            case .string(let s): "\(indent)\(key): \(s)\n"
            case .object(let inner): inner.isEmpty ? "\(indent)\(key.replacingOccurrences(of: "_", with: " ")): none\n"
                : "\(indent)\(key.replacingOccurrences(of: "_", with: " ")):\n" + lines(value, indent: indent + "  ")
            }
        }.joined()
    }
}
