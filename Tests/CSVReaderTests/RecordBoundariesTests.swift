import Foundation
import Testing

@testable import CSVReader

/// Where the data starts after a header: found by the same line rule the reader uses, so a
/// split read starts at the first data row whatever ends the header's lines.
@Suite struct RecordBoundariesTests {
    /// For each file: the header's lines (as the reader numbers record 2) and the byte the
    /// data starts at.
    @Test(arguments: [
        ("h,i\nA,1\n", 1, 4),
        ("h,i\r\nA,1\r\n", 1, 5),
        ("h,i\rA,1\r\n", 1, 4),  // a lone CR (old Mac, or an edited file): the fuzzer's case
        ("h,i\r\n\r\nA,1\r\n", 2, 7),  // a blank line after the header
        ("\"h\r\nj\",i\r\nA,1\r\n", 2, 10),  // a quoted header cell across two lines
        ("\"h\rj\",i\rA,1\r\n", 1, 8),  // a CR inside quotes is not a line
    ])
    func theDataStartsWhereTheReaderSaysRecordTwoDoes(text: String, lines: Int, start: Int) throws {
        let path = try temporaryCSV(text)
        var secondLine = 0
        try CSVReader(path: path).forEachRecord { if $0.number == 2 { secondLine = $0.line } }
        #expect(secondLine - 1 == lines, "the reader's numbering")
        #expect(RecordBoundaries.endOfHeader(path: path, lines: lines) == start)
        #expect(Array(text.utf8)[start] == UInt8(ascii: "A"))
    }
}

/// Values quoted in messages stay on one line and short.
@Suite struct MessageValues {
    @Test func lineBreaksAndControlCharactersAreEscaped() {
        #expect("12\n3".forMessage == "12\\n3")
        #expect("a\r\nb\tc\u{1}".forMessage == "a\\r\\nb\\tc\\u{1}")
        #expect("Children’s £".forMessage == "Children’s £")
        #expect(String(repeating: "9", count: 500).forMessage == String(repeating: "9", count: 60) + "…")
        let error = CSVError(path: "x.csv", line: 2, column: 3, message: "\"a\nb\" is not a count")
        #expect(error.description == "x.csv:2:3: \"a\\nb\" is not a count")
    }
}

/// A file removed while it is read (the reader's descriptor keeps it readable) has its
/// problem reported as that, not placed at 1:1 as a stray quote (a fuzzing-session finding).
@Suite struct RemovedWhileRead {
    @Test func aSyntaxErrorInARemovedFileSaysSo() throws {
        let path = try temporaryCSV("a,b\n1,2\n3,x\"y\n")
        #expect {
            try CSVReader(path: path).forEachRecord { record in
                if record.number == 1 { unlink(path) }
            }
        } throws: { error in
            "\(error)" == "\(path): the file was removed while it was being read; read it again"
        }
        let kept = try temporaryCSV("a,b\n1,2\n3,x\"y\n")
        #expect { try CSVReader(path: kept).forEachRecord { _ in } } throws: { "\($0)".hasSuffix(":3:4: stray quote in an unquoted field (quote the whole field and double the quote)") }
    }
}
