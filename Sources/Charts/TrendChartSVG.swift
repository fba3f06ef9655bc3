import Document
import ReportModel
import Statistics

/// Hand-made SVG line chart: titled, described, labelled axes, and series told apart by
/// line pattern and marker shape as well as colour (Government Analysis Function palette).
public enum TrendChartSVG {
    static let palette = ["#12436D", "#28A197", "#801650", "#3D3D3D"]
    static let dashes = ["", "8 4", "2 3", "12 4 2 4"]
    static let width = 640.0, height = 382.0
    static let left = 70.0, right = 20.0, top = 40.0, bottom = 122.0

    public static func render(_ chart: TrendChart) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        let all = chart.series.flatMap { $0.values.compactMap { $0 } } + chart.band.compactMap { $0?.upperBound }
        let (maxY, step) = SVG.niceScale(all.max() ?? 1)
        let inset = 36.0  // keeps the first and last period labels inside the picture
        let x = { (i: Int) -> Double in
            chart.periods.count == 1 ? left + plotW / 2 : left + inset + (plotW - 2 * inset) * Double(i) / Double(chart.periods.count - 1)
        }
        let y = { (v: Double) -> Double in top + plotH * (1 - v / maxY) }
        var s = SVG.open(id: chart.id, title: chart.title, description: chart.description, width: width, height: height,
                         fontSize: 13, titleAt: (left, 22, 15))
        s += SVG.grid(maximum: maxY, step: step, from: left, to: width - right, y: y, places: step < 1 ? 1 : 0)
        for (i, p) in chart.periods.enumerated() {
            s += "<text x=\"\(n(x(i)))\" y=\"\(n(top + plotH + 20))\" text-anchor=\"middle\" fill=\"#0B0C0C\">\(Escape.html(p))</text>\n"
        }
        s += SVG.axisLabel(chart.axisLabel, middle: top + plotH / 2)
        s += band(chart.band, x: x, y: y)
        for (k, series) in chart.series.enumerated() {
            s += line(series, style: k, x: x, y: y)
        }
        s += legend(chart, top: top + plotH + 40)
        s += "</svg>\n"
        return s
    }

    static func line(_ series: TrendChart.Series, style k: Int, x: (Int) -> Double, y: (Double) -> Double) -> String {
        let colour = palette[k % palette.count]
        var s = "<g aria-hidden=\"true\">\n"
        var segment: [String] = []
        func flush() {
            if segment.count > 1 {
                let dash = dashes[k % dashes.count].isEmpty ? "" : " stroke-dasharray=\"\(dashes[k % dashes.count])\""
                s += "<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(k == 0 ? 3 : 2)\"\(dash)/>\n"
            }
            segment = []
        }
        for (i, v) in series.values.enumerated() {
            guard let v else { flush(); continue }
            segment.append("\(n(x(i))),\(n(y(v)))")
        }
        flush()
        for (i, v) in series.values.enumerated() {
            if let v { s += marker(k, x: x(i), y: y(v), colour: colour) }
        }
        return s + "</g>\n"
    }

    /// The 95% interval as a shaded band behind the authority's line (broken where missing).
    static func band(_ band: [ClosedRange<Double>?], x: (Int) -> Double, y: (Double) -> Double) -> String {
        var s = ""
        var run: [(Int, ClosedRange<Double>)] = []
        func flush() {
            if run.count > 1 {
                let upper = run.map { "\(n(x($0.0))),\(n(y($0.1.upperBound)))" }
                let lower = run.reversed().map { "\(n(x($0.0))),\(n(y($0.1.lowerBound)))" }
                s += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#12436D\" fill-opacity=\"0.15\" stroke=\"none\" aria-hidden=\"true\"/>\n"
            }
            run = []
        }
        for (i, r) in band.enumerated() {
            if let r { run.append((i, r)) } else { flush() }
        }
        flush()
        return s
    }

    static func marker(_ k: Int, x: Double, y: Double, colour: String) -> String {
        switch k % 4 {
        case 0: return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"5\" fill=\"\(colour)\"/>\n"
        case 1: return "<rect x=\"\(n(x - 4.5))\" y=\"\(n(y - 4.5))\" width=\"9\" height=\"9\" fill=\"\(colour)\"/>\n"
        case 2: return "<path d=\"M\(n(x)) \(n(y - 6))L\(n(x + 6)) \(n(y + 5))L\(n(x - 6)) \(n(y + 5))Z\" fill=\"\(colour)\"/>\n"
        default: return "<path d=\"M\(n(x)) \(n(y - 6))L\(n(x + 6)) \(n(y))L\(n(x)) \(n(y + 6))L\(n(x - 6)) \(n(y))Z\" fill=\"#FFFFFF\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
        }
    }

    static func legend(_ chart: TrendChart, top: Double) -> String {
        var s = "<g>\n"
        for (k, series) in chart.series.enumerated() {
            let lx = left + Double(k % 2) * 280, ly = top + Double(k / 2) * 22
            let colour = palette[k % palette.count]
            let dash = dashes[k % dashes.count].isEmpty ? "" : " stroke-dasharray=\"\(dashes[k % dashes.count])\""
            s += "<line x1=\"\(n(lx))\" y1=\"\(n(ly))\" x2=\"\(n(lx + 36))\" y2=\"\(n(ly))\" stroke=\"\(colour)\" stroke-width=\"\(k == 0 ? 3 : 2)\"\(dash)/>\n"
            s += marker(k, x: lx + 18, y: ly, colour: colour)
            s += "<text x=\"\(n(lx + 44))\" y=\"\(n(ly + 4))\" fill=\"#0B0C0C\">\(Escape.html(series.name))</text>\n"
        }
        if chart.band.contains(where: { $0 != nil }) {
            let ly = top + Double((chart.series.count + 1) / 2) * 22
            s += "<rect x=\"\(n(left))\" y=\"\(n(ly - 7))\" width=\"36\" height=\"14\" fill=\"#12436D\" fill-opacity=\"0.15\"/>\n"
            s += "<text x=\"\(n(left + 44))\" y=\"\(n(ly + 4))\" fill=\"#0B0C0C\">\(Escape.html(chart.series[0].name)): 95% confidence interval</text>\n"
        }
        return s + "</g>\n"
    }

    static let n = SVG.n
}
