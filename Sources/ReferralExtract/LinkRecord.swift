/// What linking needs of one row, in 16 bytes: the child (``ChildKey``'s first hash, and 16
/// bits of its second), the day, and the line. Records sort by child, then day, then line,
/// as one 128-bit number, so a child's referrals come together in date and file order.
///
///     let r = LinkRecord(key: ChildKey.of(id), day: date.dayNumber, line: 12)
///     r.day == date.dayNumber  // days from 1990 to 2169 fit
struct LinkRecord: Sendable {
    /// The child's first hash.
    var high: UInt64
    /// second hash's top 16 bits | day from 1 January 1990 (16 bits) | line (32 bits).
    var low: UInt64

    /// The first day a record can hold: referral dates before it are out of range anyway.
    static let firstDay = DateRange.earliest.dayNumber

    @inline(__always)
    init(key: (a: UInt64, b: UInt64), day: Int32, line: UInt32) {
        high = key.a
        let offset = UInt64(UInt16(truncatingIfNeeded: day &- Self.firstDay))
        low = (key.b & 0xFFFF_0000_0000_0000) | offset << 32 | UInt64(line)
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    var day: Int32 { Int32(truncatingIfNeeded: (low >> 32) & 0xFFFF) &+ Self.firstDay }
    var line: UInt32 { UInt32(truncatingIfNeeded: low) }

    /// The same child: the first hash and 16 bits of the second agree (the partition held
    /// more of the second).
    @inline(__always)
    func sameChild(_ other: LinkRecord) -> Bool { high == other.high && low >> 48 == other.low >> 48 }

    /// The record with its line moved on by `offset` (a chunk's first line in the file).
    @inline(__always)
    func moved(by offset: UInt32) -> LinkRecord {
        LinkRecord(high: high, low: (low & 0xFFFF_FFFF_0000_0000) | UInt64(line &+ offset))
    }

    @inline(__always)
    static func < (a: LinkRecord, b: LinkRecord) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }

    /// The partition (of `count`) a child's records go to, from its second hash's lower 48
    /// bits, which the record does not keep.
    @inline(__always)
    static func partition(_ key: (a: UInt64, b: UInt64), of count: Int) -> Int {
        Int(truncatingIfNeeded: ((key.b & 0xFFFF_FFFF_FFFF) &* UInt64(count)) >> 48)
    }
}
