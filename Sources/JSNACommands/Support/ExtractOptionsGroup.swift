import Diagnostics
import AnnexAPathway
import ArgumentParser
import Foundation
import ReferralExtract
import Yams

/// Options for reading a referral extract: date format and a config with `columns:`.
struct ExtractOptionsGroup: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Date format of the extract: dd/mm/yyyy, mm/dd/yyyy or yyyy-mm-dd (d/m/yyyy and m/d/yyyy also accepted; default: decided from all the file's referral dates).", valueName: "format"))
    var dateFormat: DateFormatArgument?

    @Option(name: .long, help: ArgumentHelp("A YAML config whose `columns:` maps List 3 fields to the file's headers.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Memory for linking each child's referrals, in MB (default 96). Beyond it, linking records go to a temporary file in TMPDIR (16 bytes a referral), with the same figures.", valueName: "MB"))
    var memory: Int?

    func validate() throws {
        if let memory, memory < 1 { throw ValidationError("--memory must be at least 1 (MB)") }
    }

    func options() throws -> ExtractOptions {
        var options = try config.map(ExtractConfig.load(path:)) ?? ExtractOptions()
        if let dateFormat { options.dateFormat = dateFormat.format }
        if let memory { options.linkingMemory = min(memory, 1 << 30) << 20 }
        return options
    }
}

struct DateFormatArgument: ExpressibleByArgument, Sendable {
    var format: DateFormat
    init?(argument: String) {
        guard let f = DateFormat(spelling: argument) else { return nil }
        format = f
    }
    static var allValueStrings: [String] { DateFormat.allCases.map(\.rawValue) }
}

/// The extract part of a config file:
///
///     extract: referrals.csv
///     date_format: dd/mm/yyyy
///     memory_mb: 96
///     columns:
///       Child Unique ID: PersonID
///       Date of Referral: ReferralDate
enum ExtractConfig {
    struct File: Decodable {
        var columns: [String: String]?
        var date_format: String?
        var memory_mb: Int?
    }

    static func load(path: String) throws -> ExtractOptions {
        try RegularFile.require(path)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw UserError("\(path): cannot read the config file") }
        try ChapterSettings.refuseUnknownKeys(text, path: path)
        let file = try ConfigDecoding.decode(File.self, from: text, path: path) { _ in "" }
        return try options(columns: file.columns, dateFormat: file.date_format, memoryMB: file.memory_mb, path: path)
    }

    static func options(columns: [String: String]?, dateFormat: String?, memoryMB: Int? = nil, path: String) throws -> ExtractOptions {
        var options = ExtractOptions()
        if let memoryMB {
            guard memoryMB >= 1 else { throw UserError("\(path): memory_mb must be at least 1 (megabytes for linking referrals)") }
            options.linkingMemory = min(memoryMB, 1 << 30) << 20
        }
        for (field, header) in columns ?? [:] {
            guard let f = ExtractField.allCases.first(where: { $0.rawValue.lowercased() == field.lowercased() }) else {
                throw UserError("\(path): columns: '\(field)' is not an Annex A List 3 field (\(ExtractField.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            options.columns[f] = header
        }
        if let dateFormat {
            guard let f = DateFormat(spelling: dateFormat) else {
                throw UserError("\(path): date_format must be dd/mm/yyyy, mm/dd/yyyy or yyyy-mm-dd")
            }
            options.dateFormat = f
        }
        return options
    }

    static func isListThree(_ name: String) -> Bool { ExtractField.allCases.contains { $0.rawValue.lowercased() == name.lowercased() } }

    /// `columns:` for Annex A lists: any list's column (List 3's included), in Annex A's
    /// spelling; a name that is no list's column is an error.
    static func annexAColumns(_ columns: [String: String], path: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for (name, header) in columns {
            guard let spelled = PathwayList.column(named: name) ?? ExtractField.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() })?.rawValue else {
                throw UserError("\(path): columns: '\(name.forMessage)' is not a column of any Annex A list jsna reads")
            }
            out[spelled] = header
        }
        return out
    }

    /// The `columns:` and `date_format:` of a config, for reading Annex A lists
    /// (`jsna annex-a --config`, `jsna check --config` on a folder); other keys are left to `build`.
    static func pathwayOptions(path: String) throws -> PathwayOptions {
        struct Keys: Decodable {
            var columns: [String: String]?
            var date_format: String?
        }
        try RegularFile.require(path)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw UserError("\(path): cannot read the config file") }
        try ChapterSettings.refuseUnknownKeys(text, path: path)
        let keys = try ConfigDecoding.decode(Keys.self, from: text, path: path) { _ in "" }
        var options = PathwayOptions()
        options.columns = try annexAColumns(keys.columns ?? [:], path: path)
        if let f = keys.date_format {
            guard let format = DateFormat(spelling: f) else { throw UserError("\(path): date_format must be dd/mm/yyyy, mm/dd/yyyy or yyyy-mm-dd") }
            options.dateFormat = format
        }
        return options
    }
}
