import AnnexAPathway
import ArgumentParser
import ReferralExtract

struct AnnexACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annex-a",
        abstract: "The child protection pathway in-year from a council's Annex A lists 1, 3-8 (analyst-only, unsuppressed).",
        discussion: """
            Examples:
              jsna annex-a lists/ --year 2025
              jsna annex-a lists/ --year 2025 --as-at 2024-12-31
              jsna annex-a lists/ --year 2024-25 --format table

            PATH is a folder of list CSVs (each recognised by its header, not its name), one \
            list, or an Annex A workbook (.xlsx, one sheet per list; dates as Excel stores them). The JSON is exactly what the pandas peer (../shared/bench/annexa/peer_annexa_pandas.py) \
            prints: contacts, referrals, assessments, section 47 enquiries and ICPCs, children in \
            need, child protection plans and children looked after, for 1 April to the as-at date \
            (31 March by default). It is NOT disclosure-controlled: do not publish it.
            """)

    @Argument(help: ArgumentHelp("A folder of Annex A list CSVs, one list, or a workbook (.xlsx).", valueName: "path"))
    var path: String

    @Option(name: .long, help: ArgumentHelp("Census year: 2025 or 2024-25 (1 April 2024 to 31 March 2025).", valueName: "year"))
    var year: CensusYearArgument

    @Option(name: .customLong("as-at"), help: ArgumentHelp("The year's figures to this date (yyyy-mm-dd, inside the year).", valueName: "date"))
    var asAt: String?

    @Option(name: .long, help: ArgumentHelp("Date format of every list: dd/mm/yyyy, mm/dd/yyyy or yyyy-mm-dd (default: decided from each list's dates; dd/mm/yyyy reads exactly as the peers do).", valueName: "format"))
    var dateFormat: DateFormatArgument?

    @Option(name: .long, help: ArgumentHelp("A YAML config (jsna.yml) whose `columns:` maps any list's column to the file's header, and `date_format:`.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "json (as the peers print it) or table.")
    var format: ReferralsCommand.OutputFormat = .json

    func run() throws {
        var end: CivilDate?
        if let asAt {
            guard let date = DateFormat.iso.parse(text: asAt) else { throw ValidationError("--as-at \"\(asAt)\" is not a date such as 2024-12-31") }
            guard date >= CivilDate.censusYearStart(year.year), date <= CivilDate.censusYearEnd(year.year) else {
                throw ValidationError("--as-at \(asAt) is outside \(year.year - 1)-04-01 to \(year.year)-03-31")
            }
            end = date
        }
        let figures = try ChapterPipeline.step("read lists") { try PathwayFigures.read(folder: path, year: year.year, asAt: end, options: options()) }
        printError("jsna: analyst-only output: these figures are NOT disclosure-controlled (small numbers are shown); do not publish them")
        for note in figures.notes { printError("jsna: \(note)") }
        for reading in figures.lists.values.sorted(by: { $0.list < $1.list }) where reading.dateFormat != .dayMonthYear {
            printError("jsna: \(reading.source): \(reading.list.title) read as \(reading.dateFormat.rawValue), decided from its dates (Annex A's format is dd/mm/yyyy)")
        }
        switch format {
        case .json: print(figures.json, terminator: "")
        case .table: print(figures.table, terminator: "")
        }
    }

    func options() throws -> PathwayOptions {
        var options = try config.map(ExtractConfig.pathwayOptions(path:)) ?? PathwayOptions()
        if let dateFormat { options.dateFormat = dateFormat.format }
        return options
    }
}
