/// The Ofsted Annex A lists the pathway reads, each recognised by its header (never its
/// file name), and the JSON section it gives.
public enum PathwayList: Int, Sendable, CaseIterable, Comparable {
    case contacts = 1, referrals = 3, assessments = 4, s47 = 5, cin = 6, cpp = 7, cla = 8

    /// The section's key in the JSON.
    public var key: String {
        switch self {
        case .contacts: "contacts"
        case .referrals: "referrals"
        case .assessments: "assessments"
        case .s47: "s47"
        case .cin: "cin"
        case .cpp: "cpp"
        case .cla: "cla"
        }
    }

    /// "List 5 (section 47 enquiries and ICPCs)".
    public var title: String {
        switch self {
        case .contacts: "List 1 (contacts)"
        case .referrals: "List 3 (referrals)"
        case .assessments: "List 4 (assessments)"
        case .s47: "List 5 (section 47 enquiries and ICPCs)"
        case .cin: "List 6 (children in need)"
        case .cpp: "List 7 (child protection plans)"
        case .cla: "List 8 (children looked after)"
        }
    }

    /// The column that identifies the list, as Annex A names it.
    var signature: String {
        switch self {
        case .contacts: "Date of Contact"
        case .referrals: "Date of Referral"
        case .assessments: "Continuous Assessment Start Date"
        case .s47: "Strategy discussion initiating Section 47 Enquiry Start Date"
        case .cin: "CIN Start Date"
        case .cpp: "Child Protection Plan Start Date"
        case .cla: "Date Started to be Looked After"
        }
    }

    /// The columns each list's figures use.
    var columns: [String] {
        switch self {
        case .contacts: ["Child Unique ID", "Date of Contact", "Contact Source"]
        case .referrals: []
        case .assessments: ["Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation",
                            "Was the child assessed as requiring LA children's social care support?"]
        case .s47: ["Strategy discussion initiating Section 47 Enquiry Start Date", "Date of Initial Child Protection Conference",
                    "Did the Initial Child Protection Conference Result in a Child Protection Plan"]
        case .cin: ["Child Unique ID", "Date of Birth", "Does the Child have a Disability", "CIN Start Date", "Primary Need Code", "CIN Closure Date"]
        case .cpp: ["Date of Birth", "Gender", "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
                    "Child Protection Plan End Date", "Number of Previous Child Protection Plans"]
        case .cla: ["Date of Birth", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
                    "Date Started to be Looked After", "Date Ceased to be Looked After"]
        }
    }

    /// A header name as compared: lower case, spaces collapsed, trimmed.
    static func normalised(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The list whose signature column the header holds.
    static func recognise(_ header: [String]) -> PathwayList? {
        let names = Set(header.map(normalised))
        return allCases.first { names.contains(normalised($0.signature)) }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
