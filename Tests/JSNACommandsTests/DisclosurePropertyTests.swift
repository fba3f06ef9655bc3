import Foundation
import TestSupport
import Testing

/// Random small extracts, built into a chapter as an analyst would: nothing published may
/// identify a child. No child ID, date of birth, worker or team name appears in any output
/// byte, and no count of 1 to 5 can be read from the local section, directly or by
/// subtracting shown counts from a shown total (the attacker also knows hidden counts are
/// at least 1, since zeros are shown).
///
/// The seeds are fixed so a failure replays; `JSNA_SEED=n` runs one more.
@Suite struct DisclosureProperty {
    static var seeds: [UInt64] {
        [11, 23, 2024, 0xC0FFEE] + (ProcessInfo.processInfo.environment["JSNA_SEED"].flatMap(UInt64.init).map { [$0] } ?? [])
    }

    /// What the extract holds that must never be published.
    struct Secrets { var ids: Set<String> = [], births: Set<String> = [], people: Set<String> = [] }

    static let header = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker"
    /// Skewed so that most breakdowns have small cells.
    static let genders = ["a) Male", "a) Male", "b) Female", "b) Female", "c) Not stated/recorded", "d) Neither"]
    static let ethnicities = ["a) WBRI", "a) WBRI", "a) WBRI", "s) NOBT", "d) WOTH", "k) APKN", "o) BAFR", "q) CHNE"]
    static let sources = ["q) 6: Police", "q) 6: Police", "e) 2A: Schools", "g) 3A: Health services", "m) 4: Housing", "t) 9: Anonymous", "u) 10: Unknown"]

