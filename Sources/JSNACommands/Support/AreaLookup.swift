import Diagnostics
import CensusIngest
import Chapter
import Foundation

/// Finds a local authority by old code, new code or name (case-insensitive).
enum AreaLookup {
    static func find(_ query: String, in areas: AreaDirectory) throws -> Area {
        let q = query.trimmingCharacters(in: .whitespaces).lowercased()
        let las = areas.localAuthorities
        if let exact = las.first(where: { $0.oldCode.lowercased() == q || $0.newCode.lowercased() == q || $0.name.lowercased() == q }) {
            return exact
        }
        let closest = las.sorted {
            (distance(q, $0.name.lowercased()), $0.name) < (distance(q, $1.name.lowercased()), $1.name)
        }.prefix(5).map { "\($0.name) (\($0.oldCode), \($0.newCode))" }
        throw UserError("no local authority matches \"\(query)\"; closest: \(closest.joined(separator: "; "))")
    }

    /// Edit distance, with a bonus for names that contain the query.
    static func distance(_ a: String, _ b: String) -> Int {
        !a.isEmpty && b.contains(a) ? 0 : TextDistance.levenshtein(a, b)
    }
}
