import CensusIngest
import DemoData
import Foundation
import Indicators
import ReferralExtract
import TestSupport
import Testing

@testable import Chapter
import ReportModel

let golden = Golden(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"))

func demoChapter(_ la: String = "971", withExtract: Bool = false) throws -> ChapterModel {
    try DemoChapter.model(la, withExtract: withExtract)
}

@Suite struct DemoChapterOutputs {
    @Test func committedDemoDataIsTheGeneratorsOutput() throws {
        for (name, text) in DemoGenerator().files() {
            let committed = try String(contentsOfFile: (SharedData.demo as NSString).appendingPathComponent(name), encoding: .utf8)
            let same = committed == text
            #expect(same, "data/demo/\(name) is stale: run `make demo-data`")
        }
    }

    @Test func markdownGolden() throws {
        try golden.expect(ChapterDocument.markdown(try demoChapter(withExtract: true)), "demo-chapter.md")
    }

    @Test func htmlGolden() throws {
        try golden.expect(ChapterDocument.html(try demoChapter(withExtract: true)), "demo-chapter.html")
    }

    @Test func sameInputsSameBytes() throws {
        #expect(ChapterDocument.html(try demoChapter()) == ChapterDocument.html(try demoChapter()))
    }

    @Test func everythingSaysSynthetic() throws {
        let chapter = try demoChapter()
        #expect(ChapterDocument.markdown(chapter).contains("Synthetic demonstration data"))
        #expect(ChapterDocument.html(chapter).contains("Synthetic demonstration data"))
    }

    @Test func everyIndicatorHasASentenceTableAndChart() throws {
        let chapter = try demoChapter()
        #expect(chapter.sections.map(\.id) == IndicatorCatalogue.all.map(\.id))
        for section in chapter.sections {
            // Authority, interval (not caseload), count, denominator (percentages and caseload), neighbours, region, England.
            let expected = 4 + (section.indicator.interval == .none ? 0 : 1) + 1 + (section.indicator.denominatorCounts == nil ? 0 : 1)
                + (section.table.row(.quality) == nil ? 0 : 1)
            #expect(section.table.rows.count == expected, "\(section.id)")
            #expect(section.table.row(.count) != nil)
            #expect(section.table.columns == ["2020-21", "2021-22", "2022-23", "2023-24", "2024-25"] || section.id == .caseloadFte)
            #expect(!section.chart.description.isEmpty)
            #expect(section.sentence.hasSuffix("."))
        }
    }
}
