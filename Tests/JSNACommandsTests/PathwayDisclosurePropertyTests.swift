import Foundation
import TestSupport
import Testing

/// The disclosure property (issue 17) extended to the Annex A lists (issue 19): random small
/// lists 1 and 3 to 8, built into a chapter with `--annex-a` as an analyst would. No child
/// ID, date of birth, worker or team appears in any byte written; no count of 1 to 5 is
/// shown in the pathway section, or can be worked out from it by subtraction: a breakdown
/// from the stage it breaks down, a share's complement from its total, the plans that did
/// not follow a conference from the conferences. The attack is written from the published
/// Markdown alone, independently of the DisclosureControl module.
@Suite struct PathwayDisclosureProperty {
    static var seeds: [UInt64] { [5, 17, 2025, 0xBEEF] + (ProcessInfo.processInfo.environment["JSNA_SEED"].flatMap(UInt64.init).map { [$0] } ?? []) }

    static func count(_ cell: String) -> Int? { Int(cell.replacingOccurrences(of: ",", with: "")) }

    /// Every table of the HTML is the Markdown's; every row of pathway.csv, and every count
    /// in the workbook's Local and Pathway sheets, is a cell of the Markdown's tables with the
    /// same row, column and value.
    static func expectSameCounts(md: String, html: String, csv: String, book: OfficeFile, seed: UInt64) throws {
        let tables = MarkdownTable.all(in: md)
        let htmlTables = HTMLTable.all(in: html)
        #expect(tables.count == htmlTables.count, "seed \(seed): \(tables.count) tables in the Markdown, \(htmlTables.count) in the HTML")
        for (m, h) in zip(tables, htmlTables) where m.plainRows != h.rows {
            Issue.record("seed \(seed): the HTML's table \"\(h.caption)\" differs: \(zip(m.plainRows, h.rows).first { $0 != $1 }.map { "\($0) against \($1)" } ?? "rows")")
            break
        }
        let captioned = tables.map { (caption: $0.caption.trimmingCharacters(in: CharacterSet(charactersIn: "*")), rows: $0.plainRows) }
        func cell(_ rows: [[String]], row: String, column: String) -> String? {
            // The chapter adds a gloss to some labels: "Referrals per 100 contacts (same period, …)".
            guard let c = rows.first?.firstIndex(of: column),
                  let r = rows.dropFirst().first(where: { $0.first == row || $0.first?.hasPrefix(row + " (") == true }), c < r.count else { return nil }
            return r[c]
        }
        let numbers = { (text: String) in text.replacingOccurrences(of: ",", with: "") }
        var checked = 0
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = CSVLine.fields(String(line))
            guard fields.count == 4 else { Issue.record("seed \(seed): pathway.csv: \(line)"); continue }
            let matches = captioned.filter { $0.caption == fields[0] || $0.caption.hasPrefix(fields[0] + " (") }
            let shown = matches.compactMap { cell($0.rows, row: fields[1], column: fields[2]) }
            #expect(shown.contains { numbers($0) == numbers(fields[3]) }, "seed \(seed): pathway.csv \(fields) is not in the chapter's table (\(shown))")
            checked += 1
        }
        #expect(checked > 20, "seed \(seed): pathway.csv was read")
        for sheet in ["Local", "Pathway"] {
            for c in try book.labelledCounts(sheet: sheet, isCount: PublishedSystem.isCountColumn) {
                let value = String(Int(c.value))
                let shown = captioned.compactMap { cell($0.rows, row: c.row, column: c.header) }
                #expect(shown.contains { numbers($0) == value }, "seed \(seed): \(sheet)!\(c.address) \(c.row) / \(c.header) = \(value), the chapter shows \(shown)")
            }
        }
    }

    @Test(arguments: seeds)
    func noChildCanBeIdentifiedFromTheLists(seed: UInt64) throws {
        let generated = RandomAnnexALists.generate(seed: seed)
        let work = try temporaryDirectory()
        let folder = work.appendingPathComponent("lists")
        try generated.write(to: folder)
        let out = work.appendingPathComponent("out")
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--annex-a", folder.path, "--date-format", "dd/mm/yyyy", "--xlsx", "--out", out.path])
        #expect(run.status == 0, "seed \(seed): \(run.stderr)")

        // 1. No identifying value in any byte written.
        for name in try FileManager.default.subpathsOfDirectory(atPath: out.path) {
            guard let data = FileManager.default.contents(atPath: out.appendingPathComponent(name).path) else { continue }
            let published = String(decoding: data, as: UTF8.self)
            for secret in generated.secrets where published.contains(secret) { Issue.record("seed \(seed): \(name) contains \(secret)") }
        }
        // The workbook's Pathway sheet: no count of 1 to 5 among its numbers (counts are whole).
        let book = try OfficeFile(data: try Data(contentsOf: out.appendingPathComponent("chapter.xlsx")))
        for (address, value) in try book.cells(sheet: "Pathway") where address.hasPrefix("B") || address.hasPrefix("C") {
            if case .number(let n) = value, n == n.rounded() { #expect(n == 0 || n >= 6, "seed \(seed): Pathway!\(address) is \(n)") }
        }

        // pathway.csv publishes the same numbers: no count of 1 to 5 among the counts.
        let csv = try String(contentsOf: out.appendingPathComponent("pathway.csv"), encoding: .utf8)
        for line in csv.split(separator: "\n").dropFirst() where line.contains(",Count,") || line.hasSuffix(",Plans") {
            if let n = Self.count(String(line.split(separator: ",").last!)) { #expect(!(1...5).contains(n), "seed \(seed): pathway.csv: \(line)") }
        }

        // 2. No count of 1 to 5 shown in the pathway section, or recoverable from its totals.
        let md = try String(contentsOf: out.appendingPathComponent("chapter.md"), encoding: .utf8)
        // The exact attack over both council sections at once (issue 29, item 1).
        let system = try #require(PublishedSystem.read(markdown: md), "seed \(seed): the council's sections are read")
        let (findings, unsolved) = system.narrowed()
        for finding in findings { Issue.record("seed \(seed): \(finding)") }
        #expect(unsolved == 0, "seed \(seed)")
        // The HTML, pathway.csv and the workbook publish what the Markdown does, so the attack
        // on the Markdown is an attack on them.
        try Self.expectSameCounts(md: md, html: String(contentsOf: out.appendingPathComponent("chapter.html"), encoding: .utf8),
                                  csv: csv, book: book, seed: seed)
        let start = try #require(md.range(of: "## The pathway this year"), "seed \(seed): no pathway section")
        let rest = md[start.lowerBound...]
        let section = rest[..<(rest.range(of: "\n## Unmet need and gaps")?.lowerBound ?? rest.endIndex)]
        let tables = MarkdownTable.all(in: section)
        #expect(tables.count >= 5, "seed \(seed): the stages, conversions, shares and plan breakdowns are attacked")
        let stages = try #require(tables.first { $0.caption.contains("beside the latest published figures") })
        var stageCount: [String: Int?] = [:]
        for row in stages.rows.dropFirst() {
            stageCount[row[0]] = Self.count(row[1])
            if let n = Self.count(row[1]) { #expect(!(1...5).contains(n), "seed \(seed): \(row[0]) shows \(n)") }
        }
        for table in tables where table.caption.contains("by ") {
            let cells = table.rows.dropFirst().map { $0[1] }
            for cell in cells { if let n = Self.count(cell) { #expect(!(1...5).contains(n), "seed \(seed): \(table.caption) shows \(n)") } }
            // Rows of zero are left out of a breakdown, so the shown rows and the hidden ones are all there is.
            let total = table.caption.contains("started") ? stageCount["Child protection plans started"] ?? nil
                : stageCount.first { $0.key.hasPrefix("Children on a child protection plan") }?.value ?? nil
            guard let total else { continue }
            let hidden = cells.filter { Self.count($0) == nil }.count
            let rest = total - cells.compactMap(Self.count).reduce(0, +)
            if hidden == 1 { #expect(!(1...5).contains(rest), "seed \(seed): \(table.caption) gives back \(rest) by subtraction from \(total)") }
            if hidden > 1 && rest == hidden { Issue.record("seed \(seed): \(table.caption): \(hidden) hidden cells must each be 1") }
        }
        // A share's complement, and the conferences that did not lead to a plan.
        for table in tables where table.caption.contains("Timeliness") || table.caption.contains("From one stage") {
            for row in table.rows.dropFirst() {
                let (a, b) = table.caption.contains("Timeliness") ? (row[1], row[2]) : (row[2], row[1])
                guard let part = Self.count(a), let whole = Self.count(b) else { continue }
                if row[0].hasPrefix("ICPCs that resulted") || table.caption.contains("Timeliness") {
                    #expect(!(1...5).contains(whole - part), "seed \(seed): \(row[0]): \(whole) − \(part) gives back a small count")
                }
            }
        }
    }
}
