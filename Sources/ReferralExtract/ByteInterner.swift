/// Gives each distinct byte string a small integer, without creating a String per lookup.
///
/// Keys live in one growing byte buffer; an open-addressing table (FNV-1a hash, linear
/// probing) maps them to ids 0, 1, 2, … in first-seen order. Used for child IDs (memory
/// grows with children, not rows) and for category labels.
public struct ByteInterner: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    private var slots: [Int32]
    private var mask: Int

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    public var count: Int { starts.count - 1 }

    /// The id of `key`, adding it if new.
    public mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        if count * 2 >= slots.count { grow() }
        let hash = Self.hash(key)
        var slot = hash & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 {
                slots[slot] = Int32(count)
                bytes.append(contentsOf: key)
                starts.append(Int32(bytes.count))
                return count - 1
            }
            if equals(id, key) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The bytes of id `id` as a String (for output, not the hot path).
    public func string(_ id: Int) -> String {
        String(decoding: bytes[Int(starts[id])..<Int(starts[id + 1])], as: UTF8.self)
    }

    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id]), end = Int(starts[id + 1])
        guard end - start == key.count else { return false }
        var i = 0
        while i < key.count {
            if bytes[start + i] != key[i] { return false }
            i += 1
        }
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for id in 0..<count {
            let h = bytes.withUnsafeBufferPointer { b in
                Self.hash(UnsafeBufferPointer(rebasing: b[Int(starts[id])..<Int(starts[id + 1])]))
            }
            var slot = h & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
