/// Ofsted Annex A List 3 value lists, for grouping an extract's labels (coded "a) WBRI" or
/// plain "White British") into the categories a published chapter uses.
///
/// The figures keep the labels exactly as the peers do; only the chapter's breakdowns group
/// them. Labels arrive without their "x) " prefix.
public enum AnnexA {
    /// Ethnicity codes with their names and the DfE major group.
    public static let ethnicities: [(code: String, name: String, group: String)] = [
        ("WBRI", "White British", white), ("WIRI", "White Irish", white), ("WIRT", "Traveller of Irish heritage", white),
        ("WOTH", "Any other White background", white), ("WROM", "Gypsy/Roma", white),
        ("MWBC", "White and Black Caribbean", mixed), ("MWBA", "White and Black African", mixed),
        ("MWAS", "White and Asian", mixed), ("MOTH", "Any other Mixed background", mixed),
        ("AIND", "Indian", asian), ("APKN", "Pakistani", asian), ("ABAN", "Bangladeshi", asian),
        ("AOTH", "Any other Asian background", asian), ("BCRB", "Caribbean", black), ("BAFR", "African", black),
        ("BOTH", "Any other Black background", black), ("CHNE", "Chinese", other), ("OOTH", "Any other ethnic group", other),
        ("REFU", "Refused", notKnown), ("NOBT", "Information not yet obtained", notKnown),
    ]
    static let white = "White", mixed = "Mixed or multiple ethnic groups", asian = "Asian or Asian British"
    static let black = "Black or Black British", other = "Other ethnic group", notKnown = "Refused, not obtained or unknown"

    /// Referral source codes with the DfE source group.
    public static let sources: [(code: String, group: String)] = [
        ("1A", "Individual"), ("1B", "Individual"), ("1C", "Individual"), ("1D", "Individual"),
        ("2A", "Schools"), ("2B", "Education services"),
        ("3A", "Health services"), ("3B", "Health services"), ("3C", "Health services"), ("3D", "Health services"),
        ("3E", "Health services"), ("3F", "Health services"), ("4", "Housing"),
        ("5A", "Local authority services"), ("5B", "Local authority services"), ("5C", "Local authority services"),
        ("6", "Police"), ("7", "Other legal agency"), ("8", "Other"), ("9", "Anonymous"), ("10", "Unknown"),
    ]

    public static let genderGroups = ["Male", "Female", "Neither", "Not stated, recorded or known"]
    public static let ethnicGroups = [white, mixed, asian, black, other, notKnown]
    public static let sourceGroups = ["Police", "Schools", "Education services", "Health services", "Local authority services",
                                      "Individual", "Housing", "Other legal agency", "Other", "Anonymous", "Unknown"]

    public static func genderGroup(_ label: String) -> String {
        switch label.lowercased() {
        case "male", "m": "Male"
        case "female", "f": "Female"
        case "neither": "Neither"
        default: "Not stated, recorded or known"
        }
    }

    public static func ethnicGroup(_ label: String) -> String {
        let l = label.lowercased()
        if let e = ethnicities.first(where: { $0.code.lowercased() == l || $0.name.lowercased() == l }) { return e.group }
        if let e = ethnicities.first(where: { l.hasPrefix($0.code.lowercased()) }) { return e.group }
        return notKnown
    }

    /// Source group from a code ("6", "3A") or a plain name ("Police", "GP").
    public static func sourceGroup(_ label: String) -> String {
        let l = label.lowercased()
        if let s = sources.first(where: { $0.code.lowercased() == l }) { return s.group }
        let words: [(String, String)] = [
            ("police", "Police"), ("school", "Schools"), ("educat", "Education services"), ("gp", "Health services"),
            ("health", "Health services"), ("hospital", "Health services"), ("a&e", "Health services"), ("housing", "Housing"),
            ("social care", "Local authority services"), ("la services", "Local authority services"), ("legal", "Other legal agency"),
            ("court", "Other legal agency"), ("probation", "Other legal agency"), ("anonym", "Anonymous"),
            ("family", "Individual"), ("relative", "Individual"), ("self", "Individual"), ("individual", "Individual"),
            ("acquaint", "Individual"), ("unknown", "Unknown"), ("other", "Other"),
        ]
        return words.first { l.contains($0.0) }?.1 ?? "Unknown"
    }
}
