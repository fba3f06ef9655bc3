import CSVReader
import Foundation
import TestSupport
import Testing

@testable import ReferralExtract

#if canImport(Glibc)
import Glibc
#endif

/// Issue 20: the extract is read once; each referral's linking record is held or spilled to
/// a temporary file, partitioned by child, and each partition linked in memory. Whatever
/// the partitions, the memory and the cores, the figures are those worked out plainly.
@Suite struct SpillLinking {
    /// A file of known referrals, and its re-referrals and duplicates worked out plainly:
    /// by ID string, sorted by day and line, with no hashing.
    struct Known {
        let path: String
        let rereferrals: [Int: Int]
        let duplicates: Int
        let firstDuplicate: Int
    }

    static func known(rows n: Int = 40_000) throws -> Known {
        var seed: UInt64 = 20
        func next(_ k: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(k)) }
        var lines = [list3Header]
        var linked: [String: [(day: Int32, line: Int)]] = [:]
        var last = ("", "")
        for i in 0..<n {
            var (id, date) = (i % 211 == 0 ? "" : "C\(next(9_000))", "")
            let d = CivilDate(year: 2021 + next(4), month: 1 + next(12), day: 1 + next(28))!
            date = String(format: "%02d/%02d/%04d", d.components.day, d.components.month, d.components.year)
            if i % 500 == 499 { (id, date) = last }  // a duplicate row
            last = (id, date)
            lines.append(row(id, date))
            if !id.isEmpty { linked[id, default: []].append((DateFormat.dayMonthYear.parse(text: date)!.dayNumber, i + 2)) }
        }
        var rereferrals: [Int: Int] = [:]
        var duplicates = 0, first = Int.max
        for (_, referrals) in linked {
            var lastDay: Int32?, previousDistinct: Int32?
            for r in referrals.sorted(by: { ($0.day, $0.line) < ($1.day, $1.line) }) {
                if let l = lastDay {
                    if r.day != l { previousDistinct = l } else { duplicates += 1; first = min(first, r.line) }
                }
                lastDay = r.day
                let date = CivilDate(dayNumber: r.day)
                if let p = previousDistinct, p >= date.oneYearBefore.dayNumber { rereferrals[date.censusYear, default: 0] += 1 }
            }
        }
        let path = try temporaryFolder(["known.csv": lines.joined(separator: "\r\n") + "\r\n"]) + "/known.csv"
        return Known(path: path, rereferrals: rereferrals, duplicates: duplicates, firstDuplicate: first)
    }

    static func expectKnown(_ e: ReferralExtract, _ k: Known, _ label: String) {
        for year in 2021...2025 { #expect(e.figures(for: year).rereferrals == k.rereferrals[year] ?? 0, "year \(year), \(label)") }
        #expect(e.diagnostics.groups[.duplicate]?.count == k.duplicates, "\(label)")
        #expect(e.diagnostics.groups[.duplicate]?.firstLine == k.firstDuplicate, "\(label)")
    }

    static func agree(_ a: ReferralExtract, _ b: ReferralExtract, _ label: String) {
        for year in 2022...2025 { #expect(a.figures(for: year) == b.figures(for: year), "year \(year), \(label)") }
        #expect(a.daily == b.daily, "\(label)")
        #expect(a.rowsRead == b.rowsRead, "\(label)")
        for kind in ExtractDiagnostics.Kind.allCases {
            #expect(a.diagnostics.groups[kind]?.count == b.diagnostics.groups[kind]?.count, "\(kind), \(label)")
            #expect(a.diagnostics.groups[kind]?.firstLine == b.diagnostics.groups[kind]?.firstLine, "\(kind), \(label)")
        }
    }

    @Test(arguments: [1, 3], [0, 1, 5, 64])
    func theLinkingIsExactHeldOrSpilled(parts: Int, partitions: Int) throws {
        let known = try Self.known()
        #expect(known.duplicates > 50 && known.rereferrals.values.reduce(0, +) > 5_000)
        for spill in [false, true] {
            var options = ExtractOptions(dateFormat: .dayMonthYear)
            options.splitAbove = 0
            options.linkingPartitions = partitions == 0 ? nil : partitions
            options.alwaysSpill = spill
            let read = try ReferralExtract.read(path: known.path, options: options, parts: parts)
            #expect((read.linking.spilledBytes > 0) == spill)
            Self.expectKnown(read, known, "\(parts) parts, \(partitions) partitions, spilled: \(spill)")
        }
    }

    /// Memory too small for the referrals: they are spilled, no more are held at once than
    /// the bound allows, and the figures are those of a roomy read.
    @Test(arguments: [64 << 10, 256 << 10, 1 << 20])
    func memoryStaysWithinTheBound(memory: Int) throws {
        let path = try ParallelReading.bigExtract()
        let roomy = try ReferralExtract.read(path: path)
        #expect(roomy.linking.spilledBytes == 0)
        var options = ExtractOptions()
        options.linkingMemory = memory
        let tight = try ReferralExtract.read(path: path, options: options)
        #expect(tight.linking.spilledBytes > 0, "\(tight.linking)")
        #expect(tight.linking.mostRecordsHeld <= tight.linking.recordBudget, "\(tight.linking)")
        Self.agree(roomy, tight, "\(memory) bytes")
    }

    /// One partition, far larger than the memory: it is linked in ranges of its children,
    /// each read back from the spill, with the same figures.
    @Test func aPartitionLargerThanTheMemoryIsLinkedInRanges() throws {
        let known = try Self.known()
        var options = ExtractOptions(dateFormat: .dayMonthYear)
        options.linkingPartitions = 1
        options.linkingMemory = 64 << 10
        let read = try ReferralExtract.read(path: known.path, options: options)
        #expect(read.linking.partitions == 1 && read.linking.spilledBytes > 0)
        #expect(read.linking.mostRecordsHeld <= read.linking.recordBudget, "\(read.linking)")
        Self.expectKnown(read, known, "one partition in ranges")
    }

    /// Long rows first and short ones after: the sample would plan for few referrals. The
    /// plan spills from how many the file could hold at the most, so the bound still holds.
    @Test func aMisleadingSampleStaysWithinTheBound() throws {
        let padding = String(repeating: "w", count: 3_000)
        let long = (0..<600).map { row("L\($0)", "01/05/2023", worker: padding) }
        let short = (0..<60_000).map { row("C\($0 % 20_000)", String(format: "%02d/%02d/2023", 1 + $0 % 28, 1 + $0 % 12), worker: "") }
        let path = try temporaryFolder(["m.csv": ([list3Header] + long + short).joined(separator: "\n") + "\n"]) + "/m.csv"
        var options = ExtractOptions()
        options.linkingMemory = 256 << 10
        let read = try ReferralExtract.read(path: path, options: options)
        #expect(read.linking.spilledBytes > 0)
        #expect(read.linking.mostRecordsHeld <= read.linking.recordBudget, "\(read.linking)")
        options.linkingMemory = nil
        Self.agree(try ReferralExtract.read(path: path, options: options), read, "misleading sample")
    }

    /// The spill file has no name from the moment it is made: nothing is left in the
    /// folder, after a read or after an error part-way.
    @Test func theSpillLeavesNothingBehind() throws {
        let folder = try temporaryFolder([:])
        let known = try Self.known(rows: 20_000)
        var options = ExtractOptions(dateFormat: .dayMonthYear)
        options.alwaysSpill = true
        options.makeSpillFile = { try SpillFile(directory: folder) }
        let read = try ReferralExtract.read(path: known.path, options: options)
        #expect(read.linking.spilledBytes > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let ragged = try String(contentsOfFile: known.path, encoding: .utf8) + "C1,x\r\n"
        let bad = try temporaryFolder(["bad.csv": ragged]) + "/bad.csv"
        #expect(throws: CSVError.self) { try ReferralExtract.read(path: bad, options: options) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    /// A full disk (writes to /dev/full fail as a full disk's do) is one clear line.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (Linux)"))
    func aFullDiskIsAClearError() throws {
        let known = try Self.known(rows: 20_000)
        var options = ExtractOptions(dateFormat: .dayMonthYear)
        options.alwaysSpill = true
        options.makeSpillFile = { try SpillFile(directory: "/var/tmp", descriptor: open("/dev/full", O_WRONLY)) }
        #expect { try ReferralExtract.read(path: known.path, options: options, parts: 2) } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("/var/tmp: cannot write linking records") && text.contains("the disk is full") && text.contains("TMPDIR") && !text.contains("\n")
        }
    }

    @Test func aMissingTemporaryFolderIsAClearError() {
        #expect { try SpillFile(directory: "/no/such/folder") } throws: { error in
            "\(error)".hasPrefix("/no/such/folder: cannot create a temporary file in it") && "\(error)".contains("set TMPDIR to a folder that does")
        }
    }
}

