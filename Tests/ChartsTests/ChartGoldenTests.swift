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
