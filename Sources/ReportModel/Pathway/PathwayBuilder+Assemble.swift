import AnnexAPathway
import CensusIngest
import Diagnostics
import DisclosureControl
import Indicators
import ReferralExtract
import Statistics

extension PathwayBuilder {
    /// The section from its cells, once `t` is controlled: every count shown is a shown
    /// cell; every rate, share and conversion built from a hidden cell is hidden too.
    public func assemble(_ t: CountTable, _ c: PathwayCells) -> PathwayThisYear {
        let window = current.window
        let period = "\(window.first.longText) to \(window.last.longText)"
        let earlierPeriod = earlier.map { "\($0.window.first.longText) to \($0.window.last.longText)" }
        let controlled = { (cell: Int) -> Controlled in t.isSuppressed(cell) ? .suppressed : .count(t.count(cell)) }
        let population = childPopulation()
        let scale = Double(CivilDate.censusYearEnd(current.year).dayNumber - window.first.dayNumber + 1) / Double(window.last.dayNumber - window.first.dayNumber + 1)
        var warnings: [String] = []
        let latestYear = table.latestYear(.referralsRate) ?? current.year - 1
        let stages = c.stages.map { spec, cell, earlierCell -> PathwayThisYear.Stage in
            var stage = PathwayThisYear.Stage(label: spec.label, isFlow: spec.isFlow, count: controlled(cell), earlier: earlierCell.map(controlled))
            if !t.isSuppressed(cell), let n = population?.children {
                let factor = spec.isFlow ? scale : 1
                stage.rate = Double(t.count(cell)) * factor / n * RatePer10k.multiplier
                stage.interval = PoissonInterval.rate(count: Double(t.count(cell)), denominator: n, multiplier: RatePer10k.multiplier, level: .percent95)?.scaled(by: factor)
            }
            if let id = spec.indicator {
                let exposure = population.map { ($0.children / (spec.isFlow ? scale : 1), Double(t.count(cell))) }
                stage.published = comparators(id, year: latestYear, interval: stage.interval, funnelPoint: t.isSuppressed(cell) ? nil : exposure.map { (count: $0.1, denominator: $0.0) })
                if let rate = stage.rate, let own = stage.published?.authority?.value,
                   let w = Plausibility.warning(extract: rate, published: own, what: "rate for \(Self.shortName(spec.label))\(spec.isFlow ? "" : " at \(window.last.longText)") (\(Rounding.format(rate, places: 1)) per 10,000\(spec.isFlow ? ", annualised" : ""))",
                                                against: "\(authority.possessive) last published rate (\(Rounding.format(own, places: 1)) in \(PeriodStyle.censusYear.label(latestYear)))", source: "lists") {
                    stage.implausible = true
                    stage.published?.withdraw()
                    warnings.append(w)
                }
            }
            return stage
        }
        let shares = { (cells: [PathwayCells.ShareCells]) in cells.map { s -> PathwayThisYear.Share in
            var share = PathwayThisYear.Share(label: s.label, count: controlled(s.count), of: controlled(s.of))
            // A count of rows, not children: "fewer than 6" below 6, else rounded like every count.
            share.untimed = s.untimed < CountTable.threshold ? s.untimed : CountTable.round(s.untimed, to: t.base)
            if !t.isSuppressed(s.count), !t.isSuppressed(s.of), t.count(s.of) > 0 {
                share.percent = Double(t.count(s.count)) / Double(t.count(s.of)) * 100
                share.interval = WilsonInterval.percentage(Double(t.count(s.count)), of: Double(t.count(s.of)), level: .percent95)
            }
            let point = share.percent == nil ? nil : (count: Double(t.count(s.count)), denominator: Double(t.count(s.of)))
            share.published = s.indicator.map { comparators($0, year: latestYear, interval: share.interval, funnelPoint: point) }
            return share
        } }
        let breakdowns = c.breakdowns.map { b in
            let total = t.count(b.total)
            return LocalSection.Breakdown(caption: "\(b.caption), \(authority.name)", rows: b.cells.filter { t.count($0.cell) > 0 || t.isSuppressed($0.cell) }.map { label, cell in
                let hidden = t.isSuppressed(cell) || t.isSuppressed(b.total) || total == 0
                return .init(label: label, count: controlled(cell), share: hidden ? nil : Double(t.count(cell)) / Double(total) * 100)
            })
        }
        let flows = stages.filter(\.isFlow)
        let chart = BarChart(
            id: "pathway-stages", title: "The pathway, \(authority.name), \(period)", axisLabel: "Count", labels: flows.map { Self.chartLabel($0.label) },
            values: flows.map(\.count.value),
            description: "Bar chart of the count at each stage of the child protection pathway from the council's Annex A lists, \(period): "
                + flows.map { "\($0.label) \(Self.text($0.count))" }.joined(separator: ", ") + ". c: suppressed to protect confidentiality.")
        return PathwayThisYear(
            title: "The pathway this year: the council's Annex A lists", period: period, earlierPeriod: earlierPeriod,
            publishedPeriod: PeriodStyle.censusYear.label(latestYear),
            summary: summary(stages, timeliness: shares(c.timeliness), period: period, latestYear: latestYear, population: population) + warnings,
            stages: stages, conversions: conversions(t, c), timeliness: shares(c.timeliness), plans: shares(c.plans), breakdowns: breakdowns,
            chart: chart, notes: notes(period: period, scale: scale, population: population, base: t.base),
            files: Self.files(current), warnings: warnings)
    }

