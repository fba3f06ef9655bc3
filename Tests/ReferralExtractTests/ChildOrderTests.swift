import Testing

@testable import ReferralExtract

/// The order re-referrals are decided in: every chunk sorted in place, collisions of the
/// 64-bit hash resolved by the IDs' bytes, chunks merged as they are walked.
@Suite struct ChildOrderTests {
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

    func aggregator(chunk: Int) throws -> ReferralAggregator {
        let header = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Referral", "Referral Source", "Referral NFA?"]
        return ReferralAggregator(layout: try ExtractLayout.resolve(header: header, mapping: [:], path: "t.csv"), format: .iso, chunk: chunk)
    }

    func add(_ a: ReferralAggregator, _ id: String, day: Int32, line: UInt32, hash: UInt64) {
        let reference = Array(id.utf8).withUnsafeBufferPointer { a.ids.append($0) }
        a.entries.append(.init(hash: hash, id: reference, day: day, line: line))
    }

    /// Two children forced onto one hash: sorting must still keep each child's referrals
    /// together and in date order, and the walk must not take one for the other.
    @Test func hashCollisionsAreResolvedByTheIDBytes() throws {
        let first = try aggregator(chunk: 0), second = try aggregator(chunk: 1)
        add(first, "B", day: 30, line: 2, hash: 7)
        add(first, "A", day: 20, line: 3, hash: 7)
        add(first, "B", day: 10, line: 4, hash: 7)
        add(first, "C", day: 5, line: 5, hash: 3)
        add(second, "A", day: 10, line: 1, hash: 7)
        add(second, "B", day: 20, line: 2, hash: 7)
        add(second, "A", day: 20, line: 3, hash: 7)
        first.sortEntries()
        second.sortEntries()
        var walk = ChildOrder([first, second])
        var seen: [(String, Int32, Int)] = []
        var previous: (ReferralAggregator.Entry, Int)?
        var children = 0
        while let (e, c) = walk.next() {
            if previous.map({ !walk.sameChild($0.0, $0.1, e, c) }) ?? true { children += 1 }
            previous = (e, c)
            let bytes = c == 0 ? first.ids : second.ids
            let id = String(decoding: UnsafeBufferPointer(start: bytes.base + Int(e.id & 0xFF_FFFF_FFFF), count: Int((e.id >> 40) & 0xFFFF)), as: UTF8.self)
            seen.append((id, e.day, c))
        }
        #expect(children == 3)
        #expect(seen.map(\.0) == ["C", "A", "A", "A", "B", "B", "B"])
        #expect(seen.map(\.1) == [5, 10, 20, 20, 10, 20, 30])
        // Same child and day in two chunks: the earlier chunk (earlier in the file) first.
        #expect(seen[2].2 == 0 && seen[3].2 == 1)
    }
}
