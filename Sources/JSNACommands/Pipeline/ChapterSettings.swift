import Diagnostics
import CensusIngest
import Chapter
import ReportModel
import DisclosureControl
import Foundation
import AnnexAPathway
import ReferralExtract
import Yams

/// What one chapter build needs, from the command line or a YAML config file.
///
///     # jsna.yml — paths are relative to this file
///     la: Bolton            # old code, new code or name
///     year: 2025            # census year (2024-25); or "2024-25"; default: latest
///     data: [../shared/data/dfe]
///     out: reports/bolton
///     sn_model: "2025"      # or "2021"
///     trend_years: 5        # years in each trend table and chart, 2 to 10
///     strict: true          # an implausible extract stops the build
///     annex_a: lists/       # the council's Annex A lists (a folder or a workbook)
///     as_at: 2025-10-31     # the pathway section's last day (a month's end; default: the
///                           # last whole month every list reaches)
///     rounding: 5           # the council's own counts rounded to the nearest 5 (or 10)
public struct ChapterSettings: Sendable {
    public var authority: String
    public var year: Int?
    public var dataFolders: [String]
    public var outputFolder: String
    public var neighbourModel: StatisticalNeighbours.Model = .model2025
    /// The council's own referral extract (Annex A List 3 or a mapped export), if any.
    public var extract: String?
    public var extractOptions = ExtractOptions()
    /// The council's Annex A lists (a folder of CSVs or a workbook), for the pathway section.
    public var annexA: String?
    public var annexAOptions = PathwayOptions()
    /// The pathway section's last day; nil: the end of the last whole month every list reaches.
    public var asAt: CivilDate?
    /// The analyst's chapter template (inside the project folder), if any.
    public var template: String?
    public var allowHTML = false
    /// Also write chapter.docx (pandoc) and chapter.xlsx (libxlsxwriter).
    public var docx = false
    public var xlsx = false
    /// The council's Word house style: a .docx whose styles chapter.docx takes.
    public var referenceDocx: String?
    /// Written into the provenance appendix.
    public var provenance = Provenance()
    /// Years in each trend table and chart, ending at the chapter's year.
    public var trendYears = ChapterSettings.defaultTrendYears
    public static let defaultTrendYears = 5
    /// The config file the settings came from, if any (outputs must never land on it).
    public var configPath: String?
    /// Stop, rather than warn, when the extract's figures are implausible beside DfE's.
    public var strict = false
    /// A partnership of authorities as the chapter's subject, instead of `authority`.
    public var partnership: PartnershipSpec?
    public static let trendYearRange = 2...10
    /// The council's own counts published rounded to the nearest multiple of this: 1 (exact,
    /// the default), 5 or 10 (``CountTable/base``), so builds a month apart cannot be
    /// subtracted to give a small count.
    public var rounding = 1

    /// Why a rounding base is refused, or nil when it is one jsna offers.
    public static func roundingProblem(_ base: Int) -> String? {
        CountTable.bases.contains(base) ? nil : "must be 5 or 10 (or 1 for exact counts), not \(base)"
    }

    public init(authority: String, year: Int?, dataFolders: [String], outputFolder: String, neighbourModel: StatisticalNeighbours.Model = .model2025) {
        self.authority = authority
        self.year = year
        self.dataFolders = dataFolders
        self.outputFolder = outputFolder
        self.neighbourModel = neighbourModel
    }

    /// The config file as written. Its properties are its keys: the list of known keys is
    /// read from them (``knownKeys``), so a new setting is written once, here. (`data`'s
    /// default is only for that reading: decoding still requires the key.)
    struct File: Decodable {
        var la: String?
        var area: AreaSpec?
        var year: String?
        var data: [String] = []
        var out: String?
        var sn_model: String?
        var extract: String?
        var template: String?
        var allow_html: Bool?
        var columns: [String: String]?
        var date_format: String?
        var memory_mb: Int?
        var docx: Bool?
        var xlsx: Bool?
        var reference_docx: String?
        var trend_years: Int?
        var strict: Bool?
        var annex_a: String?
        var as_at: String?
        var rounding: Int?
    }

    /// `area: {name: Pan-Dorset Safeguarding Children Partnership, members: [Dorset, "839"]}`.
    struct AreaSpec: Decodable {
        var name = ""
        var members: [String] = []
    }

    /// Every key a config may hold: ``File``'s properties.
    static let knownKeys = Mirror(reflecting: File()).children.compactMap(\.label)

    /// What a config may hold, key by key: `area:` holds `name:` and `members:`; under
    /// `columns:` any list's column may be named (checked against the lists when read).
    indirect enum Schema {
        case keys([String: Schema])
        case any
    }

    static let schema = Schema.keys(Dictionary(uniqueKeysWithValues: knownKeys.map { key in
        (key, key == "area" ? Schema.keys(Dictionary(uniqueKeysWithValues: Mirror(reflecting: AreaSpec()).children.compactMap(\.label).map { ($0, Schema.any) })) : .any)
    }))

    /// A key jsna does not know, at any level, is a typing slip that would otherwise be
    /// ignored in silence (`trend_year: 10` building five years, `memebers:` under `area:`):
    /// an error naming its line and the closest key. Every config jsna reads is checked.
    static func refuseUnknownKeys(_ text: String, path: String) throws {
        guard let node = try? Yams.compose(yaml: text) else { return }
        try refuseUnknownKeys(node, schema: schema, path: path, within: nil)
    }

