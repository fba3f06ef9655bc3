import Document
import ReportModel
import Statistics

/// Hand-made SVG bar chart of counts: titled, described, labelled axes; suppressed bars
/// are drawn as gaps marked "c".
public enum BarChartSVG {
    public static func render(_ chart: BarChart) -> String {
        let n = SVG.n
        let width = 640.0, height = 320.0, left = 70.0, right = 20.0, top = 40.0, bottom = 70.0
        let plotW = width - left - right, plotH = height - top - bottom
        let (maxY, step) = SVG.niceScale(Double(chart.values.compactMap { $0 }.max() ?? 1))
        let slot = plotW / Double(max(chart.labels.count, 1))
        let y = { (v: Double) in top + plotH * (1 - v / maxY) }
        var s = SVG.open(id: chart.id, title: chart.title, description: chart.description, width: width, height: height, titleAt: (left, 22, 15))
        s += SVG.grid(maximum: maxY, step: step, from: left, to: width - right, y: y)
        s += SVG.axisLabel(chart.axisLabel, middle: top + plotH / 2) + "<g aria-hidden=\"true\">\n"
        for (i, label) in chart.labels.enumerated() {
            let x = left + slot * Double(i)
            if let v = chart.values[i] {
                let h = plotH * Double(v) / maxY
                s += "<rect x=\"\(n(x + slot * 0.15))\" y=\"\(n(top + plotH - h))\" width=\"\(n(slot * 0.7))\" height=\"\(n(h))\" fill=\"#12436D\"/>\n"
            } else {
                s += "<text x=\"\(n(x + slot / 2))\" y=\"\(n(top + plotH - 4))\" text-anchor=\"middle\" fill=\"#0B0C0C\">c</text>\n"
            }
            s += "<text transform=\"translate(\(n(x + slot / 2)) \(n(top + plotH + 12))) rotate(-45)\" text-anchor=\"end\" fill=\"#0B0C0C\">\(Escape.html(label))</text>\n"
        }
        return s + "</g>\n</svg>\n"
    }
}
