import Indicators

/// Readable, unique worksheet names within Excel's 31 characters: the indicator's title when
/// it fits, a short name an analyst knows when it does not, and for an assessment factor its
/// own name ("Domestic abuse, parent or carer"). Never an id cut mid-word.
///
///     var used: Set<String> = []
///     SheetName.make(IndicatorCatalogue.definition(.referralsRate)!, used: &used)   // "Referrals"
enum SheetName {
    static let limit = 31

    /// Short names for titles longer than a sheet name allows.
    static let short: [IndicatorID: String] = [
        .referralsRate: "Referrals", .nfaPct: "Referrals with NFA", .notInNeedPct: "Assessed as not in need",
        .cinStartedRate: "CIN episodes starting", .cinAnypointRate: "CIN at any point in the year", .cinRate: "CIN at 31 March",
        .icpcRate: "Initial conferences", .icpcWithin15DaysPct: "Conferences within 15 days", .cppRate: "On plans at 31 March",
        .cppStartsRate: "Plans starting", .cppSubsequentPct: "Second or subsequent plans", .cpp2YearsPct: "Plans lasting 2 years or more",
        .claRate: "Looked after at 31 March", .caseloadFte: "Caseload",
    ]

    static func make(_ indicator: IndicatorDefinition, used: inout Set<String>) -> String {
        var name = short[indicator.id] ?? indicator.title
        if indicator.stage == .factors {
            name = String(name.dropFirst(name.hasPrefix("Assessments identifying ") ? "Assessments identifying ".count : 0))
            name = name.prefix(1).uppercased() + name.dropFirst()
        }
        name = name.replacingOccurrences(of: ": ", with: ", ")
        name = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        if name.count > limit { name = words(name, within: limit) }
        return unique(name, used: &used)
    }

    /// Whole words up to `limit` characters.
    static func words(_ text: String, within limit: Int) -> String {
        var out = ""
        for word in text.split(separator: " ") {
            let next = out.isEmpty ? String(word) : out + " " + word
            guard next.count <= limit else { break }
            out = next
        }
        return out.isEmpty ? String(text.prefix(limit)) : out
    }

    /// "Name", then "Name (2)", "Name (3)" … within the limit.
    static func unique(_ name: String, used: inout Set<String>) -> String {
        var candidate = name, n = 2
        while used.contains(candidate) {
            let suffix = " (\(n))"
            candidate = words(name, within: limit - suffix.count) + suffix
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
