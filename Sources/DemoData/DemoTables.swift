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
        // The measures added in issue 18 draw from their own stream, seeded from this point
        // of the main one without advancing it, so every earlier demo figure stays the same.
        var extra = SplitMix64(seed: rng.state ^ 0x0018_0018_D3E0_0018)
        var extraBase: [String: Double] = [:]
        for (key, low, high) in Self.extraLevels { extraBase[key] = low + (high - low) * extra.unit() }
        var extraDrift: [String: Double] = [:]
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
            for (key, _, _) in Self.extraLevels { extraDrift[key, default: 1] *= 0.94 + 0.12 * extra.unit() }
            let more = { (key: String) in extraBase[key]! * extraDrift[key]! }
            addPathway(la, year: year, children: children, referrals: referrals, episodes: episodes, fte: fte, more: more)
        }
    }

    /// b1 starts and any-point counts, c1 not in need, c4 conference timeliness, d5 plans of
    /// 2 years or more, the workforce's FTE and days lost, and the other assessment factors.
    mutating func addPathway(_ la: DemoGenerator.Authority, year: Int, children: Double, referrals: Double, episodes: Double, fte: Double,
                             more: (String) -> Double) {
        let at31 = stored("At31_episodes", la, year)
        set("Started_episodes", la.old, year, (referrals * more("started_share") / 100).rounded())
        set("Anypoint_child", la.old, year, (at31 * more("anypoint_ratio")).rounded())
        set("not_in_need_count", la.old, year, (referrals * more("not_in_need_pct") / 100).rounded())
        let icpc = stored("ICPC", la, year)
        let within = (icpc * min(more("icpc15_pct"), 99) / 100).rounded()
        let early = (within * 0.08).rounded()
        set("Duration_0-10_days", la.old, year, early)
        set("Duration_11-15_days", la.old, year, within - early)
        let late = icpc - within
        set("Duration_16-20_days", la.old, year, (late * 0.55).rounded())
        set("Duration_21+_days", la.old, year, late - (late * 0.55).rounded())
        let plans = stored("CPP_At31", la, year)
        set("2_years_or_more", la.old, year, (plans * more("cpp2y_pct") / 100).rounded())
        let inpost = (fte * 1.3 * 10).rounded() / 10
        set("inpost_fte", la.old, year, inpost)
        set("leavers_fte", la.old, year, (inpost * more("turnover_pct")).rounded() / 100)
        set("agency_fte", la.old, year, (inpost * more("agency_pct") / (100 - more("agency_pct")) * 10).rounded() / 10)
        set("vacancy_fte", la.old, year, (inpost * more("vacancy_pct") / (100 - more("vacancy_pct")) * 10).rounded() / 10)
        set("working_days_lost_fte", la.old, year, (inpost * 220 * more("absence_pct") / 100 * 10).rounded() / 10)
        for (column, key) in Self.moreFactors {
            set(column, la.old, year, (episodes * more(key) / 100).rounded())
        }
    }

    func stored(_ measure: String, _ la: DemoGenerator.Authority, _ year: Int) -> Double {
        (counts[measure]?[la.old]?[year] ?? nil) ?? 0
    }

    /// Levels of the issue 18 measures, as (low, high): shares in per cent, ratios plain.
    static let extraLevels: [(String, Double, Double)] = [
        ("started_share", 70, 85), ("anypoint_ratio", 1.6, 1.9), ("not_in_need_pct", 12, 35), ("icpc15_pct", 70, 96),
        ("cpp2y_pct", 1, 5), ("turnover_pct", 10, 22), ("agency_pct", 5, 25), ("vacancy_pct", 8, 24), ("absence_pct", 2.5, 4.5),
        ("neglect", 14, 24), ("emotional", 12, 20), ("physical_adult", 8, 13), ("physical_child", 1, 3), ("sexual_adult", 3, 6),
        ("sexual_child", 1, 3), ("alcohol_parent", 12, 18), ("drug_parent", 12, 20), ("self_harm", 4, 8), ("gangs", 0.5, 2),
        ("trafficking", 0.1, 0.6), ("fgm", 0.05, 0.3), ("young_carer", 1, 3),
    ]

    static let moreFactors = [("Neglect", "neglect"), ("Emotional_Abuse", "emotional"), ("Physical_Abuse_adult_on_child", "physical_adult"),
                              ("Physical_Abuse_child_on_child", "physical_child"), ("Sexual_Abuse_adult_on_child", "sexual_adult"),
                              ("Sexual_Abuse_child_on_child", "sexual_child"), ("Alcohol_Misuse_parent", "alcohol_parent"),
                              ("Drug_Misuse_parent", "drug_parent"), ("Self_harm", "self_harm"), ("Gangs", "gangs"), ("Trafficking", "trafficking"),
                              ("Female_Genital_Mutilation", "fgm"), ("Young_Carer", "young_carer")]

    static let factors = [("Domestic_Abuse_child", "da_child"), ("Domestic_Abuse_parent", "da_parent"), ("Mental_Health_parent", "mh_parent"),
                          ("Going_missing", "missing"), ("Child_sexual_exploitation", "cse"), ("Child_criminal_exploitation", "cce")]
}
