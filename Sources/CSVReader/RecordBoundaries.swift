#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a CSV file into byte ranges that start and end on record boundaries, so each
/// can be parsed on its own core.
///
/// A newline ends a record only outside quotes, and it is outside quotes exactly when an
/// even number of quote characters comes before it (a doubled quote counts twice). So the
/// file is scanned once for quotes up to each cut, and the cut moves to the first newline
/// after it with even parity. Files with no such newline near a cut get fewer ranges.
public enum RecordBoundaries {
    /// - Parameter minimumBytes: data smaller than this stays one range: starting threads
    ///   costs more than it saves on small files (tests and the fuzzer lower it).
    public static func split(path: String, parts: Int, dataStart: Int, minimumBytes: Int = 4 << 20) -> [Range<Int>] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return [] }
        let size = Int(st.st_size)
        guard parts > 1, size - dataStart > minimumBytes else { return [dataStart..<size] }
        let targets = (1..<parts).map { dataStart + (size - dataStart) * $0 / parts }
        var cuts: [Int] = []
        let bufferSize = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bufferSize)
        defer { buffer.deallocate() }
        var offset = 0, quotes = 0, next = 0
        var searching = false
        while next < targets.count {
            let n = pread(fd, buffer, bufferSize, off_t(offset))
            if n <= 0 { break }
            var i = 0
            while i < n && next < targets.count {
                if !searching {
                    // Count quotes up to the target quickly, then look for the boundary.
                    let stop = min(n, targets[next] - offset)
                    if stop > i {
                        quotes += count(UInt8(ascii: "\""), buffer + i, stop - i)
                        i = stop
                    }
                    if offset + i >= targets[next] { searching = true } else { continue }
                }
                let byte = buffer[i]
                if byte == UInt8(ascii: "\"") { quotes += 1 }
                i += 1
                if byte == 0x0A && quotes % 2 == 0 {
                    cuts.append(offset + i)
                    next += 1
                    searching = false
                }
            }
            offset += n
        }
        let bounds = [dataStart] + cuts.filter { $0 < size } + [size]
        return zip(bounds, bounds.dropFirst()).filter { $0.0 < $0.1 }.map { $0.0..<$0.1 }
    }

    /// Hands the file from `start` to `body` a block at a time (the bytes, how many, and
    /// the block's offset in the file) until `body` returns false or the file ends. Returns
    /// the offset reached (the end of the block `body` stopped in, or of the file); nil if
    /// the file cannot be opened.
    static func forEachBlock(path: String, from start: Int = 0, size: Int, _ body: (UnsafeMutablePointer<UInt8>, Int, Int) -> Bool) -> Int? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        var offset = start
        while true {
            let n = pread(fd, buffer, size, off_t(offset))
            if n <= 0 { return offset }
            let more = body(buffer, n, offset)
            offset += n
            if !more { return offset }
        }
    }

    static func count(_ byte: UInt8, _ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Int {
        var c = 0, start = UnsafeMutableRawPointer(p), left = n
        while left > 0, let hit = memchr(start, Int32(byte), left) {
            c += 1
            let advance = hit - start + 1
            start = hit + 1
            left -= advance
        }
        return c
    }
}

extension RecordBoundaries {
    /// The byte offset just after the header's `lines` lines, counted as the reader counts
    /// them: outside quotes a CR, an LF or a CRLF ends a line; inside quotes each LF does.
    /// (Counting LFs alone put a header ended by a lone CR one record too far, and the split
    /// read lost the first data row: a fuzzer finding.)
    public static func endOfHeader(path: String, lines: Int) -> Int {
        var seen = 0, quoted = false, afterCR = false
        var found: Int?
        let end = forEachBlock(path: path, size: 1 << 16) { bytes, n, offset in
            for i in 0..<n {
                let byte = bytes[i]
                if seen == lines {
                    // The header's last line ended with a CR: an LF straight after it belongs to it.
                    found = offset + i + (afterCR && byte == 0x0A ? 1 : 0)
                    return false
                }
                if byte == UInt8(ascii: "\"") { quoted.toggle() }
                if quoted {
                    if byte == 0x0A { seen += 1 }
                } else if byte == 0x0D {
                    seen += 1
                } else if byte == 0x0A && !afterCR {
                    seen += 1
                }
                afterCR = byte == 0x0D && !quoted
            }
            return true
        }
        return found ?? end ?? 0
    }
}
