import DisclosureControl
import Statistics

extension MarkdownRenderer {
    static func render(_ local: LocalSection) -> String {
        let e = Escape.markdown
        var s = "## \(e(local.title))\n\n" + local.summary.map(e).joined(separator: " ") + "\n\n"
        s += "![\(e(local.monthly.description))](charts/\(local.monthly.id).svg)\n\n"
        s += ChartTables.markdown("Values in the chart: \(local.monthly.title)", ["Month", "Referrals"], monthlyRows(local.monthly))
        for b in local.breakdowns { s += ChartTables.markdown(b.caption, LocalSection.breakdownHeader, b.tableRows) }
        if let r = local.reconciliation { s += ChartTables.markdown(r.caption, LocalSection.reconciliationHeader, r.tableRows) }
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
        for b in local.breakdowns { s += ChartTables.html(b.caption, LocalSection.breakdownHeader, b.tableRows) }
        if let r = local.reconciliation { s += ChartTables.html(r.caption, LocalSection.reconciliationHeader, r.tableRows) }
        for note in local.notes { s += "<p class=\"note\"><strong>Note:</strong> \(e(note))</p>\n" }
        return s + "</section>\n"
    }
}

/// The monthly chart's values, suppressed months as c.
func monthlyRows(_ chart: BarChart) -> [[String]] {
    zip(chart.labels, chart.values).map { [$0, $1.map { Rounding.grouped(Double($0), places: 0) } ?? CountTable.symbol] }
}

extension LocalSection {
    static let breakdownHeader = ["Group", "Referrals", "Share"]
    static let reconciliationHeader = ["Year", "Extract", "DfE published", "Difference"]
}

extension LocalSection.Breakdown {
    var tableRows: [[String]] { rows.map { [$0.label, $0.count, $0.percent] } }
}

extension LocalSection.Reconciliation {
    var tableRows: [[String]] { rows.map { [$0.period, $0.extract, $0.published, $0.difference] } }
}
