/// The kinds of published file jsna reads, recognised by their header, never their name.
public enum SourceKind: String, Sendable, CaseIterable, Comparable {
    case cinB1 = "b1"
    case referralsC1 = "c1"
    case factorsC3 = "c3"
    case section47C4 = "c4"
    case cppStartsD3 = "d3"
    case cppAt31D5 = "d5"
    case childrenLookedAfter = "cla"
    case workforce
    case population
    case neighbours2021 = "sn2021"
    case neighbours2025 = "sn2025"

    /// What the file is, for notes and errors.
    public var title: String {
        switch self {
        case .cinB1: "CIN census b1 (children in need)"
        case .referralsC1: "CIN census c1 (referrals and re-referrals)"
        case .factorsC3: "CIN census c3 (factors identified at the end of assessment)"
        case .section47C4: "CIN census c4 (section 47 enquiries and ICPCs)"
        case .cppStartsD3: "CIN census d3 (child protection plans starting, subsequent plans)"
        case .cppAt31D5: "CIN census d5 (child protection plans at 31 March)"
        case .childrenLookedAfter: "children looked after (number and rate per 10,000)"
        case .workforce: "children's social work workforce indicators"
        case .population: "ONS mid-year population estimates (children aged 0 to 17)"
        case .neighbours2021: "DfE statistical neighbours, 2021 model"
        case .neighbours2025: "DfE statistical neighbours, 2025 model"
        }
    }

    /// True for files in the explore-education-statistics layout (time, geography, measures).
    public var isStatisticsTable: Bool { self != .neighbours2021 && self != .neighbours2025 }

    /// The header names (lower-cased) that identify each kind; the first kind whose every
    /// group has a match wins. A group lists the names different releases use.
    static let signatures: [(SourceKind, [[String]])] = [
        (.neighbours2025, [["old_la_code"], ["sn_1"]]),
        (.neighbours2021, [["la number"], ["sn1"]]),
        (.population, [["population_estimate"], ["age_group"]]),
        (.childrenLookedAfter, [["population_type"], ["children_count"]]),
        (.workforce, [["caseload_fte"], ["case_holders_fte"]]),
        (.cinB1, [["at31_episodes"]]),
        (.referralsC1, [["referral_count", "referrals"], ["rereferral_count", "re_referrals"]]),
        (.factorsC3, [["episodes_with_assessment_factor"]]),
        (.section47C4, [["section47"], ["icpc"]]),
        (.cppStartsD3, [["cpp_start"], ["cpp_subsequent"]]),
        (.cppAt31D5, [["cpp_at31"]]),
    ]

    /// Every name that identifies some kind.
    static let signatureNames: Set<String> = Set(signatures.flatMap { $0.1.flatMap { $0 } })

    /// Recognises a file from its normalised header names.
    public static func recognise(header: Set<String>) -> SourceKind? {
        signatures.first { _, groups in groups.allSatisfy { !header.isDisjoint(with: $0) } }?.0
    }

    /// A kind whose signature a header half matches (some groups, not all): the file is
    /// that kind with a column renamed or missing. Returns the kind and the first missing
    /// name. Only for statistics tables (time_period and geographic_level present), and
    /// only a kind with two or more groups can be half matched.
    static func halfRecognised(header: Set<String>) -> (kind: SourceKind, missing: String)? {
        guard header.contains("time_period"), header.contains("geographic_level") else { return nil }
        for (kind, groups) in signatures where groups.count > 1 && kind.isStatisticsTable {
            let matched = groups.filter { !header.isDisjoint(with: $0) }
            guard !matched.isEmpty, matched.count < groups.count else { continue }
            let missing = groups.first { header.isDisjoint(with: $0) }!
            return (kind, missing[0])
        }
        return nil
    }

    public static func < (a: SourceKind, b: SourceKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
