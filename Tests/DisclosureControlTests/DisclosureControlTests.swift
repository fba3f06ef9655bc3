import Foundation
import TestSupport
import Testing

@testable import DisclosureControl

@Suite struct Rules {
    @Test func smallCountsArePrimaryAndOneMoreIsHidden() {
        var t = CountTable()
        let total = t.cell(60, "All")
        let parts = [t.cell(3, "a"), t.cell(20, "b"), t.cell(37, "c")]
        t.relate(parts, total: total)
        t.control()
        #expect(t.status[parts[0]] == .primary)
        #expect(t.status[parts[1]] == .secondary)
        #expect(t.status[parts[2]] == .shown)
        #expect(t.text(total) == "60")
        #expect(t.text(parts[0]) == "c")
        #expect(DisclosureAttack(table: t).recovered().isEmpty)
    }

    /// A count of records that says nothing about a child (conferences whose dates could not
    /// be read) is shown however small, and never takes its total down with it; a count of
    /// children of the same size still is hidden, with a second cell to protect it.
    @Test func recordCountsAreNotHiddenAndDoNotHideTheirTotal() {
        var t = CountTable()
        let conferences = t.cell(186, "ICPCs")
        let timed = t.cell(185, "ICPCs: timed")
        let untimed = t.cell(1, "ICPCs: not timed", protected: false)
        t.relate([timed, untimed], total: conferences)
        t.control()
        #expect(![conferences, timed, untimed].contains(where: t.isSuppressed))
        var children = CountTable()
        let total = children.cell(186, "ICPCs")
        let late = children.cell(1, "ICPCs: late")
        children.relate([children.cell(185, "ICPCs: on time"), late], total: total)
        children.control()
        #expect(children.isSuppressed(late) && children.status.filter(\.isSuppressed).count == 2)
    }

    @Test func zerosAreShownAndNeverHideAnything() {
        var t = CountTable()
        let total = t.cell(4, "All")
        let parts = [t.cell(4, "a"), t.cell(0, "b")]
        t.relate(parts, total: total)
        t.control()
        #expect(t.text(parts[1]) == "0")
        #expect(t.isSuppressed(total))
        #expect(DisclosureAttack(table: t).recovered().isEmpty)
    }

    @Test func twoOnesAreStillRecoverableSoAThirdCellGoes() {
        var t = CountTable()
        let total = t.cell(52, "All")
        let parts = [t.cell(1, "a"), t.cell(1, "b"), t.cell(50, "c")]
        t.relate(parts, total: total)
        t.control()
        #expect(t.isSuppressed(parts[2]) || t.isSuppressed(total))
        #expect(DisclosureAttack(table: t).recovered().isEmpty)
    }

    @Test func aCellHiddenInOneTableIsHiddenInAll() {
        // Months of a year (total: the year) and the same months in a year-to-date table.
        var t = CountTable()
        let months = [40, 3, 30, 50].enumerated().map { t.cell($0.element, "m\($0.offset)") }
        let year = t.cell(123, "year")
        t.relate(months, total: year)
        let ytd = t.cell(73, "ytd")
        t.relate(Array(months[0...2]), total: ytd)
        t.control()
        #expect(t.isSuppressed(months[1]))
        #expect(DisclosureAttack(table: t).recovered().isEmpty)
    }

    @Test func theAttackerSeesThroughASingleSuppression() {
        var t = CountTable()
        let total = t.cell(10, "All")
        let parts = [t.cell(4, "a"), t.cell(6, "b")]
        t.relate(parts, total: total)
        // Suppress by hand only the small cell: the attack must find it.
        var exposed = t
        exposed.forceSuppress(parts[0])
        #expect(DisclosureAttack(table: exposed).recovered() == [parts[0]])
    }
}

/// Property: for random hierarchical tables (months → years, breakdowns sharing a total),
/// every 1–5 count is suppressed and no suppressed 1–5 count can be recovered.
@Suite struct Properties {

