/// Sorts linking records by their child's first hash (then the rest of the record), which
/// is evenly spread, so counting its top bits puts about four records in each bucket;
/// each bucket is then put in order by insertion (or by ``InPlaceSort`` if it is crowded:
/// one child with many rows).
///
/// A partition of 250,000 records is 4 MB, more than a core's cache: scattered in one go
/// into 65,536 buckets, nearly every write missed the cache. So a large run is scattered in
/// two steps: by the top 8 bits into 256 regions (256 write streams, each written in
/// order), then each region (a few thousand records, in cache) by the next bits. The
/// gathered records are the second step's scratch space, so nothing is allocated.
///
///     BucketSort.sort(gathered, into: sorted, counts: &counts)  // gathered is overwritten
enum BucketSort {
    /// Bits of the hash the first step scatters by, when there are two steps.
    static let firstBits = 8

    static func sort(_ from: UnsafeMutableBufferPointer<LinkRecord>, into to: UnsafeMutableBufferPointer<LinkRecord>, counts: inout [Int]) {
        let n = from.count
        precondition(to.count >= n)
        var bits = 1
        while bits < 20 && (1 << (bits + 2)) < n { bits += 1 }
        let first = bits > firstBits + 4 ? firstBits : bits
        let second = bits - first
        counts.removeAll(keepingCapacity: true)
        counts.append(contentsOf: repeatElement(0, count: (1 << first) + (second > 0 ? 1 << second : 0)))
        counts.withUnsafeMutableBufferPointer { all in
            let regions = UnsafeMutableBufferPointer(rebasing: all[0..<(1 << first)])
            scatter(UnsafeBufferPointer(from), into: to, shift: UInt64(64 - first), mask: (1 << first) - 1, ends: regions)
            guard second > 0 else {
                orderBuckets(to, ends: UnsafeBufferPointer(regions))
                return
            }
            let ends = UnsafeMutableBufferPointer(rebasing: all[(1 << first)...])
            let shift = UInt64(64 - first - second), mask = (1 << second) - 1
            var lo = 0
            for hi in regions {
                defer { lo = hi }
                guard hi - lo > 1 else { continue }
                // The region, by the next bits, into the scratch space and back.
                let source = UnsafeMutableBufferPointer(rebasing: to[lo..<hi])
                let scratch = UnsafeMutableBufferPointer(rebasing: from[lo..<hi])
                for i in ends.indices { ends[i] = 0 }
                scatter(UnsafeBufferPointer(source), into: scratch, shift: shift, mask: mask, ends: ends)
                orderBuckets(scratch, ends: UnsafeBufferPointer(ends))
                source.baseAddress!.update(from: scratch.baseAddress!, count: hi - lo)
            }
        }
    }

    /// Counting scatter by `(high >> shift) & mask`; `ends` (zeros, one per bucket) ends as
    /// where each bucket ends.
    @inline(__always)
    private static func scatter(_ from: UnsafeBufferPointer<LinkRecord>, into to: UnsafeMutableBufferPointer<LinkRecord>, shift: UInt64, mask: Int, ends: UnsafeMutableBufferPointer<Int>) {
        for r in from { ends[Int(truncatingIfNeeded: r.high >> shift) & mask] += 1 }
        var start = 0
        for b in 0...mask {
            let size = ends[b]
            ends[b] = start
            start += size
        }
        for r in from {
            let b = Int(truncatingIfNeeded: r.high >> shift) & mask
            to[ends[b]] = r
            ends[b] += 1
        }
    }

    /// Puts each bucket in order; bucket b ends at `ends[b]` (and starts where b - 1 ends).
    @inline(__always)
    private static func orderBuckets(_ to: UnsafeMutableBufferPointer<LinkRecord>, ends: UnsafeBufferPointer<Int>) {
        var low = 0
        for high in ends {
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
