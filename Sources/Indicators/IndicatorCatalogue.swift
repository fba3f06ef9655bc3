import CensusIngest
import Statistics

/// The indicators jsna computes. Adding an indicator is adding one entry here.
public enum IndicatorCatalogue {
    public static let perChildren = "per 10,000 children aged under 18"

    public static let all: [IndicatorDefinition] = [
        rate("referrals_rate", "Referrals to children's social care", "rate of referrals",
             MeasureSource(.referralsC1, ["referral_count", "Referrals"]), published: ["Referrals_rate"],
             "Referrals received in the year ending 31 March, per 10,000 children aged under 18."),
        percent("rereferrals_pct", "Re-referrals within 12 months", "share of referrals that were re-referrals within 12 months",
                MeasureSource(.referralsC1, ["rereferral_count", "Re_referrals"]),
                of: MeasureSource(.referralsC1, ["referral_count", "Referrals"]),
                published: ["rereferral_percent", "Re_referrals_percent"], polarity: .lowIsGood,
                "Referrals within 12 months of a previous referral of the same child, as a percentage of all referrals."),
        rate("cin_rate", "Children in need at 31 March", "rate of children in need",
             MeasureSource(.cinB1, ["At31_episodes"]), published: ["At31_episodes_rate"],
             "Children in need (episodes open) at 31 March, per 10,000 children aged under 18."),
        rate("s47_rate", "Section 47 enquiries", "rate of section 47 enquiries",
             MeasureSource(.section47C4, ["Section47"]), published: ["Section47_rate"],
             "Section 47 enquiries started in the year, per 10,000 children aged under 18."),
        rate("icpc_rate", "Initial child protection conferences", "rate of initial child protection conferences",
             MeasureSource(.section47C4, ["ICPC"]), published: ["ICPC_rate"],
             "Initial child protection conferences held in the year, per 10,000 children aged under 18."),
        rate("cpp_rate", "Children on child protection plans at 31 March", "rate of children on child protection plans",
             MeasureSource(.cppAt31D5, ["CPP_At31"]), published: ["CPP_At31_rate"],
             "Children subject to a child protection plan at 31 March, per 10,000 children aged under 18."),
        rate("cpp_starts_rate", "Child protection plans starting", "rate of child protection plans starting",
             MeasureSource(.cppStartsD3, ["CPP_start"]), published: ["CPP_start_rate"],
             "Child protection plans starting in the year, per 10,000 children aged under 18."),
        percent("cpp_subsequent_pct", "Second or subsequent child protection plans", "share of plans that were a second or subsequent plan",
                MeasureSource(.cppStartsD3, ["CPP_subsequent"]), of: MeasureSource(.cppStartsD3, ["CPP_start"]),
                published: ["CPP_subsequent_percent"], polarity: .lowIsGood,
                "Plans starting in the year that were the child's second or later plan, as a percentage of plans starting."),
        IndicatorDefinition(
            id: "cla_rate", title: "Children looked after at 31 March", phrase: "rate of children looked after",
            numerator: MeasureSource(.childrenLookedAfter, ["children_count"], category: "Children looked after on 31 March each year"),
            denominator: .childPopulation, multiplier: 10_000, published: ["rate_per_10000"], publishedDecimals: 0,
            polarity: .none, decimals: 0, unit: perChildren, periodStyle: .censusYear, interval: .poissonRate,
            definition: "Children looked after at 31 March, per 10,000 children aged under 18 (DfE publishes whole numbers)."),
        IndicatorDefinition(
            id: "caseload_fte", title: "Average caseload of children's social workers", phrase: "average caseload per social worker",
            numerator: MeasureSource(.workforce, ["cases"]),
            denominator: .measure(MeasureSource(.workforce, ["case_holders_fte"])), multiplier: 1,
            published: ["caseload_fte"], publishedDecimals: 1, polarity: .lowIsGood, decimals: 1,
            unit: "cases per FTE social worker", periodStyle: .septemberSnapshot, interval: .none,
            definition: "Cases held at 30 September divided by full-time-equivalent case-holding children's social workers."),
        factor("factor_domestic_abuse_parent_pct", "Domestic abuse: parent or carer", "Domestic_Abuse_parent",
               "domestic abuse involving a parent or carer"),
        factor("factor_domestic_abuse_child_pct", "Domestic abuse: the child", "Domestic_Abuse_child",
               "domestic abuse where the child was a victim"),
        factor("factor_mental_health_parent_pct", "Mental health: parent or carer", "Mental_Health_parent",
               "mental health concerns about a parent or carer"),
        factor("factor_child_sexual_exploitation_pct", "Child sexual exploitation", "Child_sexual_exploitation",
               "child sexual exploitation"),
        factor("factor_child_criminal_exploitation_pct", "Child criminal exploitation", "Child_criminal_exploitation",
               "child criminal exploitation"),
        factor("factor_going_missing_pct", "Going missing", "Going_missing", "the child going missing"),
    ]

    public static func definition(_ id: String) -> IndicatorDefinition? { all.first { $0.id == id } }

    static func rate(_ id: String, _ title: String, _ phrase: String, _ numerator: MeasureSource, published: [String], _ definition: String) -> IndicatorDefinition {
        IndicatorDefinition(
            id: id, title: title, phrase: phrase, numerator: numerator, denominator: .childPopulation, multiplier: 10_000,
            published: published, publishedDecimals: 1, polarity: .none, decimals: 1, unit: perChildren,
            periodStyle: .censusYear, interval: .poissonRate, definition: definition)
    }

    static func percent(_ id: String, _ title: String, _ phrase: String, _ numerator: MeasureSource, of denominator: MeasureSource,
                        published: [String], polarity: Polarity, _ definition: String) -> IndicatorDefinition {
        IndicatorDefinition(
            id: id, title: title, phrase: phrase, numerator: numerator, denominator: .measure(denominator), multiplier: 100,
            published: published, publishedDecimals: 1, polarity: polarity, decimals: 1, unit: "%",
            periodStyle: .censusYear, interval: .wilsonPercentage, definition: definition)
    }

    static func factor(_ id: String, _ title: String, _ column: String, _ what: String) -> IndicatorDefinition {
        percent(id, "Assessments identifying \(title.prefix(1).lowercased() + title.dropFirst())",
                "share of assessments identifying \(what)",
                MeasureSource(.factorsC3, [column]), of: MeasureSource(.factorsC3, ["Episodes_with_assessment_factor"]),
                published: [], polarity: .none,
                "Episodes with \(what) recorded as a factor at the end of assessment, as a percentage of episodes with any assessment factor.")
    }
}
