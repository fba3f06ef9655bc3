import ReferralExtract

/// How the Annex A pathway kit reads a field (../shared/bench/annexa/README.md, "Shared
/// rules" and "Precise readings"), on the field's bytes. Every list but List 3 strips
/// U+0020 spaces at both ends first.
public enum PathwayValues {
    static let space = UInt8(ascii: " ")

    /// The field without spaces (U+0020 only) at either end.
    @inline(__always)
    static func stripped(_ f: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> { Labels.trim(f) }

    /// A date is dd/mm/yyyy as Python's strptime reads it (day and month of one or two
    /// digits), with a year of at least 1; anything else is not a date.
    @inline(__always)
    static func date(_ f: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard let parts = DateFormat.dayMonthYear.parseParts(f), parts.year >= 1 else { return nil }
        return parts.date
    }

    /// Yes: the value starts with `a)` or with y or Y (case matters for `a)`).
    @inline(__always)
    static func isYes(_ f: UnsafeBufferPointer<UInt8>) -> Bool { Labels.isNoFurtherAction(f) }

    /// "a) Male" → "Male"; blank → "Unknown".
    static func label(_ f: UnsafeBufferPointer<UInt8>) -> String { text(Labels.label(f)) }

    /// The contact or referral source's code ("q) 6: Police" → "6"); blank → "Unknown".
    static func sourceCode(_ f: UnsafeBufferPointer<UInt8>) -> String { text(Labels.sourceCode(f)) }

    static func text(_ f: UnsafeBufferPointer<UInt8>) -> String { f.isEmpty ? "Unknown" : String(decoding: f, as: UTF8.self) }

    /// The age band at `at`: completed years from the date of birth; Unknown when the
    /// birth date is not a date or is after `at`.
    static func ageBand(birth: CivilDate?, at: CivilDate) -> String {
        guard let birth, birth <= at else { return "Unknown" }
        let age = birth.completedYears(on: at)
        return age < 1 ? "Under 1" : age <= 4 ? "1 to 4" : age <= 9 ? "5 to 9" : age <= 15 ? "10 to 15" : "16 and over"
    }

    /// The first N or n followed by a digit, anywhere ("N1 - Abuse or neglect" → "N1").
    static func primaryNeed(_ f: UnsafeBufferPointer<UInt8>) -> String {
        var i = 0
        while i + 1 < f.count {
            if f[i] | 0x20 == UInt8(ascii: "n"), f[i + 1] >= 48, f[i + 1] <= 57 { return "N" + String(UnicodeScalar(f[i + 1])) }
            i += 1
        }
        return "Unknown"
    }

    /// Category of abuse: by prefix a) to e), else by a leading NEG, PHY, SAB or SEX, EMO,
    /// MUL in any case.
    static func category(_ f: UnsafeBufferPointer<UInt8>) -> String {
        let labels = ["Neglect", "Physical abuse", "Sexual abuse", "Emotional abuse", "Multiple"]
        if f.count >= 2, f[1] == UInt8(ascii: ")"), (UInt8(ascii: "a")...UInt8(ascii: "e")).contains(f[0]) { return labels[Int(f[0] - UInt8(ascii: "a"))] }
        guard f.count >= 3 else { return "Unknown" }
        let start = String(decoding: f[0..<3], as: UTF8.self).uppercased()
        switch start {
        case "NEG": return labels[0]
        case "PHY": return labels[1]
        case "SAB", "SEX": return labels[2]
        case "EMO": return labels[3]
        case "MUL": return labels[4]
        default: return "Unknown"
        }
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
