import Foundation
import TestSupport
import Testing

/// Issue 29, item 2: two chapters built from the same Annex A lists a month apart (as at 30
/// September and 31 October 2025). Every count of the council's sections is a total from 1
/// April, so the later one less the earlier one is October's own count: with exact counts a
/// difference of 1 to 5 is a small count given away. With `--round 5` every count is
/// published rounded to the nearest 5, so the attacker's difference is uncertain by up to 8
/// and never pins a count.
@Suite struct TwoBuildAttack {
    /// Every count the referral and pathway sections publish in chapter.md, keyed by table
    /// (its caption less its dates), row and column, as the text shown ("c" when hidden).
    static func counts(_ md: String) throws -> [String: String] {
        let start = try #require(md.range(of: "### Referrals this year"))
        let rest = md[start.lowerBound...]
        let sections = rest[..<(rest.range(of: "\n## Unmet need")?.lowerBound ?? rest.endIndex)]
        var out: [String: String] = [:]
        let dates = #"[0-9]{1,2} [A-Z][a-z]+ [0-9]{4}"#
        for table in MarkdownTable.all(in: sections) {
            let caption = table.caption.replacingOccurrences(of: dates, with: "…", options: .regularExpression)
            let header = table.rows[0]
            for row in table.rows.dropFirst() {
                for (column, name) in header.enumerated() where column > 0 && column < row.count && PublishedSystem.isCountColumn(name) {
                    out["\(caption) | \(row[0]) | \(name)"] = row[column]
                }
            }
        }
        if let r = sections.range(of: #"received ([0-9,c]+) referrals, against ([0-9,c]+) in the same months"#, options: .regularExpression) {
            let words = sections[r].split(separator: " ")
            (out["year to date"], out["same months a year earlier"]) = (String(words[1]), String(words[4]))
        }
        return out
    }

    static func number(_ text: String) -> Int? { Int(text.replacingOccurrences(of: ",", with: "")) }

    /// What an attacker knows of a count from its published text: exact, or every value that
    /// rounds to it (a hidden count is not used).
    static func known(_ text: String, base: Int) -> ClosedRange<Int>? {
        guard let n = number(text) else { return nil }
        return base == 1 ? n...n : max(0, n - base / 2)...(n + (base - 1) / 2)
    }

    /// The month's own counts the two builds give away: growth from the first build to the
    /// second pinned to a single value of 1 to 5.
    static func recovered(_ before: [String: String], _ after: [String: String], base: Int) -> [String] {
        after.keys.sorted().compactMap { key in
            guard let a = before[key].flatMap({ known($0, base: base) }), let b = after[key].flatMap({ known($0, base: base) }) else { return nil }
            let low = max(0, b.lowerBound - a.upperBound), high = b.upperBound - a.lowerBound
            return low == high && (1...5).contains(low) ? "\(key): \(before[key]!) → \(after[key]!)" : nil
        }
    }

    /// Lists for 120 children to 31 October 2025 (day 578), built as at both month ends.
    static func builds(seed: UInt64, round: Int) throws -> (september: String, october: String, folder: URL) {
        let lists = RandomAnnexALists.generate(seed: seed, children: 120...120, last: 578)
        let work = try temporaryDirectory()
        let folder = work.appendingPathComponent("lists")
        try lists.write(to: folder)
        var md: [String] = []
        for asAt in ["2025-09-30", "2025-10-31"] {
            let out = work.appendingPathComponent("out-\(asAt)")
            let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--annex-a", folder.path, "--date-format", "dd/mm/yyyy",
                                    "--as-at", asAt, "--round", String(round), "--xlsx", "--out", out.path])
            #expect(run.status == 0, "seed \(seed), as at \(asAt): \(run.stderr)")
            md.append(try String(contentsOf: out.appendingPathComponent("chapter.md"), encoding: .utf8))
        }
        return (md[0], md[1], work)
    }

    /// The attack as the issue made it, reproduced: exact counts a month apart give October's
    /// count of some stage or group away.
    @Test func exactCountsAMonthApartGiveSmallCountsAway() throws {
        let (september, october, _) = try Self.builds(seed: 7, round: 1)
        let found = Self.recovered(try Self.counts(september), try Self.counts(october), base: 1)
        #expect(!found.isEmpty, "the two-build attack should succeed on exact counts (it is the threat --round answers)")
    }

    /// With `--round 5` the same attack pins nothing, and every count in the Markdown, the
    /// HTML, the workbook and pathway.csv is a multiple of 5 (or c).
    @Test(arguments: [7, 8, 9] as [UInt64])
    func roundedCountsAMonthApartDoNot(seed: UInt64) throws {
        let (september, october, work) = try Self.builds(seed: seed, round: 5)
        let (before, after) = (try Self.counts(september), try Self.counts(october))
        #expect(Self.recovered(before, after, base: 5).isEmpty, "seed \(seed): \(Self.recovered(before, after, base: 5))")
        #expect(after.count > 40, "seed \(seed): the sections' counts were read (\(after.count))")
        for (key, text) in before.merging(after, uniquingKeysWith: { a, _ in a }) {
            if let n = Self.number(text) { #expect(n % 5 == 0, "seed \(seed): \(key) is \(text)") }
        }
        #expect(october.contains("Every count is rounded to the nearest 5"), "seed \(seed): the notes say counts are rounded")
        let out = work.appendingPathComponent("out-2025-10-31")
        for line in try String(contentsOf: out.appendingPathComponent("pathway.csv"), encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let column = fields.dropLast().last, PublishedSystem.isCountColumn(String(column)), let n = Self.number(String(fields.last!)) else { continue }
            #expect(n % 5 == 0, "seed \(seed): pathway.csv: \(line)")
        }
        let book = try OfficeFile(data: try Data(contentsOf: out.appendingPathComponent("chapter.xlsx")))
        for sheet in ["Local", "Pathway"] {
            for (address, n) in try book.countCells(sheet: sheet, isCount: PublishedSystem.isCountColumn) {
                #expect(n.truncatingRemainder(dividingBy: 5) == 0, "seed \(seed): \(sheet)!\(address) is \(n)")
            }
        }
    }
}
