import Dispatch

/// Every chunk's sorted entries, walked as one sequence in order of child (hash, then ID
/// bytes), day, then file order (earlier chunk first). A walk may cover one range of
/// hashes: a child's entries share a hash, so ranges split the work without splitting a child.
struct ChildOrder {
    let chunks: [ReferralAggregator]
    var heads: [Int]
    let ends: [Int]

    init(_ chunks: [ReferralAggregator], hashes: ClosedRange<UInt64> = 0...UInt64.max) {
        self.chunks = chunks
        heads = chunks.map { Self.firstIndex(in: $0.entries, atLeast: hashes.lowerBound) }
        ends = chunks.map { hashes.upperBound == .max ? $0.entries.count : Self.firstIndex(in: $0.entries, atLeast: hashes.upperBound + 1) }
    }

    static func firstIndex(in entries: [ReferralAggregator.Entry], atLeast hash: UInt64) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].hash < hash { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Decides re-referrals and duplicates in `parts` hash ranges at once. Counts add up
    /// and diagnostics keep the smallest line, so the result does not depend on the split.
    static func walk(_ chunks: [ReferralAggregator], hashes: ClosedRange<UInt64> = 0...UInt64.max, parts: Int, lineOffsets: [UInt32], facts: DayFacts) -> [(rereferrals: [Int: Int], duplicates: ExtractDiagnostics)] {
        final class Slot: @unchecked Sendable { var rereferrals: [Int: Int] = [:]; var duplicates = ExtractDiagnostics() }
        let span = hashes.upperBound - hashes.lowerBound
        let slots = (0..<(span < UInt64(max(parts, 1)) ? 1 : max(parts, 1))).map { _ in Slot() }
        let width = span / UInt64(slots.count)
        // Read-only while the walks run: each walk keeps its own heads.
        struct Shared: @unchecked Sendable { let chunks: [ReferralAggregator] }
        let shared = Shared(chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: slots.count) { i in
            let chunks = shared.chunks
            let low = hashes.lowerBound + UInt64(i) * width
            let high = i == slots.count - 1 ? hashes.upperBound : low + width - 1
            var walk = ChildOrder(chunks, hashes: low...high)
            var previous: (entry: ReferralAggregator.Entry, chunk: Int)?
            var lastDay: Int32 = 0
            var previousDistinct: Int32?
            let slot = slots[i]
            while let (e, c) = walk.next() {
                if let p = previous, walk.sameChild(p.entry, p.chunk, e, c) {
                    if e.day != lastDay {
                        previousDistinct = lastDay
                    } else {
                        slot.duplicates.add(.duplicate, line: Int(e.line + lineOffsets[c]))
                    }
                } else {
                    previousDistinct = nil
                }
                previous = (e, c)
                lastDay = e.day
                let (yearBefore, census) = facts[e.day]
                if let p = previousDistinct, p >= yearBefore { slot.rereferrals[census, default: 0] += 1 }
            }
        }
        return slots.map { ($0.rereferrals, $0.duplicates) }
    }

    mutating func next() -> (ReferralAggregator.Entry, Int)? {
        var best = -1
        var bestEntry = ReferralAggregator.Entry(hash: 0, id: 0, day: 0, line: 0)
        for c in chunks.indices where heads[c] < ends[c] {
            let e = chunks[c].entries[heads[c]]
            if best < 0 || precedes(e, c, bestEntry, best) {
                best = c
                bestEntry = e
            }
        }
        guard best >= 0 else { return nil }
        heads[best] += 1
        return (bestEntry, best)
    }

    /// Strictly before; on a tie the earlier chunk (scanned first) keeps its place.
    @inline(__always)
    func precedes(_ a: ReferralAggregator.Entry, _ ac: Int, _ b: ReferralAggregator.Entry, _ bc: Int) -> Bool {
        if a.hash != b.hash { return a.hash < b.hash }
        let c = ChildIDBytes.compare(a.id, in: chunks[ac].ids, b.id, in: chunks[bc].ids)
        return c != 0 ? c < 0 : a.day < b.day
    }

    @inline(__always)
    func sameChild(_ a: ReferralAggregator.Entry, _ ac: Int, _ b: ReferralAggregator.Entry, _ bc: Int) -> Bool {
        a.hash == b.hash && ChildIDBytes.compare(a.id, in: chunks[ac].ids, b.id, in: chunks[bc].ids) == 0
    }
}
