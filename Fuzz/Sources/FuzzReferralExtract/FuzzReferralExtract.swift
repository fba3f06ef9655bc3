import FuzzSupport
import ReferralExtract

/// Annex A List 3 extracts: any bytes must give figures or one located error line, and
/// splitting the file across cores (forced here on small files), or linking its children
/// in several partitions spilled to a temporary file, must give exactly what one core with
/// every record held gives: the same figures, dates, diagnostics and errors.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReferralExtract(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    InputFile.write(start, count)
    let one = read(parts: 1)
    let split = read(parts: 2 + count % 3, partitions: 1 + count % 4, spill: true)
    if one != split { InputFile.finding("one core, held, gave\n\(one)\nsplit, in \(1 + count % 4) partitions spilled, gave\n\(split)") }
    return 0
}

enum Outcome: Equatable, CustomStringConvertible {
    case figures(String)
    case failed(String)
    var description: String {
        switch self {
        case .figures(let text), .failed(let text): text
        }
    }
}

func read(parts: Int, partitions: Int = 1, spill: Bool = false) -> Outcome {
    var options = ExtractOptions()
    options.splitAbove = 0
    options.linkingPartitions = partitions
    options.alwaysSpill = spill
    do {
        let extract = try ReferralExtract.read(path: InputFile.path, options: options, parts: parts)
        var text = "rows \(extract.rowsRead), \(extract.dateFormat) detected \(extract.dateFormatDetected)"
        text += ", dates \(String(describing: extract.firstDate))–\(String(describing: extract.lastDate))\n"
        for year in extract.figures.keys.sorted() { text += extract.figures(for: year).json + "\n" }
        for (day, n) in extract.daily.sorted(by: { $0.key.dayNumber < $1.key.dayNumber }) { text += "\(day.dayNumber):\(n) " }
        text += "\n" + extract.diagnostics.diagnostics(path: InputFile.path, fields: extract.diagnosticFields).map { $0.text(severity: true) }.joined(separator: "\n")
        return .figures(text)
    } catch {
        InputFile.checkOneLine(error)
        return .failed(String(describing: error))
    }
}
