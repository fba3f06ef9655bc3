import CensusIngest
import DemoData
import Foundation
import Indicators
import ReferralExtract
import TestSupport
import Testing

@testable import Chapter

enum Paths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = tests.appendingPathComponent("Golden")
    static let demo = SharedData.demo
}

/// Compares `text` with a golden file; `UPDATE_GOLDEN=1 swift test` rewrites the file instead.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Paths.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try Data(text.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    if text != expected {
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("\(name) differs from the golden file at line \(line + 1):\n got: \(line < a.count ? a[line] : "<end>")\nwant: \(line < b.count ? b[line] : "<end>")\n(run UPDATE_GOLDEN=1 swift test to accept)", sourceLocation: sourceLocation)
    }
}

func demoChapter(_ la: String = "971", withExtract: Bool = false) throws -> ChapterModel {
    let dataset = try CensusDataset.load(folders: [Paths.demo])
    let table = IndicatorTable(dataset: dataset)
    var model = ChapterBuilder(table: table, dataset: dataset, isSynthetic: true).build(authority: dataset.areas[la]!, year: 2025)
    if withExtract {
        let extract = try ReferralExtract.read(path: Paths.demo + "/amberfold_referrals_list3.csv")
        model.local = LocalSectionBuilder(extract: extract, table: table, dataset: dataset, authority: model.authority).build()
    }
    return model
}

@Suite struct DemoChapter {
    @Test func committedDemoDataIsTheGeneratorsOutput() throws {
        for (name, text) in DemoGenerator().files() {
            let committed = try String(contentsOfFile: (Paths.demo as NSString).appendingPathComponent(name), encoding: .utf8)
            let same = committed == text
            #expect(same, "data/demo/\(name) is stale: run `make demo-data`")
        }
    }

    @Test func markdownGolden() throws {
        try expectGolden(MarkdownRenderer.render(try demoChapter(withExtract: true)), "demo-chapter.md")
    }

    @Test func htmlGolden() throws {
        try expectGolden(HTMLRenderer.render(try demoChapter(withExtract: true)), "demo-chapter.html")
    }

    @Test func svgGolden() throws {
        let chapter = try demoChapter()
        let section = try #require(chapter.sections.first { $0.id == "referrals_rate" })
        try expectGolden(TrendChartSVG.render(section.chart), "demo-referrals_rate.svg")
    }

    @Test func comparisonChartGoldens() throws {
        let chapter = try demoChapter()
        let section = try #require(chapter.sections.first { $0.id == "cpp_rate" })
        try expectGolden(ComparisonChartSVG.render(try #require(section.neighbourChart)), "demo-cpp_rate-neighbours.svg")
        try expectGolden(ComparisonChartSVG.render(try #require(chapter.spine)), "demo-spine.svg")
    }

    @Test func sameInputsSameBytes() throws {
        #expect(HTMLRenderer.render(try demoChapter()) == HTMLRenderer.render(try demoChapter()))
    }

    @Test func everythingSaysSynthetic() throws {
        let chapter = try demoChapter()
        #expect(MarkdownRenderer.render(chapter).contains("Synthetic demonstration data"))
        #expect(HTMLRenderer.render(chapter).contains("Synthetic demonstration data"))
    }

    @Test func everyIndicatorHasASentenceTableAndChart() throws {
        let chapter = try demoChapter()
        #expect(chapter.sections.map(\.id) == IndicatorCatalogue.all.map(\.id))
        for section in chapter.sections {
            #expect(section.table.rows.count == (section.id == "caseload_fte" ? 4 : 5))
            #expect(section.table.columns == ["2020-21", "2021-22", "2022-23", "2023-24", "2024-25"] || section.id == "caseload_fte")
            #expect(!section.chart.description.isEmpty)
            #expect(section.sentence.hasSuffix("."))
        }
    }
}
