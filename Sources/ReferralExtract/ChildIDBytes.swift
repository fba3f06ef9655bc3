#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One chunk's child-ID bytes, back to back, with references to them packed in a UInt64:
/// chunk (8 bits) | length (16 bits) | offset (40 bits). The storage is a raw buffer, so a
/// merge can hold every chunk's bytes at once without copying them together.
final class ChildIDBytes {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    let chunk: UInt64

    init(chunk: Int, capacity: Int = 1 << 16) {
        self.chunk = UInt64(chunk)
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `total` bytes in all.
    func reserve(_ total: Int) {
        guard total > capacity else { return }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: total)
        storage.update(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = total
    }

    /// Stores `id` and returns its reference.
    @inline(__always)
    func append(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = min(id.count, 0xFFFF)
        if count + n > capacity {
            var grown = capacity * 2
            while grown < count + n { grown *= 2 }
            reserve(grown)
        }
        if n > 0 { (base + count).update(from: id.baseAddress!, count: n) }
        let reference = chunk << 56 | UInt64(n) << 40 | UInt64(count)
        count += n
        return reference
    }

    /// Releases the bytes once a merge is done with them.
    func removeAll() {
        base.deallocate()
        base = .allocate(capacity: 1)
        count = 0
        capacity = 1
    }

    /// Compares two IDs by length, then bytes (each reference names its own chunk).
    @inline(__always)
    static func compare(_ a: UInt64, in aBytes: ChildIDBytes, _ b: UInt64, in bBytes: ChildIDBytes) -> Int32 {
        let la = Int((a >> 40) & 0xFFFF), lb = Int((b >> 40) & 0xFFFF)
        if la != lb { return la < lb ? -1 : 1 }
        return bytes(aBytes.base + Int(a & 0xFF_FFFF_FFFF), bBytes.base + Int(b & 0xFF_FFFF_FFFF), la)
    }

    /// memcmp's sign, inline: child IDs are short, and a call into libc per comparison
    /// was a tenth of the single-threaded merge in perf.
    @inline(__always)
    static func bytes(_ p: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
        var i = 0
        while i + 8 <= n {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let y = UnsafeRawPointer(q + i).loadUnaligned(as: UInt64.self)
            if x != y { return x.bigEndian < y.bigEndian ? -1 : 1 }
            i += 8
        }
        while i < n {
            if p[i] != q[i] { return p[i] < q[i] ? -1 : 1 }
            i += 1
        }
        return 0
    }
}
