import CensusIngest
import Statistics

/// The indicators jsna computes. Adding an indicator is adding one entry here.
public enum IndicatorCatalogue {
    public static let all: [IndicatorDefinition] = [
        rate(.referralsRate, "Referrals to children's social care", "rate of referrals", Noun("referral", "referrals"),
             MeasureSource(.referralsC1, ["referral_count", "Referrals"]), published: ["Referrals_rate"],
             "Referrals received in the year ending 31 March, per 10,000 children aged under 18."),
        percent(.rereferralsPct, "Re-referrals within 12 months", "share of referrals that were re-referrals within 12 months",
                Noun("re-referral", "re-referrals"), of: Noun("referral", "referrals"),
                MeasureSource(.referralsC1, ["rereferral_count", "Re_referrals"]),
                of: MeasureSource(.referralsC1, ["referral_count", "Referrals"]),
                published: ["rereferral_percent", "Re_referrals_percent"], polarity: .lowIsGood,
                "Referrals within 12 months of a previous referral of the same child, as a percentage of all referrals."),
        rate(.cinRate, "Children in need at 31 March", "rate of children in need", Noun("child in need", "children in need"),
             MeasureSource(.cinB1, ["At31_episodes"]), published: ["At31_episodes_rate"],
             "Children in need (episodes open) at 31 March, per 10,000 children aged under 18."),
        rate(.s47Rate, "Section 47 enquiries", "rate of section 47 enquiries", Noun("section 47 enquiry", "section 47 enquiries"),
             MeasureSource(.section47C4, ["Section47"]), published: ["Section47_rate"],
             "Section 47 enquiries started in the year, per 10,000 children aged under 18."),
        rate(.icpcRate, "Initial child protection conferences", "rate of initial child protection conferences", Noun("initial conference", "initial conferences"),
             MeasureSource(.section47C4, ["ICPC"]), published: ["ICPC_rate"],
             "Initial child protection conferences held in the year, per 10,000 children aged under 18."),
        rate(.cppRate, "Children on child protection plans at 31 March", "rate of children on child protection plans", Noun("child on a plan", "children on plans"),
             MeasureSource(.cppAt31D5, ["CPP_At31"]), published: ["CPP_At31_rate"],
             "Children subject to a child protection plan at 31 March, per 10,000 children aged under 18."),
        rate(.cppStartsRate, "Child protection plans starting", "rate of child protection plans starting", Noun("plan started", "plans started"),
             MeasureSource(.cppStartsD3, ["CPP_start"]), published: ["CPP_start_rate"],
             "Child protection plans starting in the year, per 10,000 children aged under 18."),
        percent(.cppSubsequentPct, "Second or subsequent child protection plans", "share of plans that were a second or subsequent plan",
                Noun("second or subsequent plan", "second or subsequent plans"), of: Noun("plan started", "plans started"),
                MeasureSource(.cppStartsD3, ["CPP_subsequent"]), of: MeasureSource(.cppStartsD3, ["CPP_start"]),
                published: ["CPP_subsequent_percent"], polarity: .lowIsGood,
                "Plans starting in the year that were the child's second or later plan, as a percentage of plans starting."),
        IndicatorDefinition(
            id: .claRate, title: "Children looked after at 31 March", phrase: "rate of children looked after",
            numerator: MeasureSource(.childrenLookedAfter, ["children_count"], category: "Children looked after on 31 March each year"),
            denominator: .childPopulation, multiplier: 10_000, published: ["rate_per_10000"], publishedDecimals: 0,
            polarity: .none, unit: .wholeRatePer10k, periodStyle: .censusYear, interval: .poissonRate,
            definition: "Children looked after at 31 March, per 10,000 children aged under 18 (DfE publishes whole numbers).",
            counts: Noun("child looked after", "children looked after")),
        IndicatorDefinition(
            id: .caseloadFte, title: "Average caseload of children's social workers", phrase: "average caseload per social worker",
            numerator: MeasureSource(.workforce, ["cases"]),
            denominator: .measure(MeasureSource(.workforce, ["case_holders_fte"])), multiplier: 1,
            published: ["caseload_fte"], publishedDecimals: 1, polarity: .lowIsGood,
            unit: .caseload, periodStyle: .septemberSnapshot, interval: .none,
            definition: "Cases held at 30 September divided by full-time-equivalent case-holding children's social workers, as DfE publishes it (caseload_fte: DfE divides by the unrounded FTE).",
            counts: Noun("case", "cases"), denominatorCounts: Noun("FTE case-holding social worker", "FTE case-holding social workers"),
            valueIsPublished: true),
        factor(.factorDomesticAbuseParentPct, "Domestic abuse: parent or carer", "Domestic_Abuse_parent",
               "domestic abuse involving a parent or carer"),
        factor(.factorDomesticAbuseChildPct, "Domestic abuse: the child", "Domestic_Abuse_child",
               "domestic abuse where the child was a victim"),
        factor(.factorMentalHealthParentPct, "Mental health: parent or carer", "Mental_Health_parent",
               "mental health concerns about a parent or carer"),
        factor(.factorChildSexualExploitationPct, "Child sexual exploitation", "Child_sexual_exploitation",
               "child sexual exploitation"),
        factor(.factorChildCriminalExploitationPct, "Child criminal exploitation", "Child_criminal_exploitation",
               "child criminal exploitation"),
        factor(.factorGoingMissingPct, "Going missing", "Going_missing", "the child going missing"),
    ]

