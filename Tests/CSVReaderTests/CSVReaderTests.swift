import Foundation
import Testing

@testable import CSVReader
import TestSupport

/// Writes `bytes` to a temporary file and returns its path.
func temporaryCSV(_ text: String, name: String = "t.csv") throws -> String {
    try temporaryCSV(bytes: Array(text.utf8), name: name)
}

func temporaryCSV(bytes: [UInt8], name: String = "t.csv") throws -> String {
    let dir = try temporaryDirectory()
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

/// All records as strings, with their starting lines.
func readAll(_ path: String, chunkSize: Int = 1 << 20) throws -> [(line: Int, fields: [String])] {
    var options = CSVReader.Options()
    options.chunkSize = chunkSize
    var out: [(Int, [String])] = []
    try CSVReader(path: path, options: options).forEachRecord { out.append(($0.line, $0.strings)) }
    return out
}

func expectError(_ path: String, line: Int, column: Int, containing text: String) {
    do {
        _ = try readAll(path)
        Issue.record("expected an error at \(line):\(column)")
    } catch let error as CSVError {
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.message.contains(text), "\(error)")
        #expect(error.description.hasPrefix("\(path):\(line):\(column): "))
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Suite struct ReaderBasics {
    @Test func plainFileWithHeader() throws {
        let rows = try readAll(try temporaryCSV("a,b,c\n1,2,3\n4,5,6\n"))
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]])
        #expect(rows.map(\.line) == [1, 2, 3])
    }

    @Test func byteOrderMarkIsRemoved() throws {
        let path = try temporaryCSV(bytes: [0xEF, 0xBB, 0xBF] + Array("time_period,la\n2025,x\n".utf8))
        var summary: CSVReader.Summary?
        var header: [String] = []
        summary = try CSVReader(path: path).forEachRecord { if $0.number == 1 { header = $0.strings } }
        #expect(header == ["time_period", "la"])
        #expect(summary?.hadByteOrderMark == true)
    }

    /// Issue 29, item 11: a file joined onto another keeps the second one's byte-order mark
    /// at the start of a line, where it became part of a child's ID. It is removed, and the
    /// record says so (the extract and list readers warn, located at its line).
    @Test func aByteOrderMarkStartingALaterRecordIsRemovedAndFlagged() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let path = try temporaryCSV(bytes: bom + Array("id,n\nC1,1\n".utf8) + bom + Array("C2,2\n\"C3\",3\n".utf8))
        var seen: [(fields: [String], line: Int, mark: Bool)] = []
        try CSVReader(path: path).forEachRecord { seen.append(($0.strings, $0.line, $0.startsWithByteOrderMark)) }
        #expect(seen.map(\.fields) == [["id", "n"], ["C1", "1"], ["C2", "2"], ["C3", "3"]])
        #expect(seen.map(\.mark) == [false, false, true, false], "the file's own mark is not flagged; the joined one is")
        #expect(seen.map(\.line) == [1, 2, 3, 4])
    }

    @Test func crlfAndMixedLineEndingsCountLines() throws {
        let rows = try readAll(try temporaryCSV("a,b\r\n1,2\r\n\r\n3,4\n5,6\r7,8"))
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]])
        #expect(rows.map(\.line) == [1, 2, 4, 5, 6])
    }

    @Test func quotedCommasNewlinesAndDoubledQuotes() throws {
        let text = "id,text,n\n1,\"a, b\",2\n2,\"line one\nline two\",3\n3,\"say \"\"hi\"\"\",4\n"
        let rows = try readAll(try temporaryCSV(text))
        #expect(rows[1].fields == ["1", "a, b", "2"])
        #expect(rows[2].fields == ["2", "line one\nline two", "3"])
        #expect(rows[3].fields == ["3", "say \"hi\"", "4"])
        #expect(rows.map(\.line) == [1, 2, 3, 5])
    }

    @Test func spacesAroundUnquotedFieldsAreKept() throws {
        let rows = try readAll(try temporaryCSV("a,b\n Close ,  x\n"))
        #expect(rows[1].fields == [" Close ", "  x"])
    }

    @Test func emptyFieldsAndTrailingComma() throws {
        let rows = try readAll(try temporaryCSV("a,b,\n,,\n\"\",x,\n"))
        #expect(rows[1].fields == ["", "", ""])
        #expect(rows[2].fields == ["", "x", ""])
    }

    @Test func emptyFileHasNoRecords() throws {
        let summary = try CSVReader(path: try temporaryCSV("")).forEachRecord { _ in Issue.record("no records") }
        #expect(summary.records == 0)
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func tinyChunksGiveTheSameRecords(chunk: Int) throws {
        let text = "\u{FEFF}h1,h2\r\n\"q,\"\"x\"\"\r\ny\",2\r\nplain,\"\"\r\n"
        let path = try temporaryCSV(text)
        let whole = try readAll(path)
        let chunked = try readAll(path, chunkSize: chunk)
        #expect(whole.map(\.fields) == chunked.map(\.fields))
        #expect(whole.map(\.line) == chunked.map(\.line))
        #expect(whole.map(\.line) == [1, 2, 4])
    }
}

