import Document
import Statistics

/// What every chart shares: the opening `<svg>` with its title and description (read
/// by screen readers through `aria-labelledby`), the white background, the visible title,
/// horizontal gridlines with value labels, a rotated axis label, round axis scales and
/// stable number formatting (so golden files compare byte for byte).
enum SVG {
    static let ink = "#0B0C0C", blue = "#12436D", turquoise = "#28A197", pink = "#801650", grey = "#505A5F"

    /// The preamble: `<svg role="img">`, `<title>`, `<desc>`, background and visible title.
    static func open(id: String, title: String, description: String, width: Double, height: Double,
                     fontSize: Int = 12, titleAt: (x: Double, y: Double, size: Int) = (10, 20, 14)) -> String {
        let t = "chart-\(id)-title", d = "chart-\(id)-desc"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-labelledby=\"\(t) \(d)\" font-family=\"Arial, 'Liberation Sans', Helvetica, sans-serif\" font-size=\"\(fontSize)\">\n"
            + "<title id=\"\(t)\">\(Escape.html(title))</title>\n<desc id=\"\(d)\">\(Escape.html(description))</desc>\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#FFFFFF\"/>\n"
            + "<text x=\"\(n(titleAt.x))\" y=\"\(n(titleAt.y))\" font-size=\"\(titleAt.size)\" font-weight=\"bold\" fill=\"\(ink)\">\(Escape.html(title))</text>\n"
    }

    /// Gridlines from 0 to `maximum` every `step`, each labelled at the left.
    static func grid(maximum: Double, step: Double, from left: Double, to right: Double, y: (Double) -> Double,
                     stroke: String = "#B1B4B6", places: Int = 0) -> String {
        var s = "", tick = 0.0
        while tick <= maximum + step / 1000 {
            s += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(right))\" y2=\"\(n(y(tick)))\" stroke=\"\(stroke)\" stroke-width=\"1\"/>\n"
            s += "<text x=\"\(n(left - 8))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\" fill=\"\(ink)\">\(Rounding.grouped(tick, places: places))</text>\n"
            tick += step
        }
        return s
    }

    /// The value axis's label, rotated, centred on the plot's height.
    static func axisLabel(_ text: String, middle: Double) -> String {
        "<text transform=\"translate(16 \(n(middle))) rotate(-90)\" text-anchor=\"middle\" fill=\"\(ink)\">\(Escape.html(text))</text>\n"
    }

    /// A round axis maximum and step (1, 2 or 5 × 10^k), about five gridlines.
    static func niceScale(_ maximum: Double) -> (Double, Double) {
        let target = max(maximum, 1e-9) * 1.05
        var magnitude = 1.0
        while magnitude * 10 <= target / 5 { magnitude *= 10 }
        while magnitude > target / 5 { magnitude /= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where magnitude * m * 5 >= target {
            let step = magnitude * m
            return ((target / step).rounded(.up) * step, step)
        }
        return (magnitude * 50, magnitude * 10)
    }

    /// Coordinates to one decimal place, trailing ".0" dropped: stable text for golden files.
    static func n(_ v: Double) -> String {
        let t = Rounding.format(v, places: 1)
        return t.hasSuffix(".0") ? String(t.dropLast(2)) : t
    }
}
