import ArgumentParser
import ReferralExtract

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a referral extract: grouped, line-numbered diagnostics and a summary.",
        discussion: """
            Examples:
              jsna check list3.csv
              jsna check export.csv --config jsna.yml --strict

            Each kind of problem is reported once, with its count, at its first row and field \
            ("list3.csv:88:41: warning: 312 rows: Date of Birth is after Date of Referral — the first is here"). Rows with errors (no valid referral \
            date) are left out of every figure; rows with warnings are kept. Exit code: 0 when there are \
            no errors, 1 when there are (or, with --strict, when there are warnings).
            """)

    @Argument(help: ArgumentHelp("The extract to check.", valueName: "file"))
    var file: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var extract: ExtractOptionsGroup

    func run() throws {
        let data = try ChapterPipeline.step("read extract") { try ExtractReading.read(path: file, options: try extract.options()) }
        for d in data.diagnostics.diagnostics(path: file, fields: data.diagnosticFields) { print(d.text(severity: true)) }
        let d = data.diagnostics
        let span = data.firstDate.map { "\($0.longText) to \(data.lastDate!.longText)" } ?? "no valid dates"
        print("\(file): \(data.rowsRead) rows read (referral dates \(span), read as \(data.dateFormat.rawValue)\(data.dateFormatDetected ? ", detected" : "")); \(d.errorRows) left out for errors; \(d.warningRows) warnings")
        if d.errorRows > 0 || (strict && d.warningRows > 0) { throw ExitCode(1) }
    }
}
