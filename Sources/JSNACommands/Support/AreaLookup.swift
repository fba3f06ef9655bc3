import CensusIngest
import Diagnostics
import Foundation

/// Finds a local authority by old code, new code or name, the way people write names:
/// case, punctuation and "&" do not matter ("Westmorland & Furness", "St Helens"), DfE's
/// ", City of" / ", County of" may be left off or put first ("Bristol", "City of Bristol"),
/// a leading "County" may be left off ("Durham"), and "Hull" is Kingston upon Hull.
enum AreaLookup {
    static func find(_ query: String, in areas: AreaDirectory) throws -> Area {
        try find(query, among: areas.localAuthorities)
    }

    /// As ``find(_:in:)``, but a region ("North West", E12000002) or England may be the
    /// subject too, when no authority has that code or name.
    static func subject(_ query: String, in areas: AreaDirectory) throws -> Area {
        let las = areas.localAuthorities
        let q = query.trimmingCharacters(in: .whitespaces).lowercased(), key = normalised(query)
        let authority = las.contains { $0.oldCode.lowercased() == q || $0.newCode.lowercased() == q || names($0).contains(key) }
        let larger = areas.regions + [areas[Area.englandID]].compactMap { $0 }
        if !authority, let match = larger.first(where: { $0.id.lowercased() == q || normalised($0.name) == key }) { return match }
        do {
            return try find(query, among: las)
        } catch let error as UserError where !authority {
            throw UserError("\(error.description) (a region or England may be named too: \(larger.map(\.name).joined(separator: ", ")))")
        }
    }

    static func find(_ query: String, among las: [Area]) throws -> Area {
        let q = query.trimmingCharacters(in: .whitespaces).lowercased()
        if let exact = las.first(where: { $0.oldCode.lowercased() == q || $0.newCode.lowercased() == q }) { return exact }
        let key = normalised(query)
        let matches = las.filter { names($0).contains(key) }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw UserError("\"\(query)\" matches \(matches.count) authorities: \(matches.map { "\($0.name) (\($0.oldCode))" }.joined(separator: ", ")); give the code")
        }
        let closest = las.sorted {
            (distance(q, $0.name.lowercased()), $0.name) < (distance(q, $1.name.lowercased()), $1.name)
        }.prefix(5).map { "\($0.name) (\($0.oldCode), \($0.newCode))" }
        throw UserError("no local authority matches \"\(query)\"; closest: \(closest.joined(separator: "; "))")
    }

    /// Names people use for an authority, normalised.
    static func names(_ a: Area) -> Set<String> {
        let full = normalised(a.name)
        var names: Set<String> = [full]
        if let comma = a.name.firstIndex(of: ",") {
            let place = normalised(String(a.name[..<comma])), kind = normalised(String(a.name[a.name.index(after: comma)...]))
            names.insert(place)  // "Bristol"
            names.insert(kind + " " + place)  // "City of Bristol"
        }
        for name in Array(names) where name.hasPrefix("county ") { names.insert(String(name.dropFirst("county ".count))) }
        if names.contains("kingston upon hull") { names.insert("hull") }
        return names
    }

    /// Lower case, "&" as "and", "saint" as "st", punctuation dropped, spaces collapsed.
    static func normalised(_ name: String) -> String {
        let words = name.lowercased().replacingOccurrences(of: "&", with: " and ")
            .map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(words).split(separator: " ").map { $0 == "saint" ? "st" : String($0) }.joined(separator: " ")
    }

    /// Edit distance, with a bonus for names that contain the query.
    static func distance(_ a: String, _ b: String) -> Int {
        !a.isEmpty && b.contains(a) ? 0 : TextDistance.levenshtein(a, b)
    }
}
