/// Renders the chapter as GitHub-flavoured Markdown, charts referenced as SVG files.
public enum MarkdownRenderer {
    /// - Parameter chartPath: where each chart's SVG file is, relative to the Markdown file.
    public static func render(_ model: ChapterModel, chartPath: (TrendChart) -> String = { "charts/\($0.id).svg" }) -> String {
        let e = Escape.markdown
        var s = "# \(e(model.title))\n\n"
        if model.isSynthetic {
            s += "> **Synthetic demonstration data.** Every authority, code and figure in this chapter is fictional.\n\n"
        }
        s += "Children in need, child protection and children looked after in \(e(model.authority.name)) (\(e(model.authority.oldCode)), \(e(model.authority.newCode))), \(model.period), compared with England, the \(e(model.authority.regionName)) region and its statistical neighbours (DfE \(model.neighbourModel) model: \(e(model.neighbourNames.joined(separator: ", ")))).\n\n"
        s += "## Key messages\n\n"
        for m in model.keyMessages { s += "- \(e(m))\n" }
        if let spine = model.spine, !spine.rows.isEmpty {
            s += "\n## At a glance\n\n![\(e(spine.description))](charts/spine.svg)\n\n"
            s += ChartTables.markdown(spine.title, ChartTables.spineHeader, ChartTables.spineRows(spine)).dropLast()
        }
        s += "\n## Summary\n\n"
        for section in model.sections { s += "- \(e(section.sentence))\n" }
        s += "\n"
        for section in model.sections {
            s += "## \(e(section.title))\n\n\(e(section.sentence))\n\n"
            if !section.details.isEmpty { s += e(section.details.joined(separator: " ")) + "\n\n" }
            for note in section.notes { s += "*Note:* \(e(note))\n\n" }
            s += table(section.table)
            s += "![\(e(section.chart.description))](\(chartPath(section.chart)))\n\n"
            s += section.comparisonMarkdown
        }
        if let local = model.local { s += render(local) }
        s += "## Data notes\n\n"
        for note in model.dataNotes { s += "- \(e(note))\n" }
        s += "\n## Methods\n\n"
        for m in model.methods { s += "- **\(e(m.term))**: \(e(m.explanation))\n" }
        s += "\n## Sources and provenance\n\n| File | What it is | Years | Rows read | SHA-256 |\n| --- | --- | --- | ---: | --- |\n"
        for src in model.sources { s += "| \(e(src.file)) | \(e(src.title)) | \(e(src.years)) | \(src.rows) | `\(src.sha256)` |\n" }
        s += "\n" + ProvenanceText.lines(model).map { "- " + e($0) }.joined(separator: "\n") + "\n"
        s += "\nProduced by jsna from published DfE and ONS statistics (Open Government Licence v3.0)\(model.isSynthetic ? "; this edition uses synthetic demonstration data" : "").\n"
        return s
    }

    static func table(_ t: ComparisonTable) -> String {
        let e = Escape.markdown
        var s = "*\(e(t.caption))*\n\n| Area | " + t.columns.map(e).joined(separator: " | ") + " |\n"
        s += "| --- |" + String(repeating: " ---: |", count: t.columns.count) + "\n"
        for row in t.rows { s += "| \(e(row.label)) | " + row.cells.map(e).joined(separator: " | ") + " |\n" }
        s += t.key.isEmpty ? "\n" : "\n" + t.key.map(e).joined(separator: "; ") + "\n\n"
        return s
    }
}
