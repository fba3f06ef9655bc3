/// Sorts linking records by scattering them, in one sequential read, into buckets of their
/// child's first hash's top bits (about four records a bucket, since the hashes are even),
/// then ordering each bucket. Out of place: about twice as fast as sorting in place, whose
/// swaps jump about the whole run; the partition linker has the second buffer to hand.
///
///     BucketSort.sort(gathered, into: sorted, counts: &counts)
enum BucketSort {
    static func sort(_ from: UnsafeBufferPointer<LinkRecord>, into to: UnsafeMutableBufferPointer<LinkRecord>, counts: inout [Int]) {
        let n = from.count
        precondition(to.count >= n)
        var bits = 1
        while bits < 20 && (1 << (bits + 2)) < n { bits += 1 }
        let shift = UInt64(64 - bits), buckets = 1 << bits
        counts.removeAll(keepingCapacity: true)
        counts.append(contentsOf: repeatElement(0, count: buckets))
        counts.withUnsafeMutableBufferPointer { next in
            for r in from { next[Int(r.high >> shift)] += 1 }
            var start = 0
            for b in 0..<buckets {
                let size = next[b]
                next[b] = start
                start += size
            }
            for r in from {
                let b = Int(r.high >> shift)
                to[next[b]] = r
                next[b] += 1
            }
            // next[b] is now where bucket b ends.
            var low = 0
            for b in 0..<buckets {
                let high = next[b]
                if high - low > 32 {
                    InPlaceSort.sort(UnsafeMutableBufferPointer(rebasing: to[low..<high]), by: <)
                } else if high - low > 1 {
                    for i in (low + 1)..<high {
                        let x = to[i]
                        var j = i
                        while j > low && x < to[j - 1] {
                            to[j] = to[j - 1]
                            j -= 1
                        }
                        to[j] = x
                    }
                }
                low = high
            }
        }
    }
}
