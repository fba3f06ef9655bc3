import CensusIngest
import Foundation
import Indicators
import ReportModel
import Statistics

/// `chapter.xlsx`: the chapter's figures for analysts who check them in Excel.
///
/// - `Figures`: every indicator and year for the authority, its neighbours, its region and
///   England — count, denominator, value, intervals, comparisons, rank, band, status —
///   with a frozen header, an autofilter and number formats;
/// - one sheet per indicator: the latest year's comparison and the trend;
/// - `Local` (with an extract): the local section's counts, after disclosure control;
/// - `Pathway` (with Annex A lists): the pathway section's figures, after disclosure control;
/// - `Notes`: sources with SHA-256, methods, what each symbol means.
///
/// Missing and suppressed values are their symbol as text (`c`, `x`), never 0 or blank.
/// Values are kept at full precision and shown with the chapter's decimals; percentages
/// are fractions with a % format (20.5% is 0.205), as Excel expects.
public struct ChapterWorkbook {
    public var model: ChapterModel
    public var table: IndicatorTable

    public init(model: ChapterModel, table: IndicatorTable) {
        self.model = model
        self.table = table
    }

    public func make() throws -> Data {
        let book = try XLSXBook(title: model.title)
        try figures(book)
        var used: Set<String> = ["Figures", "Local", "Pathway", "Notes"]
        for section in model.sections {
            try indicatorSheet(book, section, name: SheetName.make(section.indicator, used: &used))
        }
        if let local = model.local { try LocalSheet.write(local, to: book.sheet("Local")) }
        if let pathway = model.pathway { try PathwaySheet.write(pathway, authority: model.authority.name, to: book.sheet("Pathway")) }
        try NotesSheet.write(model, to: book.sheet("Notes"))
        return try book.close()
    }

    /// The number format for an indicator's values: "0.0", "0", "0.0%".
    static func format(_ unit: IndicatorUnit) -> String {
        unit.isPercentage ? "0.0%" : (unit.decimals == 0 ? "0" : "0.0")
    }

    /// A count or denominator: whole numbers with thousands separators; FTEs with decimals.
    static func countFormat(_ v: Double) -> String { v == v.rounded() ? "#,##0" : "#,##0.0#" }

    /// Writes a figure: the number (percentages as fractions), or its symbol as text.
    static func write(_ figure: Figure?, unit: IndicatorUnit?, to sheet: XLSXSheet, _ row: Int, _ column: Int, format: String? = nil) {
        guard let figure else {
            sheet.text(row, column, Shown.absentSymbol)
            return
        }
        switch figure {
        case .missing(let m): sheet.text(row, column, m.symbol)
        case .value(let v):
            let scaled = unit?.isPercentage == true ? v / 100 : v
            sheet.number(row, column, scaled, format: format ?? unit.map(Self.format) ?? Self.countFormat(v))
        }
    }

    /// The authority, its neighbours, its region and England: the areas the chapter compares.
    var areas: [(id: String, role: String)] {
        let a = model.authority
        var list = [(a.id, "This authority")]
        list += (table.neighbours?.neighbours(of: a.id) ?? []).map { ($0, "Statistical neighbour") }
        if !a.regionCode.isEmpty { list.append((a.regionCode, "Region")) }
        list.append((Area.englandID, "England"))
        return list
    }
}
