import CensusIngest
import FuzzSupport

/// DfE explore-education-statistics files, neighbour lists and population files: any
/// bytes must give a table, a neighbour list, "unrecognised", or one located error line.
/// The seeds (Fuzz/seeds/census) are the headers and first rows of jsna's own demo data,
/// which uses DfE's real column names.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCensusIngest(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    InputFile.write(start, count)
    do {
        switch try SourceFile.read(path: InputFile.path) {
        case .table, .neighbours, .unrecognised:
            break
        }
    } catch {
        InputFile.checkOneLine(error)
    }
    return 0
}
