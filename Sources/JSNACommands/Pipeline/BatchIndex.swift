import CensusIngest
import Chapter
import Indicators
import Statistics

/// The index page of a batch build: every authority with its key figures and a link.
enum BatchIndex {
    struct Entry {
        var authority: Area
        var folder: String
        var model: ChapterModel
    }

    static let keyIndicators = ["referrals_rate", "cin_rate", "cpp_rate", "cla_rate"]

    /// "350-bolton".
    static func folderName(_ a: Area) -> String {
        var slug = ""
        for c in a.name.lowercased() {
            if c.isLetter && c.isASCII || c.isNumber { slug.append(c) } else if !slug.hasSuffix("-") { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return "\(a.oldCode)-\(slug)"
    }

    static func html(_ entries: [Entry], table: IndicatorTable, year: Int, synthetic: Bool) -> String {
        let e = Escape.html
        let period = PeriodStyle.censusYear.label(year)
        let title = "Children's safeguarding chapters, \(period)"
        var s = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<title>\(e(title))\(synthetic ? " — synthetic demonstration data" : "")</title>\n<style>\n\(HTMLRenderer.css)</style>\n</head>\n<body>\n"
        s += "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n<header><h1>\(e(title))</h1>\n"
        if synthetic { s += "<p class=\"banner\"><strong>Synthetic demonstration data.</strong> Every authority, code and figure here is fictional.</p>\n" }
        s += "<p>One chapter for each of \(entries.count) local authorities. Rates are per 10,000 children aged under 18; \"significantly\" means England's value lies outside the authority's 95% confidence interval.</p>\n</header>\n<main id=\"main\">\n"
        s += "<table>\n<caption>Key figures, \(e(period)), with the comparison with England</caption>\n<thead><tr><th scope=\"col\">Authority</th><th scope=\"col\">Region</th>"
        for id in keyIndicators { s += "<th scope=\"col\" class=\"num\">\(e(IndicatorCatalogue.definition(id)!.title))</th>" }
        s += "</tr></thead>\n<tbody>\n"
        for entry in entries {
            s += "<tr><th scope=\"row\"><a href=\"\(e(entry.folder))/chapter.html\">\(e(entry.authority.name))</a> (\(e(entry.authority.oldCode)))</th><td>\(e(entry.authority.regionName))</td>"
            for id in keyIndicators {
                guard let v = table.value(id, area: entry.authority.id, year: year) else { s += "<td class=\"num\">–</td>"; continue }
                let versus = v.vsEngland.map { $0 == .similar ? "similar" : "sig. \($0.rawValue)" } ?? ""
                s += "<td class=\"num\">\(e(v.shown(v.value)))\(versus.isEmpty ? "" : "<br><span class=\"key\">\(e(versus))</span>")</td>"
            }
            s += "</tr>\n"
        }
        s += "</tbody>\n</table>\n</main>\n<footer><p>Produced by jsna from published DfE and ONS statistics (Open Government Licence v3.0).</p></footer>\n</body>\n</html>\n"
        return s
    }
}
