import Document
import ReportModel
import Statistics

/// Hand-made SVG for the neighbour bars, the funnel plot and the spine chart. Each has a
/// title and description; nothing is told by colour alone (labels, line patterns, shapes).
public enum ComparisonChartSVG {
    static let n = SVG.n
    static let ink = SVG.ink, blue = SVG.blue, turquoise = SVG.turquoise, pink = SVG.pink, grey = SVG.grey

    static func open(_ id: String, _ title: String, _ desc: String, width: Double, height: Double) -> String {
        SVG.open(id: id, title: title, description: desc, width: width, height: height)
    }

    public static func render(_ c: NeighbourChart) -> String {
        let width = 640.0, labelW = 200.0, top = 50.0, barH = 22.0, right = 70.0
        let height = top + barH * Double(c.bars.count) + 50
        let (maxX, _) = SVG.niceScale(([c.england, c.neighbourMean] + c.bars.map(\.value)).compactMap { $0 }.max() ?? 1)
        let x = { (v: Double) in labelW + (width - labelW - right) * v / maxX }
        var s = open(c.id, c.title, c.description, width: width, height: height)
        s += "<g aria-hidden=\"true\">\n"
        let references = [c.england, c.neighbourMean].compactMap { $0 }
        for (i, bar) in c.bars.enumerated() {
            let y = top + barH * Double(i)
            let name = bar.isAuthority ? "\(bar.name) (\(c.subjectLabel))" : bar.name
            s += "<text x=\"\(n(labelW - 8))\" y=\"\(n(y + 15))\" text-anchor=\"end\" fill=\"\(ink)\"\(bar.isAuthority ? " font-weight=\"bold\"" : "")>\(Escape.html(name))</text>\n"
            if let v = bar.value {
                s += "<rect x=\"\(n(labelW))\" y=\"\(n(y + 3))\" width=\"\(n(x(v) - labelW))\" height=\"\(n(barH - 6))\" fill=\"\(bar.isAuthority ? blue : turquoise)\"/>\n"
                let text = Rounding.format(v, places: c.decimals)
                let at = valueLabelX(barEnd: x(v), width: textWidth(text), lines: references.map { x($0) })
                s += "<text x=\"\(n(at))\" y=\"\(n(y + 15))\" fill=\"\(ink)\">\(text)</text>\n"
            } else {
                s += "<text x=\"\(n(labelW + 4))\" y=\"\(n(y + 15))\" fill=\"\(ink)\">\(Escape.html(bar.symbol)) (no figure)</text>\n"
            }
        }
        let bottom = top + barH * Double(c.bars.count)
        for (value, label, colour, dash, dy) in [(c.england, "England", ink, "6 3", 14.0), (c.neighbourMean, "Neighbours' average", pink, "2 2", 28.0)] {
            guard let value else { continue }
            s += "<line x1=\"\(n(x(value)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(value)))\" y2=\"\(n(bottom + 4))\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-dasharray=\"\(dash)\"/>\n"
            s += "<text x=\"\(n(x(value)))\" y=\"\(n(bottom + dy))\" text-anchor=\"middle\" fill=\"\(colour)\">\(label) \(Rounding.format(value, places: c.decimals))</text>\n"
        }
        s += "<text x=\"\(n(labelW))\" y=\"\(n(top - 10))\" fill=\"\(grey)\">\(Escape.html(c.axisLabel))</text>\n"
        return s + "</g>\n</svg>\n"
    }

    /// Where a bar's value label starts: just after the bar, or, when a reference line
    /// (England, the neighbours' average) would cross it, just past that line, so no line
    /// ever strikes through a number.
    static func valueLabelX(barEnd: Double, width: Double, lines: [Double]) -> Double {
        var at = barEnd + 4
        var moved = true
        while moved {
            moved = false
            for line in lines.sorted() where line >= at - 2 && line <= at + width + 2 {
                at = line + 4
                moved = true
            }
        }
        return at
    }

    /// The width of a value label at 13 px (figures are about 7.2 px wide).
    static func textWidth(_ text: String) -> Double { Double(text.count) * 7.2 }

    public static func render(_ c: FunnelChart) -> String {
        let width = 640.0, height = 430.0, left = 70.0, right = 30.0, top = 40.0, bottom = 90.0
        let plotW = width - left - right, plotH = height - top - bottom
        // The scale follows the authorities (limit curves are clipped at the edge), and
        // leaves out far-out ones, which are marked at the top edge.
        let top0 = c.axisMaximum ?? ((c.points.map(\.rate) + [c.target]).max() ?? 1) * 1.1
        let (maxY, stepY) = SVG.niceScale(top0)
        let (maxX, stepX) = SVG.niceScale(c.limits.last?.0 ?? 1)
        let x = { (v: Double) in left + plotW * v / maxX }
        let y = { (v: Double) in top + plotH * (1 - min(v, maxY) / maxY) }
        var s = open(c.id, c.title, c.description, width: width, height: height)
        s += SVG.grid(maximum: maxY, step: stepY, from: left, to: width - right, y: y, stroke: "#DDDDDD")
        var tick = 0.0
        while tick <= maxX + stepX / 1000 {
            s += "<text x=\"\(n(x(tick)))\" y=\"\(n(top + plotH + 16))\" text-anchor=\"middle\" fill=\"\(ink)\">\(Rounding.grouped(tick, places: 0))</text>\n"
            tick += stepX
        }
        s += "<text x=\"\(n(left + plotW / 2))\" y=\"\(n(top + plotH + 34))\" text-anchor=\"middle\" fill=\"\(ink)\">\(c.sizeLabel == "Children" ? "Children aged 0 to 17" : Escape.html(c.sizeLabel))</text>\n"
        s += SVG.axisLabel(c.axisLabel, middle: top + plotH / 2) + "<g aria-hidden=\"true\">\n"
        typealias Curve = [(Double, Double, Double, Double, Double)]
        func path(_ curve: Curve, _ pick: ((Double, Double, Double, Double, Double)) -> Double) -> String {
            curve.map { "\(n(x($0.0))),\(n(y(pick($0))))" }.joined(separator: " ")
        }
        // Chance alone (Poisson) in light grey; allowing for variation between authorities in pink.
        for (curve, colour, width) in [(c.limits, "#B1B4B6", "1"), (c.adjusted, pink, "1.75")] where !curve.isEmpty {
            for (pick, dash) in [({ (l: (Double, Double, Double, Double, Double)) in l.1 }, "6 3"), ({ $0.2 }, "6 3"), ({ $0.3 }, "2 2"), ({ $0.4 }, "2 2")] {
                s += "<polyline points=\"\(path(curve, pick))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(width)\" stroke-dasharray=\"\(dash)\"/>\n"
            }
        }
        s += "<line x1=\"\(n(left))\" y1=\"\(n(y(c.target)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(c.target)))\" stroke=\"\(ink)\" stroke-width=\"1.5\"/>\n"
        for p in c.points {
            let cx = x(p.children), cy = y(p.rate)
            if p.rate > (c.axisMaximum ?? maxY) {
                // Off the scale: an upward triangle on the top edge (the value is in the table).
                s += "<path d=\"M\(n(cx)) \(n(top - 2))L\(n(cx + 5)) \(n(top + 7))L\(n(cx - 5)) \(n(top + 7))Z\" fill=\"\(p.role == .authority ? blue : p.role == .neighbour ? turquoise : grey)\" stroke=\"\(ink)\" stroke-width=\"0.5\"/>\n"
                continue
            }
            switch p.role {
            case .other:
                s += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"2.5\" fill=\"\(grey)\"/>\n"
            case .neighbour:
                s += "<rect x=\"\(n(cx - 4))\" y=\"\(n(cy - 4))\" width=\"8\" height=\"8\" fill=\"\(turquoise)\" stroke=\"\(ink)\" stroke-width=\"0.5\"/>\n"
            case .authority:
                s += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"6\" fill=\"\(blue)\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>\n"
            }
        }
        for label in FunnelLabels.layout(c.points, at: { p in (x(p.children), p.rate > (c.axisMaximum ?? maxY) ? nil : y(p.rate)) },
                                         top: top, plot: (left, top, width - right, top + plotH)) {
            let bold = label.point.role == .authority
            if let from = label.leaderFrom, let to = label.leaderTo {
                s += "<line x1=\"\(n(from.x))\" y1=\"\(n(from.y))\" x2=\"\(n(to.x))\" y2=\"\(n(to.y))\" stroke=\"\(ink)\" stroke-width=\"0.75\"/>\n"
            }
            s += "<text x=\"\(n(label.box.x))\" y=\"\(n(label.box.y + label.box.height - 2))\"\(bold ? " font-weight=\"bold\"" : " font-size=\"10\"") fill=\"\(ink)\">\(Escape.html(label.point.name))</text>\n"
        }
        s += "</g>\n<g>\n<text x=\"\(n(left))\" y=\"\(n(height - 34))\" font-size=\"11\" fill=\"\(ink)\">Solid line: England's \(c.sizeLabel == "Children" ? "rate" : "percentage"). Dashed: 95% limits. Dotted: 99.8% limits.</text>\n"
        s += "<text x=\"\(n(left))\" y=\"\(n(height - 20))\" font-size=\"11\" fill=\"\(ink)\">\(c.adjusted.isEmpty ? "Grey: limits for chance alone." : "Pink: limits allowing for variation between authorities. Light grey: chance alone.")</text>\n"
        s += "<text x=\"\(n(left))\" y=\"\(n(height - 6))\" font-size=\"11\" fill=\"\(ink)\">Squares: statistical neighbours. Large circle: \(Escape.html(c.subjectLabel)). Dots: other authorities.\(c.points.contains { $0.rate > (c.axisMaximum ?? maxY) } ? " Triangles: off the scale." : "")</text>\n</g>\n"
        return s + "</svg>\n"
    }

    public static func render(_ c: SpineChart) -> String {
        let width = 760.0, labelW = 370.0, right = 20.0, top = 46.0, rowH = 26.0
        let height = top + rowH * Double(c.rows.count) + 20
        var s = open("spine", c.title, c.description, width: width, height: height)
        s += "<text x=\"\(n(labelW))\" y=\"\(n(top - 8))\" fill=\"\(grey)\">Lowest authority</text>\n<text x=\"\(n(width - right))\" y=\"\(n(top - 8))\" text-anchor=\"end\" fill=\"\(grey)\">Highest authority</text>\n<g aria-hidden=\"true\">\n"
        for (i, r) in c.rows.enumerated() {
            let y = top + rowH * Double(i) + rowH / 2
            let span = max(r.highest - r.lowest, 1e-9)
            let x = { (v: Double) in labelW + (width - labelW - right) * (min(max(v, r.lowest), r.highest) - r.lowest) / span }
            s += "<text x=\"\(n(labelW - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\" fill=\"\(ink)\">\(Escape.html(r.title))</text>\n"
            s += "<line x1=\"\(n(x(r.lowest)))\" y1=\"\(n(y))\" x2=\"\(n(x(r.highest)))\" y2=\"\(n(y))\" stroke=\"\(grey)\" stroke-width=\"1\"/>\n"
            s += "<rect x=\"\(n(x(r.q1)))\" y=\"\(n(y - 7))\" width=\"\(n(max(x(r.q3) - x(r.q1), 1)))\" height=\"14\" fill=\"#DDDDDD\" stroke=\"\(grey)\" stroke-width=\"0.5\"/>\n"
            if let e = r.england {
                s += "<line x1=\"\(n(x(e)))\" y1=\"\(n(y - 10))\" x2=\"\(n(x(e)))\" y2=\"\(n(y + 10))\" stroke=\"\(ink)\" stroke-width=\"2.5\"/>\n"
            }
            let cx = x(r.value)
            switch r.verdict.england.significance {
            case .higher?: s += "<path d=\"M\(n(cx)) \(n(y - 7))L\(n(cx + 7)) \(n(y + 6))L\(n(cx - 7)) \(n(y + 6))Z\" fill=\"\(blue)\"/>\n"
            case .lower?: s += "<path d=\"M\(n(cx)) \(n(y + 7))L\(n(cx + 7)) \(n(y - 6))L\(n(cx - 7)) \(n(y - 6))Z\" fill=\"\(blue)\"/>\n"
            case .similar?: s += "<circle cx=\"\(n(cx))\" cy=\"\(n(y))\" r=\"6\" fill=\"#FFFFFF\" stroke=\"\(blue)\" stroke-width=\"2.5\"/>\n"
            case nil: s += "<path d=\"M\(n(cx)) \(n(y - 7))L\(n(cx + 7)) \(n(y))L\(n(cx)) \(n(y + 7))L\(n(cx - 7)) \(n(y))Z\" fill=\"\(grey)\"/>\n"
            }
        }
        return s + "</g>\n</svg>\n"
    }
}
