import Diagnostics
import CensusIngest
import Chapter
import ReportModel
import Workbook
import DemoData
import Dispatch
import Foundation
import Indicators
import ReferralExtract
import AnnexAPathway
import DisclosureControl

/// The build as named steps; an error names the step it stopped in.
///
/// read data → compute indicators → find authority → assemble chapter → render → write outputs
public struct ChapterPipeline: Sendable {
    public var settings: ChapterSettings

    public init(settings: ChapterSettings) { self.settings = settings }

    /// A step failed; the message names the step and, through the underlying error, the file.
    public struct StepError: Error, CustomStringConvertible {
        public var step: String
        public var underlying: any Error
        public var description: String { "\(step): \(underlying)" }
    }

    static func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        do { return try body() } catch { throw StepError(step: name, underlying: error) }
    }

    /// What a build produced, for the command to report.
    public struct Result: Sendable {
        public var authority: Area
        public var year: Int
        public var files: [String]
        public var diagnostics: [Diagnostic]
        /// The extract's grouped row problems, located ("list3.csv:88:41: warning: …").
        public var extractWarnings: [Diagnostic] = []
    }

    /// Everything shared by the chapters of one run: data, indicators, the extract.
    struct Prepared {
        var dataset: CensusDataset
        var table: IndicatorTable
        var synthetic: Bool
        var extract: ReferralExtract?
        /// True when the extract is the Annex A lists' List 3, read to the pathway's as-at date.
        var extractFromLists = false
        /// The Annex A lists to the as-at date, and the same months a year earlier.
        var pathway: PathwayFigures?
        var pathwayEarlier: PathwayFigures?
        /// The partnership the chapter is about, when it is about one.
        var partnership: Partnership?
    }

    func prepare() throws -> Prepared {
        try Self.step("check outputs") { try Self.refuseOutputsOverInputs(settings) }
        let dataset = try Self.step("read data") { try CensusDataset.load(folders: settings.dataFolders) }
        try Self.step("check inputs") { try Self.requireEveryFamily(dataset) }
        let partnership = try settings.partnership.map { spec in
            try Self.step("find authority") { () throws -> Partnership in
                let members = try spec.members.map { try AreaLookup.find($0, in: dataset.areas) }
                if let twice = members.first(where: { m in members.filter { $0.id == m.id }.count > 1 }) {
                    throw UserError("the partnership \"\(spec.name.forMessage)\" names \(twice.name) (\(twice.oldCode)) twice")
                }
                return Partnership(name: spec.name, members: members)
            }
        }
        let table = Self.step("compute indicators") {
            IndicatorTable(dataset: dataset, model: settings.neighbourModel, partnerships: partnership.map { [$0] } ?? [])
        }
        let synthetic = settings.dataFolders.contains { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(DemoMarker.fileName)) }
        let extract = try settings.extract.map { path in
            try Self.step("read extract") { try ExtractReading.read(path: path, options: settings.extractOptions) }
        }
        var prepared = Prepared(dataset: dataset, table: table, synthetic: synthetic, extract: extract, partnership: partnership)
        if let lists = settings.annexA {
            let (current, earlier) = try Self.step("read Annex A lists") { try PathwayFigures.forChapter(lists, options: settings.annexAOptions, asAt: settings.asAt) }
            if let listThree = current.lists[.referrals]?.extract {
                if let path = settings.extract {
                    throw StepError(step: "read Annex A lists", underlying: UserError("List 3 is given twice: as the extract (\(path)) and in the Annex A lists (\(current.lists[.referrals]!.source)); give it once"))
                }
                prepared.extract = listThree
                prepared.extractFromLists = true
            }
            prepared.pathway = current
            prepared.pathwayEarlier = earlier
        }
        return prepared
    }

    /// The output folder must not be, or hold, anything jsna reads: the config, the
    /// template, the extract or a data folder (with `out: .`, the chapter would replace the
    /// template and the tidy table the extract). Links are resolved first.
    static func refuseOutputsOverInputs(_ settings: ChapterSettings) throws {
        let absolute = ProjectFolder.absolute
        let out = absolute(settings.outputFolder)
        var inputs: [(String, String)] = settings.dataFolders.map { ("the data folder", $0) }
        if let c = settings.configPath { inputs.append(("the config file", c)) }
        if let t = settings.template { inputs.append(("the template", t)) }
        if let e = settings.extract { inputs.append(("the extract", e)) }
        if let a = settings.annexA { inputs.append(("the Annex A lists", a)) }
        for (what, path) in inputs {
            let input = absolute(path)
            guard input == out || input.hasPrefix(out + "/") else { continue }
            throw UserError("\(settings.outputFolder): the output folder \(input == out ? "is" : "holds") \(what) \(path), which a build would overwrite or mix with its outputs: choose another out")
        }
    }

    /// A chapter needs every family of file its indicators come from, and the population for
    /// its rates: without them every figure would read "not published", which is not what
    /// DfE did. One error names everything missing.
    static func requireEveryFamily(_ dataset: CensusDataset) throws {
        var needed: [SourceKind] = []
        for indicator in IndicatorCatalogue.all {
            needed.append(indicator.numerator.kind)
            switch indicator.denominator {
            case .childPopulation: needed.append(.population)
            case .measure(let m): needed.append(m.kind)
            }
        }
        let missing = SourceKind.allCases.filter { needed.contains($0) && dataset.tables($0).isEmpty }
        guard !missing.isEmpty else { return }
        let what = missing.map { kind in
            kind == .population ? "\(kind.title), which every rate per 10,000 needs" : kind.title
        }
        let unrecognised = dataset.diagnostics.filter { $0.message.hasPrefix(CensusDataset.unrecognisedMessage) }.compactMap { $0.location.map { SourceLocation.short($0.path) } }
        let hint = unrecognised.isEmpty ? "" : " (not recognised, perhaps because a column was renamed: \(unrecognised.joined(separator: ", ")))"
        throw UserError("the data has no file for \(what.joined(separator: "; ")): add \(missing.count == 1 ? "it" : "them") with --data (the README lists the files DfE and ONS publish)\(hint)")
    }

    /// The census year to build: the one asked for, or the latest with referral figures.
    func chooseYear(_ p: Prepared, for authority: Area) throws -> Int {
        try Self.step("choose year") { () throws -> Int in
            guard let year = settings.year ?? p.table.latestYear(.referralsRate) ?? p.table.latestYear(.cinRate) else {
                throw UserError("the data has no CIN census c1 (referrals) or b1 (children in need) figures: the chapter needs one of them (see the warnings above for files jsna did not recognise)")
            }
            guard p.table.value(.referralsRate, area: authority.id, year: year) != nil
                || p.table.value(.cinRate, area: authority.id, year: year) != nil
            else {
                let years = p.table.series(.referralsRate, area: authority.id).map(\.year)
                throw UserError("no census figures for \(authority.name) in \(year); years available: \(years.map(String.init).joined(separator: ", "))")
            }
            return year
        }
    }

    /// One chapter's files, named relative to its folder.
    func chapter(_ p: Prepared, authority: Area, year: Int, withExtract: Bool) throws -> (model: ChapterModel, files: [(name: String, contents: Data)]) {
        let model = try Self.step("assemble chapter") { () throws -> ChapterModel in
            var builder = ChapterBuilder(table: p.table, dataset: p.dataset, isSynthetic: p.synthetic)
            builder.members = p.partnership?.members ?? members(of: authority, p, year: year)
            builder.membersInTables = authority.level == .partnership
            builder.window = settings.trendYears
            var model = builder.build(authority: authority, year: year)
            model.provenance = settings.provenance
            if withExtract {
                try localSections(p, authority: authority, into: &model)
            }
            return model
        }
        let files = try Self.step("render") { () -> [(name: String, contents: Data)] in
            let template = try settings.template.map { path -> ChapterTemplate in
                try RegularFile.require(path)
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw UserError("\(path): cannot read the template") }
                return ChapterTemplate(text: text, path: path, allowHTML: settings.allowHTML)
            }
            let word = settings.docx ? WordDocument(referenceDocx: settings.referenceDocx) : nil
            var files = try ChapterFiles(template: template, word: word).make(model)
            let rows = p.table.rows(area: authority.id)
            files.append(("indicators.csv", Data(p.table.csv(rows: rows, note: p.synthetic ? "synthetic demonstration data" : nil).utf8)))
            if let pathway = model.pathway { files.append(("pathway.csv", Data(ChapterDocument.pathwayCSV(pathway, authority: authority.name).utf8))) }
            if settings.xlsx { files.append(("chapter.xlsx", try ChapterWorkbook(model: model, table: p.table).make())) }
            return files
        }
        return (model, files)
    }

    /// A region's authorities, or England's regions, with figures in the year: shown beside
    /// them in the bar charts.
    func members(of area: Area, _ p: Prepared, year: Int) -> [Area] {
        let candidates: [Area]
        switch area.level {
        case .regional: candidates = p.dataset.areas.localAuthorities.filter { $0.regionCode == area.id }
        case .national: candidates = p.dataset.areas.regions
        default: return []
        }
        return candidates.filter { p.table.value(.referralsRate, area: $0.id, year: year) != nil || p.table.value(.cinRate, area: $0.id, year: year) != nil }
    }

    /// Builds one authority's chapter into the output folder.
    @discardableResult
    public func run() throws -> Result {
        let p = try prepare()
        let authority = try Self.step("find authority") { () throws -> Area in
            if let partnership = p.partnership { return partnership.area }
            let authority = try AreaLookup.subject(settings.authority, in: p.dataset.areas)
            if authority.level != .localAuthority, settings.extract != nil || settings.annexA != nil {
                throw UserError("\(settings.extract != nil ? "extract" : "annex_a"): one council's records cannot be used with a chapter for \(authority.name)")
            }
            // A neighbour model that leaves the authority out would give a chapter without
            // its most-used comparator: say so rather than build it.
            if authority.level == .localAuthority, let model = p.table.neighbours, model.neighbours(of: authority.id).isEmpty {
                let other = StatisticalNeighbours.Model.allCases.filter { $0 != settings.neighbourModel }.map(\.rawValue).joined(separator: " or ")
                throw UserError("the \(settings.neighbourModel.rawValue) statistical neighbour model (\(SourceLocation.short(model.path))) has no group for \(authority.name) (\(authority.oldCode)), which it may predate; use --sn-model \(other)")
            }
            return authority
        }
        let year = try chooseYear(p, for: authority)
        var output = AtomicOutput()
        for (name, data) in try chapter(p, authority: authority, year: year, withExtract: true).files { output.add(name, data: data) }
        try Self.step("write outputs") { try output.replace(folder: settings.outputFolder) }
        return Result(
            authority: authority, year: year, files: output.files.map(\.name), diagnostics: p.dataset.diagnostics,
            extractWarnings: extractWarnings(p))
    }

    /// The extract's grouped row problems, or, for the lists' List 3, as the lists name it
    /// (a workbook's sheet, row and column, never the temporary file it was read from); then
    /// the lists' own notes (files not read, how the period's end was chosen).
    func extractWarnings(_ p: Prepared) -> [Diagnostic] {
        let listNotes = p.pathway?.notes ?? []
        guard let extract = p.extract else { return listNotes }
        if p.extractFromLists, let reading = p.pathway?.lists[.referrals] {
            return extract.diagnostics.diagnostics(path: extract.path, fields: extract.diagnosticFields, excludedRows: .warning, sheet: reading.sheet) + listNotes
        }
        return extract.diagnostics.diagnostics(path: extract.path, fields: extract.diagnosticFields, excludedRows: .warning) + listNotes
    }
}

/// A count shared by threads (progress through a parallel batch).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