    static func extract(seed: UInt64) -> (text: String, secrets: Secrets) {
        var rng = SeededGenerator(state: seed)
        var secrets = Secrets()
        let children = Int.random(in: 8...120, using: &rng)
        let letters = Array("BDFHJKMPQRTVWXZ")
        var lines = [header]
        for _ in 0..<children {
            let id = "QZ" + String((0..<7).map { _ in letters.randomElement(using: &rng)! })
            let birth = String(format: "%02d/%02d/%04d", Int.random(in: 1...28, using: &rng), Int.random(in: 1...12, using: &rng), Int.random(in: 2008...2022, using: &rng))
            let worker = "Wkr" + String((0..<6).map { _ in letters.randomElement(using: &rng)! }).lowercased()
            let team = "Team" + String((0..<5).map { _ in letters.randomElement(using: &rng)! }).lowercased()
            secrets.ids.insert(id); secrets.births.insert(birth); secrets.people.formUnion([worker, team])
            let (d, m, y) = (Int(birth.prefix(2))!, Int(birth.dropFirst(3).prefix(2))!, Int(birth.suffix(4))!)
            secrets.births.insert(String(format: "%04d-%02d-%02d", y, m, d))
            let gender = genders.randomElement(using: &rng)!, ethnicity = ethnicities.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                // 1 April 2024 to 15 October 2025: last year's same period and this year's.
                let day = Int.random(in: 0..<562, using: &rng)
                let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: day, to: DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: 2024, month: 4, day: 1).date!)!
                var utc = Calendar(identifier: .gregorian); utc.timeZone = TimeZone(identifier: "UTC")!
                let c = utc.dateComponents([.year, .month, .day], from: date)
                let referral = String(format: "%02d/%02d/%04d", c.day!, c.month!, c.year!)
                let nfa = Int.random(in: 0..<10, using: &rng) == 0 ? "a) Yes" : "b) No"
                lines.append([id, gender, ethnicity, birth, "", referral, sources.randomElement(using: &rng)!, nfa, "", team, worker].joined(separator: ","))
            }
        }
        return (lines.joined(separator: "\n") + "\n", secrets)
    }

    static func count(_ cell: String) -> Int? { Int(cell.replacingOccurrences(of: ",", with: "")) }

    /// Exact values an attacker gets for hidden cells from one relation: cells sum to total.
    static func recovered(cells: [String], total: Int) -> [Int] {
        let hidden = cells.filter { count($0) == nil }
        let rest = total - cells.compactMap(count).reduce(0, +)
        // With k hidden cells each ≥ 1, each lies in 1...rest-(k-1): exact when k == 1 or rest == k.
        if hidden.count == 1 { return [rest] }
        if hidden.count > 1 && rest == hidden.count { return Array(repeating: 1, count: hidden.count) }
        return []
    }

    @Test(arguments: seeds)
    func noChildCanBeIdentified(seed: UInt64) throws {
        let (text, secrets) = Self.extract(seed: seed)
        let work = try temporaryDirectory()
        let file = work.appendingPathComponent("list3.csv")
        try Data(text.utf8).write(to: file)
        let out = work.appendingPathComponent("out")
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--extract", file.path, "--date-format", "dd/mm/yyyy", "--xlsx", "--out", out.path])
        #expect(run.status == 0, "seed \(seed): \(run.stderr)")

        // 1. No identifying value in any byte written.
        for name in try FileManager.default.subpathsOfDirectory(atPath: out.path) {
            guard let data = FileManager.default.contents(atPath: out.appendingPathComponent(name).path) else { continue }
            let published = String(decoding: data, as: UTF8.self)
            for secret in secrets.ids.union(secrets.births).union(secrets.people) where published.contains(secret) {
                Issue.record("seed \(seed): \(name) contains \(secret)")
            }
        }

        // The workbook's Local sheet publishes the same controlled counts (column B): none is 1 to 5.
        let book = try OfficeFile(data: try Data(contentsOf: out.appendingPathComponent("chapter.xlsx")))
        for (address, value) in try book.cells(sheet: "Local") where address.hasPrefix("B") {
            if case .number(let n) = value { #expect(n == 0 || n >= 6, "seed \(seed): Local!\(address) is \(n)") }
        }

        // 2. No count of 1 to 5 shown, or recoverable from a total.
        let md = try String(contentsOf: out.appendingPathComponent("chapter.md"), encoding: .utf8)
        let start = try #require(md.range(of: "## Referrals this year"), "seed \(seed): no local section")
        let local = md[start.lowerBound...].prefix { _ in true }
        let section = local[..<(local.range(of: "\n## Unmet need and gaps")?.lowerBound ?? local.endIndex)]
        let tables = MarkdownTable.all(in: section)
        #expect(!tables.isEmpty)
        for table in tables {
            for row in table.rows.dropFirst() {
                for cell in row.dropFirst() {
                    if let n = Self.count(cell) { #expect(!(1...5).contains(n), "seed \(seed): \(table.caption) shows \(n)") }
                }
                // A share or difference beside a hidden count would give it back.
                if row.count > 2, Self.count(row[1]) == nil {
                    #expect(row.dropFirst(2).allSatisfy { $0 == "c" || $0 == "x" || $0 == "z" }, "seed \(seed): \(table.caption): \(row) shows a share of a hidden count")
                }
            }
        }
        // The year-to-date total, if shown, is the total of every breakdown and of this year's months.
        let received = section.range(of: #"received ([0-9,]+) referrals"#, options: .regularExpression).map { String(section[$0]) }
        if let received, let total = Self.count(received.split(separator: " ")[1].description) {
            var relations = tables.filter { $0.caption.contains("of children referred") }.map { $0.rows.dropFirst().map { $0[1] } }
            // This year's months (from the last April row on) also add up to it.
            if let months = tables.first(where: { $0.caption.contains("by month") })?.rows.dropFirst(),
               let april = months.lastIndex(where: { $0[0].hasPrefix("Apr") }) {
                relations.append(months[april...].map { $0[1] })
            }
            #expect(relations.count >= 4)
            for cells in relations {
                for value in Self.recovered(cells: cells, total: total) {
                    #expect(!(1...5).contains(value), "seed \(seed): \(cells) gives back \(value) by subtraction from \(total)")
                }
            }
        }
    }
}