    static func refuseUnknownKeys(_ node: Yams.Node, schema: Schema, path: String, within parent: String?) throws {
        guard case .keys(let known) = schema, let mapping = node.mapping else { return }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            guard let inner = known[name] else {
                let names = known.keys.sorted()
                let closest = names.min { TextDistance.levenshtein($0, name) < TextDistance.levenshtein($1, name) }!
                let line = key.mark?.line ?? 1, column = key.mark?.column ?? 1
                let hint = TextDistance.levenshtein(closest, name) <= max(2, name.count / 3) ? "did you mean '\(closest)'?" : "the keys are \(names.joined(separator: ", "))"
                throw UserError("\(path):\(line):\(column): unknown key '\(name.forMessage)'\(parent.map { " under '\($0)'" } ?? ""): \(hint)")
            }
            try refuseUnknownKeys(value, schema: inner, path: path, within: name)
        }
    }

    /// Reads a config file; relative paths are taken from the file's folder.
    public static func load(configPath: String) throws -> ChapterSettings {
        try RegularFile.require(configPath)
        guard let text = try? String(contentsOfFile: configPath, encoding: .utf8) else {
            throw UserError("\(configPath): cannot read the config file")
        }
        try refuseUnknownKeys(text, path: configPath)
        let file = try ConfigDecoding.decode(File.self, from: text, path: configPath) { key in
            ["name", "members"].contains(key) ? "" : " (needed: la or area, and data)"
        }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let base = URL(fileURLWithPath: configPath, relativeTo: current).absoluteURL.deletingLastPathComponent()
        let resolve = { (p: String) in p.hasPrefix("/") ? p : base.appendingPathComponent(p).standardizedFileURL.path }
        var year: Int?
        if let y = file.year, y != "latest" {
            guard let parsed = CensusYearArgument(argument: y) else { throw UserError("\(configPath): year \"\(y)\" is not a census year such as 2025 or 2024-25") }
            year = parsed.year
        }
        var model = StatisticalNeighbours.Model.model2025
        if let m = file.sn_model {
            guard let parsed = StatisticalNeighbours.Model(rawValue: m) else { throw UserError("\(configPath): sn_model must be 2021 or 2025") }
            model = parsed
        }
        let project = ProjectFolder(configPath: configPath, folder: base)
        if file.la != nil && file.area != nil { throw UserError("\(configPath): give either la or area, not both") }
        guard file.la != nil || file.area != nil else { throw UserError("\(configPath):1:1: missing key 'la' (or 'area' for a partnership)") }
        var settings = ChapterSettings(
            authority: file.la ?? "", year: year, dataFolders: file.data.map(resolve),
            outputFolder: try project.contain("out", file.out ?? "reports"), neighbourModel: model)
        // The extract is read where it lives (a secure drive, its governance home); only
        // what jsna writes must stay inside the project folder.
        settings.extract = file.extract.map(resolve)
        settings.allowHTML = file.allow_html ?? false
        settings.strict = file.strict ?? false
        settings.configPath = configPath
        if let area = file.area { settings.partnership = try PartnershipSpec(name: area.name, members: area.members, source: configPath) }
        if let n = file.trend_years {
            guard trendYearRange.contains(n) else { throw UserError("\(configPath): trend_years must be from \(trendYearRange.lowerBound) to \(trendYearRange.upperBound)") }
            settings.trendYears = n
        }
        if let base = file.rounding {
            if let problem = roundingProblem(base) { throw UserError("\(configPath): rounding \(problem)") }
            settings.rounding = base
        }
        settings.docx = file.docx ?? false
        settings.xlsx = file.xlsx ?? false
        settings.referenceDocx = try file.reference_docx.map { try project.contain("reference_docx", $0) }
        settings.template = try file.template.map { try project.contain("template", $0) }
        settings.annexA = file.annex_a.map(resolve)
        if file.as_at != nil && file.annex_a == nil { throw UserError("\(configPath): as_at is the pathway section's last day: give annex_a too") }
        if let text = file.as_at {
            guard let date = DateFormat.iso.parse(text: text) else { throw UserError("\(configPath): as_at \"\(text.forMessage)\" is not a date such as 2025-10-31") }
            settings.asAt = date
        }
        var columns = file.columns
        if settings.annexA != nil {
            settings.annexAOptions.columns = try ExtractConfig.annexAColumns(file.columns ?? [:], path: configPath)
            // List 3's columns go to the extract too; the other lists' are the lists' alone.
            columns = file.columns?.filter { ExtractConfig.isListThree($0.key) }
        }
        settings.extractOptions = try ExtractConfig.options(columns: columns, dateFormat: file.date_format, memoryMB: file.memory_mb, path: configPath)
        settings.annexAOptions.dateFormat = settings.extractOptions.dateFormat
        return settings
    }
}

/// A partnership as the user gives it: a name and its members by code or name
/// (`--area "Pan-Dorset=838,839"`, or `area:` in jsna.yml). Members are looked up in the data.
public struct PartnershipSpec: Sendable, Equatable {
    public var name: String
    public var members: [String]

    public init(name: String, members: [String], source: String) throws {
        let name = name.trimmingCharacters(in: .whitespaces)
        let members = members.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !name.isEmpty else { throw UserError("\(source): a partnership needs a name (Pan-Dorset=838,839)") }
        guard members.count >= 2 else { throw UserError("\(source): the partnership \"\(name.forMessage)\" needs two or more member authorities (Pan-Dorset=838,839)") }
        self.name = name
        self.members = members
    }

    /// "Pan-Dorset=838,839".
    public init(argument: String) throws {
        guard let equals = argument.firstIndex(of: "=") else {
            throw UserError("--area \"\(argument.forMessage)\": write the partnership's name, =, and its members by code or name, separated by commas (Pan-Dorset=838,839)")
        }
        try self.init(name: String(argument[..<equals]), members: argument[argument.index(after: equals)...].split(separator: ",").map(String.init), source: "--area")
    }
}
