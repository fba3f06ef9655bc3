import AnnexAPathway
import Charts
import DisclosureControl
import Document
import Foundation
import ReferralExtract
import Statistics
import TestSupport
import Testing

@testable import Chapter
import ReportModel

/// The pathway section (issue 19) on the demonstration data's Annex A lists: its Markdown,
/// HTML and chart are golden files, and what it says follows the lists.
@Suite struct PathwaySectionOutputs {
    func section() throws -> (ChapterModel, Section) {
        let model = try DemoChapter.modelWithAnnexA()
        let section = try #require(ChapterDocument.make(model).allSections.first { $0.id == ChapterDocument.pathwaySectionID })
        return (model, section)
    }

    @Test func markdownHTMLAndChartGolden() throws {
        let (model, section) = try section()
        try golden.expect(MarkdownWriter().write(section, level: 2), "demo-pathway.md")
        try golden.expect(HTMLWriter.write(section), "demo-pathway.html")
        let chart = try #require(model.pathway?.chart)
        try golden.expect(BarChartSVG.render(chart), "demo-pathway-stages.svg")
    }

    @Test func theSectionFollowsTheLists() throws {
        let (model, _) = try section()
        let pathway = try #require(model.pathway)
        #expect(pathway.period == "1 April 2025 to 30 September 2025", "the last whole month every list reaches (List 3 ends 17 October 2025)")
        #expect(pathway.earlierPeriod == "1 April 2024 to 30 September 2024")
        #expect(pathway.notes.contains { $0.hasPrefix("The pathway runs to 30 September 2025, the end of the last whole month the lists reach") && $0.contains("--as-at") },
                "the chapter says why the period ends there, and how to change it")
        // Stages in pathway order, flows then snapshots.
        #expect(pathway.stages.map(\.label).prefix(6) == ["Contacts", "Referrals", "Assessments completed", "Section 47 enquiries", "Initial child protection conferences", "Child protection plans started"])
        #expect(pathway.stages.dropFirst(6).allSatisfy { !$0.isFlow && $0.label.hasSuffix("at 30 September 2025") })
        // The referral stage is the referral section's year to date: one cell, one number.
        let local = try #require(model.local)
        #expect(local.summary.first?.contains("received \(Rounding.grouped(Double(pathway.stages[1].count.value!), places: 0)) referrals") == true)
        // Each count is the lists' own figure for the period.
        let lists = try PathwayFigures.read(folder: SharedData.demo + "/annex-a", year: 2026, asAt: CivilDate(year: 2025, month: 9, day: 30))
        #expect(pathway.stages[0].count.value == lists.lists[.contacts]?.count("contacts"))
        #expect(pathway.stages[6].count.value == lists.lists[.cin]?.count("open_children"))
        // Flows share one scale and one population: their rates stand as their counts do.
        let contacts = pathway.stages[0]
        let referrals = pathway.stages[1]
        #expect(abs(contacts.rate! / referrals.rate! - Double(contacts.count.value!) / Double(referrals.count.value!)) < 1e-9)
        #expect(pathway.stages[1].published?.england?.value != nil && pathway.stages[0].published == nil, "DfE publishes referrals, not contacts")
        // Issue 28: one referral rate, one verdict: the referral section words the pathway's.
        let verdict = try #require(referrals.published?.verdict)
        let england = try #require(referrals.published?.england?.value)
        let words = verdict.england.significance == .similar ? "similar to England" : "\(verdict.england.significance!.rawValue) than England"
        let annualised = try #require(local.summary.first { $0.contains("Scaled up to a full year") })
        #expect(annualised.contains("\(words) (\(Rounding.format(england, places: 1)))"), "\(annualised)")
        #expect(!annualised.contains("significantly"))
    }

    @Test func asAtMustBeAMonthsEnd() throws {
        #expect(throws: (any Error).self) { try DemoChapter.modelWithAnnexA(asAt: CivilDate(year: 2025, month: 9, day: 15)) }
        let july = try DemoChapter.modelWithAnnexA(asAt: CivilDate(year: 2025, month: 7, day: 31))
        #expect(july.pathway?.period == "1 April 2025 to 31 July 2025" && july.local?.summary.first?.contains("to 31 July 2025") == true)
    }

    /// Against England, allowing for variation between authorities: the local count on the
    /// latest published funnel with the period's exposure (children ÷ the annualising
    /// scale), so half a year's count gets the wider limits of a smaller count.
    @Test func theFunnelJudgementUsesThePeriodsExposure() throws {
        let model = try DemoChapter.modelWithAnnexA()
        let pathway = try #require(model.pathway)
        let table = try DemoChapter.table()
        let s47 = try #require(pathway.stages.first { $0.label == "Section 47 enquiries" })
        let value = try #require(table.value(.s47Rate, area: "971", year: 2025))
        let funnel = try #require(value.overdispersion?.funnel)
        let count = Double(try #require(s47.count.value))
        let rate = try #require(s47.rate)
        // 1 April to 30 September is 183 days of the year's 365.
        let scale = 365.0 / 183.0
        let children = count * scale / rate * 10_000
        let part = try #require(funnel.bounds(denominator: children / scale)), whole = try #require(funnel.bounds(denominator: children))
        #expect(part.upper95 - part.lower95 > whole.upper95 - whole.lower95, "a part year's limits are wider")
        #expect(s47.published?.allowingForVariation == funnel.limits(count: count, denominator: children / scale)?.position)
        #expect(s47.published?.verdict.englandBasis == .adjustedLimits)
        #expect(pathway.summary.contains { $0.hasPrefix("Against England in 2024-25, this year's rates are") })
    }
}

