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

    /// The bucket pass orders by the key's top bits; hashes crowded into a few buckets and
    /// spread over all of them must both come out as the plain sort puts them.
    @Test(arguments: [0, 9, 300, 70_000])
    func bucketSortAgreesWithTheStandardLibrary(count: Int) {
        var random = Random(state: UInt64(count) + 11)
        let spread = (0..<count).map { _ in (UInt64(random.next(1 << 30)) << 34 | UInt64(random.next(1000)), random.next(5)) }
        let crowded = (0..<count).map { _ in (UInt64(random.next(3)) << 62, random.next(100)) }
        for values in [spread, crowded] {
            var sorted = values
            sorted.withUnsafeMutableBufferPointer { InPlaceSort.sort($0, key: \.0) { ($0.0, $0.1) < ($1.0, $1.1) } }
            #expect(sorted.elementsEqual(values.sorted { ($0.0, $0.1) < ($1.0, $1.1) }) { $0 == $1 })
        }
    }

    /// Splitting the walk into hash ranges must give the same re-referrals and the same
    /// first duplicate line as one walk.
    @Test func walksOverHashRangesAgreeWithOneWalk() throws {
        var random = Random(state: 99)
        let chunks = try (0..<3).map { try aggregator(chunk: $0) }
        var line: UInt32 = 2
        for chunk in chunks {
            for _ in 0..<3000 {
                let child = random.next(400)
                // Hashes from all over the range, so every part gets children.
                add(chunk, "C\(child)", day: Int32(20_000 + random.next(900)), line: line, hash: UInt64(child) &* 0x9E37_79B9_7F4A_7C15)
                line += 1
            }
            chunk.sortEntries()
        }
        let facts = DayFacts(days: Array(Int32(20_000)...Int32(20_900)))
        func run(_ parts: Int) -> ([Int: Int], Int, Int) {
            var rereferrals: [Int: Int] = [:]
            var duplicates = ExtractDiagnostics()
            for part in ChildOrder.walk(chunks, parts: parts, lineOffsets: [0, 0, 0], facts: facts) {
                for (k, v) in part.rereferrals { rereferrals[k, default: 0] += v }
                duplicates.merge(part.duplicates, lineOffset: 0)
            }
            let group = duplicates.groups[.duplicate]
            return (rereferrals, group?.count ?? 0, group?.firstLine ?? 0)
        }
        let one = run(1)
        #expect(one.1 > 0 && one.0.values.reduce(0, +) > 0)
        for parts in [2, 3, 7] {
            let split = run(parts)
            #expect(split.0 == one.0 && split.1 == one.1 && split.2 == one.2)
        }
    }
}
