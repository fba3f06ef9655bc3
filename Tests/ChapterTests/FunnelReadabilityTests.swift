import CensusIngest
import Document
import Charts
import Foundation
import Indicators
import TestSupport
import Testing

@testable import Chapter
@testable import ReportModel

/// Funnel plots a reader can read: no overlapping labels, an extreme authority off the
/// scale but in the table.
@Suite struct FunnelReadability {
    /// Real data: Bolton's referrals funnel. One authority far above the rest (2,083 per
    /// 10,000) is marked at the top edge and listed in the table; no two labels overlap; only
    /// the authority and neighbours outside the adjusted limits are labelled.
    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe")) func funnelStaysReadable() throws {
        let dfe = try #require(SharedData.dfe)
        let dataset = try CensusDataset.load(folders: [dfe])
        let chapter = ChapterBuilder(table: IndicatorTable(dataset: dataset), dataset: dataset, isSynthetic: false).build(authority: dataset.areas["350"]!, year: 2025)
        for section in chapter.sections {
            guard let funnel = section.funnel else { continue }
            let svg = ComparisonChartSVG.render(funnel)
            let boxes = Self.labelBoxes(svg)
            for (i, a) in boxes.enumerated() { for b in boxes[(i + 1)...] { #expect(!a.intersects(b), "\(section.id): labels overlap") } }
            let labelled = Set(boxes.map(\.text))
            #expect(labelled.contains("Bolton"), "\(section.id)")
            for p in funnel.points where p.role == .neighbour && (p.adjustedPosition ?? .within) == .within {
                #expect(!labelled.contains(p.name), "\(section.id): \(p.name) is within the limits and labelled")
            }
        }
        let referrals = try #require(chapter.sections.first { $0.id == .referralsRate }?.funnel)
        let top = try #require(referrals.axisMaximum)
        let off = referrals.points.filter { $0.rate > top }
        #expect(off.contains { $0.name == "Isle of Wight" } && off.allSatisfy { $0.rate > 1_000 })
        #expect(referrals.points.filter { $0.rate > 1_000 }.count <= off.count + 2, "most of the scale is left to the other authorities")
        let figure = ChartFigures.funnel(referrals)
        let rows = try #require(figure.table).rows
        #expect(rows.contains { $0[0] == Cell("Isle of Wight (off the chart's scale)") && $0[3] == Cell("2083.0") })
        #expect(ComparisonChartSVG.render(referrals).contains("Triangles: off the scale."))
        #expect(referrals.description.contains("Off the top of the scale"))
    }

    struct LabelBox {
        var text: String, x: Double, y: Double, width: Double, height: Double
        func intersects(_ o: LabelBox) -> Bool { x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height }
    }

    /// The labels drawn over the points (inside the aria-hidden group), with the box their
    /// text takes at the sizes the chart uses.
    static func labelBoxes(_ svg: String) -> [LabelBox] {
        let pattern = try! NSRegularExpression(pattern: ##"<text x="([\d.]+)" y="([\d.]+)"( font-weight="bold"| font-size="10") fill="#0B0C0C">([^<]+)</text>"##)
        let body = svg.components(separatedBy: "<g aria-hidden=\"true\">").dropFirst().joined()
        return pattern.matches(in: body, range: NSRange(body.startIndex..., in: body)).map { m in
            let g = { (i: Int) in String(body[Range(m.range(at: i), in: body)!]) }
            let bold = g(3).contains("bold")
            let text = g(4), h = bold ? 13.0 : 11.0
            return LabelBox(text: text, x: Double(g(1))!, y: Double(g(2))! + 2 - h, width: Double(text.count) * (bold ? 7.2 : 5.8), height: h)
        }
    }

    @Test func farOutValuesLeaveTheScale() {
        #expect(ComparisonChartBuilder.farOut([500, 510, 520, 530, 540, 550], keeping: [519]) == nil)
        let top = ComparisonChartBuilder.farOut([500, 510, 520, 530, 540, 550, 2083], keeping: [519])
        #expect(top.map { $0 > 550 && $0 < 700 } == true)
    }

}
