import ArgumentParser
import Indicators
import ReferralExtract

struct ReferralsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referrals",
        abstract: "In-year referral figures from a council's child-level extract (analyst-only, unsuppressed).",
        discussion: """
            Examples:
              jsna referrals list3.csv --year 2025
              jsna referrals list3.csv --year 2024-25 --format table
              jsna referrals export.csv --year 2025 --config jsna.yml   # columns: and date_format: from the config

            The JSON is exactly what the pandas peer (../shared/bench/peer_pandas.py) prints for the same \
            file and year: referrals, re-referrals within 12 months (from the dates), NFA, and counts by \
            age band, gender, ethnicity, source and month. It is NOT disclosure-controlled: do not publish it.
            """)

    @Argument(help: ArgumentHelp("An Annex A List 3 (referrals) CSV, or a mapped CMS export.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Census year: 2025 or 2024-25 (1 April 2024 to 31 March 2025).", valueName: "year"))
    var year: CensusYearArgument

    @Option(name: .long, help: "json (as the peers print it) or table.")
    var format: OutputFormat = .json

    @OptionGroup var extract: ExtractOptionsGroup

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, table }

    func run() throws {
        let data = try ChapterPipeline.step("read extract") { try ExtractReading.read(path: file, options: try extract.options()) }
        printError("jsna: analyst-only output: these figures are NOT disclosure-controlled (small numbers are shown); do not publish them")
        for d in data.diagnostics.diagnostics(path: file, fields: data.diagnosticFields, excludedRows: .warning) { printError("jsna: \(d)") }
        let figures = data.figures(for: year.year)
        let (start, end) = (CivilDate.censusYearStart(year.year), CivilDate.censusYearEnd(year.year))
        if let first = data.firstDate, let last = data.lastDate, last < start || first > end {
            let covered = "its referrals run from \(first.longText) to \(last.longText)"
            // The JSON stays what the peers print for any year (zeros); a person's table says no.
            guard format == .json else { throw UserError("\(file): \(PeriodStyle.censusYear.label(year.year)) is outside the file: \(covered)") }
            printError("jsna: warning: \(PeriodStyle.censusYear.label(year.year)) is outside \(file) (\(covered)): every figure is zero")
        }
        switch format {
        case .json: print(figures.json, terminator: "")
        case .table: print(ReferralTable.render(figures, extract: data), terminator: "")
        }
    }
}
