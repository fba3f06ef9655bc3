import AnnexAPathway
import ArgumentParser
import Foundation
import ReferralExtract

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a referral extract or Annex A lists: grouped, line-numbered diagnostics and a summary.",
        discussion: """
            Examples:
              jsna check list3.csv
              jsna check export.csv --config jsna.yml --strict
              jsna check lists/

            A folder, an Annex A workbook (.xlsx), or a file that is another Annex A list (1, 4 to 8), is checked list by list: \
            dates that are not dates in the list's format (errors: left out of the figures that \
            need them), blank where they matter, before 1990, after today, or before the date they \
            follow; blank child IDs (warnings: counted as written).

            Each kind of problem is reported once, with its count, at its first row and field \
            ("list3.csv:88:41: warning: 312 rows: Date of Birth is after Date of Referral — the first is here"). Rows with errors (no valid referral \
            date) are left out of every figure; rows with warnings are kept. Exit code: 0 when there are \
            no errors, 1 when there are (or, with --strict, when there are warnings).
            """)

    @Argument(help: ArgumentHelp("The extract to check, or a folder or workbook of Annex A lists.", valueName: "file"))
    var file: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var extract: ExtractOptionsGroup

    func run() throws {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: file, isDirectory: &isFolder)
        if exists && (isFolder.boolValue || AnnexAWorkbook.isWorkbook(file) || PathwayFigures.list(at: file).map({ $0 != .referrals }) == true) {
            return try checkLists()
        }
        let data = try ChapterPipeline.step("read extract") { try ExtractReading.read(path: file, options: try extract.options()) }
        for d in data.diagnostics.diagnostics(path: file, fields: data.diagnosticFields) { print(d.text(severity: true)) }
        let d = data.diagnostics
        let span = data.firstDate.map { "\($0.longText) to \(data.lastDate!.longText)" } ?? "no valid dates"
        print("\(file): \(data.rowsRead) rows read (referral dates \(span), read as \(data.dateFormat.rawValue)\(data.dateFormatDetected ? ", detected" : "")); \(d.errorRows) left out for errors; \(d.warningRows) warnings")
        if d.errorRows > 0 || (strict && d.warningRows > 0) { throw ExitCode(1) }
    }
}

extension CheckCommand {
    /// Each Annex A list in the folder (or the one list), read as `jsna annex-a` reads it.
    func checkLists() throws {
        var options = try extract.config.map(ExtractConfig.pathwayOptions(path:)) ?? PathwayOptions()
        if let format = extract.dateFormat?.format { options.dateFormat = format }
        let year = CivilDate.today.censusYear
        let figures = try ChapterPipeline.step("read lists") { try PathwayFigures.read(folder: file, year: year, asAt: nil, options: options) }
        for note in figures.notes { print(note.text(severity: true)) }
        var errors = 0, warnings = 0
        for reading in figures.lists.values.sorted(by: { $0.list < $1.list }) {
            for d in reading.diagnostics { print(d.text(severity: true)) }
            let (rows, e, w) = reading.extract.map { ($0.rowsRead, $0.diagnostics.errorRows, $0.diagnostics.warningRows) }
                ?? (reading.checks?.rows ?? 0, reading.checks?.errorRows ?? 0, reading.checks?.warningRows ?? 0)
            errors += e
            warnings += w
            let decided = extract.dateFormat == nil ? ", decided from its dates" : ""
            print("\(reading.source): \(reading.list.title): \(rows) rows read (dates read as \(reading.dateFormat.rawValue)\(decided)); \(e) \(reading.extract == nil ? "values" : "rows") left out for errors; \(w) warnings")
        }
        if figures.lists.isEmpty { print("\(file): no Annex A list found (lists 1, 3 to 8 are recognised by their headers)") }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
