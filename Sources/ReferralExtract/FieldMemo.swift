/// Remembers the label a short field's exact bytes worked out to, so a column of few
/// distinct values ("a) Male", "q) 6: Police") has its prefix stripped, its spaces trimmed
/// and its label interned once per distinct value, not once a row: 20 million rows hold
/// about 40 distinct raw genders, ethnicities and sources.
///
/// The key is the field's length and its bytes as up to four words, each read whole, the
/// last overlapping the one before (so "a) Female" is two loads, not nine); a slot holds
/// the key and the label together, so a lookup touches one cache line and calls no
/// `memcmp`. Open addressing, linear probing, at most half full: once half the slots are
/// taken, a value not yet remembered is worked out every time it comes, so a column of
/// endless distinct values costs a probe more, not unbounded memory. Fields longer than
/// ``maxLength`` are always worked out.
///
///     var genders = FieldMemo()
///     let id = genders.label(field) ?? genders.remember(field, interner.intern(Labels.label(field)))
///
/// A plain value that owns its table (not copyable, so no reference is counted on the hot
/// path); one memo belongs to one chunk's aggregator, on one thread.
struct FieldMemo: ~Copyable {
    /// The longest field remembered.
    static let maxLength = 32

    private struct Slot {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        /// The key's length, or -1 for an empty slot.
        var length: Int32 = -1
        var label: Int32 = 0
    }

    private let slots: UnsafeMutablePointer<Slot>
    private let mask: Int
    private let shift: UInt64
    private let limit: Int
    private var count = 0

    /// - Parameter slots: rounded up to a power of two; half of them can be filled.
    init(slots: Int = 256) {
        var size = 16, bits: UInt64 = 4
        while size < slots {
            size <<= 1
            bits += 1
        }
        mask = size - 1
        shift = 64 - bits
        limit = size / 2
        self.slots = .allocate(capacity: size)
        self.slots.initialize(repeating: Slot(), count: size)
    }

    deinit { slots.deallocate() }

    /// The label remembered for `field`'s bytes, if any.
    @inline(__always)
    func label(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = field.count
        guard n <= Self.maxLength else { return nil }
        let key = Self.words(field)
        var i = Self.hash(key, n) >> shift
        while true {
            let slot = slots + Int(truncatingIfNeeded: i)
            let length = slot.pointee.length
            if length == Int32(truncatingIfNeeded: n) && slot.pointee.words == key { return Int(slot.pointee.label) }
            if length < 0 { return nil }
            i = (i &+ 1) & UInt64(mask)
        }
    }

    /// Remembers `label` for `field`'s bytes, if there is room, and returns it. The label
    /// must be what those bytes always give.
    @inline(never)
    mutating func remember(_ field: UnsafeBufferPointer<UInt8>, _ label: Int) -> Int {
        let n = field.count
        guard n <= Self.maxLength, count < limit, let stored = Int32(exactly: label) else { return label }
        let key = Self.words(field)
        var i = Int(truncatingIfNeeded: Self.hash(key, n) >> shift)
        while slots[i].length >= 0 {
            if slots[i].length == Int32(n) && slots[i].words == key { return label }
            i = (i + 1) & mask
        }
        slots[i] = Slot(words: key, length: Int32(n), label: stored)
        count += 1
        return label
    }

    /// The field's bytes as four words; given its length, they are the bytes exactly.
    @inline(__always)
    private static func words(_ field: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64, UInt64) {
        let n = field.count
        guard n > 0, let base = field.baseAddress else { return (0, 0, 0, 0) }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            // Whole words from the start; the last one ends at the field's end.
            let w0 = raw.loadUnaligned(as: UInt64.self)
            let w1 = n > 8 ? raw.loadUnaligned(fromByteOffset: n > 16 ? 8 : n - 8, as: UInt64.self) : 0
            let w2 = n > 16 ? raw.loadUnaligned(fromByteOffset: n > 24 ? 16 : n - 8, as: UInt64.self) : 0
            let w3 = n > 24 ? raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) : 0
            return (w0, w1, w2, w3)
        }
        if n >= 4 {
            // Two four-byte reads, overlapping when the field is shorter than eight.
            let low = UInt64(raw.loadUnaligned(as: UInt32.self)), high = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            return (low | high << 32, 0, 0, 0)
        }
        // One to three bytes: the first, the middle and the last cover them all.
        return (UInt64(base[0]) | UInt64(base[n / 2]) << 8 | UInt64(base[n - 1]) << 16, 0, 0, 0)
    }

    @inline(__always)
    private static func hash(_ w: (UInt64, UInt64, UInt64, UInt64), _ n: Int) -> UInt64 {
        let mixed = w.0 ^ (w.1 << 21 | w.1 >> 43) ^ (w.2 << 42 | w.2 >> 22) ^ (w.3 << 11 | w.3 >> 53) ^ UInt64(truncatingIfNeeded: n)
        return mixed &* 0x9E37_79B9_7F4A_7C15
    }
}
