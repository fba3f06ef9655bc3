import ReferralExtract

/// Synthetic Annex A lists 1 and 4 to 8 for the fictional Amberfold, following its
/// synthetic referrals (List 3) down the pathway: contacts before each referral and more
/// that go no further; assessments; section 47 enquiries and conferences; children in
/// need, child protection plans and children looked after, with plausible shares and
/// durations (England's ratios between stages). Every child, date, worker and team is made
/// up; dates after the lists' last day have not happened and are left out (or blank).
struct DemoAnnexA {
    static let folder = "annex-a"
    let last: Int
    var rng: SplitMix64

    static let person = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years)"
    static let headers: [String: String] = [
        "list1.csv": person + ",Date of Contact,Contact Source",
        "list4.csv": person + ",Does the Child have a Disability,Continuous Assessment Start Date,Child Seen During Continuous Assessment,Continuous Assessment Date of Authorisation,Was the child assessed as requiring LA children's social care support?,Allocated Team,Allocated Worker",
        "list5.csv": person + ",Does the Child have a Disability,Strategy discussion initiating Section 47 Enquiry Start Date,Was an Initial Child Protection Conference deemed unnecessary?,Date of Initial Child Protection Conference,Did the Initial Child Protection Conference Result in a Child Protection Plan,Number of Section 47 Enquiries in the last 12 months,Number of ICPCs in the last 12 months,Allocated Team,Allocated Worker",
        "list6.csv": person + ",Does the Child have a Disability,CIN Start Date,Primary Need Code,Date Child Was Last Seen,CIN Closure Date,Reason for Closure,Case Status,Allocated Team,Allocated Worker",
        "list7.csv": person + ",Does the Child have a Disability,Child Protection Plan Start Date,Initial Category of Abuse,Latest Category of Abuse,Date of the Last Statutory Visit,Was the Child Seen Alone?,Date of latest review conference,Child Protection Plan End Date,Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N),Number of Previous Child Protection Plans,Allocated Team,Allocated Worker",
        "list8.csv": person + ",Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N),Date Started to be Looked After,Date Ceased to be Looked After",
    ]
    static let needs = [("N1 - Abuse or neglect", 60.0), ("N2 - Child's disability", 8), ("N3 - Parental illness/disability", 3), ("N4 - Family in acute stress", 9),
                        ("N5 - Family dysfunction", 11), ("N6 - Socially unacceptable behaviour", 3), ("N7 - Low income", 1), ("N8 - Absent parenting", 3), ("N9 - Cases other than child in need", 2)]
    static let categories = [("a) Neglect", 50.0), ("d) Emotional abuse", 36), ("b) Physical abuse", 7), ("c) Sexual abuse", 4), ("e) Multiple", 3)]

    mutating func unit() -> Double { rng.unit() }

    mutating func pick(_ options: [(String, Double)]) -> String {
        let total = options.reduce(0) { $0 + $1.1 }
        var r = unit() * total
        for (value, weight) in options { r -= weight; if r < 0 { return value } }
        return options.last!.0
    }

    /// `n` working days (about) after `day`: weekends are skipped; bank holidays are not
    /// needed for plausible synthetic dates.
    func workingDays(after day: Int, _ n: Int) -> Int {
        var d = day, left = n
        while left > 0 {
            d += 1
            let weekday = (d + 3) % 7  // day 0 (1 January 1970) was a Thursday: 0 is Monday
            if weekday < 5 { left -= 1 }
        }
        return d
    }

    func date(_ day: Int?) -> String { day.map { $0 <= last ? DemoExtract.date($0) : "" } ?? "" }

    func person(_ r: DemoExtract.Referral) -> String { "DEMO\(format3(r.child)),\(r.gender),\(r.ethnicity),\(DemoExtract.date(r.dob))," }

    mutating func worker() -> String { ["Front Door Team", "\"Assessment, North\"", "\"Assessment, South\"", "Child Protection Team"][Int(unit() * 4)] + ",Worker \(format3(1 + Int(unit() * 60)))" }

    /// The lists, by file name (inside ``folder``), with their text.
    mutating func lists(_ referrals: [DemoExtract.Referral]) -> [(String, String)] {
        var rows: [String: [(Int, String)]] = [:]
        func add(_ list: String, _ day: Int, _ text: String) { if day <= last { rows[list, default: []].append((day, text)) } }
        for r in referrals {
            let code = r.source.split(separator: " ", maxSplits: 1).last.map(String.init) ?? r.source
            add("list1.csv", r.day, person(r) + ",\(date(r.day - Int(unit() * 3))),\(code)")
            // Contacts that go no further: about two for each referral.
            for _ in 0..<(unit() < 0.5 ? 1 : 2) { add("list1.csv", r.day, person(r) + ",\(date(r.day - 150 + Int(unit() * 300))),\(code)") }
            guard !r.nfa, unit() < 0.92 else { continue }
            let disability = unit() < 0.1 ? "a) Yes" : "b) No"
            let start = r.day + Int(unit() * 4)
            let authorised = workingDays(after: start, unit() < 0.85 ? 10 + Int(unit() * 35) : 46 + Int(unit() * 40))
            let inNeed = unit() < 0.62
            add("list4.csv", start, person(r) + ",\(disability),\(date(start)),a) Yes,\(date(authorised)),\(inNeed ? "a) Yes" : "b) No"),\(worker())")
            if unit() < 0.38 {
                let s47 = r.day + Int(unit() * 8)
                let icpc: Int? = unit() < 0.30 ? workingDays(after: s47, unit() < 0.8 ? 5 + Int(unit() * 10) : 16 + Int(unit() * 15)) : nil
                let plan = icpc != nil && unit() < 0.95
                add("list5.csv", s47, person(r) + ",\(disability),\(date(s47)),\(icpc == nil ? "a) Yes" : "b) No"),\(date(icpc)),\(icpc == nil ? "" : plan ? "a) Yes" : "b) No"),1,\(icpc == nil ? 0 : 1),\(worker())")
                if let icpc, plan, icpc <= last {
                    let initial = pick(Self.categories)
                    let latest = unit() < 0.9 ? initial : pick(Self.categories)
                    let end = icpc + 60 + Int(unit() * (unit() < 0.04 ? 1000 : 260))
                    let previous = unit() < 0.76 ? "0" : (unit() < 0.8 ? "1" : "2")
                    add("list7.csv", icpc, person(r) + ",\(disability),\(date(icpc)),\(initial),\(latest),,a) Yes,,\(date(end)),b) No,\(previous),\(worker())")
                }
            }
            guard inNeed, authorised <= last else { continue }
            // A plan from a conference held elsewhere (a child moving in): no List 5 row here.
            if unit() < 0.04 {
                let start = authorised + 5 + Int(unit() * 20)
                add("list7.csv", start, person(r) + ",\(disability),\(date(start)),\(pick(Self.categories)),\(pick(Self.categories)),,a) Yes,,\(date(start + 60 + Int(unit() * 260))),b) No,0,\(worker())")
            }
            let closure = authorised + 60 + Int(unit() * 700)
            add("list6.csv", authorised, person(r) + ",\(disability),\(date(authorised)),\(pick(Self.needs)),,\(date(closure)),\(closure <= last ? "RC8" : ""),\(closure <= last ? "Closed" : "Open"),\(worker())")
            if unit() < 0.03 {
                let looked = authorised + Int(unit() * 200)
                add("list8.csv", looked, person(r) + ",\(unit() < 0.05 ? "a) Yes" : "b) No"),\(date(looked)),\(date(looked + 150 + Int(unit() * 1500)))")
            }
        }
        // Children looked after since before the referrals began, many still looked after.
        let looked = referrals.count / 45
        let first = referrals.map(\.day).min() ?? last
        for i in 0..<looked {
            let started = first - 30 - Int(unit() * 2500)
            let dob = started - Int(unit() * 15 * 365.25)
            let child = DemoExtract.Referral(child: 900_000 + i, dob: dob, day: started, gender: pick(DemoExtract.genders), ethnicity: pick(DemoExtract.ethnicities), source: "", nfa: false)
            add("list8.csv", started, person(child) + ",b) No,\(date(started)),\(date(unit() < 0.7 ? nil : started + 900 + Int(unit() * 2000)))")
        }
        return rows.keys.sorted().map { name in
            let sorted = rows[name]!.sorted { $0.0 < $1.0 }.map(\.1)
            return ("\(Self.folder)/\(name)", ([Self.headers[name]!] + sorted).joined(separator: "\r\n") + "\r\n")
        }
    }
}
