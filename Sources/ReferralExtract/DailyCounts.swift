#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Referrals per day, counted in a flat table for 1900–2099 (one slot a day, no hashing
/// per row) and in a dictionary for any other year a file holds. The table is reserved on
/// the first count and only the days a file holds are touched, so an aggregator that
/// counts no referral costs nothing. Not copyable: it owns its table, so a count is a
/// plain add with no check that the storage is shared.
struct DailyCounts: ~Copyable {
    static let firstDay = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
    static let days = Int(CivilDate(year: 2100, month: 1, day: 1)!.dayNumber - firstDay)

    private var counts: UnsafeMutablePointer<Int>?
    private var elsewhere: [Int32: Int] = [:]
    /// The slots used, so reading them back walks a few years, not two centuries.
    private var lowest = Int.max, highest = -1

    init() {}

    deinit { free(counts) }

    @inline(__always)
    mutating func add(_ day: Int32, _ n: Int = 1) {
        let slot = Int(day - Self.firstDay)
        if slot >= 0 && slot < Self.days {
            if counts == nil { counts = calloc(Self.days, MemoryLayout<Int>.stride)!.assumingMemoryBound(to: Int.self) }
            counts![slot] += n
            lowest = min(lowest, slot)
            highest = max(highest, slot)
        } else {
            elsewhere[day, default: 0] += n
        }
    }

    /// Every day with referrals, and how many.
    var nonZero: [(day: Int32, count: Int)] {
        var out = elsewhere.map { (day: $0.key, count: $0.value) }
        if let counts, lowest <= highest {
            for slot in lowest...highest where counts[slot] > 0 { out.append((Self.firstDay + Int32(slot), counts[slot])) }
        }
        return out
    }
}
