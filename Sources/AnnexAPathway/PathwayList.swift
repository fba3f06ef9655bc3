import CSVReader
import Diagnostics

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

    /// The columns (indexes into ``columns``) that hold dates: their names say "date".
    var dateColumns: [Int] { columns.indices.filter { columns[$0].lowercased().contains("date") } }

    /// Date columns that are blank while the thing is still going on (an assessment not yet
    /// authorised, a plan not ended): a blank there is no problem.
    var endColumns: Set<Int> { Set(datePairs.map(\.end)) }

    /// Each (start, end) pair of date columns, the end expected on or after the start.
    var datePairs: [(start: Int, end: Int)] {
        switch self {
        case .contacts, .referrals: []
        case .assessments, .s47: [(0, 1)]
        case .cin: [(3, 5)]
        case .cpp: [(2, 5)]
        case .cla: [(2, 3)]
        }
    }

    /// The column whose first date says how far back the list reaches: a flow's own date;
    /// for a list of cases (children in need, plans, looked after), the first closure,
    /// since a case open for years says nothing of the cases that closed before the list began.
    var reachColumn: Int {
        switch self {
        case .contacts, .assessments: 1
        case .referrals, .s47: 0
        case .cin, .cpp: 5
        case .cla: 3
        }
    }

    /// The Child Unique ID column, where the list's figures use it.
    var childIDColumn: Int? { columns.firstIndex(of: "Child Unique ID") }

    /// The Annex A spelling of a column named in any case and spacing.
    public static func column(named name: String) -> String? {
        let wanted = normalised(name)
        return allCases.lazy.flatMap(\.columns).first { normalised($0) == wanted }
    }

    /// A header name as compared: lower case, spaces collapsed, trimmed.
    static func normalised(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The list whose signature column the header holds (under its own name, or the
    /// name `columns:` maps it to).
    static func recognise(_ header: [String], columns: [String: String] = [:]) -> PathwayList? {
        let names = Set(header.map(normalised))
        return allCases.first { names.contains(normalised(columns[$0.signature] ?? $0.signature)) }
    }

    /// Where each of ``columns`` is in `header`: an error names the first one missing, or
    /// one that appears twice.
    func fieldIndex(header: [String], columns mapping: [String: String], path: String) throws -> [Int] {
        let names = header.map(Self.normalised)
        return try columns.map { column in
            let name = mapping[column] ?? column
            guard let i = names.firstIndex(of: Self.normalised(name)) else {
                let mapped = mapping[column].map { "'\($0)' (for \(column))" } ?? "'\(column)'"
                throw Diagnostic(path: path, line: 1, column: 1, message: "\(title) without its \(mapped) column")
            }
            if let again = names[(i + 1)...].firstIndex(of: Self.normalised(name)) {
                let (line, col) = CSVReader.position(path: path, field: again, recordLine: 1)
                throw Diagnostic(path: path, line: line, column: col, message: "column '\(name)' appears twice in \(title)'s header (also column \(i + 1)): rename or remove one")
            }
            return i
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
