import Foundation
import Statistics

/// Accumulates the synthetic counts and writes them in the EES layout.
struct DemoTables {
    let years: [Int]
    let regions: [(String, String)]
    /// measure → area key → year → count (nil = suppressed as c).
    var counts: [String: [String: [Int: Double?]]] = [:]
    var population: [String: [Int: Double]] = [:]

    init(years: [Int], regions: [(String, String)]) {
        self.years = years
        self.regions = regions
    }

    mutating func set(_ measure: String, _ area: String, _ year: Int, _ value: Double) {
        counts[measure, default: [:]][area, default: [:]][year] = value
    }

    mutating func add(_ la: DemoGenerator.Authority, rng: inout SplitMix64) {
        var drift: [String: Double] = [:]
        for year in (years.first! - 1)...years.last! {
            population[la.old, default: [:]][year] = (la.population * pow(la.growth, Double(year - 2015))).rounded()
        }
        for year in years {
            for (key, _, _) in DemoGenerator.levels { drift[key, default: 1] *= 0.94 + 0.12 * rng.unit() }
            let level = { (key: String) in la.base[key]! * drift[key]! }
            let children = population[la.old]![year - 1]!
            let perChildren = { (key: String) in (level(key) * children / 10_000).rounded() }
            let referrals = perChildren("referrals")
            set("referral_count", la.old, year, referrals)
            set("rereferral_count", la.old, year, (referrals * level("rereferral_pct") / 100).rounded())
            set("no_further_action_count", la.old, year, (referrals * level("nfa_pct") / 100).rounded())
            set("At31_episodes", la.old, year, perChildren("cin"))
            set("Section47", la.old, year, perChildren("s47"))
            set("ICPC", la.old, year, perChildren("icpc"))
            set("CPP_At31", la.old, year, perChildren("cpp"))
            let starts = perChildren("cpp_starts")
            set("CPP_start", la.old, year, starts)
            set("CPP_subsequent", la.old, year, (starts * level("subsequent_pct") / 100).rounded())
            set("children_count", la.old, year, perChildren("cla"))
            let fte = (referrals / 28 * (0.9 + 0.2 * rng.unit()) * 10).rounded() / 10
            set("case_holders_fte", la.old, year, fte)
            set("cases", la.old, year, (fte * level("caseload")).rounded())
            let episodes = (referrals * level("factor_share") / 100).rounded()
            set("Episodes_with_assessment_factor", la.old, year, episodes)
            for (column, key) in DemoTables.factors {
                set(column, la.old, year, (episodes * level(key) / 100).rounded())
            }
        }
    }

    static let factors = [("Domestic_Abuse_child", "da_child"), ("Domestic_Abuse_parent", "da_parent"), ("Mental_Health_parent", "mh_parent"),
                          ("Going_missing", "missing"), ("Child_sexual_exploitation", "cse"), ("Child_criminal_exploitation", "cce")]
}