    /// Each file read once (a workbook's sheets are one file), with its SHA-256.
    static func files(_ figures: PathwayFigures) -> [(name: String, sha256: String)] {
        var seen: Set<String> = []
        return figures.lists.values.sorted { $0.list < $1.list }.compactMap { reading in
            guard seen.insert(reading.file).inserted else { return nil }
            return (SourceLocation.short(reading.file), reading.sha256)
        }
    }

    /// Short enough to sit under a bar.
    static func chartLabel(_ label: String) -> String {
        ["Assessments completed": "Assessments", "Section 47 enquiries": "S47 enquiries", "Initial child protection conferences": "ICPCs",
         "Child protection plans started": "Plans started"][label] ?? label
    }

    static func text(_ c: Controlled) -> String { c.value.map { Rounding.grouped(Double($0), places: 0) } ?? Controlled.symbol }

    /// The authority's children (0 to 17) in the latest mid-year estimate up to the year before.
    func childPopulation() -> (children: Double, year: Int)? {
        for year in stride(from: current.year - 1, through: current.year - 4, by: -1) {
            if let n = dataset.childPopulation(area: authority.id, midYear: year).value { return (n, year) }
        }
        return nil
    }

    /// The latest published figures for an indicator, and the local interval tested against
    /// England's and the neighbours' average.
    /// - Parameter funnelPoint: the local count and its exposure (children ÷ the flow's
    ///   scale, or the whole a percentage is of), to place on the published funnel.
    func comparators(_ id: IndicatorID, year: Int, interval: ConfidenceInterval?, funnelPoint: (count: Double, denominator: Double)? = nil) -> PathwayThisYear.Comparators {
        PathwayThisYear.Comparators.published(id, table: table, authority: authority, year: year, interval: interval, funnelPoint: funnelPoint)
    }

    /// Each stage as a share of the one before it, in the same period (not the same children,
    /// except ICPCs that resulted in a plan).
    func conversions(_ t: CountTable, _ c: PathwayCells) -> [PathwayThisYear.Conversion] {
        let steps: [(String, (PathwayList, String), (PathwayList, String))] = [
            ("Referrals per 100 contacts", (.contacts, "contacts"), (.referrals, "referrals")),
            ("Assessments completed per 100 referrals", (.referrals, "referrals"), (.assessments, "completed")),
            ("Section 47 enquiries per 100 assessments completed", (.assessments, "completed"), (.s47, "enquiries")),
            ("ICPCs per 100 section 47 enquiries", (.s47, "enquiries"), (.s47, "icpcs")),
        ]
        let controlled = { (cell: Int) -> Controlled in t.isSuppressed(cell) ? .suppressed : .count(t.count(cell)) }
        var out: [PathwayThisYear.Conversion] = steps.compactMap { label, from, to in
            guard let a = c.cell(from.0, from.1), let b = c.cell(to.0, to.1) else { return nil }
            let shown = !t.isSuppressed(a) && !t.isSuppressed(b) && t.count(a) > 0
            return .init(label: label, from: controlled(a), to: controlled(b), percent: shown ? Double(t.count(b)) / Double(t.count(a)) * 100 : nil, isSubset: false)
        }
        if let icpcs = c.cell(.s47, "icpcs"), let toPlan = c.toPlan {
            let shown = !t.isSuppressed(icpcs) && !t.isSuppressed(toPlan) && t.count(icpcs) > 0
            out.append(.init(label: "ICPCs that resulted in a child protection plan", from: controlled(icpcs), to: controlled(toPlan),
                             percent: shown ? Double(t.count(toPlan)) / Double(t.count(icpcs)) * 100 : nil, isSubset: true))
        }
        return out
    }
}
