import CSVReader
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Calendar dates as day numbers (days since 1970-01-01), parsed from bytes without
/// Foundation: cheap to compare, subtract and store.
///
///     let d = CivilDate(year: 2024, month: 2, day: 29)!
///     d.oneYearBefore   // 2023-02-28
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let dayNumber: Int32

    public init?(year: Int, month: Int, day: Int) {
        guard Self.isValid(year: year, month: month, day: day) else { return nil }
        dayNumber = Int32(CivilDate.daysFromCivil(year, month, day))
    }

    /// A real day of a year from 1000 to 9999.
    @inline(__always)
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        // Unsigned, a range test is one comparison.
        guard UInt(bitPattern: month &- 1) < 12, UInt(bitPattern: year &- 1000) < 9000, day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// Today in UTC (the clock's seconds since 1970 over 86,400).
    public static var today: CivilDate { CivilDate(dayNumber: Int32(time(nil) / 86_400)) }

    public var components: (year: Int, month: Int, day: Int) { CivilDate.civilFromDays(Int(dayNumber)) }
    public var year: Int { components.year }

    /// The same calendar day a year earlier; 29 February becomes 28 February.
    public var oneYearBefore: CivilDate {
        let (y, m, d) = components
        return CivilDate(year: y - 1, month: m, day: m == 2 && d == 29 ? 28 : d)!
    }

    /// The same calendar day a year later; 29 February becomes 28 February.
    public var oneYearAfter: CivilDate {
        let (y, m, d) = components
        return CivilDate(year: y + 1, month: m, day: m == 2 && d == 29 ? 28 : d)!
    }

    /// Completed years from `self` (a birth date) to `date`; a 29 February birthday is
    /// reached on 1 March in common years.
    public func completedYears(on date: CivilDate) -> Int {
        let (by, bm, bd) = components
        let (y, m, d) = date.components
        return y - by - ((m, d) < (bm, bd) ? 1 : 0)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + Int32(days)) }

    /// The last day of this date's month.
    public var endOfMonth: CivilDate {
        let (y, m, _) = components
        return CivilDate(year: y, month: m, day: CivilDate.daysIn(month: m, year: y))!
    }

    /// The end of the last whole month up to this date: this date itself when it is a
    /// month's last day, otherwise the last day of the month before.
    public var lastWholeMonthEnd: CivilDate {
        self == endOfMonth ? self : CivilDate(dayNumber: CivilDate(year: year, month: components.month, day: 1)!.dayNumber - 1)
    }

    /// "February 2025".
    public var monthText: String {
        let (y, m, _) = components
        return "\(CivilDate.monthNames[m - 1]) \(y)"
    }

    /// The census year a date falls in: 1 April Y−1 to 31 March Y is year Y.
    public var censusYear: Int {
        let (y, m, _) = components
        return m >= 4 ? y + 1 : y
    }

    /// 1 April of the year before census year `year`.
    public static func censusYearStart(_ year: Int) -> CivilDate { CivilDate(year: year - 1, month: 4, day: 1)! }
    /// 31 March of census year `year`.
    public static func censusYearEnd(_ year: Int) -> CivilDate { CivilDate(year: year, month: 3, day: 31)! }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    public var description: String {
        let (y, m, d) = components
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// "31 March 2025".
    public var longText: String {
        let (y, m, d) = components
        return "\(d) \(CivilDate.monthNames[m - 1]) \(y)"
    }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]

    @inline(__always)
    static func isLeap(_ y: Int) -> Bool { y & 3 == 0 && (y % 100 != 0 || y % 400 == 0) }

    /// Days in a month (1 to 12): two bits of a constant give each month's days over 28,
    /// and only February asks whether the year is a leap year.
    @inline(__always)
    static func daysIn(month: Int, year: Int) -> Int {
        28 + ((0x3BB_EECC >> (month << 1)) & 3) + (month == 2 && isLeap(year) ? 1 : 0)
    }

    // Howard Hinnant's algorithms (proleptic Gregorian calendar).
    @inline(__always)
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        if y >= 0 {
            // The same, unsigned: a division by a constant is then a multiply and a shift,
            // with no correction for negative numbers (every date a file holds takes this way).
            let u = UInt(y), era = u / 400, yoe = u - era * 400
            let doy = Int((153 * UInt(m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
            return Int(era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100) + doy - 719_468
        }
        let era = (y - 399) / 400  // y is negative here
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

/// The date layouts extracts use. A file uses one: decided from all its referral dates,
/// or given with `--date-format` / `date_format:`.
public enum DateFormat: String, Sendable, CaseIterable {
    /// dd/mm/yyyy, as UK exports write it (day and month may have one digit, as Python's
    /// strptime and pandas accept).
    case dayMonthYear = "dd/mm/yyyy"
    /// mm/dd/yyyy, as Excel writes dates under a US locale.
    case monthDayYear = "mm/dd/yyyy"
    /// ISO 8601 yyyy-mm-dd.
    case iso = "yyyy-mm-dd"

    /// The format an analyst names: "dd/mm/yyyy", "d/m/yyyy", "mm/dd/yyyy", "m/d/yyyy",
    /// "yyyy-mm-dd" (any case).
    public init?(spelling: String) {
        switch spelling.lowercased().trimming(" ") {
        case "dd/mm/yyyy", "d/m/yyyy": self = .dayMonthYear
        case "mm/dd/yyyy", "m/d/yyyy": self = .monthDayYear
        case "yyyy-mm-dd": self = .iso
        default: return nil
        }
    }

    /// Parses text (an option's value, a date in a test) as ``parse(_:)`` parses a field.
    public func parse(text: String) -> CivilDate? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Parses a field exactly; anything else (two-digit years, Excel serials, 31/02/2024,
    /// surrounding spaces) is nil.
    public func parse(_ field: UnsafeBufferPointer<UInt8>) -> CivilDate? { parseParts(field)?.date }

    /// ``parse(_:)`` with the year, month and day it read, so callers need not convert the
    /// day number back.
    /// The year, month and day of a valid date, without its day number (a date of birth
    /// needs only these).
    @inline(__always)
    func validParts(_ field: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        switch self {
        case .dayMonthYear, .monthDayYear:
            guard let (a, b, y) = Self.slashParts(field, dayFirst: self == .dayMonthYear) else { return nil }
            let (d, m) = self == .dayMonthYear ? (a, b) : (b, a)
            return CivilDate.isValid(year: y, month: m, day: d) ? (y, m, d) : nil
        case .iso:
            return parseParts(field).map { ($0.year, $0.month, $0.day) }
        }
    }

    public func parseParts(_ field: UnsafeBufferPointer<UInt8>) -> (date: CivilDate, year: Int, month: Int, day: Int)? {
        switch self {
        case .dayMonthYear, .monthDayYear:
            guard let (a, b, y) = Self.slashParts(field, dayFirst: self == .dayMonthYear) else { return nil }
            let (d, m) = self == .dayMonthYear ? (a, b) : (b, a)
            guard let date = CivilDate(year: y, month: m, day: d) else { return nil }
            return (date, y, m, d)
        case .iso:
            guard field.count == 10, field[4] == UInt8(ascii: "-"), field[7] == UInt8(ascii: "-") else { return nil }
            var i = 0
            guard let y = Self.digits(field, &i, 4...4) else { return nil }
            i = 5
            guard let m = Self.digits(field, &i, 2...2) else { return nil }
            i = 8
            guard let d = Self.digits(field, &i, 2...2), i == 10, let date = CivilDate(year: y, month: m, day: d) else { return nil }
            return (date, y, m, d)
        }
    }

    /// "a/b/yyyy" with one- or two-digit a and b: the three numbers, not yet a date. As
    /// Python's strptime reads `%d`, the day may also be a space and one digit (" 1").
    @inline(__always)
    static func slashParts(_ field: UnsafeBufferPointer<UInt8>, dayFirst: Bool = true) -> (Int, Int, Int)? {
        // The usual shape, "12/05/2024", read at fixed places.
        if field.count == 10, field[2] == UInt8(ascii: "/"), field[5] == UInt8(ascii: "/") {
            let a0 = field[0] &- 48, a1 = field[1] &- 48, b0 = field[3] &- 48, b1 = field[4] &- 48
            let y0 = field[6] &- 48, y1 = field[7] &- 48, y2 = field[8] &- 48, y3 = field[9] &- 48
            // Binary max, not the variadic one (which builds an array for every date).
            if max(max(max(a0, a1), max(b0, b1)), max(max(y0, y1), max(y2, y3))) < 10 {
                return (Int(a0) * 10 + Int(a1), Int(b0) * 10 + Int(b1), Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3))
            }
        }
        return slowSlashParts(field, dayFirst: dayFirst)
    }

    static func slowSlashParts(_ field: UnsafeBufferPointer<UInt8>, dayFirst: Bool) -> (Int, Int, Int)? {
        guard field.count >= 8, field.count <= 10 else { return nil }
        var i = 0
        func part(isDay: Bool) -> Int? {
            if isDay, i + 1 < field.count, field[i] == UInt8(ascii: " "), field[i + 1] >= 49, field[i + 1] <= 57 {
                i += 2
                return Int(field[i - 1] - 48)
            }
            return digits(field, &i, 1...2)
        }
        guard let a = part(isDay: dayFirst), i < field.count, field[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        guard let b = part(isDay: !dayFirst), i < field.count, field[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        guard let y = digits(field, &i, 4...4), i == field.count else { return nil }
        return (a, b, y)
    }

    private static func digits(_ f: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ count: ClosedRange<Int>) -> Int? {
        var value = 0, n = 0
        while i < f.count, n < count.upperBound, f[i] >= 48, f[i] <= 57 {
            value = value * 10 + Int(f[i] - 48)
            i += 1
            n += 1
        }
        return count.contains(n) ? value : nil
    }
}
