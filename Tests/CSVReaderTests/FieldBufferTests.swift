import CLibCSV
import Foundation
import Testing

@testable import CSVReader

/// libcsv keeps the field being parsed in one buffer that it grows through a realloc
/// function. jsna's grows it by doubling, so a huge field is linear in its size even
/// where realloc copies (it always does under AddressSanitizer).
@Suite struct FieldBuffer {
    @Test func theBufferDoublesAndLaterCallsUseTheSpareRoom() throws {
        let first = try #require(jsna_csv_realloc(nil, 1000))
        let have = malloc_usable_size(first)
        let grown = try #require(jsna_csv_realloc(first, have + 1))
        #expect(malloc_usable_size(grown) >= 2 * have)
        // libcsv asks for 128 bytes more each time: those calls cost nothing now.
        let same = jsna_csv_realloc(grown, have + 129)
        #expect(same == grown)
        free(same)
    }

    @Test func theBytesSurviveEveryGrowth() throws {
        var buffer: UnsafeMutableRawPointer? = nil
        for size in stride(from: 128, through: 1 << 20, by: 128) {
            buffer = jsna_csv_realloc(buffer, size)
            let bytes = try #require(buffer).assumingMemoryBound(to: UInt8.self)
            bytes[size - 1] = UInt8(truncatingIfNeeded: size >> 7)
        }
        let bytes = try #require(buffer).assumingMemoryBound(to: UInt8.self)
        #expect((1...(1 << 13)).allSatisfy { bytes[$0 * 128 - 1] == UInt8(truncatingIfNeeded: $0) })
        free(buffer)
    }

    @Test func aFourMegabyteQuotedFieldReadsWhole() throws {
        let field = String(repeating: "a,\"\"b\n", count: 700_000)
        let path = try temporaryCSV("id,text\n1,\"\(field)\"\n2,short\n")
        let records = try readAll(path, chunkSize: 1 << 16)
        #expect(records.count == 3)
        #expect(records[1].fields[1] == String(repeating: "a,\"b\n", count: 700_000))
        #expect(records[2].line == 3 + 700_000)
    }
}
