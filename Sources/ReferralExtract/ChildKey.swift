/// A child's linking key: two 64-bit hashes of the ID's bytes, computed in one sweep by
/// two lanes with different seeds, multipliers and finalisers, so they are independent for
/// any practical purpose. Linking keeps the first hash whole and 16 bits of the second in
/// each record, and partitions by other bits of the second, so two children are taken for
/// one only if 64 + 16 + log2(partitions) bits agree. For n distinct children the chance
/// of any such pair is about n² / 2^81 before the partition bits: for 20 million, about 1 in
/// 6 billion (and 1 in 500 billion with the 80 or so partitions of a 20M-row file). The exact
/// ID-by-ID test this replaced held every ID's bytes: 9 or more bytes a referral more.
///
///     let (a, b) = id.withUnsafeBufferPointer(ChildKey.of)
enum ChildKey {
    @inline(__always)
    static func of(_ id: UnsafeBufferPointer<UInt8>) -> (a: UInt64, b: UInt64) {
        let n = id.count
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(truncatingIfNeeded: n)
        guard let base = id.baseAddress, n > 0 else { return (finishA(a), finishB(b)) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            a = rotate(a ^ w, 29) &* 0xFF51_AFD7_ED55_8CCD
            b = rotate(b ^ w, 41) &* 0xD6E8_FEB8_6659_FD93
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            a = rotate(a ^ w, 29) &* 0xFF51_AFD7_ED55_8CCD
            b = rotate(b ^ w, 41) &* 0xD6E8_FEB8_6659_FD93
        }
        return (finishA(a), finishB(b))
    }

    @inline(__always)
    static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// MurmurHash3's 64-bit finaliser.
    @inline(__always)
    static func finishA(_ x: UInt64) -> UInt64 {
        var x = x
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        return x ^ (x >> 33)
    }

    /// SplitMix64's finaliser (different constants and shifts from lane a's).
    @inline(__always)
    static func finishB(_ x: UInt64) -> UInt64 {
        var x = x
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
}
