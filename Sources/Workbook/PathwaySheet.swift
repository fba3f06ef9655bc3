import ReportModel
import Statistics

/// The pathway section's figures, exactly as published in the chapter: after disclosure
/// control, hidden counts and the rates and shares built from them are `c`; a measure DfE
/// does not publish is `–`.
enum PathwaySheet {
    static func write(_ p: PathwayThisYear, authority: String, to sheet: XLSXSheet) {
        sheet.text(0, 0, p.title, bold: true)
        sheet.text(1, 0, p.summary.joined(separator: " "))
        var r = 3
        sheet.text(r, 0, "The pathway, \(authority), \(p.period)", bold: true)
        r += 1
        var header = ["Stage", "Count", "Rate per 10,000 (flows: a year)", "95% CI lower", "95% CI upper"]
        if p.earlierPeriod != nil { header.append("A year earlier (same months; snapshots at the same date)") }
        header += ["\(authority) \(p.publishedPeriod)", "England \(p.publishedPeriod)", "Region \(p.publishedPeriod)", "Neighbours' average \(p.publishedPeriod)", "Against England", "Against neighbours"]
        sheet.header(r, header)
        for s in p.stages {
            r += 1
            var c = 0
            sheet.text(r, c, s.label)
            c += 1
            LocalSheet.count(s.count, sheet, r, c)
            for v in [s.rate, s.interval?.lower, s.interval?.upper] {
                c += 1
                if let v { sheet.number(r, c, v, format: "0.0") } else { sheet.text(r, c, s.count.value == nil ? Controlled.symbol : Shown.absentSymbol) }
            }
            if p.earlierPeriod != nil {
                c += 1
                if let e = s.earlier { LocalSheet.count(e, sheet, r, c) } else { sheet.text(r, c, Shown.absentSymbol) }
            }
            for f in [s.published?.authority, s.published?.england, s.published?.region, s.published?.neighbours] {
                c += 1
                figure(f, sheet, r, c, percent: false)
            }
            sheet.text(r, c + 1, s.implausible ? "not compared" : s.published.map { VerdictWords.cell($0.verdict.england) } ?? Shown.absentSymbol)
            sheet.text(r, c + 2, s.implausible ? "not compared" : s.published.map { VerdictWords.cell($0.verdict.neighbours) } ?? Shown.absentSymbol)
        }
        r += 2
        sheet.text(r, 0, "From one stage to the next, \(p.period)", bold: true)
        r += 1
        sheet.header(r, ["Step", "From", "To", "Per 100"])
        for conversion in p.conversions {
            r += 1
            sheet.text(r, 0, conversion.label)
            LocalSheet.count(conversion.from, sheet, r, 1)
            LocalSheet.count(conversion.to, sheet, r, 2)
            if let v = conversion.percent { sheet.number(r, 3, v, format: "0.0") } else { sheet.text(r, 3, Controlled.symbol) }
        }
        r += 2
        sheet.text(r, 0, "Timeliness and child protection plans, \(p.period)", bold: true)
        r += 1
        sheet.header(r, ["Measure", "Count", "Of", "Percentage", "\(authority) \(p.publishedPeriod)", "England \(p.publishedPeriod)", "Neighbours' average \(p.publishedPeriod)"])
        for s in p.timeliness + p.plans {
            r += 1
            sheet.text(r, 0, s.label)
            LocalSheet.count(s.count, sheet, r, 1)
            LocalSheet.count(s.of, sheet, r, 2)
            if let v = s.percent { sheet.number(r, 3, v / 100, format: "0.0%") } else { sheet.text(r, 3, Controlled.symbol) }
            for (i, f) in [s.published?.authority, s.published?.england, s.published?.neighbours].enumerated() { figure(f, sheet, r, 4 + i, percent: true) }
        }
        for b in p.breakdowns { r = LocalSheet.breakdown(b, counted: "Plans", sheet, after: r) }
        for note in p.notes {
            r += 2
            sheet.text(r, 0, "Note: " + note)
        }
        sheet.widths([48, 12, 14, 12, 12, 14, 14, 12, 14])
    }

    static func figure(_ f: Figure?, _ sheet: XLSXSheet, _ r: Int, _ c: Int, percent: Bool) {
        switch f {
        case .value(let v)?: sheet.number(r, c, percent ? v / 100 : v, format: percent ? "0.0%" : "0.0")
        case .missing(let m)?: sheet.text(r, c, m.symbol)
        case nil: sheet.text(r, c, Shown.absentSymbol)
        }
    }
}
