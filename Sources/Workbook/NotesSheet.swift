import ReportModel
import Statistics

/// Sources with SHA-256, the methods, what each symbol means, and the data notes.
enum NotesSheet {
    static func write(_ model: ChapterModel, to sheet: XLSXSheet) {
        sheet.text(0, 0, "\(model.title), \(model.period)", bold: true)
        var r = 1
        if model.isSynthetic {
            sheet.text(r, 0, "Synthetic demonstration data: every authority, code and figure in this workbook is fictional.", bold: true)
            r += 1
        }
        r += 1
        sheet.text(r, 0, "Sources", bold: true)
        r += 1
        sheet.header(r, ["File", "What it is", "Years", "Rows read", "SHA-256"])
        for src in model.sources {
            r += 1
            sheet.text(r, 0, src.file)
            sheet.text(r, 1, src.title)
            sheet.text(r, 2, src.years)
            sheet.number(r, 3, Double(src.rows), format: "#,##0")
            sheet.text(r, 4, src.sha256)
        }
        for line in ProvenanceText.lines(model) {
            r += 1
            sheet.text(r, 0, line)
        }
        r += 2
        sheet.text(r, 0, "Symbols", bold: true)
        for symbol in MissingReason.symbols {
            r += 1
            sheet.text(r, 0, symbol)
            sheet.text(r, 1, Missing(symbol: symbol)?.reason.explanation ?? "")
        }
        r += 1
        sheet.text(r, 0, Shown.absentSymbol)
        sheet.text(r, 1, "no figure for this area and period")
        r += 1
        sheet.text(r, 0, "%")
        sheet.text(r, 1, "percentages are stored as fractions with a % format: 20.5% is the number 0.205")
        r += 2
        sheet.text(r, 0, "Methods", bold: true)
        for m in model.methods {
            r += 1
            sheet.text(r, 0, m.term)
            sheet.text(r, 1, m.explanation)
        }
        r += 2
        sheet.text(r, 0, "Data notes", bold: true)
        for note in model.dataNotes + model.dataNoteDetails {
            r += 1
            sheet.text(r, 0, note)
        }
        sheet.widths([42, 60, 14, 10, 66])
    }
}
