import CSVReader
import FuzzSupport

/// Any bytes: the reader must return records or throw a one-line located error, and it
/// must do the same whatever the read size (so a record, a quote, a BOM or a UTF-8
/// sequence split across reads is handled like one that is not).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    InputFile.write(start, count)
    let whole = read(chunkSize: 1 << 16)
    let pieces = read(chunkSize: 3 + count % 11)
    if whole != pieces { InputFile.finding("64 KB reads gave \(whole), small reads gave \(pieces)") }
    if case .failed(let text) = whole, text.contains("\n") { InputFile.finding("an error over several lines: \(text)") }
    return 0
}

enum Outcome: Equatable, CustomStringConvertible {
    case records([[String]], lines: [Int])
    case failed(String)

    var description: String {
        switch self {
        case .records(let r, let lines): "\(r.count) records at lines \(lines.prefix(5))"
        case .failed(let text): text
        }
    }
}

func read(chunkSize: Int) -> Outcome {
    var options = CSVReader.Options()
    options.chunkSize = chunkSize
    var records: [[String]] = []
    var lines: [Int] = []
    do {
        _ = try CSVReader(path: InputFile.path, options: options).forEachRecord {
            records.append($0.strings)
            lines.append($0.line)
        }
        return .records(records, lines: lines)
    } catch {
        InputFile.checkOneLine(error)
        return .failed(String(describing: error))
    }
}
