import Foundation

/// What an attacker reads from a published chapter's two council sections — the referral
/// section and the pathway section — as one system of whole numbers for ``ExactAttack``,
/// written from the published text alone, independently of jsna's DisclosureControl.
///
/// Referral section: the months, each census year's total in the reconciliation table, the
/// year to date and the same months a year earlier, every breakdown adding up to the year
/// to date. Pathway section: each stage's count (the referral stage is the year to date;
/// its year-earlier count the same months a year earlier), the conversions (a stage's
/// count again; ICPCs that resulted in a plan within the ICPCs), each timeliness or plan
/// measure within what it is of and that within its stage, each breakdown of plans adding
/// up to plans started or to plans open. A cell shown in two places is one unknown.
public struct PublishedSystem {
    public private(set) var values: [Int?] = []
    public private(set) var labels: [String] = []
    /// False for a count of records, not children (rows that could not be timed).
    public private(set) var protected: [Bool] = []
    /// True for a published cell, false for a complement the attacker adds.
    public private(set) var published: [Bool] = []
    public private(set) var relations: [(parts: [Int], total: Int)] = []
    /// Texts that disagree between two places that publish one count.
    public private(set) var contradictions: [String] = []

    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Whether a column of the council's tables (in the chapter, the workbook or pathway.csv)
    /// holds counts; the others hold rates, shares and verdicts.
    public static func isCountColumn(_ header: String) -> Bool {
        ["Referrals", "Extract", "Count", "From", "To", "Of", "Plans"].contains(header) || header.hasPrefix("A year earlier")
    }

    /// A published count: "c" (hidden) or a whole number; anything else is no count.
    public static func count(_ text: String) -> Int?? {
        if text == "c" { return .some(nil) }
        return Int(text.replacingOccurrences(of: ",", with: "")).map { .some($0) }
    }

    mutating func add(_ text: String, _ label: String) -> Int? {
        guard let v = Self.count(text) else { return nil }
        values.append(v)
        labels.append(label)
        protected.append(true)
        published.append(true)
        return values.count - 1
    }

    /// A hidden quantity the attacker knows exists but is never published (a complement).
    mutating func unknown(_ label: String, protected: Bool = true) -> Int {
        values.append(nil)
        labels.append(label)
        self.protected.append(protected)
        published.append(false)
        return values.count - 1
    }

