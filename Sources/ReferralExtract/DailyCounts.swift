/// Referrals per day, counted in a flat array for 1900–2099 (one slot a day, no hashing
/// per row) and in a dictionary for any other year a file holds. The array is made on the
/// first count, so an aggregator that counts no referral costs nothing.
struct DailyCounts {
    static let firstDay = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
    static let days = Int(CivilDate(year: 2100, month: 1, day: 1)!.dayNumber - firstDay)

    private var counts: [Int] = []
    private var elsewhere: [Int32: Int] = [:]
    /// The slots used, so reading them back walks a few years, not two centuries.
    private var lowest = Int.max, highest = -1

    @inline(__always)
    mutating func add(_ day: Int32, _ n: Int = 1) {
        let slot = Int(day - Self.firstDay)
        if slot >= 0 && slot < Self.days {
            if counts.isEmpty { counts = [Int](repeating: 0, count: Self.days) }
            counts[slot] += n
            lowest = min(lowest, slot)
            highest = max(highest, slot)
        } else {
            elsewhere[day, default: 0] += n
        }
    }

    /// Every day with referrals, and how many.
    var nonZero: [(day: Int32, count: Int)] {
        var out = elsewhere.map { (day: $0.key, count: $0.value) }
        if lowest <= highest {
            for slot in lowest...highest where counts[slot] > 0 { out.append((Self.firstDay + Int32(slot), counts[slot])) }
        }
        return out
    }
}
