import CensusIngest
import Statistics

/// The indicators jsna computes. Adding an indicator is adding one entry here.
public enum IndicatorCatalogue {
    public static let all: [IndicatorDefinition] = frontDoor + assessment + childProtection + care + workforce + factors

    static let frontDoor = [
        rate(.referralsRate, "Referrals to children's social care", "rate of referrals", Noun("referral", "referrals"),
             MeasureSource(.referralsC1, ["referral_count", "Referrals"]), published: ["Referrals_rate"],
             "Referrals received in the year ending 31 March, per 10,000 children aged under 18."),
        percent(.rereferralsPct, "Re-referrals within 12 months", "share of referrals that were re-referrals within 12 months",
                Noun("re-referral", "re-referrals"), of: Noun("referral", "referrals"),
                MeasureSource(.referralsC1, ["rereferral_count", "Re_referrals"]),
                of: MeasureSource(.referralsC1, ["referral_count", "Referrals"]),
                published: ["rereferral_percent", "Re_referrals_percent"], polarity: .lowIsGood,
                "Referrals within 12 months of a previous referral of the same child, as a percentage of all referrals."),
        percent(.nfaPct, "Referrals with no further action", "share of referrals closed with no further action",
                Noun("referral with no further action", "referrals with no further action"), of: Noun("referral", "referrals"),
                MeasureSource(.referralsC1, ["no_further_action_count", "No_Further_Action"]),
                of: MeasureSource(.referralsC1, ["referral_count", "Referrals"]),
                published: ["no_further_action_percent", "No_Further_Action_percent"], polarity: .none,
                "Referrals closed with no further action in the year, as a percentage of all referrals (DfE table C1)."),
    ]

    static let assessment = [
        percent(.notInNeedPct, "Referrals assessed as not in need", "share of referrals assessed as not in need",
                Noun("referral assessed as not in need", "referrals assessed as not in need"), of: Noun("referral", "referrals"),
                MeasureSource(.referralsC1, ["not_in_need_count", "Not_in_Need"]),
                of: MeasureSource(.referralsC1, ["referral_count", "Referrals"]),
                published: ["not_in_need_percent", "Not_in_Need_percent"], polarity: .none,
                "Referrals in the year whose assessment found the child not in need, as a percentage of all referrals (DfE table C1)."),
        rate(.cinStartedRate, "Children in need episodes starting", "rate of children in need episodes starting",
             Noun("episode started", "episodes started"), MeasureSource(.cinB1, ["Started_episodes"]), published: ["Started_episodes_rate"],
             "Episodes of need starting in the year ending 31 March, per 10,000 children aged under 18 (DfE table B1)."),
        rate(.cinAnypointRate, "Children in need at any point in the year", "rate of children in need at any point in the year",
             Noun("child in need at any point", "children in need at any point"), MeasureSource(.cinB1, ["Anypoint_child"]),
             published: ["Anypoint_child_rate"],
             "Children in need at any point in the year ending 31 March (each child once), per 10,000 children aged under 18 (DfE table B1)."),
        rate(.cinRate, "Children in need at 31 March", "rate of children in need", Noun("child in need", "children in need"),
             MeasureSource(.cinB1, ["At31_episodes"]), published: ["At31_episodes_rate"],
             "Children in need (episodes open) at 31 March, per 10,000 children aged under 18."),
    ].map { $0.at(.assessment) }

    static let childProtection = [
        rate(.s47Rate, "Section 47 enquiries", "rate of section 47 enquiries", Noun("section 47 enquiry", "section 47 enquiries"),
             MeasureSource(.section47C4, ["Section47"]), published: ["Section47_rate"],
             "Section 47 enquiries started in the year, per 10,000 children aged under 18."),
        rate(.icpcRate, "Initial child protection conferences", "rate of initial child protection conferences", Noun("initial conference", "initial conferences"),
             MeasureSource(.section47C4, ["ICPC"]), published: ["ICPC_rate"],
             "Initial child protection conferences held in the year, per 10,000 children aged under 18."),
        percent(.icpcWithin15DaysPct, "Initial conferences within 15 working days", "share of initial conferences held within 15 working days",
                Noun("conference within 15 working days", "conferences within 15 working days"), of: Noun("initial conference", "initial conferences"),
                MeasureSource(.section47C4, sum: [["Duration_0-10_days"], ["Duration_11-15_days"]]),
                of: MeasureSource(.section47C4, sum: [["Duration_0-10_days"], ["Duration_11-15_days"], ["Duration_16-20_days"], ["Duration_21+_days"]]),
                published: [], polarity: .highIsGood,
                "Initial child protection conferences held within 15 working days of the strategy discussion that started the section 47 enquiry, as a percentage of the conferences whose duration is known (DfE table C4: the 0–10 and 11–15 day bands over all four bands)."),
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
        percent(.cpp2YearsPct, "Child protection plans lasting 2 years or more", "share of plans at 31 March that had lasted 2 years or more",
                Noun("plan of 2 years or more", "plans of 2 years or more"), of: Noun("child on a plan", "children on plans"),
                MeasureSource(.cppAt31D5, ["2_years_or_more"]), of: MeasureSource(.cppAt31D5, ["CPP_At31"]),
                published: ["2_years_or_more_percent"], polarity: .lowIsGood,
                "Child protection plans open at 31 March that had lasted 2 years or more, as a percentage of all plans open at 31 March (DfE table D5)."),
    ].map { $0.at(.childProtection) }