@Suite struct ReaderErrors {
    @Test func raggedRowNamesLineAndColumn() throws {
        let path = try temporaryCSV("a,b,c\n1,2,3\n4,5\n")
        expectError(path, line: 3, column: 4, containing: "ragged row: 2 fields where the header has 3")
    }

    @Test func tooManyFieldsPointsAtTheExtraField() throws {
        let path = try temporaryCSV("a,b\n1,2\n10,20,30\n")
        expectError(path, line: 3, column: 7, containing: "ragged row: 3 fields")
    }

    @Test func unterminatedQuoteAtEndOfFile() throws {
        let path = try temporaryCSV("a,b\n1,2\n3,\"never closed\n4,5\n")
        expectError(path, line: 3, column: 3, containing: "unterminated quote")
    }

    @Test func strayQuoteInUnquotedField() throws {
        let path = try temporaryCSV("a,b\n1,ab\"c\n")
        expectError(path, line: 2, column: 5, containing: "stray quote")
    }

    @Test func textAfterClosingQuote() throws {
        let path = try temporaryCSV("a,b\n1,\"ab\"c\n")
        expectError(path, line: 2, column: 7, containing: "after the closing quote")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let path = try temporaryCSV("name,b\n£££,x\"y\n")
        expectError(path, line: 2, column: 6, containing: "stray quote")
    }

    @Test func handlerFieldErrorIsLocated() throws {
        let path = try temporaryCSV("code,count\n350,3803\n351,abc\n")
        do {
            try CSVReader(path: path).forEachRecord { record in
                guard record.number > 1 else { return }
                if ByteParsing.unsignedInteger(record[1]) == nil {
                    throw CSVFieldError(field: 1, message: "\"\(record.string(1))\" is not a count")
                }
            }
            Issue.record("expected an error")
        } catch let error as CSVError {
            #expect(error.description == "\(path):3:5: \"abc\" is not a count")
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: CSVError.self) { try readAll("/nonexistent/jsna/none.csv") }
    }
}

@Suite struct ByteParsingTests {
    func parse(_ s: String) -> Int? {
        Array(s.utf8).withUnsafeBufferPointer { ByteParsing.unsignedInteger($0) }
    }
    func decimal(_ s: String) -> Double? {
        Array(s.utf8).withUnsafeBufferPointer { ByteParsing.decimal($0) }
    }

    @Test func integers() {
        #expect(parse("3803") == 3803)
        #expect(parse("0") == 0)
        #expect(parse("") == nil)
        #expect(parse("3,803") == nil)
        #expect(parse(" 12") == nil)
        #expect(parse("-1") == nil)
        #expect(parse("1e3") == nil)
    }

    @Test func decimals() {
        #expect(decimal("15.2") == 15.2)
        #expect(decimal("-3.5") == -3.5)
        #expect(decimal("12") == 12)
        #expect(decimal("1e3") == nil)
        #expect(decimal("1.2.3") == nil)
        #expect(decimal("c") == nil)
        #expect(decimal(".") == nil)
    }
}

@Suite struct SHA256Tests {
    @Test func standardVectors() throws {
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        let path = try temporaryCSV(String(repeating: "x", count: 100_000))
        #expect(SHA256.hex(ofFile: path) == SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "x"), count: 100_000)))
    }
}

@Suite struct LineCountingWithCRLF {
    @Test func raggedRowsInCRLFFilesAreLocatedOnTheirOwnLine() throws {
        expectError(try temporaryCSV("a,b,c\r\n1,2,3\r\n4,5\r\n"), line: 3, column: 4, containing: "ragged row")
        expectError(try temporaryCSV("a,b\r\n1,2\r\n10,20,30\r\n"), line: 3, column: 7, containing: "ragged row: 3 fields")
        expectError(try temporaryCSV("h1,h2,h3\r\nr0,\"a\nb\",z\r\nr1,x,z,extra\r\n"), line: 4, column: 8, containing: "ragged row")
    }

    @Test func fieldErrorsInCRLFFiles() throws {
        let path = try temporaryCSV("code,count\r\n350,3803\r\n351,abc\r\n")
        do {
            try CSVReader(path: path).forEachRecord { record in
                guard record.number > 1, ByteParsing.unsignedInteger(record[1]) == nil else { return }
                throw CSVFieldError(field: 1, message: "not a count")
            }
            Issue.record("expected an error")
        } catch let error as CSVError {
            #expect(error.line == 3 && error.column == 5)
        }
    }

    @Test func quotedNewlinesInCRLFFilesCountOnce() throws {
        var rows = ["h1,h2,h3"]
        for i in 0..<10 { rows.append("r\(i),\(i % 3 == 0 ? "\"a\nb\"" : "x"),z") }
        let records = try readAll(try temporaryCSV(rows.joined(separator: "\r\n") + "\r\n"))
        // Rows 0, 3, 6 and 9 span two lines.
        #expect(records.map(\.line) == [1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14])
    }
}
