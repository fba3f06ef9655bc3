/// Gives each distinct byte string a small integer, without creating a String per lookup.
///
/// Keys live in one growing byte buffer; an open-addressing table (a word-at-a-time hash,
/// linear probing) maps them to ids 0, 1, 2, … in first-seen order. Used for child IDs (memory
/// grows with children, not rows) and for category labels. Raw buffers and locals in the
/// hot loop keep bounds and exclusivity checks out of a lookup done four times a row.
public final class ByteInterner {
    // Each interner is used by one thread at a time: the runtime exclusivity check per
    // access guards nothing here.
    @exclusivity(unchecked) private var bytes: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var byteCapacity: Int
    @exclusivity(unchecked) private var byteCount = 0
    @exclusivity(unchecked) private var starts: UnsafeMutablePointer<Int32>
    @exclusivity(unchecked) private var startCapacity: Int
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Int32>
    @exclusivity(unchecked) private var slotCount: Int
    @exclusivity(unchecked) public private(set) var count = 0

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slotCount = size
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        startCapacity = capacity + 1
        starts = .allocate(capacity: startCapacity)
        starts[0] = 0
        byteCapacity = capacity * 8
        bytes = .allocate(capacity: byteCapacity)
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        slots.deallocate()
    }

    /// The id of `key`, adding it if new.
    public func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        if count * 2 >= slotCount { grow() }
        let slots = self.slots, bytes = self.bytes, starts = self.starts
        let mask = slotCount - 1
        var slot = Self.hash(key) & mask
        let n = key.count
        while true {
            let id = Int(slots[slot])
            if id < 0 { return insert(key, at: slot) }
            let start = Int(starts[id])
            if Int(starts[id + 1]) - start == n, n == 0 || memcmp(bytes + start, key.baseAddress!, n) == 0 { return id }
            slot = (slot + 1) & mask
        }
    }

    private func insert(_ key: UnsafeBufferPointer<UInt8>, at slot: Int) -> Int {
        if byteCount + key.count > byteCapacity {
            var capacity = byteCapacity * 2
            while capacity < byteCount + key.count { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = grown
            byteCapacity = capacity
        }
        if count + 2 > startCapacity {
            let grown = UnsafeMutablePointer<Int32>.allocate(capacity: startCapacity * 2)
            grown.update(from: starts, count: count + 1)
            starts.deallocate()
            starts = grown
            startCapacity *= 2
        }
        if let base = key.baseAddress { (bytes + byteCount).update(from: base, count: key.count) }
        byteCount += key.count
        starts[count + 1] = Int32(byteCount)
        slots[slot] = Int32(count)
        count += 1
        return count - 1
    }

    /// The bytes of id `id`, valid only inside `body` (for merging one interner into another).
    public func withBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: bytes + Int(starts[id]), count: Int(starts[id + 1] - starts[id])))
    }

    /// The bytes of id `id` as a String (for output, not the hot path).
    public func string(_ id: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes + Int(starts[id]), count: Int(starts[id + 1] - starts[id])), as: UTF8.self)
    }

    private func grow() {
        let size = slotCount * 2
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        grown.initialize(repeating: -1, count: size)
        let mask = size - 1
        for id in 0..<count {
            let key = UnsafeBufferPointer(start: bytes + Int(starts[id]), count: Int(starts[id + 1] - starts[id]))
            var slot = Self.hash(key) & mask
            while grown[slot] >= 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(id)
        }
        slots.deallocate()
        slots = grown
        slotCount = size
    }

    /// Eight bytes at a time (the last eight overlapping the ones before), so a label of
    /// 20 bytes takes three multiplies, not twenty.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let n = key.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        guard let base = key.baseAddress, n > 0 else { return Int(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
            h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        } else {
            var w: UInt64 = 0
            for i in 0..<n { w |= UInt64(base[i]) << UInt64(i * 8) }
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
        }
        h ^= h >> 29
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
