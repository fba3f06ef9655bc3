import Foundation
import Indicators
import ReportModel
import TestSupport
import Testing

@testable import Workbook

/// chapter.xlsx read back from its sheet XML (not through libxlsxwriter): numbers are
/// numbers with the chapter's decimals, symbols are text, and the sheets an analyst
/// expects are there with frozen headers and filters.
@Suite struct ChapterWorkbookTests {
    static func demo() throws -> (model: ChapterModel, file: OfficeFile, bytes: Data) {
        let model = try DemoChapter.model(withExtract: true)
        let bytes = try ChapterWorkbook(model: model, table: try DemoChapter.table()).make()
        return (model, try OfficeFile(data: bytes), bytes)
    }


    @Test func sheetsFrozenHeaderAndFilter() throws {
        let (model, file, _) = try Self.demo()
        let names = OfficeFile.matches(#"<sheet name="([^"]*)""#, in: try file.part("xl/workbook.xml")).map { $0[0] }
        #expect(names.first == "Figures" && names.last == "Notes" && names.contains("Local"))
        #expect(names.count == model.sections.count + 3)
        #expect(names.allSatisfy { $0.count <= 31 } && Set(names).count == names.count)
        let figures = try file.part("xl/worksheets/sheet1.xml")
        #expect(figures.contains("state=\"frozen\"") && figures.contains("ySplit=\"1\""))
        #expect(figures.contains("<autoFilter ref=\"A1:AB"))
        // Printed as analysts expect: A4 landscape, one page wide, the header on every page.
        #expect(figures.contains("paperSize=\"9\"") && figures.contains("orientation=\"landscape\"") && figures.contains("fitToHeight=\"0\""))
        #expect(try file.part("xl/workbook.xml").contains("_xlnm.Print_Titles"))
    }

    @Test func valuesAreNumbersWithTheirFormats() throws {
        let (_, file, _) = try Self.demo()
        let cells = try file.cells(sheet: "Figures")
        #expect(cells["A1"] == .text("Indicator") && cells["I1"] == .text("Value"))
        let rate = try #require(cells.figuresRow(id: "referrals_rate", period: "2024-25", area: "Amberfold"))
        guard case .number(let value)? = cells["I\(rate)"] else { Issue.record("not a number: \(String(describing: cells["I\(rate)"]))"); return }
        #expect((value * 10).rounded() / 10 == 728.9)
        #expect(cells["F\(rate)"] == .text("This authority"))
        // A percentage is a fraction with a % format: 23.4% is 0.234.
        let pct = try #require(cells.figuresRow(id: "rereferrals_pct", period: "2024-25", area: "Amberfold"))
        guard case .number(let share)? = cells["I\(pct)"] else { Issue.record("not a number"); return }
        #expect((share * 1000).rounded() / 1000 == 0.234)
        let styles = try file.part("xl/styles.xml")
        #expect(styles.contains("formatCode=\"0.0\"") && styles.contains("formatCode=\"0.0%\"") && styles.contains("formatCode=\"#,##0\""))
        #expect(!styles.contains("0.##\""), "a whole count never shows a trailing point")
    }

    @Test func suppressedLocalCountsAreTheLetterC() throws {
        let model = try DemoChapter.model(extract: try smallExtract())
        let file = try OfficeFile(data: try ChapterWorkbook(model: model, table: try DemoChapter.table()).make())
        let local = try #require(model.local)
        let cells = try file.cells(sheet: "Local")
        let hidden = local.breakdowns.flatMap(\.rows).filter { $0.count == .suppressed }
        #expect(!hidden.isEmpty, "the small extract has small groups")
        let cs = cells.values.filter { $0 == .text("c") }.count
        #expect(cs >= hidden.count)
        // Counts sit in column B (shares, as fractions, in C): none is 1 to 5.
        for (ref, cell) in cells where ref.hasPrefix("B") {
            if case .number(let n) = cell { #expect(n == 0 || n >= 6, "a shown count of \(n) at \(ref)") }
        }
    }

    @Test func notesCarrySourcesAndSymbols() throws {
        let (model, file, _) = try Self.demo()
        let cells = try file.cells(sheet: "Notes")
        let texts = Set(cells.values.compactMap { if case .text(let t) = $0 { t } else { nil } })
        for source in model.sources { #expect(texts.contains(source.sha256)) }
        #expect(texts.contains("suppressed to protect confidentiality"))
        #expect(texts.contains { $0.hasPrefix("Synthetic demonstration data") })
    }

    @Test func sameInputsSameBytes() throws {
        #expect(try Self.demo().bytes == Self.demo().bytes)
    }

    /// Issue 28: trend-table intervals were text ("706.9–746.6"): now two rows of numbers.
    @Test func intervalsAreNumbersNotText() throws {
        let (_, file, _) = try Self.demo()
        let strings = try file.part("xl/sharedStrings.xml")
        #expect(OfficeFile.matches(#"<t[^>]*>([0-9.,]+%?–[0-9.,]+%?)</t>"#, in: strings).isEmpty)
        #expect(strings.contains("95% confidence interval: lower") || strings.contains(": lower"))
    }

    /// Issue 28: "factor_child_sexual_exploitatio" was an id cut mid-word.
    @Test func everyIndicatorHasAReadableUniqueSheetName() {
        var used: Set<String> = ["Figures", "Local", "Pathway", "Notes"]
        let names = IndicatorCatalogue.all.map { SheetName.make($0, used: &used) }
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.count <= 31 && !$0.contains(where: { "[]:*?/\\".contains($0) }) && !$0.contains("_") })
        #expect(names.contains("Child sexual exploitation") && names.contains("Domestic abuse, parent or carer") && names.contains("Referrals"))
        // Every name is whole words of the title or its short name.
        for (indicator, name) in zip(IndicatorCatalogue.all, names) {
            let source = (SheetName.short[indicator.id] ?? indicator.title).replacingOccurrences(of: ": ", with: ", ").lowercased()
            #expect(source.contains(name.lowercased()), "\(name) from \(source)")
        }
        var clash: Set<String> = ["Referrals"]
        #expect(SheetName.make(IndicatorCatalogue.definition(.referralsRate)!, used: &clash) == "Referrals (2)")
    }
}
