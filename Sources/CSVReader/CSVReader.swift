import Diagnostics
import CLibCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming CSV reader on libcsv, strict about quoting and exact about positions.
///
/// The file is read in chunks and never held whole; each record reaches the handler once,
/// its fields as byte slices (see ``CSVRecord``). Spaces around unquoted fields are kept
/// (libcsv trims them by default), a UTF-8 byte-order mark is removed (one starting a later
/// record too, flagged on the record: ``CSVRecord/startsWithByteOrderMark``), CR, LF and CRLF
/// line endings are all accepted, and blank lines are skipped. An unterminated quote, a
/// stray quote, a ragged row, a NUL byte or text that is not UTF-8 (see ``TextProblem``)
/// stops the read with a ``CSVError`` naming file, line and column.
///
///     try CSVReader(path: "c1.csv").forEachRecord { record in
///         if record.number == 1 { return }          // header
///         let code = record.string(7)               // decode only what you need
///     }
public struct CSVReader: Sendable {
    public struct Options: Sendable {
        /// Every record must have as many fields as the first one (the header).
        public var requireSameFieldCount = true
        /// Bytes handed to libcsv per call.
        public var chunkSize = 1 << 20
        /// Read only these bytes of the file (a chunk that starts and ends at record
        /// boundaries); line numbers then count from the start of the range.
        public var byteRange: Range<Int>?
        /// The field count every record must have, when the header is not in the range.
        public var expectedFieldCount: Int?
        /// Counts the bytes read, for a progress line on long reads.
        public var progress: ReadProgress?
        public init() {}
    }

    /// What a completed read saw.
    public struct Summary: Sendable, Equatable {
        public var records: Int
        public var bytes: Int
        public var hadByteOrderMark: Bool
        /// Physical lines consumed (the next record would start on line `lines + 1`).
        public var lines: Int = 0
    }

    public let path: String
    public var options: Options

    public init(path: String, options: Options = Options()) {
        self.path = path
        self.options = options
    }

    /// Reads the whole file, calling `handler` for each record in file order.
    ///
    /// A handler may throw ``CSVFieldError`` or ``CSVRecordError``; the read stops and the
    /// error is rethrown as a ``CSVError`` located at that field or record.
    @discardableResult
    public func forEachRecord(_ handler: (CSVRecord) throws -> Void) throws -> Summary {
        // O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { throw CSVError(path: path, line: 0, column: 0, message: "cannot open: \(systemError())") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw CSVError(path: path, line: 0, column: 0, message: "is a folder, not a file")
        }
        if let what = RegularFile.kind(info.st_mode) {
            throw CSVError(path: path, line: 0, column: 0, message: "is \(what), not a file: jsna reads only regular files")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return try withoutActuallyEscaping(handler) { handler in
            let state = ParseState(requireSameFieldCount: options.requireSameFieldCount, handler: handler)
            state.expectedFields = options.expectedFieldCount
            if let range = options.byteRange, lseek(fd, off_t(range.lowerBound), SEEK_SET) < 0 {
                throw CSVError(path: path, line: 0, column: 0, message: "cannot seek: \(systemError())")
            }
            defer { state.release() }
            return try run(fd: fd, state: state)
        }
    }

