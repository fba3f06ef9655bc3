import AnnexAPathway
import CensusIngest
import Document
import Foundation
import Indicators
import ReferralExtract
import TestSupport
import Testing

@testable import Chapter
@testable import ReportModel

/// Issue 29, item 1, at scale: 200 random extracts and 200 random sets of Annex A lists, each
/// built into the council's sections as `jsna build` builds them (one table, controlled and
/// audited once), written as Markdown and HTML, and attacked from the Markdown by an exact
/// whole-number search over everything the two sections publish (``PublishedSystem``),
/// independent of jsna's own audit. No hidden count that could be 1 to 5 may be narrowed
/// to fewer than 5 values, and the HTML must publish the same tables. (The command-line
/// tests attack chapters built by `jsna build`, and check the workbook and CSVs publish
/// what the Markdown does.)
@Suite struct CouncilSectionsAttack {
    static let cases = Int(ProcessInfo.processInfo.environment["JSNA_ATTACK_CASES"] ?? "") ?? 200

    struct Demo: @unchecked Sendable {
        let dataset: CensusDataset
        let table: IndicatorTable
        let authority: Area
    }

    static let demo: Demo = {
        let dataset = try! CensusDataset.load(folders: [SharedData.demo])
        return Demo(dataset: dataset, table: IndicatorTable(dataset: dataset), authority: dataset.areas["971"]!)
    }()

    /// The two sections as Markdown and HTML.
    static func published(_ local: LocalSection?, _ pathway: PathwayThisYear?) -> (markdown: String, html: String) {
        var sections: [Section] = []
        if let local { sections.append(ChapterDocument.local(local)) }
        if let pathway { sections.append(ChapterDocument.pathway(pathway, authority: demo.authority.name)) }
        let markdown = MarkdownWriter().write(Document(title: "", pageTitle: "", front: [], sections: sections, footer: []))
        return (markdown, sections.map { HTMLWriter.write($0) }.joined())
    }

    /// Attacks one build; returns how many groups were too large to search.
    static func attack(_ markdown: String, html: String, _ label: String) -> Int {
        guard let system = PublishedSystem.read(markdown: markdown) else {
            Issue.record("\(label): no referral section to attack")
            return 0
        }
        let (findings, unsolved) = system.narrowed()
        for finding in findings { Issue.record("\(label): \(finding)") }
        let (fromMarkdown, fromHTML) = (MarkdownTable.all(in: markdown), HTMLTable.all(in: html))
        #expect(fromMarkdown.map(\.plainRows) == fromHTML.map(\.rows), "\(label): the HTML publishes other tables than the Markdown")
        return unsolved
    }

    @Test func randomExtracts() throws {
        var rng = SeededGenerator(state: UInt64(ProcessInfo.processInfo.environment["JSNA_SEED"] ?? "") ?? 29)
        let folder = try temporaryFolder([:])
        var (built, unsolved) = (0, 0)
        for n in 0..<Self.cases {
            let rows = [15, 40, 90, 200, 600][n % 5] + Int.random(in: 0..<30, using: &rng)
            let end = LocalDisclosureProperty.endDate(&rng)
            let path = folder + "/x\(n).csv"
            try Data(LocalDisclosureProperty.extract(rows: rows, end: end, rng: &rng).utf8).write(to: URL(fileURLWithPath: path))
            let extract = try ReferralExtract.read(path: path, options: ExtractOptions(dateFormat: .dayMonthYear))
            let (local, _) = CouncilSections(extract: extract, extractFromLists: false, pathway: nil, earlier: nil,
                                             table: Self.demo.table, dataset: Self.demo.dataset, authority: Self.demo.authority).build()
            guard let local else { continue }
            built += 1
            let (markdown, html) = Self.published(local, nil)
            unsolved += Self.attack(markdown, html: html, "extract \(n): \(rows) rows ending \(end)")
        }
        #expect(built > Self.cases / 2, "most random extracts have a whole month (\(built))")
        #expect(unsolved <= Self.cases / 20, "\(unsolved) groups of hidden counts were too large to search")
    }

