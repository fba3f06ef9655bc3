import CXLSXWriter
import Foundation
import TemporaryFiles

/// A workbook being written with libxlsxwriter: a thin, safe layer over its C API.
/// Text goes in with `worksheet_write_string`, so a cell is never a formula whatever it
/// starts with. The file is written to a temporary path and read back as bytes.
final class XLSXBook {
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    let path: String
    private(set) var formats: [String: UnsafeMutablePointer<lxw_format>] = [:]
    let bold: UnsafeMutablePointer<lxw_format>
    let wrap: UnsafeMutablePointer<lxw_format>

    /// The private folder the workbook is written in (removed with the book).
    private let scratch: TemporaryFolder

    init(title: String) throws {
        do { scratch = try TemporaryFolder("xlsx") } catch { throw WorkbookError("\(error)") }
        path = scratch.file("chapter.xlsx").path
        guard let workbook = workbook_new(path) else { throw WorkbookError("libxlsxwriter could not start a workbook at \(path)") }
        self.workbook = workbook
        bold = workbook_add_format(workbook)
        format_set_bold(bold)
        wrap = workbook_add_format(workbook)
        format_set_text_wrap(wrap)
        format_set_align(wrap, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        // A fixed creation date: the same inputs give the same bytes.
        title.withCString { t in
            "jsna".withCString { a in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: t)
                properties.author = UnsafeMutablePointer(mutating: a)
                properties.created = 946_684_800
                workbook_set_properties(workbook, &properties)
            }
        }
    }

    /// A number format, made once ("0.0", "0.0%", "#,##0").
    func format(_ numberFormat: String) -> UnsafeMutablePointer<lxw_format> {
        if let known = formats[numberFormat] { return known }
        let f = workbook_add_format(workbook)!
        format_set_num_format(f, numberFormat)
        formats[numberFormat] = f
        return f
    }

    func sheet(_ name: String) throws -> XLSXSheet {
        guard let sheet = workbook_add_worksheet(workbook, name) else { throw WorkbookError("libxlsxwriter refused the sheet name \(name)") }
        return XLSXSheet(sheet: sheet, book: self)
    }

    /// Closes the workbook and returns its bytes; the temporary file is removed.
    func close() throws -> Data {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw WorkbookError("libxlsxwriter could not write the workbook: \(String(cString: lxw_strerror(status)))")
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

/// One worksheet: cells by row and column (both from 0).
struct XLSXSheet {
    let sheet: UnsafeMutablePointer<lxw_worksheet>
    let book: XLSXBook

    func text(_ row: Int, _ column: Int, _ value: String, bold: Bool = false, wrap: Bool = false) {
        worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), value, bold ? book.bold : (wrap ? book.wrap : nil))
    }

    func number(_ row: Int, _ column: Int, _ value: Double, format: String? = nil) {
        worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), value, format.map(book.format))
    }

    /// A header row in bold.
    func header(_ row: Int, _ titles: [String]) {
        for (i, t) in titles.enumerated() { text(row, i, t, bold: true) }
    }

    func widths(_ widths: [Double]) {
        for (i, w) in widths.enumerated() { worksheet_set_column(sheet, lxw_col_t(i), lxw_col_t(i), w, nil) }
    }

    func freezeHeader(rows: Int = 1) { worksheet_freeze_panes(sheet, lxw_row_t(rows), 0) }

    /// Printing as analysts expect: A4 landscape, one page wide (as many tall as it needs),
    /// the header rows repeated on every printed page.
    func printSetUp(headerRows: Int = 1) {
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)  // A4
        worksheet_fit_to_pages(sheet, 1, 0)
        if headerRows > 0 { worksheet_repeat_rows(sheet, 0, lxw_row_t(headerRows - 1)) }
    }

    func autofilter(lastRow: Int, lastColumn: Int, headerRow: Int = 0) {
        worksheet_autofilter(sheet, lxw_row_t(headerRow), 0, lxw_row_t(max(lastRow, headerRow)), lxw_col_t(lastColumn))
    }
}

/// The workbook could not be written.
public struct WorkbookError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