/// Issue 28, item 7: a few unreadable rows in a list never hide a stage's count or rate.
/// Found by trial: one malformed strategy-discussion date in List 5 (1 of 3,182 rows) left
/// one conference untimed; the untimed count (1) was suppressed and, to protect it, the
/// conference count too ("c (not shown)"), with its rate, conversion and timeliness.
@Suite struct PathwayUnreadableRows {
    /// The demo lists with the strategy-discussion date of `rows` conferences in the period
    /// made unreadable.
    static func lists(unreadable rows: Int) throws -> String {
        let folder = try temporaryDirectory().appendingPathComponent("annex-a")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: SharedData.demo + "/annex-a"), to: folder)
        let file = folder.appendingPathComponent("list5.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        var done = 0
        for i in lines.indices.dropFirst() where done < rows {
            // Plain rows only (no quoted commas): columns 7 and 9 are the strategy and ICPC dates.
            var fields = lines[i].components(separatedBy: ",")
            guard fields.count == 14, fields[8].hasSuffix("/2025"), ["05", "06", "07"].contains(String(fields[8].dropFirst(3).prefix(2))) else { continue }
            fields[6] = "2025-13-45"
            lines[i] = fields.joined(separator: ",")
            done += 1
        }
        #expect(done == rows)
        try lines.joined(separator: newline).write(to: file, atomically: true, encoding: .utf8)
        return folder.path
    }

    @Test(arguments: [1, 3]) func theStageCountStaysAndTheShareSaysWhy(rows: Int) throws {
        let clean = try #require(DemoChapter.modelWithAnnexA().pathway)
        let broken = try #require(DemoChapter.modelWithAnnexA(folder: Self.lists(unreadable: rows)).pathway)
        let stage = { (p: PathwayThisYear) in p.stages.first { $0.label == "Initial child protection conferences" } }
        let share = { (p: PathwayThisYear) in p.timeliness.first { $0.label.hasPrefix("Initial child protection conferences within") } }
        #expect(try #require(stage(clean)).count.value != nil)
        #expect(try #require(stage(broken)).count == stage(clean)?.count, "the conference count is still shown, unchanged")
        #expect(try #require(stage(broken)).rate != nil)
        let timed = try #require(share(broken))
        #expect(timed.percent != nil, "the share is computed on the readable rows")
        #expect(timed.of.value == share(clean)!.of.value.map { $0 - rows })
        #expect(timed.untimed == rows)
        let words = broken.summary.joined(separator: " ")
        #expect(words.contains("fewer than 6 could not be timed"), "\(words)")
    }
}
