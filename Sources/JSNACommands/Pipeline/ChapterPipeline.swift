import CensusIngest
import Chapter
import DemoData
import Foundation
import Indicators
import ReferralExtract

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
    }

    @discardableResult
    public func run() throws -> Result {
        let dataset = try Self.step("read data") { try CensusDataset.load(folders: settings.dataFolders) }
        let table = Self.step("compute indicators") { IndicatorTable(dataset: dataset, model: settings.neighbourModel) }
        let authority = try Self.step("find authority") { try AreaLookup.find(settings.authority, in: dataset.areas) }
        let year = try Self.step("choose year") { () throws -> Int in
            let latest = table.latestYear("referrals_rate") ?? 0
            let year = settings.year ?? latest
            guard table.value("referrals_rate", area: authority.id, year: year) != nil
                || table.value("cin_rate", area: authority.id, year: year) != nil
            else {
                let years = table.series("referrals_rate", area: authority.id).map(\.year)
                throw UserError("no census figures for \(authority.name) in \(year); years available: \(years.map(String.init).joined(separator: ", "))")
            }
            return year
        }
        let synthetic = settings.dataFolders.contains { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(DemoMarker.fileName)) }
        let extract = try settings.extract.map { path in
            try Self.step("read extract") { try ReferralExtract.read(path: path, options: settings.extractOptions) }
        }
        let model = Self.step("assemble chapter") { () -> ChapterModel in
            var model = ChapterBuilder(table: table, dataset: dataset, isSynthetic: synthetic).build(authority: authority, year: year)
            if let extract {
                model.local = LocalSectionBuilder(extract: extract, table: table, dataset: dataset, authority: authority).build()
            }
            return model
        }
        let output = Self.step("render") { () -> AtomicOutput in
            var output = AtomicOutput()
            output.add("chapter.md", contents: MarkdownRenderer.render(model))
            output.add("chapter.html", contents: HTMLRenderer.render(model))
            for section in model.sections {
                output.add("charts/\(section.chart.id).svg", contents: TrendChartSVG.render(section.chart))
            }
            if let local = model.local { output.add("charts/\(local.monthly.id).svg", contents: BarChartSVG.render(local.monthly)) }
            let rows = table.rows.filter { $0.area.id == authority.id }
            output.add("indicators.csv", contents: table.csv(rows: rows, note: synthetic ? "synthetic demonstration data" : nil))
            return output
        }
        try Self.step("write outputs") { try output.commit(into: settings.outputFolder) }
        return Result(authority: authority, year: year, files: output.files.map(\.name), diagnostics: dataset.diagnostics)
    }
}
