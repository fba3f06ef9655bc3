import Diagnostics
import CensusIngest
import DisclosureControl
import Indicators
import ReferralExtract
import Statistics

extension LocalSectionBuilder {
    /// The section from its cells, once `t` is controlled.
    public func assemble(_ t: CountTable, _ cells: LocalCells) -> LocalSection {
        let (current, end, latest, ytd, samePeriod, monthCells, breakdowns, reconcile) =
            (cells.current, cells.end, cells.latest, cells.ytd, cells.samePeriod, cells.monthCells, cells.breakdowns, cells.reconcile)
        let period = PeriodStyle.censusYear.label(current)
        let grouped = { (n: Int) in Rounding.grouped(Double(n), places: 0) }
        let count = { (cell: Int) in t.isSuppressed(cell) ? CountTable.symbol : grouped(t.count(cell)) }
        var summary: [String] = []
        var warnings: [String] = []
        let start = CivilDate.censusYearStart(current)
        let whole = end == latest ? "" : " (whole months only: the extract's latest referral is in \(latest.monthText), a month not yet complete)"
        summary.append("From \(start.longText) to \(end.longText)\(whole) \(authority.name) received \(count(ytd)) referrals, against \(count(samePeriod)) in the same months a year earlier\(change(t, ytd, samePeriod)).")
        let rate = annualisedRate(t, ytd: ytd, from: start, to: end, current: current)
        if let text = rate.text { summary.append(text) }
        if let warning = rate.warning { warnings.append(warning) }
        let monthly = BarChart(
            id: "local-monthly", title: "Referrals by month, \(authority.name), \(monthCells.first!.label) to \(monthCells.last!.label)",
            axisLabel: "Referrals", labels: monthCells.map(\.label),
            values: monthCells.map { t.isSuppressed($0.cell) ? nil : t.count($0.cell) },
            description: "Bar chart of referrals received each month from the council's own records, \(monthCells.first!.label) to \(monthCells.last!.label): "
                + monthCells.map { "\($0.label) \(count($0.cell))" }.joined(separator: ", ") + ". c: suppressed to protect confidentiality.")
        let total = t.count(ytd)
        let tables = breakdowns.map { title, cells in
            LocalSection.Breakdown(
                caption: "\(title) of children referred, \(authority.name), \(start.longText) to \(end.longText)",
                rows: cells.filter { t.count($0.1) > 0 || t.isSuppressed($0.1) }.map { label, cell in
                    let hidden = t.isSuppressed(cell) || t.isSuppressed(ytd) || total == 0
                    return .init(label: label, count: controlled(t, cell), share: hidden ? nil : Double(t.count(cell)) / Double(total) * 100)
                })
        }
        var reconciliation: LocalSection.Reconciliation?
        let referrals = IndicatorCatalogue.definition(.referralsRate)!.numerator
        let rows = reconcile.compactMap { year, cell -> LocalSection.Reconciliation.Row? in
            guard let published = dataset.figure(referrals.kind, measure: referrals.names, area: authority.id, year: year)?.figure else { return nil }
            var difference: Double?
            if let p = published.value, p > 0, !t.isSuppressed(cell) {
                difference = (Double(t.count(cell)) - p) / p * 100
                if let w = Plausibility.warning(extract: Double(t.count(cell)), published: p, what: "\(PeriodStyle.censusYear.label(year)) count in the extract (\(count(cell)))", against: "DfE's published count (\(grouped(Int(p))))") {
                    warnings.append(w)
                }
            }
            return .init(period: PeriodStyle.censusYear.label(year), extract: controlled(t, cell), published: Shown(published), difference: difference)
        }
        if !rows.isEmpty {
            reconciliation = .init(caption: "Referrals in the extract against DfE's published count, \(authority.name)", rows: rows)
        }
        var notes = [
            "These figures come from the council's own case records (\(SourceLocation.short(source?.name ?? extract.path))) and are not official statistics; DfE's figures for \(period) will be published after the census closes.",
            "Disclosure control: counts of 1 to 5 are shown as c, and further counts are hidden (also c) wherever they would let a small count be worked out by subtraction from a total. Percentages and rates from hidden counts are hidden too. Every period is whole months, so no part of a month can be worked out from the totals." + LocalSection.roundingNote(t.base),
        ]
        if extract.rowsExcluded > 0 {
            notes.append("\(Self.rows(extract.rowsExcluded, base: t.base)) no valid referral date (blank, not a date, after the day of the build or before 1990) and \(extract.rowsExcluded == 1 ? "is" : "are") left out of every figure (run jsna check on the extract for details).")
        }
        if let d = extract.diagnostics.groups[.duplicate] {
            notes.append("\(Self.rows(d.count, base: t.base, verb: ("repeats", "repeat"))) another referral of the same child on the same day; each is counted, as DfE counts referrals.")
        }
        return LocalSection(title: "Referrals this year: the council's own data", file: SourceLocation.short(source?.name ?? extract.path), sha256: source?.sha256 ?? extract.sha256, summary: summary + warnings, monthly: monthly, breakdowns: tables,
                            reconciliation: reconciliation, notes: notes, counts: t, warnings: warnings)
    }

    /// "Fewer than 6 rows have", "212 rows have" (or "210" when counts are rounded to 5): a
    /// count of rows is itself a count of referrals, so 1 to 5 is never printed.
    static func rows(_ n: Int, base: Int = 1, verb: (one: String, many: String) = ("has", "have")) -> String {
        switch n {
        case 1...5: "Fewer than 6 rows \(verb.many)"
        default: "\(Rounding.grouped(Double(CountTable.round(n, to: base)), places: 0)) rows \(verb.many)"
        }
    }

