/// Re-referrals and duplicate rows, decided over records sorted by child, day and line
/// (one partition, or one range of it, from ``PartitionLinker``). A referral is a
/// re-referral when the same child's latest earlier referral on a different day is on or
/// after the same day a year before; a second row for the same child and day is a
/// duplicate (itself still a referral, and a re-referral if the one before it was).
struct ReferralLinks {
    /// Re-referrals by month: census year × 100 + month index (0 = April).
    var rereferrals: [Int: Int] {
        var out = elsewhere
        for slot in byMonth.indices where byMonth[slot] > 0 {
            out[MonthCounters.key(slot), default: 0] += byMonth[slot]
        }
        return out
    }
    /// Counted by ``MonthCounters`` slot (a re-referral is counted without hashing), and any
    /// month outside its years by key.
    private var byMonth: [Int] = []
    private var elsewhere: [Int: Int] = [:]
    var duplicates = ExtractDiagnostics()

    mutating func walk(_ records: UnsafeBufferPointer<LinkRecord>, facts: DayFacts) {
        guard var previous = records.first else { return }
        if byMonth.isEmpty { byMonth = [Int](repeating: 0, count: MonthCounters.slots) }
        var lastDay: Int32 = previous.day
        var previousDistinct: Int32?
        byMonth.withUnsafeMutableBufferPointer { byMonth in
            for (i, r) in records.enumerated() {
                let day = r.day
                if i > 0 && previous.sameChild(r) {
                    if day != lastDay {
                        previousDistinct = lastDay
                    } else {
                        duplicates.add(.duplicate, line: Int(r.line))
                    }
                } else {
                    previousDistinct = nil
                }
                previous = r
                lastDay = day
                if let p = previousDistinct {
                    let (yearBefore, month) = facts[day]
                    if p >= yearBefore {
                        let slot = MonthCounters.slot(census: month / 100, month: month % 100)
                        if slot >= 0 && slot < byMonth.count { byMonth[slot] += 1 } else { elsewhere[month, default: 0] += 1 }
                    }
                }
            }
        }
    }

    mutating func merge(_ other: ReferralLinks) {
        if byMonth.isEmpty { byMonth = other.byMonth } else if !other.byMonth.isEmpty {
            for slot in byMonth.indices { byMonth[slot] += other.byMonth[slot] }
        }
        for (month, n) in other.elsewhere { elsewhere[month, default: 0] += n }
        duplicates.merge(other.duplicates, lineOffset: 0)
    }
}
