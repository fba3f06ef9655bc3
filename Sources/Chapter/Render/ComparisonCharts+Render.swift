import Statistics

/// The data tables that stand next to the comparison charts, in Markdown and HTML.
enum ChartTables {
    static func neighbourRows(_ c: NeighbourChart) -> [[String]] {
        c.bars.map { [$0.isAuthority ? "\($0.name) (this authority)" : $0.name, $0.value.map { Rounding.format($0, places: c.decimals) } ?? $0.symbol] }
            + [c.neighbourMean.map { ["Neighbours' average", Rounding.format($0, places: c.decimals)] }, c.england.map { ["England", Rounding.format($0, places: c.decimals)] }].compactMap { $0 }
    }

    static func funnelRows(_ c: FunnelChart) -> [[String]] {
        c.points.filter { $0.role != .other }.sorted { ($0.role == .authority ? 0 : 1, $0.name) < ($1.role == .authority ? 0 : 1, $1.name) }.map {
            [$0.role == .authority ? "\($0.name) (this authority)" : $0.name, Rounding.grouped($0.children, places: 0), Rounding.format($0.rate, places: c.decimals), $0.position]
        }
    }

    static func spineRows(_ c: SpineChart) -> [[String]] {
        c.rows.map { r in
            let f = { (x: Double) in Rounding.format(x, places: r.decimals) }
            return [r.title, f(r.value), r.england.map(f) ?? "–", r.versusEngland, f(r.lowest), f(r.q1), f(r.median), f(r.q3), f(r.highest)]
        }
    }

    static let spineHeader = ["Indicator", "This authority", "England", "Compared with England", "Lowest", "Lower quartile", "Median", "Upper quartile", "Highest"]

    static func markdown(_ caption: String, _ header: [String], _ rows: [[String]]) -> String {
        let e = Escape.markdown
        var s = "*\(e(caption))*\n\n| " + header.map(e).joined(separator: " | ") + " |\n|" + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined() + "\n"
        for r in rows { s += "| " + r.map(e).joined(separator: " | ") + " |\n" }
        return s + "\n"
    }

    static func html(_ caption: String, _ header: [String], _ rows: [[String]]) -> String {
        let e = Escape.html
        var s = "<table>\n<caption>\(e(caption))</caption>\n<thead><tr>" + header.enumerated().map { "<th scope=\"col\"\($0.offset == 0 ? "" : " class=\"num\"")>\(e($0.element))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for r in rows {
            s += "<tr><th scope=\"row\">\(e(r[0]))</th>" + r.dropFirst().map { "<td class=\"num\">\(e($0))</td>" }.joined() + "</tr>\n"
        }
        return s + "</tbody>\n</table>\n"
    }
}

extension IndicatorSection {
    /// Extra charts with their tables, as Markdown (charts referenced as files).
    var comparisonMarkdown: String {
        let e = Escape.markdown
        var s = ""
        if let c = neighbourChart {
            s += "![\(e(c.description))](charts/\(c.id).svg)\n\n" + ChartTables.markdown("Values in the chart: \(c.title)", ["Area", "Value"], ChartTables.neighbourRows(c))
        }
        if let f = funnel {
            s += "![\(e(f.description))](charts/\(f.id).svg)\n\n" + ChartTables.markdown("Funnel plot: this authority and its neighbours", ["Area", "Children", "Rate", "Position"], ChartTables.funnelRows(f))
        }
        return s
    }

    /// Extra charts inline with their tables, as HTML.
    var comparisonHTML: String {
        var s = ""
        if let c = neighbourChart {
            s += "<figure>\n\(ComparisonChartSVG.render(c))<figcaption>\(Escape.html(c.description))</figcaption>\n</figure>\n"
            s += ChartTables.html("Values in the chart: \(c.title)", ["Area", "Value"], ChartTables.neighbourRows(c))
        }
        if let f = funnel {
            s += "<figure>\n\(ComparisonChartSVG.render(f))<figcaption>\(Escape.html(f.description))</figcaption>\n</figure>\n"
            s += ChartTables.html("Funnel plot: this authority and its neighbours", ["Area", "Children", "Rate", "Position"], ChartTables.funnelRows(f))
        }
        return s
    }
}