    public static func definition(_ id: IndicatorID) -> IndicatorDefinition? { all.first { $0.id == id } }

    static func rate(_ id: IndicatorID, _ title: String, _ phrase: String, _ counts: Noun, _ numerator: MeasureSource, published: [String], _ definition: String) -> IndicatorDefinition {
        IndicatorDefinition(
            id: id, title: title, phrase: phrase, numerator: numerator, denominator: .childPopulation, multiplier: 10_000,
            published: published, publishedDecimals: 1, polarity: .none, unit: .ratePer10k,
            periodStyle: .censusYear, interval: .poissonRate, definition: definition, counts: counts)
    }

    static func percent(_ id: IndicatorID, _ title: String, _ phrase: String, _ counts: Noun, of whole: Noun,
                        _ numerator: MeasureSource, of denominator: MeasureSource,
                        published: [String], polarity: Polarity, _ definition: String) -> IndicatorDefinition {
        IndicatorDefinition(
            id: id, title: title, phrase: phrase, numerator: numerator, denominator: .measure(denominator), multiplier: 100,
            published: published, publishedDecimals: 1, polarity: polarity, unit: .percentage,
            periodStyle: .censusYear, interval: .wilsonPercentage, definition: definition, counts: counts, denominatorCounts: whole)
    }

    static func factor(_ id: IndicatorID, _ title: String, _ column: String, _ what: String) -> IndicatorDefinition {
        percent(id, "Assessments identifying \(title.prefix(1).lowercased() + title.dropFirst())",
                "share of assessments identifying \(what)",
                Noun("assessment", "assessments"), of: Noun("assessment with factors recorded", "assessments with factors recorded"),
                MeasureSource(.factorsC3, [column]), of: MeasureSource(.factorsC3, ["Episodes_with_assessment_factor"]),
                published: [], polarity: .none,
                "Episodes with \(what) recorded as a factor at the end of assessment, as a percentage of episodes with any assessment factor.")
    }
}

/// The ids of the catalogue's indicators: the only place they are spelled.
extension IndicatorID {
    public static let referralsRate = IndicatorID(rawValue: "referrals_rate")
    public static let rereferralsPct = IndicatorID(rawValue: "rereferrals_pct")
    public static let cinRate = IndicatorID(rawValue: "cin_rate")
    public static let s47Rate = IndicatorID(rawValue: "s47_rate")
    public static let icpcRate = IndicatorID(rawValue: "icpc_rate")
    public static let cppRate = IndicatorID(rawValue: "cpp_rate")
    public static let cppStartsRate = IndicatorID(rawValue: "cpp_starts_rate")
    public static let cppSubsequentPct = IndicatorID(rawValue: "cpp_subsequent_pct")
    public static let claRate = IndicatorID(rawValue: "cla_rate")
    public static let caseloadFte = IndicatorID(rawValue: "caseload_fte")
    public static let factorDomesticAbuseParentPct = IndicatorID(rawValue: "factor_domestic_abuse_parent_pct")
    public static let factorDomesticAbuseChildPct = IndicatorID(rawValue: "factor_domestic_abuse_child_pct")
    public static let factorMentalHealthParentPct = IndicatorID(rawValue: "factor_mental_health_parent_pct")
    public static let factorChildSexualExploitationPct = IndicatorID(rawValue: "factor_child_sexual_exploitation_pct")
    public static let factorChildCriminalExploitationPct = IndicatorID(rawValue: "factor_child_criminal_exploitation_pct")
    public static let factorGoingMissingPct = IndicatorID(rawValue: "factor_going_missing_pct")
}
