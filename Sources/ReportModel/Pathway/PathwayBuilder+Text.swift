import AnnexAPathway
import Diagnostics
import DisclosureControl
import Indicators
import ReferralExtract
import Statistics

extension PathwayBuilder {
    /// The section's opening: the period's counts in pathway order, the snapshot at its end,
    /// how the rates compare with England and the neighbours, and timeliness.
    func summary(_ stages: [PathwayThisYear.Stage], timeliness: [PathwayThisYear.Share], period: String, latestYear: Int, population: (children: Double, year: Int)?) -> [String] {
        var out: [String] = []
        let count = { (c: Controlled) in c.value.map { Rounding.grouped(Double($0), places: 0) } ?? "c (not shown)" }
        let flows = stages.filter(\.isFlow).map { "\(count($0.count)) \($0.label.inSentence.replacingOccurrences(of: "assessments completed", with: "completed assessments"))" }
        if !flows.isEmpty { out.append("From \(period) the council's Annex A lists record \(flows.spokenList()).") }
        let snapshotNames = ["Children in need": "children were in need", "Children on a child protection plan": "were on a child protection plan", "Children looked after": "were looked after"]
        let snapshots = stages.filter { !$0.isFlow }.compactMap { s -> String? in
            guard let key = snapshotNames.keys.first(where: { s.label.hasPrefix($0) }) else { return nil }
            return "\(count(s.count)) \(snapshotNames[key]!)"
        }
        if !snapshots.isEmpty { out.append("At \(current.window.last.longText), \(snapshots.spokenList()).") }
        let published = PeriodStyle.censusYear.label(latestYear)
        // Against England, as the published sections judge it: allowing for the variation
        // seen between authorities (the funnel), not chance alone.
        // Each stage's verdicts, worded as the published sections word theirs (``VerdictWords``).
        let comparedStages = stages.filter { !$0.implausible }
        for (name, judgement) in [("England", { (c: PathwayThisYear.Comparators) in c.verdict.england }),
                                  ("the statistical neighbours' average", { (c: PathwayThisYear.Comparators) in c.verdict.neighbours })] {
            var groups: [(Significance, [String])] = [(.higher, []), (.lower, []), (.similar, [])]
            for s in comparedStages {
                guard let p = s.published, let o = judgement(p).significance, let i = groups.firstIndex(where: { $0.0 == o }) else { continue }
                groups[i].1.append(Self.shortName(s.label))
            }
            let parts = groups.filter { !$0.1.isEmpty }.map { o, names in "\(o.rawValue) for \(names.spokenList())" }
            if !parts.isEmpty { out.append("Against \(name) in \(published), this year's rates are \(parts.spokenList()).") }
        }
        if stages.contains(where: \.isFlow) { out.append("Rates for the period are scaled up to a full year: a guide, not a forecast, as referrals and plans are seasonal.") }
        let timely = timeliness.compactMap { s -> String? in
            guard let p = s.percent else { return nil }
            let england = s.published?.england?.value.map { " (England \(Rounding.format($0, places: 1))% in \(published))" } ?? ""
            return "\(Rounding.format(p, places: 1))% of \(s.label.inSentence)\(england)\(Self.untimedNote(s))"
        }
        if !timely.isEmpty { out.append("Timeliness: \(timely.spokenList()).") }
        if population == nil { out.append("No ONS population for \(authority.name) was found, so no rate per 10,000 is given.") }
        return out
    }

    /// Why a share is of fewer rows than its stage: ", of the 43 that could be timed (fewer
    /// than 6 could not be timed: a date missing, unreadable or before the one it follows)".
    static func untimedNote(_ s: PathwayThisYear.Share) -> String {
        guard s.untimed > 0, let of = s.of.value else { return "" }
        let how = s.untimed < CountTable.threshold ? "fewer than \(CountTable.threshold)" : Rounding.grouped(Double(s.untimed), places: 0)
        return ", of the \(Rounding.grouped(Double(of), places: 0)) that could be timed (\(how) could not be timed: a date missing, unreadable or before the one it follows)"
    }

    /// "Children in need at 31 October 2025" → "children in need".
    static func shortName(_ label: String) -> String {
        let short = label.components(separatedBy: " at ").first ?? label
        return short == "Initial child protection conferences" ? "ICPCs" : short.inSentence
    }

    func notes(period: String, scale: Double, population: (children: Double, year: Int)?, base: Int) -> [String] {
        let files = current.lists.values.sorted { $0.list < $1.list }.map { "\($0.list.title): \(SourceLocation.short($0.source))" }
        var notes = [
            "These figures come from the council's own Annex A lists (\(files.joined(separator: "; "))) and are not official statistics; DfE's figures for the year are published after the census closes.",
            "A flow (contacts, referrals, assessments, enquiries, conferences, plans started) counts the rows whose date falls from \(period); its rate is scaled to a full year (× \(Rounding.format(scale, places: 2))). A snapshot (children in need, on a plan, looked after) counts what is open at \(current.window.last.longText). Rates are per 10,000 children aged 0 to 17\(population.map { " (ONS mid-\($0.year) estimate)" } ?? ""), with 95% confidence intervals.",
            "From one stage to the next: counts of two stages in the same period, not the same children followed through, except ICPCs that resulted in a plan (one list). Working days are Monday to Friday less England and Wales bank holidays, as DfE counts the 45 days for assessments and the 15 days from the strategy discussion to the ICPC.",
            "Children in need are distinct children open on List 6 at the date; DfE's rate counts children in need at 31 March including those on a plan or looked after, so the two compare only if List 6 holds them too, as Annex A asks.",
            "Disclosure control: counts of 1 to 5 are shown as c, and further counts are hidden (also c) wherever they would let a small count be worked out by subtraction from a total, across this section and the referral section alike. Percentages and rates from hidden counts are hidden too." + LocalSection.roundingNote(base),
        ]
        if let earlier {
            let back = current.lists.keys.filter(reachesBack).sorted().map(\.title)
            if !back.isEmpty { notes.append("The same months a year earlier (\(earlier.window.first.longText) to \(earlier.window.last.longText)) are shown for the lists that reach back that far: \(back.spokenList()).") }
        }
        let absent = PathwayList.allCases.filter { current.lists[$0] == nil }.map(\.title)
        if !absent.isEmpty { notes.append("No \(absent.spokenList("or")) was given, so \(absent.count == 1 ? "its stage is" : "their stages are") not shown.") }
        if let end = current.endNote { notes.append(end) }
        for reading in current.lists.values.sorted(by: { $0.list < $1.list }) {
            if let span = reading.span, span.upperBound < current.window.last.adding(days: -PathwayFigures.graceDays) {
                // The month, not the day: a list's last date is one child's event.
                notes.append("\(reading.list.title) reaches only into \(span.upperBound.monthText), before the end of the period: its figures may be incomplete.")
            }
            if let checks = reading.checks, case let odd = checks.count(of: .early) + checks.count(of: .late), odd > 0 {
                let rows = LocalSectionBuilder.rows(odd, base: base, verb: ("has", "have"))
                notes.append("In \(reading.list.title), \(rows.inSentence) a date before 1990 or after the day of the build, counted as written, as Annex A's definitions read it (run jsna check on the lists to find them).")
            }
            let errors = reading.extract?.rowsExcluded ?? reading.checks?.errorRows ?? 0
            if errors > 0 {
                notes.append("In \(reading.list.title), \(LocalSectionBuilder.rows(errors, base: base).inSentence) a value that is not a date in the list's format, left out of the figures that need it (run jsna check on the lists for details).")
            }
        }
        return notes
    }
}
