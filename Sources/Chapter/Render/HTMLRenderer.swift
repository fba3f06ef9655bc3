/// Renders the chapter as one self-contained, accessible HTML page: inline CSS and SVG,
/// no scripts, a skip link, a contents list, semantic tables and a print stylesheet.
public enum HTMLRenderer {
    public static func render(_ model: ChapterModel) -> String {
        let e = Escape.html
        var s = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<title>\(e(model.title)) (\(e(model.period)))\(model.isSynthetic ? " — synthetic demonstration data" : "")</title>\n"
        s += "<style>\n\(css)</style>\n</head>\n<body>\n"
        s += "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"
        s += "<header><p class=\"kicker\">Joint Strategic Needs Assessment: safeguarding children</p>\n<h1>\(e(model.title))</h1>\n"
        s += "<p>Children in need, child protection and children looked after in \(e(model.authority.name)) (\(e(model.authority.oldCode)), \(e(model.authority.newCode))), \(e(model.period)), compared with England, the \(e(model.authority.regionName)) region and its statistical neighbours (DfE \(e(model.neighbourModel)) model: \(e(model.neighbourNames.joined(separator: ", ")))).</p>\n"
        if model.isSynthetic {
            s += "<p class=\"banner\"><strong>Synthetic demonstration data.</strong> Every authority, code and figure in this chapter is fictional.</p>\n"
        }
        s += "</header>\n<nav aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">Contents</h2>\n<ol>\n<li><a href=\"#key-messages\">Key messages</a></li>\n<li><a href=\"#at-a-glance\">At a glance</a></li>\n<li><a href=\"#summary\">Summary</a></li>\n"
        for section in model.sections { s += "<li><a href=\"#\(section.id)\">\(e(section.title))</a></li>\n" }
        if let local = model.local { s += "<li><a href=\"#local\">\(e(local.title))</a></li>\n" }
        s += "<li><a href=\"#data-notes\">Data notes</a></li>\n<li><a href=\"#methods\">Methods</a></li>\n<li><a href=\"#sources\">Sources and provenance</a></li>\n</ol>\n</nav>\n"
        s += "<main id=\"main\">\n<section aria-labelledby=\"key-messages\"><h2 id=\"key-messages\">Key messages</h2>\n<ul>\n"
        for m in model.keyMessages { s += "<li>\(e(m))</li>\n" }
        s += "</ul>\n</section>\n"
        if let spine = model.spine, !spine.rows.isEmpty {
            s += "<section aria-labelledby=\"at-a-glance\"><h2 id=\"at-a-glance\">At a glance</h2>\n<figure>\n\(ComparisonChartSVG.render(spine))<figcaption>\(e(spine.description))</figcaption>\n</figure>\n"
            s += ChartTables.html(spine.title, ChartTables.spineHeader, ChartTables.spineRows(spine)) + "</section>\n"
        }
        s += "<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>\n<ul>\n"
        for section in model.sections { s += "<li>\(e(section.sentence))</li>\n" }
        s += "</ul>\n</section>\n"
        for section in model.sections { s += render(section) }
        if let local = model.local { s += render(local) }
        s += "<section aria-labelledby=\"data-notes\"><h2 id=\"data-notes\">Data notes</h2>\n<ul>\n"
        for note in model.dataNotes { s += "<li>\(e(note))</li>\n" }
        s += "</ul>\n</section>\n<section aria-labelledby=\"methods\"><h2 id=\"methods\">Methods</h2>\n<dl>\n"
        for m in model.methods { s += "<dt>\(e(m.term))</dt>\n<dd>\(e(m.explanation))</dd>\n" }
        s += "</dl>\n</section>\n<section aria-labelledby=\"sources\"><h2 id=\"sources\">Sources and provenance</h2>\n" + sourcesTable(model) + "</section>\n</main>\n"
        s += "<footer><p>Produced by jsna from published DfE and ONS statistics (Open Government Licence v3.0)\(model.isSynthetic ? "; this edition uses synthetic demonstration data" : "").</p></footer>\n</body>\n</html>\n"
        return s
    }

