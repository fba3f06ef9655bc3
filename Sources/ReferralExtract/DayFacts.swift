/// For each day a file holds: the same day a year before, and its month's key (census
/// year × 100 + month index, 0 = April). A table over the span of days when it is short
/// (as real extracts are), else computed.
struct DayFacts {
    let first: Int32
    let yearBefore: [Int32]
    let month: [Int]

    init(days: some Collection<Int32>) {
        let first = days.min() ?? 0, last = days.max() ?? 0
        self.first = first
        guard last - first < 100_000 else {
            yearBefore = []
            month = []
            return
        }
        let span = (first...last).map(CivilDate.init(dayNumber:))
        yearBefore = span.map(\.oneYearBefore.dayNumber)
        month = span.map(Self.monthKey)
    }

    static func monthKey(_ date: CivilDate) -> Int { date.censusYear * 100 + (date.components.month + 8) % 12 }

    subscript(day: Int32) -> (yearBefore: Int32, month: Int) {
        let slot = Int(day - first)
        if slot >= 0 && slot < month.count { return (yearBefore[slot], month[slot]) }
        let date = CivilDate(dayNumber: day)
        return (date.oneYearBefore.dayNumber, Self.monthKey(date))
    }
}
