import CensusIngest
import DisclosureControl
import Document
import Foundation
import Indicators
import ReferralExtract
import TestSupport
import Testing

import Chapter
import Charts
@testable import ReportModel

@Suite struct LocalSectionDisclosure {
    static let header = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker"

    /// A random small extract: few rows, so most counts are small.
    static func randomExtract(_ rng: inout SeededGenerator) throws -> (path: String, secrets: [String]) {
        let n = Int.random(in: 1...120, using: &rng)
        var lines = [header]
        var secrets: [String] = []
        for i in 0..<n {
            let id = "SECRET\(Int.random(in: 100_000...999_999, using: &rng))\(i)"
            let day = Int.random(in: 1...28, using: &rng), month = Int.random(in: 1...12, using: &rng)
            let year = month >= 4 ? Int.random(in: 2023...2025, using: &rng) : Int.random(in: 2024...2025, using: &rng)
            let dob = "\(String(format: "%02d", Int.random(in: 1...28, using: &rng)))/0\(Int.random(in: 1...9, using: &rng))/20\(Int.random(in: 10...19, using: &rng))"
            let worker = "Worker Name\(Int.random(in: 1000...9999, using: &rng))"
            let gender = ["a) Male", "b) Female", "d) Neither", ""].randomElement(using: &rng)!
            let ethnicity = ["a) WBRI", "k) APKN", "o) BAFR", "q) CHNE", "s) NOBT"].randomElement(using: &rng)!
            let source = ["q) 6: Police", "e) 2A: Schools", "t) 9: Anonymous", "u) 10: Unknown"].randomElement(using: &rng)!
            let date = "\(String(format: "%02d", day))/\(String(format: "%02d", month))/\(month >= 4 && year == 2025 ? 2024 : year)"
            lines.append("\(id),\(gender),\(ethnicity),\(dob),,\(date),\(source),b) No,0,Team X,\(worker)")
            secrets += [id, worker]
            if dob.hasSuffix("2019") { secrets.append(dob) }
        }
        let path = try temporaryFolder(["x.csv": lines.joined(separator: "\n") + "\n"]) + "/x.csv"
        return (path, secrets)
    }

    @Test func randomExtractsNeverDiscloseASmallCountOrAChild() throws {
        let dataset = try CensusDataset.load(folders: [SharedData.demo])
        let table = IndicatorTable(dataset: dataset)
        let authority = dataset.areas["971"]!
        // Seeded, so a failure replays: JSNA_SEED=<the seed printed> swift test --filter LocalSection.
        let seed = UInt64(ProcessInfo.processInfo.environment["JSNA_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970)
        print("randomExtractsNeverDiscloseASmallCountOrAChild: seed \(seed) (replay with JSNA_SEED=\(seed))")
        var rng = SeededGenerator(state: seed)
        for n in 0..<60 {
            let (path, secrets) = try Self.randomExtract(&rng)
            let label = "seed \(seed), case \(n)"
            let extract = try ReferralExtract.read(path: path, options: ExtractOptions(dateFormat: .dayMonthYear))
            // An extract with no whole month has no section.
            guard let local = LocalSectionBuilder(extract: extract, table: table, dataset: dataset, authority: authority).build() else { continue }
            let counts = local.counts
            for i in counts.values.indices where (1...5).contains(counts.values[i]) { #expect(counts.isSuppressed(i), "\(label): \(counts.labels[i])") }
            #expect(DisclosureAttack(table: counts).recovered().isEmpty, "\(label)")
            // Only the local section is built from the extract: everything of it that is published.
            let section = ChapterDocument.local(local)
            let published = MarkdownWriter().write(Document(title: "", pageTitle: "", front: [], sections: [section], footer: []))
                + HTMLWriter.write(section) + BarChartSVG.render(local.monthly)
            for secret in secrets { #expect(!published.contains(secret), "\(label): \(secret) appears in the chapter") }
            // Every count shown in a breakdown is either c or at least 6 (or 0).
            for b in local.breakdowns {
                for row in b.rows {
                    if let n = row.count.value { #expect(n == 0 || n >= 6, "\(label)") }
                    if row.count == .suppressed { #expect(row.share == nil, "\(label): a share beside a hidden count") }
                }
            }
        }
    }

    @Test func demoLocalSection() throws {
        let chapter = try DemoChapter.model()
        let dataset = try CensusDataset.load(folders: [SharedData.demo])
        let extract = try ReferralExtract.read(path: SharedData.demo + "/amberfold_referrals_list3.csv")
        let local = try #require(LocalSectionBuilder(extract: extract, table: IndicatorTable(dataset: dataset), dataset: dataset, authority: chapter.authority).build())
        #expect(local.summary[0].hasPrefix("From 1 April 2025 to 30 September 2025 (whole months only: the extract's latest referral is in October 2025, a month not yet complete) Amberfold received"))
        #expect(local.reconciliation?.rows.map(\.period) == ["2023-24", "2024-25"])
        #expect(local.monthly.labels.first == "Apr 24" && local.monthly.labels.last == "Sep 25")
        #expect(local.warnings.isEmpty, "the demo extract is plausible: \(local.warnings)")
    }
}
