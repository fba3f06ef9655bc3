/// Byte-level parsing of numbers from CSV fields, without creating Strings.
public enum ByteParsing {
    /// A non-negative whole number written with ASCII digits only (no sign, spaces or separators).
    ///
    ///     ByteParsing.unsignedInteger(bytes("3803"))  // 3803
    ///     ByteParsing.unsignedInteger(bytes("3,803")) // nil
    @inlinable
    public static func unsignedInteger(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !field.isEmpty, field.count <= 18 else { return nil }
        var value = 0
        for byte in field {
            let digit = Int(byte) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value &* 10 &+ digit
        }
        return value
    }

    /// A decimal number such as `-12.5` or `15.2` (no exponent, no thousands separators).
    /// Parsed exactly as `Double(String)` would, but only after a byte check that rejects
    /// anything else, so "1e3", " 12" and "12 " are not numbers.
    public static func decimal(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !field.isEmpty, field.count <= 40 else { return nil }
        var digits = 0
        var dots = 0
        for (i, byte) in field.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-") where i == 0: break
            default: return nil
            }
        }
        guard digits > 0, dots <= 1 else { return nil }
        if dots == 0, let whole = unsignedInteger(field) { return Double(whole) }
        return Double(String(decoding: field, as: UTF8.self))
    }
}
