import ReferralExtract

/// Working days in England and Wales: Monday to Friday, less bank holidays. The holidays
/// are made from the statutory pattern and the one-off changes (2012–2027); outside those
/// years only weekends count.
///
///     WorkingDays.between(friday, nextMonday)   // 1: the days after the first, to the second
public enum WorkingDays {
    static let years = 2012...2027

    /// Days x with a < x <= b that are working days; nil when b is before a (untimed).
    public static func between(_ a: CivilDate, _ b: CivilDate) -> Int? {
        guard b >= a else { return nil }
        return table.cumulative(b.dayNumber) - table.cumulative(a.dayNumber)
    }

    /// Monday is 0: 1 January 1970 (day 0) was a Thursday.
    public static func weekday(_ day: Int32) -> Int { Int(((Int64(day) + 3) % 7 + 7) % 7) }

    /// The bank holidays of one year, by rule (New Year's Day, Good Friday, Easter Monday,
    /// early May, spring, summer, Christmas and Boxing Day with weekend substitutes, and the
    /// one-off days of 2012, 2020, 2022 and 2023).
    public static func bankHolidays(_ year: Int) -> Set<CivilDate> {
        var out: Set<CivilDate> = []
        let newYear = CivilDate(year: year, month: 1, day: 1)!
        out.insert(weekday(newYear.dayNumber) < 5 ? newYear : newYear.adding(7 - weekday(newYear.dayNumber)))
        let easter = easterSunday(year)
        out.insert(easter.adding(-2))
        out.insert(easter.adding(1))
        out.insert(year == 2020 ? CivilDate(year: 2020, month: 5, day: 8)! : firstMonday(year, 5))
        out.insert(year == 2012 ? CivilDate(year: 2012, month: 6, day: 4)! : year == 2022 ? CivilDate(year: 2022, month: 6, day: 2)! : lastMonday(year, 5))
        out.insert(lastMonday(year, 8))
        for day in [25, 26] {
            var d = CivilDate(year: year, month: 12, day: day)!
            while weekday(d.dayNumber) >= 5 || out.contains(d) { d = d.adding(1) }
            out.insert(d)
        }
        let oneOff: [Int: [(Int, Int)]] = [2012: [(6, 5)], 2022: [(6, 3), (9, 19)], 2023: [(5, 8)]]
        for (m, d) in oneOff[year] ?? [] { out.insert(CivilDate(year: year, month: m, day: d)!) }
        return out
    }

    /// Easter Sunday (the anonymous Gregorian algorithm).
    static func easterSunday(_ y: Int) -> CivilDate {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        return CivilDate(year: y, month: (h + l - 7 * m + 114) / 31, day: (h + l - 7 * m + 114) % 31 + 1)!
    }

    static func firstMonday(_ y: Int, _ m: Int) -> CivilDate {
        let first = CivilDate(year: y, month: m, day: 1)!
        return first.adding((7 - weekday(first.dayNumber)) % 7)
    }

    static func lastMonday(_ y: Int, _ m: Int) -> CivilDate {
        let last = CivilDate(year: y, month: m, day: 1)!.endOfMonth
        return last.adding(-weekday(last.dayNumber))
    }

    /// Working days counted from a fixed origin, one slot a day from 1900 to 2100, so a
    /// count is two lookups. Days outside the table are counted by weeks.
    struct Table {
        let first: Int32
        let counts: [Int32]

        init() {
            first = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
            let last = CivilDate(year: 2100, month: 12, day: 31)!.dayNumber
            let holidays = Set(WorkingDays.years.flatMap { bankHolidays($0) }.map(\.dayNumber))
            var counts = [Int32](repeating: 0, count: Int(last - first) + 1)
            var running: Int32 = 0
            for i in counts.indices {
                let day = first + Int32(i)
                if weekday(day) < 5 && !holidays.contains(day) { running += 1 }
                counts[i] = running
            }
            self.counts = counts
        }

        /// Working days in (origin, day].
        func cumulative(_ day: Int32) -> Int {
            let slot = Int(day - first)
            if slot >= 0 && slot < counts.count { return Int(counts[slot]) }
            // Outside 1900–2100: weekdays only, counted from the table's edge.
            let edge = slot < 0 ? first : first + Int32(counts.count - 1)
            let base = slot < 0 ? 0 : Int(counts[counts.count - 1])
            let (lo, hi) = slot < 0 ? (day, edge) : (edge, day)
            let span = Int(hi - lo)
            var weekdays = span / 7 * 5
            for k in 0..<(span % 7) where weekday(hi - Int32(k)) < 5 { weekdays += 1 }
            return slot < 0 ? base - weekdays : base + weekdays
        }
    }

    static let table = Table()
}

extension CivilDate {
    /// The date `days` later (earlier when negative).
    func adding(_ days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + Int32(days)) }
}
