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
            Self.expectNoLabelOnAMarker(svg, "\(section.id)")
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

    /// Issue 28: the funnel's "Bolton" label sat on Coventry's marker. No label may cover
    /// any point's marker (its own is beside it, never under it); the demo's funnels too.
    @Test func labelsNeverSitOnAMarker() throws {
        let chapter = try DemoChapter.model()
        var checked = 0
        for section in chapter.sections {
            guard let funnel = section.funnel else { continue }
            Self.expectNoLabelOnAMarker(ComparisonChartSVG.render(funnel), "\(section.id)")
            checked += 1
        }
        #expect(checked > 10)
    }

    static func expectNoLabelOnAMarker(_ svg: String, _ what: String) {
        let markers = Self.markerBoxes(svg)
        #expect(!markers.isEmpty)
        for label in Self.labelBoxes(svg) {
            for m in markers where label.intersects(m) { Issue.record("\(what): the label \(label.text) covers a marker at (\(m.x), \(m.y))") }
        }
    }

    /// Every point's marker as drawn: dots and the subject's circle, neighbours' squares,
    /// and the triangles at the top edge.
    static func markerBoxes(_ svg: String) -> [LabelBox] {
        let body = svg.components(separatedBy: "<g aria-hidden=\"true\">").dropFirst().joined()
        let circle = try! NSRegularExpression(pattern: ##"<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)""##)
        let square = try! NSRegularExpression(pattern: ##"<rect x="([\d.]+)" y="([\d.]+)" width="8" height="8""##)
        let triangle = try! NSRegularExpression(pattern: ##"<path d="M([\d.]+) ([\d.]+)L"##)
        let range = NSRange(body.startIndex..., in: body)
        let number = { (m: NSTextCheckingResult, i: Int) in Double(body[Range(m.range(at: i), in: body)!])! }
        return circle.matches(in: body, range: range).map { m in
            let r = number(m, 3)
            return LabelBox(text: "", x: number(m, 1) - r, y: number(m, 2) - r, width: 2 * r, height: 2 * r)
        } + square.matches(in: body, range: range).map { LabelBox(text: "", x: number($0, 1), y: number($0, 2), width: 8, height: 8) }
            + triangle.matches(in: body, range: range).map { LabelBox(text: "", x: number($0, 1) - 5, y: number($0, 2), width: 10, height: 9) }
    }

    @Test func farOutValuesLeaveTheScale() {
        #expect(ComparisonChartBuilder.farOut([500, 510, 520, 530, 540, 550], keeping: [519]) == nil)
        let top = ComparisonChartBuilder.farOut([500, 510, 520, 530, 540, 550, 2083], keeping: [519])
        #expect(top.map { $0 > 550 && $0 < 700 } == true)
    }

}
