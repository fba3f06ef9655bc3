/// For each day a file holds: the same day a year before, and its census year. A table
/// over the span of days when it is short (as real extracts are), else computed.
struct DayFacts {
    let first: Int32
    let yearBefore: [Int32]
    let census: [Int]

    init(days: some Collection<Int32>) {
        let first = days.min() ?? 0, last = days.max() ?? 0
        self.first = first
        guard last - first < 100_000 else {
            yearBefore = []
            census = []
            return
        }
        let span = (first...last).map(CivilDate.init(dayNumber:))
        yearBefore = span.map(\.oneYearBefore.dayNumber)
        census = span.map(\.censusYear)
    }

    subscript(day: Int32) -> (yearBefore: Int32, census: Int) {
        let slot = Int(day - first)
        if slot >= 0 && slot < census.count { return (yearBefore[slot], census[slot]) }
        let date = CivilDate(dayNumber: day)
        return (date.oneYearBefore.dayNumber, date.censusYear)
    }
}
