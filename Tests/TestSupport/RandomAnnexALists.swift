import Foundation

/// Random small Annex A lists 1 and 3 to 8 (CSV, dd/mm/yyyy), for the disclosure tests: a
/// few dozen children from 1 April 2024, each referred, most assessed, some enquired into,
/// conferenced, planned, in need or looked after; every list ends with a row on its last
/// day so the period is fixed.
public enum RandomAnnexALists {
    public struct Lists: Sendable {
        public var files: [String: [String]] = [:]
        /// Every child ID, date of birth and worker: none may appear in anything published.
        public var secrets: Set<String> = []

        /// Each list as a CSV in `folder` (created), under its header.
        public func write(to folder: URL) throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, rows) in files {
                try Data(([RandomAnnexALists.headers[name]!] + rows).joined(separator: "\n").appending("\n").utf8).write(to: folder.appendingPathComponent(name))
            }
        }
    }

    public static let person = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years)"
    public static let headers = [
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
    public static func generate(seed: UInt64, children: ClosedRange<Int> = 10...90, last: Int = 547) -> Lists {
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

}