    /// Three fixed seeds, and one from the clock on each run (printed; replay it with
    /// JSNA_SEED=…), so runs keep exploring. An unseeded run of this test once hung
    /// `control()` (a suppressed zero made the attack's bounds cross); the seed was lost,
    /// which is why seeds are now printed.
    @Test(arguments: [0x0DD5_EED5, 7, 42] + [UInt64(ProcessInfo.processInfo.environment["JSNA_SEED"].flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970))])
    func randomTablesNeverDisclose(seed: UInt64) {
        print("randomTablesNeverDisclose: seed \(seed) (replay with JSNA_SEED=\(seed))")
        var rng = SeededGenerator(state: seed)
        for _ in 0..<150 {
            var t = CountTable()
            let scale = [3, 8, 30, 200].randomElement(using: &rng)!
            var yearTotals: [Int] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let values = (0..<12).map { _ in Int.random(in: 0...scale, using: &rng) }
                let cells = values.map { t.cell($0, "month") }
                let year = t.cell(values.reduce(0, +), "year")
                t.relate(cells, total: year)
                let cut = Int.random(in: 1...12, using: &rng)
                let partial = t.cell(values.prefix(cut).reduce(0, +), "ytd")
                t.relate(Array(cells.prefix(cut)), total: partial)
                yearTotals.append(year)
            }
            // Breakdowns of the first year's total.
            let total = t.values[yearTotals[0]]
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                var remaining = total
                var parts: [Int] = []
                let k = Int.random(in: 2...6, using: &rng)
                for i in 0..<k {
                    let v = i == k - 1 ? remaining : Int.random(in: 0...remaining, using: &rng)
                    parts.append(t.cell(v, "part"))
                    remaining -= v
                }
                t.relate(parts, total: yearTotals[0])
            }
            t.control()
            for i in t.values.indices where (1...5).contains(t.values[i]) { #expect(t.isSuppressed(i)) }
            #expect(DisclosureAttack(table: t).recovered().isEmpty)
        }
    }
}

extension CountTable {
    mutating func forceSuppress(_ cell: Int) { setStatus(cell, .primary) }
}

/// Issue 29, item 1: a 1-5 count worked out from one chapter. The previous year's total
/// (75) less the same months a year earlier (44) less the months shown after them (29)
/// gave back December's hidden 2: bounds propagated relation by relation miss totals
/// nested in totals. The exact audit (linear programming) does not, and an independent
/// whole-number search agrees.
@Suite struct NestedTotals {
    /// The months: April 2024 to March 2025 (Apr and May 4 and 5, Dec 2), the year's
    /// total and the same months (April to October) a year earlier.
    static func table() -> (CountTable, december: Int) {
        var t = CountTable()
        let counts = [4, 5, 7, 7, 7, 8, 6, 10, 2, 7, 6, 6]
        let months = counts.enumerated().map { t.cell($1, "month \($0)") }
        let year = t.cell(counts.reduce(0, +), "2024-25")
        t.relate(months, total: year)
        let same = t.cell(counts.prefix(7).reduce(0, +), "same months a year earlier")
        t.relate(Array(months.prefix(7)), total: same)
        return (t, months[8])
    }

    static func published(_ t: CountTable) -> ExactAttack {
        ExactAttack(values: t.values.indices.map { t.isSuppressed($0) ? nil : t.values[$0] }, relations: t.relations.map { ($0.parts, $0.total) })
    }

    @Test func theAuditFindsWhatPropagationMisses() throws {
        var t = Self.table().0
        let december = Self.table().december
        // Rules 1 and 2 alone: December, April and May hidden, and December pinned at 2.
        for i in t.values.indices where (1..<CountTable.threshold).contains(t.values[i]) { t.setStatus(i, .primary) }
        #expect(DisclosureAttack(table: t).recovered().isEmpty, "the interval attack does not see it")
        let pinned = Self.published(t).ranges().ranges
        #expect(pinned[december] == 2...2, "the whole-number search does")
        #expect(DisclosureAudit(table: t).exposed().contains(december), "the audit does")
        let range = try #require(DisclosureAudit(table: t).ranges(of: [december])[december])
        #expect(abs(range.low - 2) < 1e-9 && abs(range.high - 2) < 1e-9)
    }

