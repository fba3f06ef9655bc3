import Statistics

/// The values an analyst's template can name, built from the chapter model.
///
///     {{authority.name}}  {{period}}  {{indicator.referrals_rate.sentence}}
///     {{{chart.referrals_rate.trend}}}  {{{table.sn_comparison}}}  {{{key_messages}}}
///
/// Text values are escaped by Mustache's `{{…}}`; HTML blocks (charts, tables) are meant
/// for `{{{…}}}` and are built by jsna with every data-derived string already escaped.
enum TemplateContext {
    static func make(_ model: ChapterModel) -> [String: Any] {
        var indicators: [String: Any] = [:]
        var charts: [String: Any] = [:]
        var tables: [String: Any] = [:]
        for s in model.sections {
            indicators[s.id] = [
                "title": s.title, "sentence": s.sentence, "details": s.details.joined(separator: " "),
                "notes": s.notes.joined(separator: " "),
            ]
            var chart: [String: String] = ["trend": block(TrendChartSVG.render(s.chart))]
            if let c = s.neighbourChart { chart["neighbours"] = block(ComparisonChartSVG.render(c)) }
            if let f = s.funnel { chart["funnel"] = block(ComparisonChartSVG.render(f)) }
            charts[s.id] = chart
            tables[s.id] = ["trend": block(HTMLRenderer.table(s.table))]
        }
        if let spine = model.spine { charts["spine"] = block(ComparisonChartSVG.render(spine)) }
        tables["sn_comparison"] = block(snComparison(model))
        var context: [String: Any] = [
            "authority": ["name": model.authority.name, "old_code": model.authority.oldCode, "new_code": model.authority.newCode,
                          "region": model.authority.regionName],
            "period": model.period, "year": model.year, "title": model.title,
            "neighbours": model.neighbourNames.joined(separator: ", "), "sn_model": model.neighbourModel,
            "indicator": indicators, "chart": charts, "table": tables,
            "key_messages": markdownList(model.keyMessages), "summary": markdownList(model.sections.map(\.sentence)),
            "data_notes": markdownList(model.dataNotes),
            "methods": markdownList(model.methods.map { "**\(Escape.markdown($0.term))**: \(Escape.markdown($0.explanation))" }, escaped: true),
            "sources": block(HTMLRenderer.sourcesTable(model)),
            "synthetic": model.isSynthetic,
        ]
        // Always present, so templates validate with or without an extract; test has_local.
        context["has_local"] = model.local != nil
        context["local"] = [
            "section": model.local.map { block(HTMLRenderer.render($0)) } ?? "",
            "summary": model.local.map { $0.summary.joined(separator: " ") } ?? "",
        ]
        return context
    }

    /// HTML kept as one Markdown HTML block: no blank lines inside, blank lines around.
    static func block(_ html: String) -> String {
        "\n" + html.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n") + "\n"
    }

    static func markdownList(_ items: [String], escaped: Bool = false) -> String {
        items.map { "- " + (escaped ? $0 : Escape.markdown($0)) }.joined(separator: "\n")
    }

    /// One row per indicator: the authority, its neighbours' mean, England, and the test.
    static func snComparison(_ model: ChapterModel) -> String {
        let rows = model.sections.compactMap { s -> [String]? in
            guard let r = s.table.rows.first, let last = r.cells.last else { return nil }
            let sn = s.table.rows.first { $0.label.hasPrefix("Statistical neighbours") }?.cells.last ?? "–"
            let england = s.table.rows.last?.cells.last ?? "–"
            return [s.title, last, sn, england]
        }
        return ChartTables.html("\(model.authority.name), its statistical neighbours' average and England, \(model.period)",
                                ["Indicator", model.authority.name, "Neighbours' average", "England"], rows)
    }
}
