/// Referrals per day, counted in a flat array for 1900–2099 (one slot a day, no hashing
/// per row) and in a dictionary for any other year a file holds.
struct DailyCounts {
    static let firstDay = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
    static let days = Int(CivilDate(year: 2100, month: 1, day: 1)!.dayNumber - firstDay)

    private var counts = [Int](repeating: 0, count: DailyCounts.days)
    private var elsewhere: [Int32: Int] = [:]

    @inline(__always)
    mutating func add(_ day: Int32, _ n: Int = 1) {
        let slot = Int(day - Self.firstDay)
        if slot >= 0 && slot < Self.days {
            counts[slot] += n
        } else {
            elsewhere[day, default: 0] += n
        }
    }

    /// Every day with referrals, and how many.
    var nonZero: [(day: Int32, count: Int)] {
        var out = elsewhere.map { (day: $0.key, count: $0.value) }
        for (slot, n) in counts.enumerated() where n > 0 { out.append((Self.firstDay + Int32(slot), n)) }
        return out
    }
}
