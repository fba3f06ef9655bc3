import Testing

@testable import ReferralExtract

/// The sorts linking records are put in order with: in place (introsort), and bucketed by
/// the child's first hash.
@Suite struct InPlaceSortTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: [0, 1, 2, 17, 100, 5000])
    func inPlaceSortAgreesWithTheStandardLibrary(count: Int) {
        var random = Random(state: UInt64(count) + 7)
        // Many repeats, runs already in order and in reverse: the shapes quicksorts trip on.
        var values = (0..<count).map { _ in random.next(50) }
        values += (0..<count).map { $0 } + (0..<count).reversed()
        var sorted = values
        sorted.withUnsafeMutableBufferPointer { InPlaceSort.sort($0, by: <) }
        #expect(sorted == values.sorted())
    }

    /// Linking records scattered into buckets of their first hash's top bits, then each
    /// bucket sorted: hashes crowded into a few buckets (the introsort path) and spread over
    /// all of them must both come out as the plain sort puts them, in one scatter (up to
    /// 16,384 records) and in two (70,000 and 300,000).
    @Test(arguments: [0, 9, 300, 16_384, 16_385, 70_000, 300_000])
    func bucketSortAgreesWithTheStandardLibrary(count: Int) {
        var random = Random(state: UInt64(count) + 11)
        let spread = (0..<count).map { _ in LinkRecord(high: UInt64(random.next(1 << 30)) << 34 | UInt64(random.next(1000)), low: UInt64(random.next(5))) }
        let crowded = (0..<count).map { _ in LinkRecord(high: UInt64(random.next(3)) << 62, low: UInt64(random.next(100))) }
        var counts: [Int] = []
        for values in [spread, crowded] {
            var sorted = [LinkRecord](repeating: LinkRecord(high: 0, low: 0), count: count)
            var gathered = values
            gathered.withUnsafeMutableBufferPointer { from in sorted.withUnsafeMutableBufferPointer { BucketSort.sort(from, into: $0, counts: &counts) } }
            let expected = values.sorted { ($0.high, $0.low) < ($1.high, $1.low) }
            #expect(sorted.map(\.high) == expected.map(\.high) && sorted.map(\.low) == expected.map(\.low))
        }
    }
}
