import Indicators
import ReferralExtract
import Statistics

/// The referral figures laid out for a person at a terminal.
enum ReferralTable {
    static func render(_ f: ReferralFigures, extract: ReferralExtract) -> String {
        let start = CivilDate.censusYearStart(f.year), end = CivilDate.censusYearEnd(f.year)
        var s = "Referrals in \(PeriodStyle.censusYear.label(f.year)) (1 April \(f.year - 1) to 31 March \(f.year)) — \(extract.path)\n"
        if let first = extract.firstDate, let last = extract.lastDate, first > start || last < end {
            s += "The file covers \(max(first, start).longText) to \(min(last, end).longText) of it (its referrals run from \(first.longText) to \(last.longText))\n"
        }
        s += "UNSUPPRESSED: analyst-only, not for publication\n\n"
        let pct = { (n: Int) in f.referrals == 0 ? "" : Rounding.format(Double(n) / Double(f.referrals) * 100, places: 1) + "%" }
        s += row("Referrals", f.referrals, "")
        // A referral in the file's first 12 months has no year of earlier referrals to look back on.
        if let first = extract.firstDate, start < first.oneYearAfter {
            s += row("Re-referrals within 12 months", f.rereferrals, "incomplete: the file starts \(first.longText), so referrals before \(first.oneYearAfter.longText) cannot be checked against a full year before them; not comparable")
        } else {
            s += row("Re-referrals within 12 months", f.rereferrals, pct(f.rereferrals))
        }
        s += row("No further action", f.nfa, pct(f.nfa))
        let sections: [(String, [String: Int], [String]?)] = [
            ("Age at referral", f.byAge, ReferralFigures.ageBands), ("Gender", f.byGender, nil), ("Ethnicity", f.byEthnicity, nil),
            ("Referral source", f.bySource, nil), ("Month", f.byMonth, nil),
        ]
        for (title, counts, order) in sections {
            s += "\n\(title)\n"
            let keys = order?.filter { counts[$0] != nil } ?? counts.keys.sorted()
            for k in keys { s += row("  " + (title == "Referral source" ? sourceLabel(k) : k), counts[k]!, pct(counts[k]!)) }
        }
        s += "\nRows read: \(extract.rowsRead); left out for errors: \(extract.rowsExcluded); dates read as \(extract.dateFormat.rawValue)\(extract.dateFormatDetected ? " (detected)" : "")\n"
        return s
    }

    /// "6: Police", "3A: Health services"; a plain name as it is.
    static func sourceLabel(_ code: String) -> String {
        AnnexA.sources.first { $0.code == code }.map { "\(code): \($0.group)" } ?? code
    }

    static func row(_ label: String, _ n: Int, _ extra: String) -> String {
        let padded = label.count < 40 ? label + String(repeating: " ", count: 40 - label.count) : label
        let number = String(n)
        return padded + String(repeating: " ", count: max(1, 10 - number.count)) + number + (extra.isEmpty ? "" : "  " + extra) + "\n"
    }
}
