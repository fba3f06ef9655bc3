import Indicators
import ReferralExtract
import Statistics

/// The referral figures laid out for a person at a terminal.
enum ReferralTable {
    static func render(_ f: ReferralFigures, extract: ReferralExtract) -> String {
        var s = "Referrals in \(PeriodStyle.censusYear.label(f.year)) (1 April \(f.year - 1) to 31 March \(f.year)) — \(extract.path)\n"
        s += "UNSUPPRESSED: analyst-only, not for publication\n\n"
        let pct = { (n: Int) in f.referrals == 0 ? "" : Rounding.format(Double(n) / Double(f.referrals) * 100, places: 1) + "%" }
        s += row("Referrals", f.referrals, "") + row("Re-referrals within 12 months", f.rereferrals, pct(f.rereferrals))
        s += row("No further action", f.nfa, pct(f.nfa))
        let sections: [(String, [String: Int], [String]?)] = [
            ("Age at referral", f.byAge, ReferralFigures.ageBands), ("Gender", f.byGender, nil), ("Ethnicity", f.byEthnicity, nil),
            ("Referral source", f.bySource, nil), ("Month", f.byMonth, nil),
        ]
        for (title, counts, order) in sections {
            s += "\n\(title)\n"
            let keys = order?.filter { counts[$0] != nil } ?? counts.keys.sorted()
            for k in keys { s += row("  " + k, counts[k]!, pct(counts[k]!)) }
        }
        s += "\nRows read: \(extract.rowsRead); left out for errors: \(extract.rowsExcluded); dates read as \(extract.dateFormat.rawValue)\(extract.dateFormatDetected ? " (detected)" : "")\n"
        return s
    }

    static func row(_ label: String, _ n: Int, _ extra: String) -> String {
        let padded = label.count < 40 ? label + String(repeating: " ", count: 40 - label.count) : label
        let number = String(n)
        return padded + String(repeating: " ", count: max(1, 10 - number.count)) + number + (extra.isEmpty ? "" : "  " + extra) + "\n"
    }
}
