import Diagnostics
import CensusIngest
import DisclosureControl
import Indicators
import ReferralExtract
import Statistics

extension LocalSectionBuilder {
    func assemble(_ t: CountTable, current: Int, last: CivilDate, ytd: Int, samePeriod: Int, monthCells: [(label: String, cell: Int)],
                  breakdowns: [(String, [(String, Int)])], reconcile: [(Int, Int)]) -> LocalSection {
        let period = PeriodStyle.censusYear.label(current)
        let grouped = { (n: Int) in Rounding.grouped(Double(n), places: 0) }
        let count = { (cell: Int) in t.isSuppressed(cell) ? CountTable.symbol : grouped(t.values[cell]) }
        var summary: [String] = []
        let start = CivilDate.censusYearStart(current)
        summary.append("From \(start.longText) to \(last.longText) (the latest referral in the extract) \(authority.name) received \(count(ytd)) referrals, against \(count(samePeriod)) in the same period a year earlier\(change(t, ytd, samePeriod)).")
        if let rate = annualisedRate(t, ytd: ytd, from: start, to: last, current: current) { summary.append(rate) }
        let monthly = BarChart(
            id: "local-monthly", title: "Referrals by month, \(authority.name), \(monthCells.first!.label) to \(monthCells.last!.label)",
            axisLabel: "Referrals", labels: monthCells.map(\.label),
            values: monthCells.map { t.isSuppressed($0.cell) ? nil : t.values[$0.cell] },
            description: "Bar chart of referrals received each month from the council's own records, \(monthCells.first!.label) to \(monthCells.last!.label): "
                + monthCells.map { "\($0.label) \(count($0.cell))" }.joined(separator: ", ") + ". c: suppressed to protect confidentiality.")
        let total = t.values[ytd]
        let tables = breakdowns.map { title, cells in
            LocalSection.Breakdown(
                caption: "\(title) of children referred, \(authority.name), \(start.longText) to \(last.longText)",
                rows: cells.filter { t.values[$0.1] > 0 || t.isSuppressed($0.1) }.map { label, cell in
                    let hidden = t.isSuppressed(cell) || t.isSuppressed(ytd) || total == 0
                    return .init(label: label, count: controlled(t, cell), share: hidden ? nil : Double(t.values[cell]) / Double(total) * 100)
                })
        }
        var reconciliation: LocalSection.Reconciliation?
        let referrals = IndicatorCatalogue.definition(.referralsRate)!.numerator
        let rows = reconcile.compactMap { year, cell -> LocalSection.Reconciliation.Row? in
            guard let published = dataset.figure(referrals.kind, measure: referrals.names, area: authority.id, year: year)?.figure else { return nil }
            var difference: Double?
            if let p = published.value, p > 0, !t.isSuppressed(cell) { difference = (Double(t.values[cell]) - p) / p * 100 }
            return .init(period: PeriodStyle.censusYear.label(year), extract: controlled(t, cell), published: Shown(published), difference: difference)
        }
        if !rows.isEmpty {
            reconciliation = .init(caption: "Referrals in the extract against DfE's published count, \(authority.name)", rows: rows)
        }
        var notes = [
            "These figures come from the council's own case records (\(SourceLocation.short(extract.path))) and are not official statistics; DfE's figures for \(period) will be published after the census closes.",
            "Disclosure control: counts of 1 to 5 are shown as c, and further counts are hidden (also c) wherever they would let a small count be worked out by subtraction from a total. Percentages and rates from hidden counts are hidden too.",
        ]
        if extract.rowsExcluded > 0 {
            notes.append("\(extract.rowsExcluded) row\(extract.rowsExcluded == 1 ? " has" : "s have") no valid referral date and \(extract.rowsExcluded == 1 ? "is" : "are") left out of every figure (run jsna check on the extract for details).")
        }
        if let d = extract.diagnostics.groups[.duplicate] {
            notes.append("\(d.count) row\(d.count == 1 ? " repeats" : "s repeat") another referral of the same child on the same day; each is counted, as DfE counts referrals.")
        }
        return LocalSection(title: "Referrals this year: the council's own data", file: SourceLocation.short(extract.path), sha256: extract.sha256, summary: summary, monthly: monthly, breakdowns: tables,
                            reconciliation: reconciliation, notes: notes, counts: t)
    }

    func controlled(_ t: CountTable, _ cell: Int) -> Controlled { t.isSuppressed(cell) ? .suppressed : .count(t.values[cell]) }

    /// "up 4.2%"; hidden when either count is.
    func change(_ t: CountTable, _ now: Int, _ before: Int) -> String {
        guard !t.isSuppressed(now), !t.isSuppressed(before), t.values[before] > 0 else { return "" }
        let d = (Double(t.values[now]) - Double(t.values[before])) / Double(t.values[before]) * 100
        let size = Rounding.format(abs(d), places: 1)
        return size == "0.0" ? " (no change)" : " (\(d > 0 ? "up" : "down") \(size)%)"
    }

    /// The year-to-date count scaled to a full year, per 10,000 children, with its 95%
    /// interval, tested against the latest published England and neighbour rates.
    func annualisedRate(_ t: CountTable, ytd: Int, from start: CivilDate, to last: CivilDate, current: Int) -> String? {
        guard !t.isSuppressed(ytd) else { return "The annualised rate is not shown because the year-to-date count is suppressed." }
        var children = dataset.childPopulation(area: authority.id, midYear: current - 1)
        var populationYear = current - 1
        while children.value == nil && populationYear > current - 4 {
            populationYear -= 1
            children = dataset.childPopulation(area: authority.id, midYear: populationYear)
        }
        guard let n = children.value else { return nil }
        let days = Double(last.dayNumber - start.dayNumber + 1)
        let yearDays = Double(CivilDate.censusYearEnd(current).dayNumber - start.dayNumber + 1)
        let scale = yearDays / days
        let count = Double(t.values[ytd])
        guard let ci = PoissonInterval.rate(count: count, denominator: n, multiplier: RatePer10k.multiplier, level: .percent95),
            let rate = RatePer10k.rate(count: .value(count * scale), children: .value(n)).value
        else { return nil }
        let show = { (x: Double) in Rounding.format(x, places: 1) }
        let scaled = ci.scaled(by: scale)
        var text = "Scaled up to a full year, that is about \(show(rate)) referrals per 10,000 children (95% CI \(show(scaled.lower))–\(show(scaled.upper)); ONS mid-\(populationYear) population)"
        if let latest = table.series(.referralsRate, area: authority.id).last(where: { $0.value.value != nil }) {
            var byOutcome: [(Significance, [String])] = [(.higher, []), (.lower, []), (.similar, [])]
            for (name, figure) in [("England", latest.england), ("the statistical neighbours' average", latest.neighbours?.mean)] {
                guard let v = figure?.value else { continue }
                let i = byOutcome.firstIndex { $0.0 == Significance.compare(scaled, with: v) }!
                byOutcome[i].1.append("\(name) (\(show(v)))")
            }
            let parts = byOutcome.filter { !$0.1.isEmpty }.map { s, names in
                "\(s == .similar ? "similar to" : "significantly \(s.rawValue) than") \(Narrative.list(names))"
            }
            if !parts.isEmpty { text += ", " + Narrative.list(parts) + " in \(latest.period), the latest published year" }
        }
        return text + ". Referrals are seasonal, so a part-year rate is a guide, not a forecast."
    }
}
