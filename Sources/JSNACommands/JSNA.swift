import ArgumentParser
import Chapter
import ReportModel
import TemporaryFiles

/// The `jsna` command: DfE children-in-need statistics to a JSNA safeguarding chapter.
public struct JSNA: ParsableCommand {
    public static let version = JSNAVersion.current

    public static let configuration = CommandConfiguration(
        commandName: "jsna",
        abstract: "Build the safeguarding chapter of a Joint Strategic Needs Assessment from DfE children-in-need statistics.",
        discussion: """
            jsna reads the Department for Education's published CSV files (children in need census, \
            children looked after, social work workforce, ONS population, statistical neighbours), \
            recomputes rates per 10,000 children as LAIT does, and writes a chapter comparing an \
            authority with England, its region and its statistical neighbours.

            Examples:
              jsna build --data ../shared/data/dfe --la Bolton --year 2024-25 --out reports/bolton
              jsna indicators --data ../shared/data/dfe --output indicators.csv
            """,
        version: version,
        subcommands: [BuildCommand.self, InitCommand.self, IndicatorsCommand.self, ReferralsCommand.self, AnnexACommand.self, CheckCommand.self, DemoDataCommand.self, BenchParseCommand.self]
    )

    public init() {}

    /// Before any command: temporary folders (which may hold children's data) are removed
    /// if jsna is interrupted, and those left by a killed run are removed as they are found.
    public static func prepareProcess() {
        TemporaryFolder.removeStaleFolders()
        TemporaryFolder.removeOnSignals()
    }
}
