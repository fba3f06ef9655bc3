import ReferralExtract

/// How the Annex A pathway kit reads a field (../shared/bench/annexa/README.md, "Shared
/// rules" and "Precise readings"), on the field's bytes. Every list but List 3 strips
/// U+0020 spaces at both ends first.
public enum PathwayValues {
    /// The field without spaces (U+0020 only) at either end.
    @inline(__always)
    static func stripped(_ f: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> { Labels.trim(f) }

    /// Yes: the value starts with `a)` or with y or Y (case matters for `a)`).
    @inline(__always)
    static func isYes(_ f: UnsafeBufferPointer<UInt8>) -> Bool { Labels.isNoFurtherAction(f) }

    static func text(_ f: UnsafeBufferPointer<UInt8>) -> String { f.isEmpty ? "Unknown" : String(decoding: f, as: UTF8.self) }

    /// Age bands, youngest first, then Unknown (``ageBand(birth:at:)`` indexes them).
    static let ageBands = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", "Unknown"]

    /// The age band at `at`: completed years from the date of birth; Unknown when the
    /// birth date is not a date or is after `at`.
    @inline(__always)
    static func ageBand(birth: CivilDate?, at: CivilDate) -> Int {
        guard let birth, birth <= at else { return 5 }
        let age = birth.completedYears(on: at)
        return age < 1 ? 0 : age <= 4 ? 1 : age <= 9 ? 2 : age <= 15 ? 3 : 4
    }

    /// N0 to N9, then Unknown (``primaryNeed(_:)`` indexes them).
    static let needs = (0...9).map { "N\($0)" } + ["Unknown"]

    /// The first N or n followed by a digit, anywhere ("N1 - Abuse or neglect" → N1).
    @inline(__always)
    static func primaryNeed(_ f: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        while i + 1 < f.count {
            if f[i] | 0x20 == UInt8(ascii: "n"), f[i + 1] >= 48, f[i + 1] <= 57 { return Int(f[i + 1] - 48) }
            i += 1
        }
        return 10
    }

    /// Categories of abuse, then Unknown (``category(_:)`` indexes them).
    static let categories = ["Neglect", "Physical abuse", "Sexual abuse", "Emotional abuse", "Multiple", "Unknown"]

    /// Category of abuse: by prefix a) to e), else by a leading NEG, PHY, SAB or SEX, EMO,
    /// MUL in any case.
    @inline(__always)
    static func category(_ f: UnsafeBufferPointer<UInt8>) -> Int {
        if f.count >= 2, f[1] == UInt8(ascii: ")"), f[0] >= UInt8(ascii: "a"), f[0] <= UInt8(ascii: "e") { return Int(f[0] - UInt8(ascii: "a")) }
        guard f.count >= 3 else { return 5 }
        let upper = (f[0] & 0xDF, f[1] & 0xDF, f[2] & 0xDF)
        func isLetters(_ s: StaticString) -> Bool {
            let p = s.utf8Start
            return upper == (p[0], p[1], p[2]) && f[0] >= 65 && f[1] >= 65 && f[2] >= 65
        }
        if isLetters("NEG") { return 0 }
        if isLetters("PHY") { return 1 }
        if isLetters("SAB") || isLetters("SEX") { return 2 }
        if isLetters("EMO") { return 3 }
        if isLetters("MUL") { return 4 }
        return 5
    }

    /// ASCII digits only ("01", "3"); anything else (blank, "-1", "1.0", "b) 1") is nil.
    static func wholeNumber(_ f: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !f.isEmpty, f.count < 18, f.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return f.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// The same calendar day two years later; 29 February becomes 28 February.
    static func twoYearsAfter(_ d: CivilDate) -> CivilDate {
        let (y, m, day) = d.components
        return CivilDate(year: y + 2, month: m, day: day) ?? CivilDate(year: y + 2, month: m, day: day - 1)!
    }
}
