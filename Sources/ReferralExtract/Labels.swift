/// Byte-level versions of the peers' label rules (../shared/bench/README.md).
public enum Labels {
    public static let space = UInt8(ascii: " ")

    /// Blank after removing spaces: a Child Unique ID that links to nothing.
    public static func isBlank(_ f: UnsafeBufferPointer<UInt8>) -> Bool { f.allSatisfy { $0 == space } }

    /// Starts with "a)" or with y/Y.
    public static func isNoFurtherAction(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = f.first else { return false }
        if first == UInt8(ascii: "y") || first == UInt8(ascii: "Y") { return true }
        return first == UInt8(ascii: "a") && f.count > 1 && f[1] == UInt8(ascii: ")")
    }

    /// The value without its "x) " code-letter prefix and surrounding spaces
    /// ("a) Male" → "Male"); empty means Unknown.
    public static func label(_ f: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        trim(dropPrefix(f))
    }

    /// The source code between the prefix and the first colon ("q) 6: Police" → "6").
    public static func sourceCode(_ f: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let rest = dropPrefix(f)
        let end = rest.firstIndex(of: UInt8(ascii: ":")) ?? rest.count
        return trim(UnsafeBufferPointer(rebasing: rest[0..<end]))
    }

    /// Removes `^ *[A-Za-z]\) *`.
    public static func dropPrefix(_ f: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var i = 0
        while i < f.count, f[i] == space { i += 1 }
        guard i + 1 < f.count, isLetter(f[i]), f[i + 1] == UInt8(ascii: ")") else { return f }
        i += 2
        while i < f.count, f[i] == space { i += 1 }
        return UnsafeBufferPointer(rebasing: f[i...])
    }

    public static func trim(_ f: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = f.count
        while lo < hi, f[lo] == space { lo += 1 }
        while hi > lo, f[hi - 1] == space { hi -= 1 }
        return UnsafeBufferPointer(rebasing: f[lo..<hi])
    }

    public static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
}
