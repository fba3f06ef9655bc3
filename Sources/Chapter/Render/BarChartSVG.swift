import Statistics

/// Hand-made SVG bar chart of counts: titled, described, labelled axes; suppressed bars
/// are drawn as gaps marked "c".
public enum BarChartSVG {
    public static func render(_ chart: BarChart) -> String {
        let n = TrendChartSVG.n
        let width = 640.0, height = 320.0, left = 70.0, right = 20.0, top = 40.0, bottom = 70.0
        let plotW = width - left - right, plotH = height - top - bottom
        let (maxY, step) = TrendChartSVG.niceScale(Double(chart.values.compactMap { $0 }.max() ?? 1))
        let slot = plotW / Double(max(chart.labels.count, 1))
        let titleID = "chart-\(chart.id)-title", descID = "chart-\(chart.id)-desc"
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\">\n"
        s += "<title id=\"\(titleID)\">\(Escape.html(chart.title))</title>\n<desc id=\"\(descID)\">\(Escape.html(chart.description))</desc>\n"
        s += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#FFFFFF\"/>\n"
        s += "<text x=\"\(n(left))\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"#0B0C0C\">\(Escape.html(chart.title))</text>\n"
        var tick = 0.0
        while tick <= maxY + step / 1000 {
            let y = top + plotH * (1 - tick / maxY)
            s += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - right))\" y2=\"\(n(y))\" stroke=\"#B1B4B6\" stroke-width=\"1\"/>\n"
            s += "<text x=\"\(n(left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\" fill=\"#0B0C0C\">\(Rounding.grouped(tick, places: 0))</text>\n"
            tick += step
        }
        s += "<text transform=\"translate(16 \(n(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"#0B0C0C\">\(Escape.html(chart.axisLabel))</text>\n<g aria-hidden=\"true\">\n"
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
