import Document
import ReportModel
import Statistics

/// The values an analyst's template can name, built from the chapter model.
///
///     {{authority.name}}  {{period}}  {{indicator.referrals_rate.sentence}}
///     {{{chart.referrals_rate.trend}}}  {{{table.sn_comparison}}}  {{{key_messages}}}
///
/// Text values are escaped by Mustache's `{{…}}`. Blocks (charts, tables, lists) are meant
/// for `{{{…}}}`: they are document blocks written for the output being made — HTML for
/// chapter.html, Markdown with chart links for chapter.md, pandoc's Markdown for Word —
/// so one template gives all three without raw HTML in the Markdown.
enum TemplateContext {
    /// How blocks are written into the template's text.
    enum Format {
        case html
        case markdown(MarkdownWriter.Flavour)

        func write(_ blocks: [Block]) -> String {
            switch self {
            case .html:
                // One Markdown HTML block: no blank lines inside, blank lines around.
                let html = blocks.map(HTMLWriter.write).joined()
                return "\n" + html.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n") + "\n"
            case .markdown(let flavour):
                let writer = MarkdownWriter(flavour: flavour)
                return "\n" + blocks.map(writer.write).joined()
            }
        }
    }

    /// The context for one output. Charts and tables come from the chapter's document, so
    /// each chart is drawn once however many outputs the template is rendered for.
    static func make(_ model: ChapterModel, document: Document, format: Format) -> [String: Any] {
        var indicators: [String: Any] = [:]
        var charts: [String: Any] = [:]
        var tables: [String: Any] = [:]
        let figures = Dictionary(document.figures.map { ($0.id, $0) }) { first, _ in first }
        let chart = { (id: String) in figures[id].map { format.write([.figure($0.withoutTable)]) } }
        for s in model.sections {
            let id = s.id.rawValue
            indicators[id] = [
                "title": s.title, "sentence": s.sentence, "details": s.details.joined(separator: " "),
                "notes": s.notes.joined(separator: " "),
            ]
            var drawn: [String: String] = [:]
            drawn["trend"] = chart(s.chart.id)
            drawn["neighbours"] = s.neighbourChart.flatMap { chart($0.id) }
            drawn["funnel"] = s.funnel.flatMap { chart($0.id) }
            charts[id] = drawn
            tables[id] = ["trend": format.write([.table(ChapterDocument.comparisonTable(s.table, decimals: s.indicator.decimals))])]
        }
        if model.spine != nil { charts["spine"] = chart("spine") }
        if let factors = model.factors {
            charts["factors"] = chart(factors.chart.id)
            tables["factors"] = figures[factors.chart.id]?.table.map { format.write([.table($0)]) } ?? ""
        }
        tables["sn_comparison"] = format.write([.table(snComparison(model))])
        let list = { (items: [String]) in format.write([.list(items.map { [.text($0)] }, ordered: false)]) }
        var context: [String: Any] = [
            "authority": ["name": model.authority.name, "old_code": model.authority.oldCode, "new_code": model.authority.newCode,
                          "region": model.authority.regionName],
            "period": model.period, "year": model.year, "title": model.title,
            "neighbours": model.neighbourNames.joined(separator: ", "), "sn_model": model.neighbourModel,
            "indicator": indicators, "chart": charts, "table": tables,
            "key_messages": list(model.keyMessages.map(\.text)), "summary": list(ChapterDocument.headlines(model)),
            "factors": ["summary": model.factors?.sentence ?? ""],
            "data_notes": list(model.dataNotes),
            "methods": format.write([.definitions(model.methods.map { Definition(term: $0.term, detail: $0.explanation) })]),
            "sources": format.write([.table(ChapterDocument.sourcesTable(model)), .list(ProvenanceText.lines(model).map { [.text($0)] }, ordered: false)]),
            "synthetic": model.isSynthetic,
        ]
        // Always present, so templates validate with or without an extract; test has_local.
        context["has_local"] = model.local != nil
        context["local"] = [
            "section": document.allSections.first { $0.id == ChapterDocument.localSectionID }.map { format.write($0.blocks) } ?? "",
            "summary": model.local.map { $0.summary.joined(separator: " ") } ?? "",
        ]
        context["has_pathway"] = model.pathway != nil
        context["pathway"] = [
            "section": document.allSections.first { $0.id == ChapterDocument.pathwaySectionID }.map { format.write($0.blocks) } ?? "",
            "summary": model.pathway.map { $0.summary.joined(separator: " ") } ?? "",
        ]
        return context
    }

    /// One row per indicator: the authority, its neighbours' mean and England in the
    /// chapter's year, from the typed values (never from a rendered table).
    static func snComparison(_ model: ChapterModel) -> Table {
        let rows = model.sections.map { s -> [Cell] in
            let places = s.indicator.decimals
            let v = s.current
            return [Cell(s.title), Cell(Shown(v?.value).text(places: places)), Cell(Shown(v?.neighbours?.mean).text(places: places)),
                    Cell(Shown(v?.england).text(places: places))]
        }
        return Table(caption: "\(model.authority.name), its statistical neighbours' average and England, \(model.period)",
                     columns: [.text("Indicator"), .number(model.authority.name), .number("Neighbours' average"), .number("England")], rows: rows)
    }
}

extension ChartFigure {
    /// The chart alone, for a template tag that places its table separately.
    var withoutTable: ChartFigure {
        var f = self
        f.table = nil
        return f
    }
}