    private func run(fd: Int32, state: ParseState) throws -> Summary {
        let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        defer { parser.deallocate() }
        guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL)) == 0 else {
            throw CSVError(path: path, line: 0, column: 0, message: "libcsv failed to initialise")
        }
        defer { csv_free(parser) }
        jsna_csv_grow_geometrically(parser)
        // Four bytes at least: a read always gets past the (at most three) bytes of a cut character.
        let capacity = max(options.chunkSize, 4)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        let bytes = buffer.assumingMemoryBound(to: UInt8.self)
        var feed = Feed(parser: parser, context: Unmanaged.passUnretained(state).toOpaque())
        var remaining = options.byteRange?.count ?? Int.max
        // The first three bytes are read in full so a byte-order mark is seen whole.
        var filled = try readFully(fd, into: buffer, count: min(3, remaining), state: state)
        remaining -= filled
        let hadBOM = (options.byteRange?.lowerBound ?? 0) == 0 && filled == 3 && bytes[0] == 0xEF
            && bytes[1] == 0xBB && bytes[2] == 0xBF
        if hadBOM {
            feed.offset = 3
            filled = 0
        } else if (options.byteRange?.lowerBound ?? 0) == 0 && filled >= 2
            && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw CSVError(path: path, line: 1, column: 1, message: TextProblem.utf16.message(path: path))
        }
        // libcsv gets whole records where it can (see shim.h): a stretch whose fields have
        // no space at an edge is parsed with libcsv's fast built-in space test. A record
        // too long for the buffer is parsed keeping spaces until it ends.
        var midRecord = false
        var quoteState: Int32 = 0
        var endOfFile = false
        while true {
            if !endOfFile && filled < capacity {
                let count = remaining > 0 ? read(fd, buffer + filled, min(capacity - filled, remaining)) : 0
                if count < 0 {
                    if errno == EINTR { continue }
                    throw CSVError(path: path, line: state.line, column: 0, message: "read failed: \(systemError())")
                }
                if count == 0 { endOfFile = true }
                options.progress?.add(count)
                filled += count
                remaining -= count
            }
            var base = 0
            if midRecord {
                let end = jsna_csv_first_record_end(bytes, filled, &quoteState)
                midRecord = end == 0
                // Up to three bytes of a character cut by the read stay for the next one.
                base = try feed.parse(bytes, 0..<(end == 0 ? filled : end), keepingSpaces: true, atEnd: endOfFile, reader: self, state: state)
            }
            if !midRecord && base < filled {
                var edgeSpace: Int32 = 0
                let end = base + jsna_csv_whole_records(bytes + base, filled - base, &edgeSpace)
                if end > base {
                    base = try feed.parse(bytes, base..<end, keepingSpaces: edgeSpace != 0, atEnd: false, reader: self, state: state)
                }
                if base < filled && (endOfFile || filled - base > capacity / 2) {
                    // The tail of a record: parse it keeping spaces, and go on doing so
                    // until the record ends.
                    quoteState = 0
                    midRecord = jsna_csv_first_record_end(bytes + base, filled - base, &quoteState) == 0 && !endOfFile
                    base = try feed.parse(bytes, base..<filled, keepingSpaces: true, atEnd: endOfFile, reader: self, state: state)
                }
            }
            if base > 0 && base < filled { memmove(buffer, buffer + base, filled - base) }
            filled -= base
            feed.offset += base
            if endOfFile && filled == 0 { break }
        }
        if csv_fini(parser, onField, onRecord, feed.context) != 0 {
            throw syntaxError(status: csv_error(parser), at: nil, state: state)
        }
        try rethrowIfFailed(state, cutShort: !feed.endedWithTerminator)
        return Summary(records: state.recordNumber, bytes: feed.offset, hadByteOrderMark: hadBOM, lines: state.line - 1)
    }

    /// Hands byte ranges to libcsv, switching its space test only when it must change.
    private struct Feed {
        let parser: UnsafeMutablePointer<csv_parser>
        let context: UnsafeMutableRawPointer
        /// Bytes of the file (or range) handed to libcsv before the buffer's start.
        var offset = 0
        var keepingSpaces = false
        /// Whether the last byte handed over was CR or LF.
        var endedWithTerminator = true

        init(parser: UnsafeMutablePointer<csv_parser>, context: UnsafeMutableRawPointer) {
            self.parser = parser
            self.context = context
        }

        /// Checks a range is UTF-8 without NUL bytes, then hands it to libcsv. A character
        /// cut by the end of the buffer is not handed over: the range ends before it, and the
        /// caller keeps its bytes for the next read, so libcsv only ever sees whole
        /// characters and every problem is found at the same place whatever the read size.
        /// Where the text is bad, the bytes before it are parsed first: a problem earlier
        /// in the file (a ragged row, a stray quote) is reported first.
        /// - Returns: where parsing stopped (the range's end, or the start of a cut character).
        mutating func parse(
            _ bytes: UnsafeMutablePointer<UInt8>, _ range: Range<Int>, keepingSpaces keep: Bool, atEnd: Bool,
            reader: CSVReader, state: ParseState
        ) throws -> Int {
            guard !range.isEmpty else { return range.upperBound }
            var open: UInt32 = 0
            let bad = jsna_text_check(bytes + range.lowerBound, range.count, &open)
            var end = range.upperBound
            if bad < range.count {
                end = range.lowerBound + bad
            } else if open != 0 {
                end = range.upperBound - 1
                while end > range.lowerBound && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            }
            if keep != keepingSpaces {
                csv_set_space_func(parser, keep ? jsna_csv_no_space : nil)
                keepingSpaces = keep
            }
            if end > range.lowerBound {
                let last = bytes[end - 1]
                endedWithTerminator = last == 0x0A || last == 0x0D
                let parsed = csv_parse(parser, bytes + range.lowerBound, end - range.lowerBound, onField, onRecord, context)
                try reader.rethrowIfFailed(state)
                if parsed < end - range.lowerBound {
                    throw reader.syntaxError(status: csv_error(parser), at: offset + range.lowerBound + parsed, state: state)
                }
            }
            if bad < range.count {
                let byte = bytes[end]
                throw reader.textError(byte == 0 ? .nul : .notUTF8(byte), at: offset + end)
            }
            if open != 0 && atEnd { throw reader.textError(.cutShort, at: offset + range.upperBound - 1) }
            return end
        }
    }

    private func readFully(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, state: ParseState) throws -> Int {
        var got = 0
        while got < count {
            let n = read(fd, buffer + got, count - got)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw CSVError(path: path, line: 0, column: 0, message: "read failed: \(systemError())") }
            if n == 0 { break }
            got += n
        }
        return got
    }

    /// - Parameter cutShort: the file's last record has no line break after it, so a
    ///   short last row may be a copy that did not finish.
    fileprivate func rethrowIfFailed(_ state: ParseState, cutShort: Bool = false) throws {
        guard let failure = state.failure else { return }
        let locator = CSVLocator(path: path)
        switch failure.error {
        case let error as CSVFieldError:
            let (line, column) = locator.startOfField(error.field, recordLine: failure.line)
            throw CSVError(path: path, line: line, column: column, message: error.message)
        case let error as CSVRecordError:
            throw CSVError(path: path, line: failure.line, column: 1, message: error.message)
        case let error as RaggedRecord:
            let (line, column) = locator.startOfField(min(error.found, error.expected), recordLine: failure.line)
            throw CSVError(
                path: path, line: line, column: column,
                message: "ragged row: \(error.found) fields where the header has \(error.expected)"
                    + (cutShort && error.found < error.expected && failure.line >= state.line - 1 ? " — the file ends here without a line break: was it cut short?" : ""))
        default:
            throw failure.error
        }
    }

    /// Line and column where field `field` (0-based) of the record on `recordLine` starts:
    /// for messages about a value found after the read.
    public static func position(path: String, field: Int, recordLine: Int) -> (line: Int, column: Int) {
        CSVLocator(path: path).startOfField(field, recordLine: recordLine)
    }

    /// A problem found in a file removed before it could be located (the locator reopens it).
    fileprivate func vanished() -> CSVError {
        CSVError(path: path, line: 0, column: 0, message: "the file was removed while it was being read; read it again")
    }

    fileprivate func textError(_ problem: TextProblem, at offset: Int) -> CSVError {
        guard let (line, column, _) = CSVLocator(path: path).position(ofByte: offset) else { return vanished() }
        return CSVError(path: path, line: line, column: column, message: problem.message(path: path))
    }

    fileprivate func syntaxError(status: Int32, at offset: Int?, state: ParseState) -> CSVError {
        let locator = CSVLocator(path: path)
        if status == CSV_ENOMEM || status == CSV_ETOOBIG {
            return CSVError(path: path, line: state.line, column: 1, message: "field too large to read")
        }
        guard let offset else {
            let (line, column) = locator.unterminatedQuote() ?? (state.line, 1)
            return CSVError(path: path, line: line, column: column, message: "quoted field is never closed (unterminated quote)")
        }
        guard let (line, column, insideQuotes) = locator.position(ofByte: offset) else { return vanished() }
        let message = insideQuotes
            ? "unexpected character after the closing quote of a quoted field"
            : "stray quote in an unquoted field (quote the whole field and double the quote)"
        return CSVError(path: path, line: line, column: column, message: message)
    }
}

func systemError() -> String { String(cString: strerror(errno)) }
