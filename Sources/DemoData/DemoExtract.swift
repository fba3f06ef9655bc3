import ReferralExtract
import Statistics

/// A synthetic Annex A List 3 referral extract for one fictional authority, consistent
/// with its synthetic DfE counts (about 1.5% more referrals, as a live system records late
/// entries): every child, date, worker and team is made up.
struct DemoExtract {
    static let fileName = "amberfold_referrals_list3.csv"
    static let header = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker"
    static let genders = [("a) Male", 51.0), ("b) Female", 47.0), ("c) Not stated/recorded", 1.5), ("d) Neither", 0.5)]
    static let ethnicities = [("a) WBRI", 68.0), ("d) WOTH", 6), ("f) MWBC", 3), ("i) MOTH", 3), ("j) AIND", 3), ("k) APKN", 4),
                              ("o) BAFR", 3), ("p) BOTH", 1), ("q) CHNE", 0.5), ("r) OOTH", 2), ("s) NOBT", 6.5)]
    static let sources = [("q) 6: Police", 30.0), ("e) 2A: Schools", 20), ("g) 3A: Health services", 6), ("h) 3B: Health services", 4),
                          ("k) 3E: Health services", 5), ("n) 5A: LA services", 7), ("p) 5C: LA services", 5), ("a) 1A: Individual", 6),
                          ("c) 1C: Individual", 2), ("m) 4: Housing", 2), ("r) 7: Other legal agency", 3), ("s) 8: Other", 6),
                          ("t) 9: Anonymous", 2), ("u) 10: Unknown", 2)]
    static let teams = ["Front Door Team", "\"Assessment, North\"", "\"Assessment, South\"", "MASH Team"]

    /// One referral as generated: the child, the day, and what the other Annex A lists follow.
    struct Referral {
        var child: Int
        var dob: Int
        var day: Int
        var gender: String
        var ethnicity: String
        var source: String
        var nfa: Bool
    }

    /// Rows for census years (with their DfE counts) and a part year ending on `last`.
    static func csv(years: [(year: Int, count: Int)], partYear: Int, partCount: Int, lastDay: (Int, Int, Int), rng: inout SplitMix64) -> String {
        var referrals: [Referral] = []
        return csv(years: years, partYear: partYear, partCount: partCount, lastDay: lastDay, rng: &rng, referrals: &referrals)
    }

    /// The same, also giving each referral for the other lists to follow.
    static func csv(years: [(year: Int, count: Int)], partYear: Int, partCount: Int, lastDay: (Int, Int, Int), rng: inout SplitMix64, referrals: inout [Referral]) -> String {
        var rows: [(day: Int, text: String)] = []
        var recent: [(id: Int, dob: Int, day: Int)] = []
        var nextChild = 1
        func pick(_ options: [(String, Double)]) -> String {
            let total = options.reduce(0) { $0 + $1.1 }
            var r = rng.unit() * total
            for (value, weight) in options { r -= weight; if r < 0 { return value } }
            return options.last!.0
        }
        let periods = years.map { ($0.year, Int((Double($0.count) * 1.015).rounded()), 365) }
            + [(partYear, partCount, daysFrom(april1: partYear, to: lastDay) + 1)]
        for (year, count, span) in periods {
            let start = days(year - 1, 4, 1)
            for _ in 0..<count {
                let day = start + Int(rng.unit() * Double(span))
                let child: (id: Int, dob: Int, day: Int)
                if !recent.isEmpty, rng.unit() < 0.22 {
                    child = recent[Int(rng.unit() * Double(recent.count))]
                } else {
                    child = (nextChild, day - Int(rng.unit() * 17.5 * 365.25), day)
                    nextChild += 1
                }
                recent.append((child.id, child.dob, day))
                if recent.count > 400 { recent.removeFirst(recent.count - 400) }
                let nfa = rng.unit() < 0.07 ? "a) Yes" : "b) No"
                let worker = "Worker \(format3(1 + Int(rng.unit() * 60)))"
                let (gender, ethnicity, source) = (pick(genders), pick(ethnicities), pick(sources))
                let text = "DEMO\(format3(child.id)),\(gender),\(ethnicity),\(date(child.dob)),,\(date(max(day, child.dob))),"
                    + "\(source),\(nfa),,\(teams[Int(rng.unit() * Double(teams.count))]),\(worker)"
                rows.append((max(day, child.dob), text))
                referrals.append(Referral(child: child.id, dob: child.dob, day: max(day, child.dob), gender: gender, ethnicity: ethnicity, source: source, nfa: nfa == "a) Yes"))
            }
        }
        rows.sort { $0.day < $1.day }
        return ([header] + rows.map(\.text)).joined(separator: "\r\n") + "\r\n"
    }

    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int { Int(CivilDate(year: y, month: m, day: d)!.dayNumber) }

    static func daysFrom(april1 year: Int, to day: (Int, Int, Int)) -> Int { days(day.0, day.1, day.2) - days(year - 1, 4, 1) }

    /// dd/mm/yyyy.
    static func date(_ n: Int) -> String {
        let (y, m, d) = CivilDate(dayNumber: Int32(n)).components
        return "\(d < 10 ? "0" : "")\(d)/\(m < 10 ? "0" : "")\(m)/\(y)"
    }
}
