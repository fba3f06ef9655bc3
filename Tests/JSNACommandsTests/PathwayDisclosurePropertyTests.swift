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

    struct Lists {
        var files: [String: [String]] = [:]
        var secrets: Set<String> = []

        /// Each list as a CSV in `folder` (created), under its header.
        func write(to folder: URL) throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, rows) in files {
                try Data(([PathwayDisclosureProperty.headers[name]!] + rows).joined(separator: "\n").appending("\n").utf8).write(to: folder.appendingPathComponent(name))
            }
        }
    }

    static let person = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years)"
    static let headers = [
        "list1.csv": person + ",Date of Contact,Contact Source",
        "list3.csv": "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker",
        "list4.csv": person + ",Does the Child have a Disability,Continuous Assessment Start Date,Child Seen During Continuous Assessment,Continuous Assessment Date of Authorisation,Was the child assessed as requiring LA children's social care support?,Allocated Team,Allocated Worker",
        "list5.csv": person + ",Does the Child have a Disability,Strategy discussion initiating Section 47 Enquiry Start Date,Was an Initial Child Protection Conference deemed unnecessary?,Date of Initial Child Protection Conference,Did the Initial Child Protection Conference Result in a Child Protection Plan,Number of Section 47 Enquiries in the last 12 months,Number of ICPCs in the last 12 months,Allocated Team,Allocated Worker",
        "list6.csv": person + ",Does the Child have a Disability,CIN Start Date,Primary Need Code,Date Child Was Last Seen,CIN Closure Date,Reason for Closure,Case Status,Allocated Team,Allocated Worker",
        "list7.csv": person + ",Does the Child have a Disability,Child Protection Plan Start Date,Initial Category of Abuse,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N),Number of Previous Child Protection Plans,Allocated Team,Allocated Worker",
        "list8.csv": person + ",Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N),Date Started to be Looked After,Date Ceased to be Looked After",
    ]

    /// 1 April 2024 plus `n` days, dd/mm/yyyy.
    static func day(_ n: Int) -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let date = utc.date(byAdding: .day, value: n, to: utc.date(from: DateComponents(year: 2024, month: 4, day: 1))!)!
        let c = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%02d/%02d/%04d", c.day!, c.month!, c.year!)
    }

    /// Lists for 10 to 90 children over 1 April 2024 to 30 September 2025 (548 days; `last`
    /// is the last day after 1 April 2024), each list ending with a row on its last day so
    /// the period is the same every time.
    static func lists(seed: UInt64, children: ClosedRange<Int> = 10...90, last: Int = 547) -> Lists {
        var rng = SeededGenerator(state: seed)
        var out = Lists()
        let letters = Array("BDFHJKMPQRTVWXZ")
        let genders = ["a) Male", "a) Male", "b) Female", "c) Not stated/recorded", "d) Neither"]
        let categories = ["a) Neglect", "a) Neglect", "d) Emotional abuse", "b) Physical abuse", "c) Sexual abuse", "e) Multiple"]
        func r(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        for _ in 0..<r(children) {
            let id = "QZ" + String((0..<7).map { _ in letters.randomElement(using: &rng)! })
            let birth = String(format: "%02d/%02d/%04d", r(1...28), r(1...12), r(2008...2023))
            let worker = "Wkr" + String((0..<6).map { _ in letters.randomElement(using: &rng)! }).lowercased()
            out.secrets.formUnion([id, birth, worker])
            let who = "\(id),\(genders.randomElement(using: &rng)!),a) WBRI,\(birth),"
            let referral = r(0...last)
            out.files["list1.csv", default: []].append(who + ",\(day(max(0, referral - r(0...3)))),q) 6: Police")
            out.files["list3.csv", default: []].append("\(id),a) Male,a) WBRI,\(birth),,\(day(referral)),q) 6: Police,\(r(0...9) == 0 ? "a) Yes" : "b) No"),,Team A,\(worker)")
            guard r(0...9) < 8 else { continue }
            let authorised = referral + r(5...70)
            out.files["list4.csv", default: []].append(who + ",b) No,\(day(referral)),a) Yes,\(authorised <= last ? day(authorised) : ""),\(r(0...2) > 0 ? "a) Yes" : "b) No"),Team A,\(worker)")
            if r(0...2) == 0 {
                let icpc = referral + r(5...30)
                let held = r(0...1) == 0 && icpc <= last
                let plan = held && r(0...4) > 0
                out.files["list5.csv", default: []].append(who + ",b) No,\(day(referral)),b) No,\(held ? day(icpc) : ""),\(plan ? "a) Yes" : "b) No"),1,1,Team A,\(worker)")
                if plan {
                    let end = icpc + r(60...500)
                    out.files["list7.csv", default: []].append(who + ",b) No,\(day(icpc)),\(categories.randomElement(using: &rng)!),\(categories.randomElement(using: &rng)!),,a) Yes,,\(end <= last ? day(end) : ""),b) No,\(r(0...3) == 0 ? "1" : "0"),Team A,\(worker)")
                }
            }
            if authorised <= last, r(0...1) == 0 {
                let closed = authorised + r(30...600)
                out.files["list6.csv", default: []].append(who + ",b) No,\(day(authorised)),N1,,\(closed <= last ? day(closed) : ""),,,Team A,\(worker)")
                if r(0...5) == 0 { out.files["list8.csv", default: []].append(who + ",b) No,\(day(authorised + 10)),") }
            }
        }
        // Every list reaches its last day (day 547: 30 September 2025): one last row each, for a child of its own.
        for (name, _) in headers {
            let id = "QZLAST" + name.prefix(5)
            out.secrets.insert(String(id))
            let lastDay = day(last)
            let row: String
            switch name {
            case "list1.csv": row = "\(id),a) Male,a) WBRI,01/01/2015,,\(lastDay),q) 6: Police"
            case "list3.csv": row = "\(id),a) Male,a) WBRI,01/01/2015,,\(lastDay),q) 6: Police,b) No,,Team A,Wkrlast"
            case "list4.csv": row = "\(id),a) Male,a) WBRI,01/01/2015,,b) No,\(lastDay),a) Yes,,,Team A,Wkrlast"
            case "list5.csv": row = "\(id),a) Male,a) WBRI,01/01/2015,,b) No,\(lastDay),b) No,,,0,0,Team A,Wkrlast"
            case "list6.csv": row = "\(id),a) Male,a) WBRI,01/01/2015,,b) No,\(lastDay),N1,,,,,Team A,Wkrlast"
            case "list7.csv": row = "\(id),a) Male,a) WBRI,01/01/2015,,b) No,\(lastDay),a) Neglect,a) Neglect,,,,,b) No,0,Team A,Wkrlast"
            default: row = "\(id),a) Male,a) WBRI,01/01/2015,,b) No,\(lastDay),"
            }
            out.files[name, default: []].append(row)
        }
        return out
    }

    static func count(_ cell: String) -> Int? { Int(cell.replacingOccurrences(of: ",", with: "")) }

    @Test(arguments: seeds)
    func noChildCanBeIdentifiedFromTheLists(seed: UInt64) throws {
        let generated = Self.lists(seed: seed)
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
