import CSVReader
import Diagnostics
import Foundation
import ReferralExtract
import TemporaryFiles

/// The child protection pathway in-year from a council's Annex A lists: each list's
/// counts for a reporting year (to an as-at date), as ../shared/bench/annexa/README.md
/// defines them, so that `jsna annex-a --format json` prints what the peers print.
///
///     let figures = try PathwayFigures.read(folder: "lists/", year: 2025, asAt: nil)
///     print(figures.json)
public struct PathwayFigures: Sendable {
    public var year: Int
    public var window: PathwayWindow
    /// Each list read: its file, figures, checks and date format.
    public var lists: [PathwayList: ListReading] = [:]
    /// Files in the folder that are not a list jsna knows, and other notes.
    public var notes: [Diagnostic] = []
    /// For a chapter's default period: why it ends where it does (``forChapter``).
    public var endNote: String?

    /// The age bands and categories of abuse the breakdowns use, in reading order.
    public static let ageBands = PathwayValues.ageBands
    public static let categories = PathwayValues.categories

    /// Each list's file and section, as the JSON has them.
    public var sections: [PathwayList: (path: String, value: PythonJSON.Value)] { lists.mapValues { ($0.path, $0.value) } }

    /// The lists in `folder` (or the one file `folder` names), recognised by header, each
    /// read once; all of them at once, the large ones in byte ranges on every core.
    public static func read(folder: String, year: Int, asAt: CivilDate?, options: PathwayOptions = PathwayOptions()) throws -> PathwayFigures {
        let window = PathwayWindow(year: year, asAt: asAt)
        guard window.last >= window.first, window.last <= CivilDate.censusYearEnd(year) else {
            throw Diagnostic(.error, at: .whole(folder), "--as-at \(asAt.map(\.description) ?? "") is outside \(year - 1)-04-01 to \(year)-03-31")
        }
        return try read(folder: folder, windows: [window], options: options)[0]
    }

    /// The lists read once for several periods at once: the figures for each window, in
    /// order. The checks are the lists' own, the same for every period. With more than one
    /// window, List 3's figures are by whole months, so every window must end on a month's
    /// last day; its extract is read to the first window's end.
    static func read(folder: String, windows: [PathwayWindow], options: PathwayOptions) throws -> [PathwayFigures] {
        if AnnexAWorkbook.isWorkbook(folder) { return try readWorkbook(folder, windows: windows, options: options) }
        var notes: [Diagnostic] = []
        var found: [PathwayList: (path: String, header: [String])] = [:]
        for path in try files(in: folder, including: ["xlsx"]) where AnnexAWorkbook.isWorkbook(path) {
            notes.append(Diagnostic(.warning, at: .whole(path), "a workbook in a folder of lists is not read: give its own path to read its sheets"))
        }
        for path in try files(in: folder) {
            // A file that cannot be read as CSV text (UTF-16, binary) is an error where it is,
            // never skipped in silence: it may be the list the chapter needs.
            let header = try Self.header(path)
            guard let list = PathwayList.recognise(header, columns: options.columns) else {
                notes.append(Diagnostic(.warning, at: .whole(path), "not an Annex A list jsna reads (lists 1, 3 to 8); ignored"))
                continue
            }
            if let other = found[list] {
                throw Diagnostic(path: path, line: 1, column: 1, message: "a second \(list.title): \(other.path) is one too; keep one file per list")
            }
            found[list] = (path, header)
        }
        var jobs: [ListJob] = []
        var finishers: [(PathwayList, () throws -> [ListReading])] = []
        for (list, file) in found.sorted(by: { $0.key < $1.key }) {
            let (newJobs, finish) = try plan(list, path: file.path, header: file.header, windows: windows, options: options)
            jobs += newJobs
            finishers.append((list, finish))
        }
        // Largest first, so the last job to start is a small one.
        let ordered = jobs.sorted { $0.bytes > $1.bytes }
        DispatchQueue.concurrentPerform(iterations: ordered.count) { ordered[$0].run() }
        var figures = windows.map { w in
            var f = PathwayFigures(year: w.last.censusYear, window: w)
            f.notes = notes
            return f
        }
        for (list, finish) in finishers {
            for (i, reading) in try finish().enumerated() { figures[i].lists[list] = reading }
        }
        return figures
    }

