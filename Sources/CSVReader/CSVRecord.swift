/// One record of a CSV file, as byte slices into the reader's reusable buffer.
///
/// A record is only valid inside the handler it is passed to: the reader reuses its
/// storage for the next record. Convert what you need (``string(_:)``, ``int(_:)``)
/// before returning. Nothing is decoded unless asked for, so a handler that looks at
/// three fields of forty pays for three.
public struct CSVRecord {
    /// The physical line on which the record starts (1-based; the header is usually line 1).
    public let line: Int
    /// The record's position in the file, counting the header as record 1.
    public let number: Int
    /// True when a UTF-8 byte-order mark began the record somewhere past the file's start
    /// (two files joined into one): the reader has removed it from the first field, and the
    /// caller should say so, located at this line.
    public let startsWithByteOrderMark: Bool
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let ends: UnsafeBufferPointer<Int>

    init(line: Int, number: Int, bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, startsWithByteOrderMark: Bool = false) {
        self.line = line
        self.number = number
        self.bytes = bytes
        self.ends = ends
        self.startsWithByteOrderMark = startsWithByteOrderMark
    }

    /// Number of fields in this record.
    @inlinable public var count: Int { ends.count }

    /// The bytes of field `index` (0-based), quotes removed and doubled quotes undoubled.
    @inlinable @inline(__always) public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        let end = ends[index]
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Field `index` decoded as UTF-8 (invalid sequences become U+FFFD).
    public func string(_ index: Int) -> String {
        String(decoding: self[index], as: UTF8.self)
    }

    /// Every field decoded; for headers and diagnostics, not for the hot path.
    public var strings: [String] { (0..<count).map(string) }

    /// True when field `index` has no bytes.
    @inlinable public func isEmpty(_ index: Int) -> Bool { self[index].isEmpty }
}