    static let care = [
        IndicatorDefinition(
            id: .claRate, title: "Children looked after at 31 March", phrase: "rate of children looked after",
            numerator: MeasureSource(.childrenLookedAfter, ["children_count"], category: "Children looked after on 31 March each year"),
            denominator: .childPopulation, multiplier: 10_000, published: ["rate_per_10000"], publishedDecimals: 0,
            polarity: .none, unit: .wholeRatePer10k, periodStyle: .censusYear, interval: .poissonRate,
            definition: "Children looked after at 31 March, per 10,000 children aged under 18 (DfE publishes whole numbers).",
            counts: Noun("child looked after", "children looked after"), stage: .care),
    ]

    static let workforce = [
        IndicatorDefinition(
            id: .caseloadFte, title: "Average caseload of children's social workers", phrase: "average caseload per social worker",
            numerator: MeasureSource(.workforce, ["cases"]),
            denominator: .measure(MeasureSource(.workforce, ["case_holders_fte"])), multiplier: 1,
            published: ["caseload_fte"], publishedDecimals: 1, polarity: .lowIsGood,
            unit: .caseload, periodStyle: .septemberSnapshot, interval: .none,
            definition: "Cases held at 30 September divided by full-time-equivalent case-holding children's social workers, as DfE publishes it (caseload_fte: DfE divides by the unrounded FTE).",
            counts: Noun("case", "cases"), denominatorCounts: Noun("FTE case-holding social worker", "FTE case-holding social workers", places: 1),
            valueIsPublished: true, stage: .workforce),
        workforceShare(.turnoverPct, "Social worker turnover", "turnover of social workers", "turnover_rate_fte",
                       Noun("FTE leaver", "FTE leavers", places: 1), MeasureSource(.workforce, ["leavers_fte"]),
                       of: Noun("FTE social worker in post", "FTE social workers in post", places: 1), MeasureSource(.workforce, sum: [["inpost_fte"]]),
                       "Full-time-equivalent children's social workers who left in the year to 30 September, as a percentage of those in post at 30 September, as DfE publishes it (turnover_rate_fte)."),
        workforceShare(.agencyPct, "Agency social workers", "share of social workers employed through agencies", "agency_rate_fte",
                       Noun("FTE agency worker", "FTE agency workers", places: 1), MeasureSource(.workforce, ["agency_fte"]),
                       of: Noun("FTE social worker, agency or employed", "FTE social workers, agency or employed", places: 1),
                       MeasureSource(.workforce, sum: [["agency_fte"], ["inpost_fte"]]),
                       "Full-time-equivalent agency social workers at 30 September, as a percentage of agency and employed social workers together, as DfE publishes it (agency_rate_fte)."),
        workforceShare(.vacancyPct, "Social worker vacancies", "vacancy rate for social workers", "vacancy_rate_fte",
                       Noun("FTE vacancy", "FTE vacancies", places: 1), MeasureSource(.workforce, ["vacancy_fte"]),
                       of: Noun("FTE post, filled or vacant", "FTE posts, filled or vacant", places: 1),
                       MeasureSource(.workforce, sum: [["vacancy_fte"], ["inpost_fte"]]),
                       "Full-time-equivalent vacancies at 30 September, as a percentage of vacancies and social workers in post together, as DfE publishes it (vacancy_rate_fte)."),
        workforceShare(.absencePct, "Social worker absence", "absence rate of social workers", "absence_rate_fte",
                       Noun("working day lost", "working days lost", places: 1), MeasureSource(.workforce, ["working_days_lost_fte"]),
                       of: nil, MeasureSource(.workforce, ["inpost_fte"]),
                       "Working days lost to sickness absence in the year to 30 September, as a percentage of the working days of the social workers in post, as DfE publishes it (absence_rate_fte)."),
    ]

