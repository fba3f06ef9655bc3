import Diagnostics
import CSVReader

/// The columns of an Ofsted Annex A List 3 (referrals) extract.
public enum ExtractField: String, CaseIterable, Sendable, Hashable {
    case childID = "Child Unique ID"
    case gender = "Gender"
    case ethnicity = "Ethnicity"
    case dateOfBirth = "Date of Birth"
    case age = "Age"
    case dateOfReferral = "Date of Referral"
    case source = "Referral Source"
    case nfa = "Referral NFA?"
    case referralsInLast12Months = "Number of Referrals in Last 12 Months"
    case team = "Allocated Team"
    case worker = "Allocated Worker"

    /// The columns the figures need; the others may be absent.
    public var isRequired: Bool {
        switch self {
        case .age, .referralsInLast12Months, .team, .worker: false
        default: true
        }
    }
}

/// Where each field is in a file's header, after applying the config's `columns:` mapping.
public struct ExtractLayout: Sendable {
    public private(set) var index: [ExtractField: Int] = [:]

    public subscript(field: ExtractField) -> Int? { index[field] }

    /// Matches header names case-insensitively, ignoring surrounding spaces.
    /// - Parameter mapping: the file's own header for a field, where it differs from Annex A's.
    public static func resolve(header: [String], mapping: [ExtractField: String], path: String) throws -> ExtractLayout {
        let normalised = header.map { $0.trimming(" \t").lowercased() }
        var layout = ExtractLayout()
        var missing: [String] = []
        for field in ExtractField.allCases {
            let name = (mapping[field] ?? field.rawValue).trimming(" \t").lowercased()
            if let i = normalised.firstIndex(of: name) {
                // Two columns with one name: which one holds the field is a guess jsna will not make.
                if let again = normalised[(i + 1)...].firstIndex(of: name) {
                    throw CSVFieldError(field: again, message: "column '\(header[again].trimming(" \t").forMessage)' appears twice in the header (also column \(i + 1) of \(header.count)): rename or remove one")
                }
                layout.index[field] = i
            } else if field.isRequired {
                missing.append(mapping[field].map { "'\($0)' (for \(field.rawValue))" } ?? "'\(field.rawValue)'")
            }
        }
        guard missing.isEmpty else {
            // Excel under a European locale saves "CSV" separated by semicolons.
            if header.count < 3, let first = header.first, first.filter({ $0 == ";" }).count >= 2 {
                throw CSVError(path: path, line: 1, column: 1, message: "the columns are separated by semicolons (Excel's CSV under a European locale): save the file again as \"CSV UTF-8 (Comma delimited)\", or export it with commas")
            }
            var hint = "map other names with `columns:` in the config"
            if normalised.contains(where: { $0.contains("assessment") }) && !normalised.contains("date of referral") {
                hint = "this is Annex A List 4 (assessments), not List 3 (referrals): give jsna the List 3 file"
            } else if normalised.contains(where: { $0.contains("section 47") || $0.contains("child protection plan") }) {
                hint = "this is another Annex A list (section 47s or child protection plans?), not List 3 (referrals): give jsna the List 3 file"
            }
            throw CSVError(path: path, line: 1, column: 1, message: "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) in a referral extract: \(hint)")
        }
        return layout
    }
}