/// Re-referrals by month: a period of whole months read from the whole file has the figures
/// of the file read to that period's end (a re-referral looks back, never forward).
@Suite struct MonthlyReReferrals {
    @Test(arguments: [1, 6, 12])
    func wholeMonthsAreThoseOfAReadToTheirEnd(months: Int) throws {
        let known = try SpillLinking.known(rows: 20_000)
        let whole = try ReferralExtract.read(path: known.path, options: ExtractOptions(dateFormat: .dayMonthYear))
        let end = CivilDate(dayNumber: CivilDate(year: 2023, month: (3 + months) % 12 + 1, day: 1)!.dayNumber - (months == 12 ? 0 : 1))
        var options = ExtractOptions(dateFormat: .dayMonthYear)
        options.lastDay = months == 12 ? CivilDate.censusYearEnd(2024) : end
        let toEnd = try ReferralExtract.read(path: known.path, options: options)
        let part = whole.figures(census: 2024, months: months)
        #expect(part.rereferrals > 0)
        #expect(part == toEnd.figures(for: 2024), "\(months) months")
        #expect(whole.latestDate == toEnd.latestDate && toEnd.lastDate! <= options.lastDay!)
    }
}

/// The linking key and record: what identifies a child, and what a record keeps.
@Suite struct LinkingKeys {
    static func key(_ s: String) -> (a: UInt64, b: UInt64) { Array(s.utf8).withUnsafeBufferPointer(ChildKey.of) }

