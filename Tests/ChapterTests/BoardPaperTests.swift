import Chapter
import Document
import Foundation
import Indicators
import ReportModel
import Testing

/// The chapter as a board paper (issue 28): a short summary first, then the JSNA's
/// headings, then a technical appendix where the methods and the full tables live.
@Suite struct BoardPaperTests {
    static let bodyIDs = ["who-is-at-risk", "level-of-need", "services", "gaps", "recommendations"]
    static let appendixIDs = ["methods", "data-notes", "full-tables", "why-these-key-messages", "sources"]

    @Test func summaryThenJSNAHeadingsThenAppendix() throws {
        let document = ChapterDocument.make(try demoChapter())
        #expect(document.sections.map(\.id) == ["summary"] + Self.bodyIDs + Self.appendixIDs)
        #expect(document.sections.map(\.title).suffix(5).allSatisfy { $0.hasPrefix("Appendix ") })
        #expect(document.contentsAfter == 1, "Word's contents page follows the summary")
        #expect(document.sections.filter(\.startsPage).map(\.id) == ["who-is-at-risk", "methods"])
    }

    @Test func theSummaryIsShort() throws {
        let chapter = try demoChapter()
        let summary = try #require(ChapterDocument.make(chapter).sections.first)
        guard case .list(let messages, _)? = summary.subsections.first?.blocks.first else { Issue.record("no key messages"); return }
        #expect((1...KeyMessages.limit).contains(messages.count) && KeyMessages.limit <= 8)
        for message in messages { #expect(message.plainText.split(separator: " ").count <= 30, "\(message.plainText)") }
        let figures = summary.allBlocks.compactMap { block -> ChartFigure? in if case .figure(let f) = block { f } else { nil } }
        #expect((1...2).contains(figures.count), "at most two charts")
        let glance = try #require(figures.first?.table)
        #expect(glance.columns.count <= 7)
        #expect(!WordLayout.layout(glance).landscape, "the at-a-glance table fits portrait A4")
        for (i, width) in WordLayout.layout(glance).widths.enumerated() where glance.columns[i].alignment == .right {
            let longest = glance.rows.map { $0[i].content.plainText.count }.max() ?? 0
            #expect(width > longest, "column \(glance.columns[i].title) holds its longest number whole")
        }
    }

    /// Method names are for the appendix; the board reads plain words.
    @Test func methodNamesOnlyInTheAppendix() throws {
        for chapter in [try demoChapter(), try demoChapter(withExtract: true)] {
            let document = ChapterDocument.make(chapter)
            let front = MarkdownWriter().write(Document(title: document.title, pageTitle: "", front: document.front,
                                                        sections: document.sections.filter { !BoardPaperTests.appendixIDs.contains($0.id) }, footer: []))
            for name in ["Fingertips", "Spiegelhalter", "overdispersion", "Wilson", "Byar", "funnel", "Poisson"] {
                #expect(front.range(of: name, options: .caseInsensitive) == nil, "\(name) before the appendix")
            }
            let appendix = MarkdownWriter().write(Document(title: "", pageTitle: "", front: [],
                                                           sections: document.sections.filter { BoardPaperTests.appendixIDs.contains($0.id) }, footer: []))
            #expect(appendix.contains("Spiegelhalter") && appendix.contains("Wilson"), "the methods name them")
        }
    }

    @Test func theAppendixHoldsTheFullTablesAndWhyEachMessage() throws {
        let chapter = try demoChapter()
        let document = ChapterDocument.make(chapter)
        let tables = try #require(document.sections.first { $0.id == "full-tables" }).blocks.compactMap { block -> Table? in
            if case .table(let t) = block { t } else { nil }
        }
        let captions = Set(tables.map(\.caption))
        for section in chapter.sections where section.indicator.stage != .factors {
            #expect(captions.contains(section.table.caption), "\(section.id)'s values")
        }
        #expect(tables.contains { $0.columns.contains { $0.title == "Against England (chance alone)" } }, "the test on chance alone is kept")
        // Issue 29: the methods say what disclosure control proves, and what it cannot (two builds).
        #expect(chapter.methods.contains { $0.term.hasPrefix("Disclosure control") && $0.explanation.contains("linear programming") && $0.explanation.contains("a month apart") })
        guard case .list(let why, _)? = document.sections.first(where: { $0.id == "why-these-key-messages" })?.blocks.first else {
            Issue.record("no reasons"); return
        }
        #expect(why.count == chapter.keyMessages.filter { !$0.why.isEmpty }.count)
        // Each indicator section shows its trend chart; the neighbour and funnel charts are
        // written beside the chapter, not placed in it.
        let placed = Set(document.placedFigures.map(\.id))
        for section in chapter.sections where section.indicator.stage != .factors { #expect(placed.contains(section.chart.id)) }
        let unplaced = Set(document.unplacedFigures.map(\.id))
        let indicators = chapter.sections.filter { $0.indicator.stage != .factors }
        #expect(indicators.compactMap(\.funnel).allSatisfy { unplaced.contains($0.id) && !placed.contains($0.id) })
        #expect(Set(ChapterFiles.charts(document).map(\.id)) == placed.union(unplaced), "every chart is still written to charts/")
    }

    @Test func gapsAndRecommendationsFollowTheVerdicts() throws {
        let chapter = try demoChapter()
        let further = FurtherWork.make(chapter)
        #expect(!further.gaps.isEmpty && !further.recommendations.isEmpty)
        #expect(further.recommendations.count <= FurtherWork.recommendationLimit)
        // Every outcome worse than a tested comparator is a gap, named with its value.
        for section in chapter.sections {
            guard let v = section.current, v.value.value != nil, !v.verdict.needsCare else { continue }
            let worse = [v.verdict.england, v.verdict.region, v.verdict.neighbours].contains { $0.assessment == .worse }
            #expect(further.gaps.contains { $0.hasPrefix("\(section.title):") && $0.contains("(worse)") } == worse, "\(section.id)")
        }
        // No local data: the gap and its recommendation say so; with an extract they do not.
        #expect(further.gaps.contains { $0.contains("holds no figures for the year since") })
        #expect(!FurtherWork.make(try demoChapter(withExtract: true)).gaps.contains { $0.contains("holds no figures for the year since") })
    }

    /// Data notes fit one page: the authorities DfE left out of a percentage are counted in
    /// the chapter and named in the workbook's Notes sheet.
    @Test func dataNotesFitOnePage() throws {
        let chapter = try demoChapter()
        let words = chapter.dataNotes.joined(separator: " ").split(separator: " ").count
        #expect(words <= 450, "\(words) words")
        for detail in chapter.dataNoteDetails { #expect(!chapter.dataNotes.contains { $0.contains(detail) }) }
    }
}
