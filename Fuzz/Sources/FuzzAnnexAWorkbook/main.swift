import AnnexAPathway
import Foundation
import FuzzSupport

/// Annex A workbooks (.xlsx): any bytes must give figures or one located error naming the
/// workbook — never a crash, and never more than the workbook's unpacking budget of memory
/// or disk (libFuzzer's -rss_limit_mb catches the first).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnnexAWorkbook(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    InputFile.write(start, count, to: InputFile.workbookPath)
    do {
        _ = try PathwayFigures.read(folder: InputFile.workbookPath, year: 2025, asAt: nil)
    } catch {
        let text = String(describing: error)
        if text.contains("\n") { InputFile.finding("an error over several lines: \(text)") }
        if !text.contains(InputFile.workbookPath) { InputFile.finding("an error that does not name the workbook: \(text)") }
    }
    return 0
}
