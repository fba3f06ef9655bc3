import CensusIngest
import Document
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

    /// Issue 28: titles inside sentences and chart descriptions keep their proper nouns and
    /// months ("31 march" was in nine chart descriptions).
    @Test func monthsAndProperNounsKeepTheirCapitals() throws {
        let markdown = ChapterDocument.markdown(try demoChapter(withExtract: true))
        for lower in ["31 march", "30 september"] {
            #expect(!markdown.contains(lower), "\(lower)")
        }
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
            #expect(section.table.columns == ["2020-21", "2021-22", "2022-23", "2023-24", "2024-25"] || section.indicator.periodStyle == .septemberSnapshot)
            #expect(!section.chart.description.isEmpty)
            #expect(section.sentence.hasSuffix("."))
        }
    }
}

/// The chapter follows the pathway (issue 18) under the JSNA's headings (issue 28): the
/// stages of the level of need and of services, each with its bridge sentence and its
/// indicators as subsections; the assessment factors as one section ("Who is at risk and
/// why") with one chart and one table; the contents list nests, so every indicator stays
/// findable.
@Suite struct PathwayStages {
    @Test func stagesHoldTheirIndicatorsAndFactorsAreOneSection() throws {
        let chapter = try demoChapter()
        let document = ChapterDocument.make(chapter)
        let stages = document.allSections.filter { IndicatorStage(rawValue: $0.id) != nil }
        #expect(stages.map(\.id) == ["assessment", "care", "front-door", "child-protection", "workforce"])
        for stage in stages {
            let kind = IndicatorStage(rawValue: stage.id)!
            #expect(stage.subsections.map(\.id) == IndicatorCatalogue.all.filter { $0.stage == kind }.map(\.id.rawValue))
            guard case .paragraph(let bridge)? = stage.blocks.first else { Issue.record("\(stage.id) has no bridge"); continue }
            #expect(bridge == [.text(kind.bridge)])
        }
        let factors = try #require(document.sections.first { $0.id == "who-is-at-risk" })
        #expect(factors.subsections.isEmpty)
        let figures = factors.blocks.compactMap { block -> ChartFigure? in if case .figure(let f) = block { f } else { nil } }
        #expect(figures.map(\.id) == ["factors"])
        let factorCount = IndicatorCatalogue.all.filter { $0.stage == .factors }.count
        #expect(figures[0].table?.rows.count == factorCount - 1, "one factor is suppressed in the demo data")
        // No factor has a chart of its own in the chapter's files.
        #expect(!document.figures.contains { $0.id.hasPrefix("factor_") })
        // Rows name the factor alone, highest first.
        let values = try #require(figures[0].table).rows.map { Double($0[1].content.plainText.replacingOccurrences(of: "%", with: "")) }
        #expect(values.allSatisfy { $0 != nil } && values.map { $0! } == values.map { $0! }.sorted(by: >))
        #expect(figures[0].table?.rows.first?.first?.content.plainText.hasPrefix("Assessments") == false)
    }

    @Test func theContentsListNests() throws {
        let html = ChapterDocument.html(try demoChapter())
        let nav = try #require(html.range(of: "<nav").map { String(html[$0.lowerBound...]) }).components(separatedBy: "</nav>")[0]
        #expect(nav.contains("<li><a href=\"#child-protection\">Child protection</a>\n<ol>\n<li><a href=\"#s47_rate\">Section 47 enquiries</a></li>"))
        #expect(nav.contains("<li><a href=\"#services\">Services and their use</a>\n<ol>\n<li><a href=\"#front-door\">"))
        #expect(html.contains("<h4 id=\"icpc_15_days_pct\">Initial conferences within 15 working days</h4>"))
        #expect(html.contains("<h2 id=\"who-is-at-risk\">Who is at risk and why</h2>"))
    }
}