    func controlled(_ t: CountTable, _ cell: Int) -> Controlled { t.isSuppressed(cell) ? .suppressed : .count(t.count(cell)) }

    /// "up 4.2%"; hidden when either count is.
    func change(_ t: CountTable, _ now: Int, _ before: Int) -> String {
        guard !t.isSuppressed(now), !t.isSuppressed(before), t.count(before) > 0 else { return "" }
        let d = (Double(t.count(now)) - Double(t.count(before))) / Double(t.count(before)) * 100
        let size = Rounding.format(abs(d), places: 1)
        return size == "0.0" ? " (no change)" : " (\(d > 0 ? "up" : "down") \(size)%)"
    }

    /// The year-to-date count scaled to a full year, per 10,000 children, with its 95%
    /// interval, tested against the latest published England and neighbour rates — unless it
    /// is implausible against the authority's own last published rate (``Plausibility``), in
    /// which case it is not compared and a warning says why.
    func annualisedRate(_ t: CountTable, ytd: Int, from start: CivilDate, to end: CivilDate, current: Int) -> (text: String?, warning: String?) {
        guard !t.isSuppressed(ytd) else { return ("The annualised rate is not shown because the year-to-date count is suppressed.", nil) }
        var children = dataset.childPopulation(area: authority.id, midYear: current - 1)
        var populationYear = current - 1
        while children.value == nil && populationYear > current - 4 {
            populationYear -= 1
            children = dataset.childPopulation(area: authority.id, midYear: populationYear)
        }
        guard let n = children.value else { return (nil, nil) }
        let days = Double(end.dayNumber - start.dayNumber + 1)
        let yearDays = Double(CivilDate.censusYearEnd(current).dayNumber - start.dayNumber + 1)
        let scale = yearDays / days
        let count = Double(t.count(ytd))
        guard let ci = PoissonInterval.rate(count: count, denominator: n, multiplier: RatePer10k.multiplier, level: .percent95),
            let rate = RatePer10k.rate(count: .value(count * scale), children: .value(n)).value
        else { return (nil, nil) }
        let show = { (x: Double) in Rounding.format(x, places: 1) }
        let scaled = ci.scaled(by: scale)
        var text = "Scaled up to a full year, that is about \(show(rate)) referrals per 10,000 children (95% CI \(show(scaled.lower))–\(show(scaled.upper)); ONS mid-\(populationYear) population)"
        guard let latest = table.series(.referralsRate, area: authority.id).last(where: { $0.value.value != nil }) else { return (text + ".", nil) }
        if let warning = Plausibility.warning(extract: rate, published: latest.value.value!, what: "annualised rate (\(show(rate)) per 10,000)", against: "\(authority.name)'s last published rate (\(show(latest.value.value!)) in \(latest.period))") {
            return (text + ". It is not compared with England or the neighbours.", warning)
        }
        // The same verdicts as the pathway section gives this rate: the part year's count on
        // the published year's adjusted funnel (exposure: children ÷ the annualising scale).
        let compared = PathwayThisYear.Comparators.published(
            .referralsRate, table: table, authority: authority, year: latest.year, interval: scaled,
            funnelPoint: (count: count, denominator: n / scale))
        var groups: [(Significance, [String])] = [(.higher, []), (.lower, []), (.similar, [])]
        for (name, figure, judgement) in [("England", compared.england, compared.verdict.england),
                                          ("the statistical neighbours' average", compared.neighbours, compared.verdict.neighbours)] {
            guard let v = figure?.value, let o = judgement.significance, let i = groups.firstIndex(where: { $0.0 == o }) else { continue }
            groups[i].1.append("\(name) (\(show(v)))")
        }
        let parts = groups.filter { !$0.1.isEmpty }.map { s, names in
            "\(s == .similar ? "similar to" : "\(s.rawValue) than") \(Narrative.list(names))"
        }
        if !parts.isEmpty { text += ", " + Narrative.list(parts) + " in \(latest.period), the latest published year" }
        return (text + ". Referrals are seasonal, so a part-year rate is a guide, not a forecast.", nil)
    }
}

/// Whether figures from the council's extract are believable beside DfE's: beyond a factor
/// of 1.5 either way, the extract is more likely incomplete or wrongly mapped than the
/// authority changed, and the chapter says so instead of comparing.
public enum Plausibility {
    public static let factor = 1.5

    /// A sentence for the chapter (and the error `--strict` makes of it), or nil when the
    /// two are within the factor.
    /// - Parameter source: what the figure came from: "extract" (List 3) or "lists" (Annex A).
    static func warning(extract: Double, published: Double, what: String, against: String, source: String = "extract") -> String? {
        guard published > 0 else { return nil }
        let ratio = extract / published
        guard ratio > factor || ratio < 1 / factor else { return nil }
        let size = ratio >= 1 ? "\(Rounding.format(ratio, places: 1)) times" : "\(Rounding.format(ratio * 100, places: 0))% of"
        let them = source == "extract" ? "The extract may be incomplete or wrongly mapped" : "The lists may be incomplete (a list of open cases without those closed since, say) or wrongly mapped"
        return "Check the \(source): \(source == "extract" ? "its" : "their") \(what) is \(size) \(against), beyond the factor of \(Rounding.format(factor, places: 1)) jsna accepts either way. \(them) (columns:, date_format:), so this figure is not a finding."
    }
}
