import Foundation
import ReportModel
import TestSupport
import Testing

@testable import Charts

let golden = Golden(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"))

/// Each chart kind against a golden file, and the shared drawing helpers.
@Suite struct ChartGoldens {
    @Test func trendChart() throws {
        let chapter = try DemoChapter.model()
        let section = try #require(chapter.sections.first { $0.id == .referralsRate })
        try golden.expect(TrendChartSVG.render(section.chart), "demo-referrals_rate.svg")
    }

    @Test func neighbourAndSpineCharts() throws {
        let chapter = try DemoChapter.model()
        let section = try #require(chapter.sections.first { $0.id == .cppRate })
        try golden.expect(ComparisonChartSVG.render(try #require(section.neighbourChart)), "demo-cpp_rate-neighbours.svg")
        try golden.expect(ComparisonChartSVG.render(try #require(chapter.spine)), "demo-spine.svg")
    }

    @Test func everyChartOpensWithTitleAndDescriptionForScreenReaders() throws {
        let chapter = try DemoChapter.model(withExtract: true)
        let local = try #require(chapter.local)
        let section = try #require(chapter.sections.first { $0.id == .referralsRate })
        let svgs = [TrendChartSVG.render(section.chart), ComparisonChartSVG.render(try #require(section.funnel)),
                    ComparisonChartSVG.render(try #require(chapter.spine)), BarChartSVG.render(local.monthly)]
        for svg in svgs {
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.contains("role=\"img\"") && svg.contains("<title id=") && svg.contains("<desc id="))
        }
    }

    @Test func funnelDrawsBothSetsOfLimits() throws {
        let chapter = try DemoChapter.model()
        let funnel = try #require(chapter.sections.first { $0.id == .referralsRate }?.funnel)
        #expect(!funnel.adjusted.isEmpty && funnel.adjusted.count == funnel.limits.count)
        // The adjusted limits are wider at every size: they add variation between authorities.
        for (a, p) in zip(funnel.adjusted, funnel.limits) { #expect(a.1 <= p.1 && a.2 >= p.2 && a.3 <= p.3 && a.4 >= p.4) }
        let svg = ComparisonChartSVG.render(funnel)
        #expect(svg.components(separatedBy: "stroke=\"#B1B4B6\" stroke-width=\"1\" stroke-dasharray").count - 1 == 4)
        #expect(svg.components(separatedBy: "stroke=\"#801650\" stroke-width=\"1.75\" stroke-dasharray").count - 1 == 4)
        #expect(svg.contains("Pink: limits allowing for variation between authorities. Light grey: chance alone."))
        try golden.expect(svg, "demo-referrals_rate-funnel.svg")
    }

    @Test func niceScalesAreRound() {
        #expect(SVG.niceScale(519.4) == (600, 200))
        #expect(SVG.niceScale(42.2) == (50, 10))
        #expect(SVG.niceScale(0.9) == (1, 0.2))
        #expect(SVG.n(12.0) == "12" && SVG.n(12.25) == "12.3")
    }
}

/// Issue 28: England's and the neighbours' reference lines struck through bar value labels.
@Suite struct BarValueLabels {
    /// Every bar end, label width and pair of reference lines: the label never spans a line,
    /// and it starts after its bar.
    @Test func noReferenceLineCrossesAValueLabel() {
        var generator = SeededGenerator(state: 28)
        for _ in 0..<5_000 {
            let end = Double.random(in: 200...570, using: &generator)
            let width = ComparisonChartSVG.textWidth(String(repeating: "9", count: Int.random(in: 3...7, using: &generator)))
            let lines = (0..<Int.random(in: 0...2, using: &generator)).map { _ in Double.random(in: 200...570, using: &generator) }
            let at = ComparisonChartSVG.valueLabelX(barEnd: end, width: width, lines: lines)
            #expect(at >= end + 4)
            for line in lines { #expect(!(line >= at - 2 && line <= at + width + 2), "line \(line) crosses the label at \(at)–\(at + width)") }
        }
    }

    /// A label with no line in its way stays beside its bar.
    @Test func aClearLabelStaysBesideItsBar() {
        #expect(ComparisonChartSVG.valueLabelX(barEnd: 300, width: 36, lines: [250, 400]) == 304)
        #expect(ComparisonChartSVG.valueLabelX(barEnd: 300, width: 36, lines: [320]) == 324)
    }
}
