import ReportModel

/// The local section's counts, exactly as published in the chapter: after disclosure
/// control, hidden counts and the shares built from them are `c`.
enum LocalSheet {
    static func write(_ local: LocalSection, to sheet: XLSXSheet) {
        sheet.text(0, 0, local.title, bold: true)
        sheet.text(1, 0, local.summary.joined(separator: " "))
        var r = 3
        sheet.text(r, 0, local.monthly.title, bold: true)
        r += 1
        sheet.header(r, ["Month", "Referrals"])
        for (label, value) in zip(local.monthly.labels, local.monthly.values) {
            r += 1
            sheet.text(r, 0, label)
            count(value.map(Controlled.count) ?? .suppressed, sheet, r, 1)
        }
        for b in local.breakdowns { r = breakdown(b, counted: "Referrals", sheet, after: r) }
        if let rec = local.reconciliation {
            r += 2
            sheet.text(r, 0, rec.caption, bold: true)
            r += 1
            sheet.header(r, ["Year", "Extract", "DfE published", "Difference"])
            for row in rec.rows {
                r += 1
                sheet.text(r, 0, row.period)
                count(row.extract, sheet, r, 1)
                if case .value(let v) = row.published { sheet.number(r, 2, v, format: "#,##0") } else { sheet.text(r, 2, row.published.text(places: 0)) }
                if let d = row.difference { sheet.number(r, 3, d / 100, format: "+0.0%;-0.0%;0.0%") } else { sheet.text(r, 3, Controlled.symbol) }
            }
        }
        for note in local.notes {
            r += 2
            sheet.text(r, 0, "Note: " + note)
        }
        sheet.widths([40, 12, 14, 12])
    }

    /// A breakdown two rows below `r`: caption, header, a row per group with its share.
    /// Returns the last row written.
    static func breakdown(_ b: LocalSection.Breakdown, counted: String, _ sheet: XLSXSheet, after r: Int) -> Int {
        var r = r + 2
        sheet.text(r, 0, b.caption, bold: true)
        r += 1
        sheet.header(r, ["Group", counted, "Share"])
        for row in b.rows {
            r += 1
            sheet.text(r, 0, row.label)
            count(row.count, sheet, r, 1)
            if let share = row.share { sheet.number(r, 2, share / 100, format: "0.0%") } else { sheet.text(r, 2, Controlled.symbol) }
        }
        return r
    }

    static func count(_ c: Controlled, _ sheet: XLSXSheet, _ r: Int, _ column: Int) {
        if let n = c.value { sheet.number(r, column, Double(n), format: "#,##0") } else { sheet.text(r, column, Controlled.symbol) }
    }
}