    @Test func randomListSets() throws {
        var (built, unsolved) = (0, 0)
        let today = CivilDate(year: 2026, month: 11, day: 30)!
        for n in 0..<Self.cases {
            let seed = UInt64(1000 + n)
            let lists = RandomAnnexALists.generate(seed: seed, children: [10...40, 40...120, 120...300][n % 3])
            let folder = try temporaryDirectory().appendingPathComponent("lists")
            try lists.write(to: folder)
            let (current, earlier) = try PathwayFigures.forChapter(folder.path, options: PathwayOptions(dateFormat: .dayMonthYear), asAt: nil, today: today)
            let (local, pathway) = CouncilSections(
                extract: current.lists[.referrals]?.extract, extractFromLists: current.lists[.referrals] != nil, pathway: current, earlier: earlier,
                table: Self.demo.table, dataset: Self.demo.dataset, authority: Self.demo.authority).build()
            guard local != nil, pathway != nil else { Issue.record("list set \(seed): no sections"); continue }
            built += 1
            let (markdown, html) = Self.published(local, pathway)
            unsolved += Self.attack(markdown, html: html, "list set \(seed)")
            try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
        }
        #expect(built == Self.cases)
        #expect(unsolved <= Self.cases / 20, "\(unsolved) groups of hidden counts were too large to search")
    }
}

/// The attack must be able to fail: a breakdown of plans with one hidden row beside its
/// shown total gives the row back, and so does a hidden month inside nested totals.
@Suite struct PublishedSystemCanFail {
    static func monthRows(_ values: [String]) -> String {
        let names = ["Apr 24", "May 24", "Jun 24", "Jul 24", "Aug 24", "Sep 24", "Oct 24", "Nov 24", "Dec 24", "Jan 25", "Feb 25", "Mar 25", "Apr 25", "May 25"]
        return zip(names, values).map { "| \($0) | \($1) |" }.joined(separator: "\n")
    }

    static func chapter(months: [String], same: String, plans: [String]) -> String {
        """
        ### Referrals this year: the council's own data

        From 1 April 2025 to 31 May 2025 Amberfold received 30 referrals, against \(same) in the same months a year earlier.

        *Values in the chart: Referrals by month, Amberfold, Apr 24 to May 25*

        | Month | Referrals |
        | --- | ---: |
        \(monthRows(months))

        ### The pathway this year: the council's Annex A lists

        *The pathway, Amberfold, 1 April 2025 to 31 May 2025, beside the latest published figures*

        | Stage | Count |
        | --- | ---: |
        | Referrals | 30 |
        | Child protection plans started | 12 |

        *Child protection plans started by initial category of abuse, Amberfold*

        | Group | Plans | Share |
        | --- | ---: | ---: |
        | Neglect | \(plans[0]) | – |
        | Physical abuse | \(plans[1]) | – |
        """
    }

    @Test func aHiddenRowBesideItsTotalIsFound() throws {
        let md = Self.chapter(months: Array(repeating: "10", count: 12) + ["20", "10"], same: "20", plans: ["9", "c"])
        let system = try #require(PublishedSystem.read(markdown: md))
        #expect(system.narrowed().findings == ["*Child protection plans started by initial category of abuse, Amberfold*: Physical abuse lies in 3...3"])
        let safe = try #require(PublishedSystem.read(markdown: Self.chapter(months: Array(repeating: "10", count: 12) + ["20", "10"], same: "20", plans: ["c", "c"])))
        #expect(safe.narrowed().findings.isEmpty, "two hidden rows of 12: 0 to 12 each")
    }

    @Test func aHiddenMonthIsFoundFromTheSameMonthsAYearEarlier() throws {
        // April 25 (c) is the year to date less May 25: 30 − 10 = 20, not small; May 24 (c)
        // is the same months a year earlier less April 24: 20 − 18 = 2.
        var months = Array(repeating: "10", count: 12) + ["c", "10"]
        months[0] = "18"
        months[1] = "c"
        let system = try #require(PublishedSystem.read(markdown: Self.chapter(months: months, same: "20", plans: ["c", "c"])))
        let findings = system.narrowed().findings
        #expect(findings == ["month May 24 lies in 2...2"], "\(findings)")
    }
}