    /// A workbook's sheets, each read as its CSV would be; diagnostics name the workbook,
    /// the sheet, its row and its column.
    static func readWorkbook(_ path: String, windows: [PathwayWindow], options: PathwayOptions) throws -> [PathwayFigures] {
        // The sheets hold children's IDs and dates of birth: a private folder, removed on every exit.
        let scratch: TemporaryFolder
        do { scratch = try TemporaryFolder("workbook") } catch { throw Diagnostic(.error, at: .whole(path), "\(error)") }
        defer { scratch.remove() }
        let folder = scratch.url
        let book = try AnnexAWorkbook(path: path, into: folder, columns: options.columns)
        let sheets = Dictionary(book.sheets.map { ($0.csv, $0) }, uniquingKeysWith: { a, _ in a })
        let name = { (csv: String) in sheets[csv].map { "\(path)[\($0.name)]" } ?? path }
        var all: [PathwayFigures]
        do { all = try read(folder: folder.path, windows: windows, options: options) } catch var error as Diagnostic {
            // Name the sheet, never the temporary file.
            for csv in sheets.keys { error.message = error.message.replacingOccurrences(of: csv, with: name(csv)) }
            if let at = error.location, let sheet = sheets[at.path] {
                error.location = SourceLocation(path: name(at.path), line: at.line + sheet.rowOffset, column: cellColumn(csv: at.path, line: at.line, byteColumn: at.column))
            }
            throw error
        }
        for i in all.indices {
            for (list, reading) in all[i].lists {
                all[i].lists[list]?.sheet = (name(reading.path), sheets[reading.path]?.rowOffset ?? 0)
            }
            all[i].notes = all[i].notes.map { note in
                var note = note
                note.location = note.location.map { SourceLocation(path: name($0.path), line: $0.line, column: $0.column) }
                return note
            }
        }
        return all
    }

    /// The sheet column (from 1) of a byte column on a line of a sheet's CSV (an error path).
    static func cellColumn(csv: String, line: Int, byteColumn: Int) -> Int {
        var fields = 0
        struct Stop: Error {}
        var options = CSVReader.Options()
        options.requireSameFieldCount = false
        do {
            try CSVReader(path: csv, options: options).forEachRecord { record in
                guard record.line == line else { return }
                fields = record.count
                throw Stop()
            }
        } catch {}
        let starts = (0..<fields).map { CSVReader.position(path: csv, field: $0, recordLine: line).column }
        return (starts.lastIndex { $0 <= byteColumn } ?? 0) + 1
    }

    /// The jobs that read one list, and what turns their results into its reading for each
    /// window.
    static func plan(_ list: PathwayList, path: String, header: [String], windows: [PathwayWindow], options: PathwayOptions) throws -> ([ListJob], () throws -> [ListReading]) {
        func csv<S: PathwaySection>(_: S.Type) throws -> ([ListJob], () throws -> [ListReading]) {
            let fieldIndex = try list.fieldIndex(header: header, columns: options.columns, path: path)
            let lines = 1 + header.reduce(0) { $0 + $1.utf8.filter { $0 == 0x0A }.count }
            let read = CSVListRead<S>(list: list, path: path, fieldIndex: fieldIndex, headerLines: lines, windows: windows, options: options)
            return (read.jobs, read.finish)
        }
        switch list {
        case .referrals:
            var extractOptions = ExtractOptions(columns: ExtractField.allCases.reduce(into: [:]) { $0[$1] = options.columns[$1.rawValue] }, dateFormat: options.dateFormat)
            extractOptions.lastDay = windows[0].last
            let slot = Slot<ReferralExtract>()
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return ([ListJob(bytes: size) { slot.result = Result { try ReferralExtract.read(path: path, options: extractOptions) } }], {
                let extract = try slot.result!.get()
                return windows.map { w in
                    // One window: the year to its last day. More: each by its whole months
                    // (a re-referral looks back, so later rows change no earlier month).
                    let year = w.last.censusYear
                    let figures = windows.count == 1 ? extract.figures(for: year) : extract.figures(census: year, months: w.months)
                    return ListReading(list: list, path: path, value: figures.jsonValue(withYear: false), extract: extract, dateFormat: extract.dateFormat)
                }
            })
        case .contacts: return try csv(ContactsSection.self)
        case .assessments: return try csv(AssessmentsSection.self)
        case .s47: return try csv(S47Section.self)
        case .cin: return try csv(CINSection.self)
        case .cpp: return try csv(CPPSection.self)
        case .cla: return try csv(CLASection.self)
        }
    }

    /// The JSON object the peers print: `year`, `as_at` and a section per list present.
    public var json: String {
        var members: [(String, PythonJSON.Value)] = [("year", .int(year)), ("as_at", .string(window.last.description))]
        for (list, reading) in lists { members.append((list.key, reading.value)) }
        return PythonJSON.dumps(.object(members)) + "\n"
    }

    static func files(in folder: String, including extensions: Set<String> = ["csv"]) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { throw Diagnostic(.error, at: .whole(folder), "not found") }
        guard isFolder.boolValue else {
            try RegularFile.require(folder)
            return extensions == ["csv"] ? [folder] : []
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { name in
            !name.hasPrefix(".") && extensions.contains((name as NSString).pathExtension.lowercased())
        }
        return names.sorted().map { (folder as NSString).appendingPathComponent($0) }.filter { path in
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
    }

    /// The Annex A list the file at `path` is, by its header; nil for any other file.
    public static func list(at path: String, columns: [String: String] = [:]) -> PathwayList? {
        (try? header(path)).flatMap { PathwayList.recognise($0, columns: columns) }
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
}

extension PathwayFigures {
    /// The figures for a person: each list's section as indented lines.
    public var table: String {
        var out = "Annex A pathway, \(window.first.longText) to \(window.last.longText)\n"
        for (list, section) in sections.sorted(by: { $0.key < $1.key }) {
            out += "\n\(list.title) — \(lists[list]?.source ?? section.path)\n"
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
