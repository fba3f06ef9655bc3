/// What someone could work out from a published ``CountTable``: interval bounds for every
/// suppressed cell, tightened by every relation until nothing changes.
///
/// The attacker knows the published counts (within their rounding, when rounded), which cells add up to which, and that a
/// suppressed cell is at least 1 (zeros are shown). A suppressed cell whose true value is
/// 1 to 5 is recovered when its bounds meet.
public struct DisclosureAttack: Sendable {
    public let table: CountTable

    public init(table: CountTable) { self.table = table }

    /// Bounds on each cell: exact for shown cells.
    public func bounds() -> [ClosedRange<Int>] {
        let big = table.values.reduce(0, +) + 1
        var lo = table.values.indices.map { table.publishedRange($0)?.lowerBound ?? 1 }
        var hi = table.values.indices.map { table.publishedRange($0)?.upperBound ?? big }
        var changed = true
        var rounds = 0
        while changed && rounds < 1000 {
            changed = false
            rounds += 1
            for r in table.relations {
                // total = Σ parts
                let sumLo = r.parts.reduce(0) { $0 + lo[$1] }, sumHi = r.parts.reduce(0) { $0 + hi[$1] }
                let newTotal = (max(lo[r.total], sumLo), min(hi[r.total], sumHi))
                if newTotal != (lo[r.total], hi[r.total]) { (lo[r.total], hi[r.total]) = newTotal; changed = true }
                for p in r.parts {
                    let othersLo = sumLo - lo[p], othersHi = sumHi - hi[p]
                    let newLo = max(lo[p], lo[r.total] - othersHi), newHi = min(hi[p], hi[r.total] - othersLo)
                    if (newLo, newHi) != (lo[p], hi[p]) { (lo[p], hi[p]) = (newLo, newHi); changed = true; break }
                }
            }
        }
        return table.values.indices.map { lo[$0]...max(lo[$0], hi[$0]) }
    }

    /// Suppressed cells whose true value is 1 to 5 and whose bounds pin it down.
    public func recovered() -> [Int] {
        let b = bounds()
        return table.values.indices.filter { i in
            table.protected[i] && table.isSuppressed(i) && (1..<CountTable.threshold).contains(table.values[i]) && b[i].count == 1
        }
    }
}