    mutating func relate(_ parts: [Int?], _ total: Int?) {
        guard let total, !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return }
        relations.append((parts.map { $0! }, total))
    }

    /// The same count published twice: equal, or one unknown.
    mutating func same(_ a: Int?, _ b: Int?) {
        guard let a, let b else { return }
        if let x = values[a], let y = values[b], x != y { contradictions.append("\(labels[a]) is \(x) but \(labels[b]) is \(y)") }
        relate([a], b)
    }

    /// The system from a chapter's (or a section's) Markdown; nil without a referral section.
    public static func read(markdown md: String) -> PublishedSystem? {
        var s = PublishedSystem()
        guard let local = section(md, "Referrals this year"), let ytd = s.readReferrals(local) else { return nil }
        if let pathway = section(md, "The pathway this year") { s.readPathway(pathway, ytd: ytd) }
        return s
    }

    /// From the heading line holding `title` to the next heading of the same or a higher level.
    static func section(_ md: String, _ title: String) -> Substring? {
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("#") && $0.contains(title) }) else { return nil }
        let level = lines[start].prefix { $0 == "#" }.count
        let end = lines[(start + 1)...].firstIndex { line in
            line.hasPrefix("#") && line.prefix { $0 == "#" }.count <= level
        } ?? lines.endIndex
        return Substring(lines[start..<end].joined(separator: "\n"))
    }

    /// The referral section; returns the year to date's cell and the same months a year
    /// earlier's, as the pathway section's referral stage repeats them.
    mutating func readReferrals(_ section: Substring) -> (ytd: Int, same: Int)? {
        let tables = MarkdownTable.all(in: section)
        guard let months = tables.first(where: { $0.caption.contains("by month") }) else { return nil }
        var month: [String: Int] = [:]
        var order: [(y: Int, m: Int, cell: Int)] = []
        for row in months.rows.dropFirst() {
            let parts = row[0].split(separator: " ")
            guard parts.count == 2, let m = Self.shortMonths.firstIndex(of: String(parts[0])), let yy = Int(parts[1]),
                  let cell = add(row[1], "month \(row[0])") else { continue }
            month["\(2000 + yy)-\(m + 1)"] = cell
            order.append((2000 + yy, m + 1, cell))
        }
        // A census year's twelve months add up to its total in the reconciliation table.
        if let reconcile = tables.first(where: { $0.caption.contains("against DfE's published count") }) {
            for row in reconcile.rows.dropFirst() {
                guard let end = Int(row[0].suffix(2)).map({ 2000 + $0 }) else { continue }
                let cells = (0..<12).compactMap { i -> Int? in let m = (3 + i) % 12 + 1; return month["\(m >= 4 ? end - 1 : end)-\(m)"] }
                guard cells.count == 12 else { continue }
                relate(cells, add(row[1], "reconciliation \(row[0])"))
            }
        }
        guard let r = section.range(of: #"received ([0-9,c]+) referrals, against ([0-9,c]+) in the same months"#, options: .regularExpression) else { return nil }
        let words = section[r].split(separator: " ").map(String.init)
        guard let ytd = add(words[1], "year to date"), let same = add(words[4], "same months a year earlier"),
              let april = order.lastIndex(where: { $0.m == 4 }) else { return nil }
        let thisYear = order[april...]
        relate(thisYear.map(\.cell), ytd)
        let earlier = thisYear.compactMap { month["\($0.y - 1)-\($0.m)"] }
        if earlier.count == thisYear.count { relate(earlier, same) }
        for table in tables where table.caption.contains("of children referred") {
            relate(table.rows.dropFirst().map { add($0[1], "\(table.caption): \($0[0])") }, ytd)
        }
        return (ytd, same)
    }

    mutating func readPathway(_ section: Substring, ytd: (ytd: Int, same: Int)) {
        let tables = MarkdownTable.all(in: section)
        guard let stages = tables.first(where: { $0.caption.contains("beside the latest published figures") }) else { return }
        let header = stages.rows[0]
        let earlierColumn = header.firstIndex { $0.hasPrefix("A year earlier") }
        var stage: [String: Int] = [:]
        for row in stages.rows.dropFirst() {
            stage[row[0]] = add(row[1], "stage \(row[0])")
            if let e = earlierColumn, e < row.count, let earlier = add(row[e], "stage \(row[0]), a year earlier"), row[0] == "Referrals" {
                same(earlier, ytd.same)
            }
        }
        same(stage["Referrals"], ytd.ytd)
        let stageNamed = { (words: String) in stage.first { $0.key.hasPrefix(words) }?.value }
        if let conversions = tables.first(where: { $0.caption.hasPrefix("*From one stage to the next") }) {
            let names = ["contacts": "Contacts", "referrals": "Referrals", "assessments completed": "Assessments completed",
                         "section 47 enquiries": "Section 47 enquiries", "ICPCs": "Initial child protection conferences"]
            for row in conversions.rows.dropFirst() {
                if row[0].hasPrefix("ICPCs that resulted in a child protection plan") {
                    let icpcs = add(row[1], "conversion \(row[0]): from"), toPlan = add(row[2], "ICPCs that resulted in a plan")
                    same(icpcs, stage["Initial child protection conferences"])
                    relate([toPlan, unknown("ICPCs that did not result in a plan")], icpcs)
                    continue
                }
                // "Referrals per 100 contacts (...)": the "to" stage first, the "from" stage after "per 100".
                guard let per = row[0].range(of: " per 100 ") else { continue }
                let to = String(row[0][..<per.lowerBound]), fromWords = row[0][per.upperBound...].split(separator: " (").first.map(String.init) ?? ""
                same(add(row[1], "conversion \(row[0]): from"), names[fromWords].flatMap { stage[$0] })
                same(add(row[2], "conversion \(row[0]): to"), stage[to])
            }
        }
        if let measures = tables.first(where: { $0.rows.first?.first == "Measure" }) {
            for row in measures.rows.dropFirst() {
                let count = add(row[1], "\(row[0])"), of = add(row[2], "\(row[0]): of")
                relate([count, unknown("\(row[0]): not within")], of)
                let parent = row[0].hasPrefix("Assessments") ? stageNamed("Assessments completed")
                    : row[0].hasPrefix("Initial child protection conferences") ? stageNamed("Initial child protection conferences")
                    : row[0].hasPrefix("Plans started") ? stageNamed("Child protection plans started")
                    : row[0].hasPrefix("Plans open") ? stageNamed("Children on a child protection plan") : nil
                // What could not be timed is not counted here (the attacker is weaker, not stronger).
                relate([of, unknown("\(row[0]): not timed", protected: false)], parent)
            }
        }
        for table in tables where table.rows.first?.dropFirst().first == "Plans" {
            let total = table.caption.contains("started") ? stageNamed("Child protection plans started") : stageNamed("Children on a child protection plan")
            relate(table.rows.dropFirst().map { add($0[1], "\(table.caption): \($0[0])") }, total)
        }
    }

    /// Hidden counts an attacker narrows to fewer than 5 values, with 1 to 5 among them;
    /// and how many groups of hidden counts were too large to search.
    ///
    /// Every hidden count is taken to be at least 0, as the issue defines the audit ("every
    /// cell ≥ 0; the range at least 0-5 wide"). (An attacker who also knows that jsna never
    /// hides a zero can learn that two hidden counts adding up to 5 are each 1 to 4, which
    /// names no child; `least:` lets a test ask that stronger question.)
    public func narrowed(least: [Int: Int] = [:]) -> (findings: [String], unsolved: Int) {
        let attack = ExactAttack(values: values, relations: relations, least: least)
        let (found, unsolved) = attack.narrowed(values.indices.filter { values[$0] == nil && protected[$0] })
        return (contradictions + found.sorted { $0.key < $1.key }.map { "\(labels[$0.key]) lies in \($0.value)" }, unsolved)
    }
}