    @Test func controlLeavesNoCountOfOneToFiveNarrowerThanFive() throws {
        var (t, december) = Self.table()
        t.control()
        #expect(t.isSuppressed(december))
        #expect(DisclosureAudit(table: t).exposed().isEmpty)
        let (ranges, unsolved) = Self.published(t).ranges()
        #expect(unsolved == 0)
        for (cell, range) in ranges where (1...5).contains(t.values[cell]) {
            #expect(range.upperBound - range.lowerBound >= 5, "\(t.labels[cell]): \(range)")
        }
    }
}

/// Issue 29, item 2: counts published rounded to base 5.
@Suite struct RoundedCounts {
    @Test func roundsToTheNearestMultipleHalvesUp() {
        #expect((0...12).map { CountTable.round($0, to: 5) } == [0, 0, 0, 5, 5, 5, 5, 5, 10, 10, 10, 10, 10])
        #expect([4, 5, 14, 15].map { CountTable.round($0, to: 10) } == [0, 10, 10, 20])
        #expect((0...20).map { CountTable.round($0, to: 1) } == Array(0...20))
    }

    /// What the audit takes a shown count to be is exactly what the attacker can know: every
    /// value that rounds to it, less 1 to 5 for a count of children (those are hidden).
    @Test(arguments: [5, 10])
    func aPublishedRangeIsEveryValueThatRoundsToTheCount(base: Int) {
        for protected in [true, false] {
            var t = CountTable(base: base)
            let cells = (0...40).map { t.cell($0, "n = \($0)", protected: protected) }
            t.control()
            for cell in cells where !t.isSuppressed(cell) {
                let range = t.publishedRange(cell)!
                let possible = (0...60).filter { m in
                    CountTable.round(m, to: base) == t.count(cell) && !(protected && (1...5).contains(m))
                }
                #expect(range == possible.first!...possible.last!, "\(t.labels[cell]) published as \(t.count(cell)), protected \(protected)")
                #expect(range.contains(t.values[cell]))
            }
        }
    }

    @Test func sharesAndTextUseTheRoundedCount() {
        var t = CountTable(base: 5)
        let total = t.cell(43, "total")
        let parts = [t.cell(17, "a"), t.cell(26, "b")]
        t.relate(parts, total: total)
        t.control()
        #expect(t.text(total) == "45" && t.text(parts[0]) == "15" && t.text(parts[1]) == "25")
        #expect(t.count(parts[0]) + t.count(parts[1]) != t.count(total), "each total is rounded in its own right, not summed")
    }

    /// The nested totals, rounded: the audit over the rounded table leaves every hidden
    /// count of 1 to 5 at least 5 wide, and hides no more than the exact table needs.
    @Test func theNestedTotalsAuditedAsRounded() throws {
        var (exact, december) = NestedTotals.table()
        exact.control()
        var rounded = CountTable(base: 5)
        for i in exact.values.indices { _ = rounded.cell(exact.values[i], exact.labels[i]) }
        for r in exact.relations { rounded.relate(r.parts, total: r.total) }
        rounded.control()
        #expect(rounded.isSuppressed(december))
        #expect(DisclosureAudit(table: rounded).exposed().isEmpty)
        let hidden = rounded.values.indices.filter { rounded.isSuppressed($0) && (1...5).contains(rounded.values[$0]) }
        for (cell, range) in DisclosureAudit(table: rounded).ranges(of: hidden) {
            #expect(range.high - range.low >= 5 - 1e-6, "\(rounded.labels[cell]): \(range)")
        }
        #expect(rounded.status.filter(\.isSuppressed).count <= exact.status.filter(\.isSuppressed).count)
    }
}
