import Foundation
import Testing

@testable import CSVReader

/// The reader switches libcsv between its fast built-in space test and a space function
/// that keeps spaces, stretch by stretch (see shim.h). These tests check the switch never
/// changes a field: random files full of spaces and tabs at field edges, inside quotes and
/// next to quotes are read at many buffer sizes and compared with the fields they were
/// written from.
@Suite struct SpaceHandling {
    /// A small deterministic generator, so a failure can be replayed from its seed.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let pieces = ["a", "Worker 01", " ", "  ", "\t", "x y", ",", "\"", "\n", "\r\n", "é", "2024-01-05", ""]

    /// A random field value; values with commas, quotes or line breaks are written quoted.
    static func field(_ random: inout SplitMix) -> String {
        (0..<random.next(4)).map { _ in pieces[random.next(pieces.count)] }.joined()
    }

    static func encode(_ value: String, forceQuotes: Bool) -> String {
        let needsQuotes = forceQuotes || value.utf8.contains(where: { Array(",\"\n\r".utf8).contains($0) }) || value.isEmpty
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func randomFilesReadBackExactly(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        let columns = 4
        var rows: [[String]] = []
        var text = ""
        for _ in 0..<400 {
            var row = (0..<columns).map { _ in Self.field(&random) }
            // An empty unquoted field and a lone blank line look alike; keep rows non-blank.
            if row.allSatisfy(\.isEmpty) { row[0] = "z" }
            rows.append(row)
            text += row.map { Self.encode($0, forceQuotes: random.next(5) == 0) }.joined(separator: ",")
            text += random.next(2) == 0 ? "\n" : "\r\n"
        }
        let path = try temporaryCSV(text)
        for chunk in [3, 7, 16, 61, 256, 4096, 1 << 20] {
            var options = CSVReader.Options()
            options.chunkSize = chunk
            options.requireSameFieldCount = true
            var got: [[String]] = []
            try CSVReader(path: path, options: options).forEachRecord { got.append($0.strings) }
            #expect(got == rows, "seed \(seed), chunk \(chunk)")
        }
    }

    @Test(arguments: [3, 5, 64, 1 << 20])
    func spaceAfterClosingQuoteIsAnErrorAtEveryBufferSize(chunk: Int) throws {
        let path = try temporaryCSV("a,b\nplain,row\n\"q\" ,b\n")
        var options = CSVReader.Options()
        options.chunkSize = chunk
        #expect(throws: CSVError.self) { try CSVReader(path: path, options: options).forEachRecord { _ in } }
    }

    @Test func longRecordsLargerThanTheBufferKeepTheirSpaces() throws {
        let long = String(repeating: "ab ", count: 50) + " "
        let text = "h1,h2\n \(long),\"\(long)\"\n x , y \n"
        let path = try temporaryCSV(text)
        var options = CSVReader.Options()
        options.chunkSize = 16
        var got: [[String]] = []
        try CSVReader(path: path, options: options).forEachRecord { got.append($0.strings) }
        #expect(got == [["h1", "h2"], [" " + long, long], [" x ", " y "]])
    }
}
