import ArgumentParser
import CensusIngest
import Chapter
import Indicators
import Foundation

struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Write every indicator for every area and year as a tidy CSV.",
        discussion: """
            Examples:
              jsna indicators --data ../shared/data/dfe --output indicators.csv
              jsna indicators --data ../shared/data/dfe --data ../shared/data/dfe-2023-release --output all.csv

            Columns: indicator, time_period, geographic_level, new_la_code, old_la_code, area_name, \
            numerator, denominator, value (full precision), status (missing-value symbol), sn_mean, \
            sn_median, england_value, region_value, then period, published_value and more. \
            Values are unsuppressed DfE figures: suppression is as DfE published it.
            """)

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: ArgumentHelp("The CSV file to write.", valueName: "file.csv"))
    var output: String

    func validate() throws {
        guard !data.data.isEmpty else { throw ValidationError("give at least one --data folder") }
    }

    func run() throws {
        // Never over or into what it reads: the next run would read the output as data.
        let out = ProjectFolder.absolute(output)
        for folder in data.data {
            let input = ProjectFolder.absolute(folder)
            if out == input || out.hasPrefix(input + "/") {
                throw UserError("\(output): the output is inside the data folder \(folder), which jsna reads (and could overwrite an input): write it elsewhere")
            }
        }
        let dataset = try ChapterPipeline.step("read data") { try CensusDataset.load(folders: data.data) }
        for d in dataset.diagnostics { printError("jsna: \(d)") }
        let table = IndicatorTable(dataset: dataset, model: data.model)
        try ChapterPipeline.step("write outputs") { try AtomicOutput.write(table.csv(), to: output) }
        printError("jsna: wrote \(table.rows.count) rows to \(output)")
    }
}
