#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds lines and columns in a CSV file after something went wrong.
///
/// The reader's hot path keeps only record line numbers; when it must report a column,
/// this rescans the file from the start with a small quote-aware state machine. Columns
/// count characters (UTF-8 sequences), not bytes; a byte-order mark is not a character.
struct CSVLocator {
    let path: String

    /// Where field `index` (0-based) of the record starting on `recordLine` begins, or where
    /// the record ends if it has fewer fields.
    func startOfField(_ index: Int, recordLine: Int) -> (line: Int, column: Int) {
        var scanner = Scanner()
        var field = 0
        var result = (line: recordLine, column: 1)
        scan { byte in
            // Before the record, and the LF of a CRLF that already moved to its line.
            if scanner.line < recordLine || (byte == 0x0A && scanner.lastWasCR) {
                scanner.consume(byte)
                return true
            }
            if field == index && scanner.atFieldStart {
                result = (scanner.line, scanner.column)
                return false
            }
            let event = scanner.consume(byte)
            switch event {
            case .delimiter: field += 1
            case .terminator:
                result = (scanner.line - 1, scanner.columnBeforeTerminator)
                return false
            case .none: break
            }
            result = (scanner.line, scanner.column)
            return true
        }
        return result
    }

    /// Line, column, and whether a quoted field had just closed, at byte `offset` of the file.
    /// `offset` counts from the start of the file, a byte-order mark included. nil if the
    /// file can no longer be opened (removed while it was read).
    func position(ofByte offset: Int) -> (line: Int, column: Int, afterClosingQuote: Bool)? {
        var scanner = Scanner()
        var index = hasByteOrderMark() ? 3 : 0
        var result = (line: 1, column: 1, afterClosingQuote: false)
        guard scan({ byte in
            if index == offset {
                result = (scanner.line, scanner.column, scanner.state == .quoteInQuoted)
                return false
            }
            scanner.consume(byte)
            index += 1
            return true
        }) else { return nil }
        return result
    }

    /// Where the opening quote of a quoted field that never closes stands, if one does.
    func unterminatedQuote() -> (line: Int, column: Int)? {
        var scanner = Scanner()
        var opening = (line: 1, column: 1)
        scan { byte in
            if scanner.atFieldStart && byte == UInt8(ascii: "\"") { opening = (scanner.line, scanner.column) }
            scanner.consume(byte)
            return true
        }
        return scanner.state == .quoted ? opening : nil
    }

    private func hasByteOrderMark() -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var bytes: (UInt8, UInt8, UInt8) = (0, 0, 0)
        return read(fd, &bytes, 3) == 3 && bytes == (0xEF, 0xBB, 0xBF)
    }

    /// Streams the file's bytes (after any BOM) to `body` until it returns false; false if
    /// the file cannot be opened.
    @discardableResult
    private func scan(_ body: (UInt8) -> Bool) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let size = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        var first = true
        while true {
            let n = read(fd, buffer, size)
            if n <= 0 { return true }
            var start = 0
            if first {
                first = false
                if n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
            }
            for i in start..<n where !body(buffer[i]) { return true }
        }
    }
}

/// A quote-aware CSV byte scanner that tracks physical lines and character columns.
struct Scanner {
    enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
    enum Event { case none, delimiter, terminator }

    var line = 1
    var column = 1
    var columnBeforeTerminator = 1
    var state = State.fieldStart
    var lastWasCR = false

    var atFieldStart: Bool { state == .fieldStart }

    @discardableResult
    mutating func consume(_ byte: UInt8) -> Event {
        let isNewline = byte == 0x0A || byte == 0x0D
        var event = Event.none
        switch state {
        case .quoted:
            if byte == UInt8(ascii: "\"") { state = .quoteInQuoted }
        case .quoteInQuoted:
            if byte == UInt8(ascii: "\"") {
                state = .quoted
            } else if byte == UInt8(ascii: ",") {
                state = .fieldStart
                event = .delimiter
            } else if isNewline {
                state = .fieldStart
                event = .terminator
            }
        case .fieldStart, .unquoted:
            if byte == UInt8(ascii: "\"") && state == .fieldStart {
                state = .quoted
            } else if byte == UInt8(ascii: ",") {
                state = .fieldStart
                event = .delimiter
            } else if isNewline {
                state = .fieldStart
                event = .terminator
            } else {
                state = .unquoted
            }
        }
        advance(byte)
        return event
    }

    private mutating func advance(_ byte: UInt8) {
        if byte == 0x0D {
            columnBeforeTerminator = column
            line += 1
            column = 1
            lastWasCR = true
        } else if byte == 0x0A {
            if !lastWasCR {
                columnBeforeTerminator = column
                line += 1
                column = 1
            }
            lastWasCR = false
        } else {
            lastWasCR = false
            if byte & 0xC0 != 0x80 { column += 1 }
        }
    }
}