    static let factors = [
        factor(.factorDomesticAbuseParentPct, "Domestic abuse: parent or carer", "Domestic_Abuse_parent", "domestic abuse involving a parent or carer"),
        factor(.factorDomesticAbuseChildPct, "Domestic abuse: the child", "Domestic_Abuse_child", "domestic abuse where the child was a victim"),
        factor(.factorMentalHealthParentPct, "Mental health: parent or carer", "Mental_Health_parent", "mental health concerns about a parent or carer"),
        factor(.factorChildSexualExploitationPct, "Child sexual exploitation", "Child_sexual_exploitation", "child sexual exploitation"),
        factor(.factorChildCriminalExploitationPct, "Child criminal exploitation", "Child_criminal_exploitation", "child criminal exploitation"),
        factor(.factorGoingMissingPct, "Going missing", "Going_missing", "the child going missing"),
        factor(.factorNeglectPct, "Neglect", "Neglect", "neglect"),
        factor(.factorEmotionalAbusePct, "Emotional abuse", "Emotional_Abuse", "emotional abuse"),
        factor(.factorPhysicalAbuseAdultPct, "Physical abuse: adult on child", "Physical_Abuse_adult_on_child", "physical abuse by an adult"),
        factor(.factorPhysicalAbuseChildPct, "Physical abuse: child on child", "Physical_Abuse_child_on_child", "physical abuse by another child"),
        factor(.factorSexualAbuseAdultPct, "Sexual abuse: adult on child", "Sexual_Abuse_adult_on_child", "sexual abuse by an adult"),
        factor(.factorSexualAbuseChildPct, "Sexual abuse: child on child", "Sexual_Abuse_child_on_child", "sexual abuse by another child"),
        factor(.factorAlcoholParentPct, "Alcohol misuse: parent or carer", "Alcohol_Misuse_parent", "alcohol misuse by a parent or carer"),
        factor(.factorDrugParentPct, "Drug misuse: parent or carer", "Drug_Misuse_parent", "drug misuse by a parent or carer"),
        factor(.factorSelfHarmPct, "Self-harm", "Self_harm", "self-harm"),
        factor(.factorGangsPct, "Gangs", "Gangs", "gang involvement"),
        factor(.factorTraffickingPct, "Trafficking", "Trafficking", "trafficking"),
        factor(.factorFGMPct, "Female genital mutilation", "Female_Genital_Mutilation", "female genital mutilation"),
        factor(.factorYoungCarerPct, "Young carer", "Young_Carer", "the child being a young carer"),
    ].map { $0.at(.factors) }

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

    /// A workforce percentage: DfE's published value (of full-time equivalents, which have
    /// no interval), with the FTE counts beside it.
    static func workforceShare(_ id: IndicatorID, _ title: String, _ phrase: String, _ published: String, _ counts: Noun, _ numerator: MeasureSource,
                               of whole: Noun?, _ denominator: MeasureSource, _ definition: String) -> IndicatorDefinition {
        IndicatorDefinition(
            id: id, title: title, phrase: phrase, numerator: numerator, denominator: .measure(denominator), multiplier: 100,
            published: [published], publishedDecimals: 1, polarity: .lowIsGood, unit: .percentage, periodStyle: .septemberSnapshot,
            interval: .none, definition: definition, counts: counts, denominatorCounts: whole, valueIsPublished: true, stage: .workforce)
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
    public static let nfaPct = IndicatorID(rawValue: "nfa_pct")
    public static let notInNeedPct = IndicatorID(rawValue: "not_in_need_pct")
    public static let cinStartedRate = IndicatorID(rawValue: "cin_started_rate")
    public static let cinAnypointRate = IndicatorID(rawValue: "cin_anypoint_rate")
    public static let icpcWithin15DaysPct = IndicatorID(rawValue: "icpc_15_days_pct")
    public static let cpp2YearsPct = IndicatorID(rawValue: "cpp_2_years_pct")
    public static let turnoverPct = IndicatorID(rawValue: "turnover_pct")
    public static let agencyPct = IndicatorID(rawValue: "agency_pct")
    public static let vacancyPct = IndicatorID(rawValue: "vacancy_pct")
    public static let absencePct = IndicatorID(rawValue: "absence_pct")
    public static let factorNeglectPct = IndicatorID(rawValue: "factor_neglect_pct")
    public static let factorEmotionalAbusePct = IndicatorID(rawValue: "factor_emotional_abuse_pct")
    public static let factorPhysicalAbuseAdultPct = IndicatorID(rawValue: "factor_physical_abuse_adult_pct")
    public static let factorPhysicalAbuseChildPct = IndicatorID(rawValue: "factor_physical_abuse_child_pct")
    public static let factorSexualAbuseAdultPct = IndicatorID(rawValue: "factor_sexual_abuse_adult_pct")
    public static let factorSexualAbuseChildPct = IndicatorID(rawValue: "factor_sexual_abuse_child_pct")
    public static let factorAlcoholParentPct = IndicatorID(rawValue: "factor_alcohol_misuse_parent_pct")
    public static let factorDrugParentPct = IndicatorID(rawValue: "factor_drug_misuse_parent_pct")
    public static let factorSelfHarmPct = IndicatorID(rawValue: "factor_self_harm_pct")
    public static let factorGangsPct = IndicatorID(rawValue: "factor_gangs_pct")
    public static let factorTraffickingPct = IndicatorID(rawValue: "factor_trafficking_pct")
    public static let factorFGMPct = IndicatorID(rawValue: "factor_fgm_pct")
    public static let factorYoungCarerPct = IndicatorID(rawValue: "factor_young_carer_pct")
}

extension IndicatorDefinition {
    /// The same indicator, placed at `stage` of the pathway.
    func at(_ stage: IndicatorStage) -> IndicatorDefinition {
        var copy = self
        copy.stage = stage
        return copy
    }
}