    /// A page around HTML rendered from an analyst's template: the same head, styles, skip
    /// link and banner as the standard chapter, ids on the headings and a contents list.
    public static func page(_ model: ChapterModel, body: String) -> String {
        let e = Escape.html
        var headings: [(String, String)] = []
        var out = ""
        var rest = Substring(body)
        while let open = rest.range(of: "<h2>") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "</h2>") else { break }
            let inner = String(rest[open.upperBound..<close.lowerBound])
            var id = "section-\(headings.count + 1)"
            if let slug = Optional(inner.lowercased().filter { $0.isLetter || $0 == " " }.split(separator: " ").joined(separator: "-")), !slug.isEmpty { id = slug }
            headings.append((id, inner))
            out += "<h2 id=\"\(id)\">\(inner)</h2>"
            rest = rest[close.upperBound...]
        }
        out += rest
        var s = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<title>\(e(model.title)) (\(e(model.period)))\(model.isSynthetic ? " — synthetic demonstration data" : "")</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        s += "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"
        if !headings.isEmpty {
            s += "<nav aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">Contents</h2>\n<ol>\n"
            for (id, inner) in headings { s += "<li><a href=\"#\(id)\">\(inner)</a></li>\n" }
            s += "</ol>\n</nav>\n"
        }
        s += "<main id=\"main\">\n\(out)</main>\n"
        s += "<footer><p>Produced by jsna from published DfE and ONS statistics (Open Government Licence v3.0)\(model.isSynthetic ? "; this edition uses synthetic demonstration data" : "").</p></footer>\n</body>\n</html>\n"
        return s
    }

    /// The files read, with SHA-256, and the provenance lines.
    static func sourcesTable(_ model: ChapterModel) -> String {
        let e = Escape.html
        var s = "<table>\n<caption>Files read</caption>\n"
        s += "<thead><tr><th scope=\"col\">File</th><th scope=\"col\">What it is</th><th scope=\"col\">Years</th><th scope=\"col\" class=\"num\">Rows read</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n"
        for src in model.sources {
            s += "<tr><th scope=\"row\">\(e(src.file))</th><td>\(e(src.title))</td><td>\(e(src.years))</td><td class=\"num\">\(src.rows)</td><td><code class=\"hash\">\(e(src.sha256))</code></td></tr>\n"
        }
        return s + "</tbody>\n</table>\n<ul>\n" + ProvenanceText.lines(model).map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
    }

    /// An indicator's comparison table and its key.
    static func table(_ t: ComparisonTable) -> String {
        let e = Escape.html
        var s = "<table>\n<caption>\(e(t.caption))</caption>\n<thead><tr><th scope=\"col\">Area</th>"
        for c in t.columns { s += "<th scope=\"col\" class=\"num\">\(e(c))</th>" }
        s += "</tr></thead>\n<tbody>\n"
        for row in t.rows {
            s += "<tr><th scope=\"row\">\(e(row.label))</th>" + row.cells.map { "<td class=\"num\">\(e($0))</td>" }.joined() + "</tr>\n"
        }
        return s + "</tbody>\n</table>\n" + (t.key.isEmpty ? "" : "<p class=\"key\">\(e(t.key.joined(separator: "; ")))</p>\n")
    }

    static func render(_ section: IndicatorSection) -> String {
        let e = Escape.html
        var s = "<section aria-labelledby=\"\(section.id)\">\n<h2 id=\"\(section.id)\">\(e(section.title))</h2>\n<p>\(e(section.sentence))</p>\n"
        if !section.details.isEmpty { s += "<p>\(e(section.details.joined(separator: " ")))</p>\n" }
        for note in section.notes { s += "<p class=\"note\"><strong>Note:</strong> \(e(note))</p>\n" }
        s += "<figure>\n\(TrendChartSVG.render(section.chart))<figcaption>\(e(section.chart.description))</figcaption>\n</figure>\n"
        s += table(section.table) + section.comparisonHTML + "</section>\n"
        return s
    }

    public static let css = """
    body { font-family: Arial, Helvetica, sans-serif; color: #0B0C0C; background: #FFFFFF; line-height: 1.5; margin: 0 auto; max-width: 58rem; padding: 0 1rem 2rem; }
    a { color: #1D70B8; } a:focus { outline: 3px solid #FFDD00; background: #FFDD00; color: #0B0C0C; }
    .skip-link { position: absolute; left: -9999px; } .skip-link:focus { position: static; display: inline-block; padding: 0.5rem; }
    .kicker { color: #505A5F; margin-bottom: 0; }
    .banner { border-left: 6px solid #801650; background: #F3F2F1; padding: 0.75rem; }
    .note { border-left: 4px solid #1D70B8; padding-left: 0.75rem; }
    blockquote { border-left: 6px solid #801650; background: #F3F2F1; padding: 0.75rem; margin: 1rem 0; }
    table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
    caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
    th, td { border-bottom: 1px solid #B1B4B6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
    figcaption, .key { color: #505A5F; font-size: 0.9rem; }
    code.hash { font-size: 0.75rem; word-break: break-all; }
    @media print {
      body { max-width: none; } nav, .skip-link { display: none; }
      section { break-before: page; } #summary, section[aria-labelledby="summary"] { break-before: auto; }
      figure, table { break-inside: avoid; } a { color: #0B0C0C; text-decoration: none; }
    }

    """
}