    @Test func distinctIDsHaveDistinctKeys() {
        var first = Set<UInt64>(), second = Set<UInt64>()
        for i in 0..<300_000 {
            let k = Self.key("C\(String(format: "%07d", i))")
            first.insert(k.a)
            second.insert(k.b)
            #expect(k.a != k.b)
        }
        #expect(first.count == 300_000 && second.count == 300_000)
        // Length counts: trailing zero bytes, and an empty ID.
        #expect(Self.key("ab") != Self.key("ab\0") && Self.key("") != Self.key("\0"))
        // Spread: every partition of 64 gets children.
        let partitions = Set((0..<5_000).map { LinkRecord.partition(Self.key("ID\($0)"), of: 64) })
        #expect(partitions == Set(0..<64))
    }

    @Test func aRecordKeepsItsDayLineAndChild() {
        let k = Self.key("C0001")
        let day = CivilDate(year: 2024, month: 2, day: 29)!.dayNumber
        let r = LinkRecord(key: k, day: day, line: 4_000_000_000)
        #expect(r.day == day && r.line == 4_000_000_000)
        #expect(r.moved(by: 5).line == 4_000_000_005 && r.moved(by: 5).day == day && r.moved(by: 5).sameChild(r))
        // The first hash shared, the second's kept bits not: two children, not one.
        let other = LinkRecord(key: (k.a, k.b ^ (1 << 63)), day: day, line: 1)
        #expect(!other.sameChild(r))
        // Order: child, then day, then line.
        let later = LinkRecord(key: k, day: day + 1, line: 1)
        #expect(r < later && !(later < r))
    }
}

/// A chunk's spill: every record comes back, in the order added, from memory or the file.
@Suite struct LinkSpillTests {
    @Test(arguments: [false, true])
    func everyRecordComesBackInOrder(spilled: Bool) throws {
        let folder = try temporaryFolder([:])
        let spill = LinkSpill(partitions: 3, budget: spilled ? nil : 1 << 20, blockRecords: 7) { try SpillFile(directory: folder) }
        var added: [[UInt64]] = [[], [], []]
        for i in 0..<1_000 {
            let key = LinkingKeys.key("C\(i)")
            let p = LinkRecord.partition(key, of: 3)
            try spill.add(LinkRecord(key: key, day: 12_000, line: UInt32(i)), partition: p)
            added[p].append(UInt64(i))
        }
        #expect(spill.counts == added.map(\.count))
        #expect((spill.spilledBytes > 0) == spilled)
        let scratch = UnsafeMutableBufferPointer<LinkRecord>.allocate(capacity: 7)
        defer { scratch.deallocate() }
        for p in 0..<3 {
            var lines: [UInt64] = []
            try spill.forEachRun(of: p, scratch: scratch) { run in lines += run.map { UInt64($0.line) } }
            #expect(lines == added[p], "partition \(p)")
        }
    }
}

/// Distinct children for the Annex A lists: the same count as a set of the IDs' strings,
/// held or spilled, over merged chunks.
@Suite struct DistinctChildrenTests {
    @Test(arguments: [DistinctChildren.heldPerChunk, 100])
    func theCountIsTheSetOfIDs(held: Int) throws {
        let folder = try temporaryFolder([:])
        var seed: UInt64 = 3
        func next(_ k: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(k)) }
        var ids = Set<String>()
        let chunks = (0..<3).map { _ in DistinctChildren(held: held) { try SpillFile(directory: folder) } }
        for chunk in chunks {
            for _ in 0..<20_000 {
                let id = next(50) == 0 ? "" : "ID-\(next(30_000))"
                if !id.isEmpty { ids.insert(id) }
                Array(id.utf8).withUnsafeBufferPointer { chunk.add($0) }
            }
        }
        chunks[0].merge(chunks[1])
        chunks[0].merge(chunks[2])
        #expect((chunks[0].spilledBytes > 0) == (held == 100))
        #expect(try chunks[0].count() == ids.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full (Linux)"))
    func aFullDiskIsThrownByTheCount() {
        let children = DistinctChildren(held: 10) { try SpillFile(directory: "/var/tmp", descriptor: open("/dev/full", O_WRONLY)) }
        for i in 0..<10_000 { Array("C\(i)".utf8).withUnsafeBufferPointer { children.add($0) } }
        #expect { try children.count() } throws: { "\($0)".contains("the disk is full") }
    }
}
