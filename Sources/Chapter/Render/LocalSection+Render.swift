import DisclosureControl
import Statistics

extension MarkdownRenderer {
    static func render(_ local: LocalSection) -> String {
        let e = Escape.markdown
        var s = "## \(e(local.title))\n\n" + local.summary.map(e).joined(separator: " ") + "\n\n"
        s += "![\(e(local.monthly.description))](charts/\(local.monthly.id).svg)\n\n"
        s += ChartTables.markdown("Values in the chart: \(local.monthly.title)", ["Month", "Referrals"], monthlyRows(local.monthly))
        for b in local.breakdowns {
            s += "*\(e(b.caption))*\n\n| Group | Referrals | Share |\n| --- | ---: | ---: |\n"
            for r in b.rows { s += "| \(e(r.label)) | \(e(r.count)) | \(e(r.percent)) |\n" }
            s += "\n"
        }
        if let r = local.reconciliation {
            s += "*\(e(r.caption))*\n\n| Year | Extract | DfE published | Difference |\n| --- | ---: | ---: | ---: |\n"
            for row in r.rows { s += "| \(e(row.period)) | \(e(row.extract)) | \(e(row.published)) | \(e(row.difference)) |\n" }
            s += "\n"
        }
        for note in local.notes { s += "*Note:* \(e(note))\n\n" }
        return s
    }
}

extension HTMLRenderer {
    static func render(_ local: LocalSection) -> String {
        let e = Escape.html
        var s = "<section aria-labelledby=\"local\">\n<h2 id=\"local\">\(e(local.title))</h2>\n<p>\(e(local.summary.joined(separator: " ")))</p>\n"
        s += "<figure>\n\(BarChartSVG.render(local.monthly))<figcaption>\(e(local.monthly.description))</figcaption>\n</figure>\n"
        s += ChartTables.html("Values in the chart: \(local.monthly.title)", ["Month", "Referrals"], monthlyRows(local.monthly))
        for b in local.breakdowns {
            s += "<table>\n<caption>\(e(b.caption))</caption>\n<thead><tr><th scope=\"col\">Group</th><th scope=\"col\" class=\"num\">Referrals</th><th scope=\"col\" class=\"num\">Share</th></tr></thead>\n<tbody>\n"
            for r in b.rows { s += "<tr><th scope=\"row\">\(e(r.label))</th><td class=\"num\">\(e(r.count))</td><td class=\"num\">\(e(r.percent))</td></tr>\n" }
            s += "</tbody>\n</table>\n"
        }
        if let r = local.reconciliation {
            s += "<table>\n<caption>\(e(r.caption))</caption>\n<thead><tr><th scope=\"col\">Year</th><th scope=\"col\" class=\"num\">Extract</th><th scope=\"col\" class=\"num\">DfE published</th><th scope=\"col\" class=\"num\">Difference</th></tr></thead>\n<tbody>\n"
            for row in r.rows {
                s += "<tr><th scope=\"row\">\(e(row.period))</th><td class=\"num\">\(e(row.extract))</td><td class=\"num\">\(e(row.published))</td><td class=\"num\">\(e(row.difference))</td></tr>\n"
            }
            s += "</tbody>\n</table>\n"
        }
        for note in local.notes { s += "<p class=\"note\"><strong>Note:</strong> \(e(note))</p>\n" }
        return s + "</section>\n"
    }
}

/// The monthly chart's values, suppressed months as c.
func monthlyRows(_ chart: BarChart) -> [[String]] {
    zip(chart.labels, chart.values).map { [$0, $1.map { Rounding.grouped(Double($0), places: 0) } ?? CountTable.symbol] }
}
