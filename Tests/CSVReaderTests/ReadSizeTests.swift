import Foundation
import Testing

@testable import CSVReader

/// The reader fills a buffer and hands libcsv what it holds, so a record, a quote or a
/// UTF-8 character can be cut by the end of a read. Whatever the read size, a file must
/// give the same records, or the same error at the same place. The first case is the
/// fuzzer's first finding (FUZZING.md): a ragged row on line 2 and a Windows-1252 byte on
/// line 3 were reported as the line-3 problem when the file was read in one go.
@Suite struct ReadSize {
    static let files: [(name: String, bytes: [UInt8])] = [
        ("a ragged row before a Windows-1252 byte", Array("a,b\n1,2,3\n".utf8) + [0x8C] + Array(",x\n".utf8)),
        ("a character after a closing quote", Array("a,b\n\"abc\"é,x\n".utf8)),
        ("a broken character after a closing quote", Array("a,b\n\"abc\"".utf8) + [0xC3, 0x28] + Array(",x\n".utf8)),
        ("a NUL after a stray quote", Array("a,b\nx\"y,".utf8) + [0] + Array("\n".utf8)),
        ("long records of two-, three- and four-byte characters",
         Array(("id,text\n1," + String(repeating: "é€😀", count: 80) + "\n2,\"" + String(repeating: "£\n", count: 40) + "\"\n").utf8)),
        ("a four-byte character cut short at the end", Array("a,b\n1,".utf8) + [0xF0, 0x9F, 0x98]),
        ("a stray byte after a quote, then a character cut short at the end (fuzzer)",
         Array("a,".utf8) + [0xEF, 0xBB, 0xBF, 0x0D] + Array("\"\"quolow\"\"\"".utf8) + [0xEF, 0xBB, 0xBF] + Array("\r\n\r\n\"quolow\"\"\"".utf8) + [0xEF, 0xBB]),
        ("a surrogate encoded in UTF-8", Array("a,b\n1,".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8)),
    ]

    @Test(arguments: files.indices)
    func sameOutcomeWhateverTheReadSize(_ index: Int) throws {
        let (name, bytes) = Self.files[index]
        let path = try temporaryCSV(bytes: bytes)
        let whole = outcome(path, chunkSize: 1 << 20)
        for size in 4...(bytes.count + 4) {
            let pieces = outcome(path, chunkSize: size)
            #expect(pieces == whole, "\(name): \(size)-byte reads gave \(pieces), one read gave \(whole)")
            if pieces != whole { break }
        }
    }

    @Test func theRaggedRowComesFirst() throws {
        let path = try temporaryCSV(bytes: Self.files[0].bytes)
        #expect(outcome(path, chunkSize: 1 << 20) == "\(path):2:5: ragged row: 3 fields where the header has 2")
    }

    private func outcome(_ path: String, chunkSize: Int) -> String {
        do {
            return try readAll(path, chunkSize: chunkSize).map { "\($0.line):\($0.fields)" }.joined(separator: "; ")
        } catch {
            return String(describing: error)
        }
    }
}
