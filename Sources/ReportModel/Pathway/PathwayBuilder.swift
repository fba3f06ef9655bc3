import AnnexAPathway
import CensusIngest
import DisclosureControl
import Indicators
import ReferralExtract
import Statistics

/// Builds the pathway section from the lists' figures: every count a cell of one
/// ``CountTable`` (shared with the referral section), each breakdown related to its total,
/// each share to what it is a share of, so control hides whatever subtraction would give back.
public struct PathwayBuilder: Sendable {
    public var current: PathwayFigures
    /// The same months a year earlier, when the lists reach back.
    public var earlier: PathwayFigures?
    public var table: IndicatorTable
    public var dataset: CensusDataset
    public var authority: Area
    /// The referral section's year-to-date and same-period cells, when the chapter has that
    /// section for the same months: the referral stage is then those very cells.
    public var referralCells: (ytd: Int, samePeriod: Int)?

    public init(current: PathwayFigures, earlier: PathwayFigures?, table: IndicatorTable, dataset: CensusDataset, authority: Area) {
        self.current = current
        self.earlier = earlier
        self.table = table
        self.dataset = dataset
        self.authority = authority
    }

    /// A stage of the pathway: where its count is in the lists' figures.
    struct StageSpec: Sendable {
        var list: PathwayList
        var key: String
        var label: String
        var isFlow: Bool
        var indicator: IndicatorID?
    }

    /// The stages in pathway order: flows over the period, then snapshots at its end.
    func stageSpecs(at date: String) -> [StageSpec] {
        [
            StageSpec(list: .contacts, key: "contacts", label: "Contacts", isFlow: true, indicator: nil),
            StageSpec(list: .referrals, key: "referrals", label: "Referrals", isFlow: true, indicator: .referralsRate),
            StageSpec(list: .assessments, key: "completed", label: "Assessments completed", isFlow: true, indicator: nil),
            StageSpec(list: .s47, key: "enquiries", label: "Section 47 enquiries", isFlow: true, indicator: .s47Rate),
            StageSpec(list: .s47, key: "icpcs", label: "Initial child protection conferences", isFlow: true, indicator: .icpcRate),
            StageSpec(list: .cpp, key: "started", label: "Child protection plans started", isFlow: true, indicator: .cppStartsRate),
            StageSpec(list: .cin, key: "open_children", label: "Children in need at \(date)", isFlow: false, indicator: .cinRate),
            StageSpec(list: .cpp, key: "open", label: "Children on a child protection plan at \(date)", isFlow: false, indicator: .cppRate),
            StageSpec(list: .cla, key: "open", label: "Children looked after at \(date)", isFlow: false, indicator: .claRate),
        ]
    }

    /// True when the list reaches back to the start of the earlier period.
    func reachesBack(_ list: PathwayList) -> Bool {
        guard let earlier, let span = current.lists[list]?.span else { return false }
        return span.lowerBound <= earlier.window.first
    }

    public func register(_ t: inout CountTable) -> PathwayCells {
        var c = PathwayCells()
        let date = current.window.last.longText
        for spec in stageSpecs(at: date) {
            guard let reading = current.lists[spec.list], let n = reading.count(spec.key) else { continue }
            var cell: Int, earlierCell: Int?
            if spec.list == .referrals, let shared = referralCells {
                (cell, earlierCell) = (shared.ytd, reachesBack(.referrals) ? shared.samePeriod : nil)
            } else {
                cell = t.cell(n, "\(spec.label), \(current.window.first.longText) to \(date)")
                earlierCell = reachesBack(spec.list) ? earlier?.lists[spec.list]?.count(spec.key).map { t.cell($0, "\(spec.label), a year earlier") } : nil
            }
            c.stages.append((spec, cell, earlierCell))
        }
        if let a = current.lists[.assessments], let completed = c.cell(.assessments, "completed"),
           let timed = a.count("timed"), let within = a.count("within_45_days") {
            c.timeliness.append(shareCells(&t, "Assessments completed within 45 working days", within, of: timed, parent: completed, indicator: nil))
        }
        if let s = current.lists[.s47], let icpcs = c.cell(.s47, "icpcs"), let timed = s.count("icpcs_timed"), let within = s.count("icpcs_within_15_days") {
            c.timeliness.append(shareCells(&t, "Initial child protection conferences within 15 working days of the strategy discussion", within, of: timed, parent: icpcs, indicator: .icpcWithin15DaysPct))
            if let toPlan = s.count("icpcs_to_plan") {
                let cell = t.cell(toPlan, "ICPCs that resulted in a plan")
                t.relate([cell, t.cell(t.values[icpcs] - toPlan, "ICPCs that did not result in a plan")], total: icpcs)
                c.toPlan = cell
            }
        }
        if let p = current.lists[.cpp] {
            registerPlans(&t, p, &c)
        }
        return c
    }

    /// Plans: second or subsequent among those started; open two years or more; and the
    /// categories, ages and genders of plans started and open, each related to its total.
    func registerPlans(_ t: inout CountTable, _ p: ListReading, _ c: inout PathwayCells) {
        if let started = c.cell(.cpp, "started"), let subsequent = p.count("started_subsequent"), let unknown = p.count("started_previous_unknown") {
            let cell = t.cell(subsequent, "second or subsequent plans started")
            let unknownCell = t.cell(unknown, "plans started, previous plans not known")
            t.relate([cell, unknownCell, t.cell(t.values[started] - subsequent - unknown, "first plans started")], total: started)
            c.plans.append(PathwayCells.ShareCells(label: "Plans started that were a second or subsequent plan", count: cell, of: started, indicator: .cppSubsequentPct))
            c.breakdowns.append(categories(&t, "Child protection plans started by initial category of abuse", p.breakdown("started_by_category"), total: started))
        }
        if let open = c.cell(.cpp, "open"), let twoYears = p.count("open_2_years_plus") {
            let cell = t.cell(twoYears, "plans open 2 years or more")
            t.relate([cell, t.cell(t.values[open] - twoYears, "plans open under 2 years")], total: open)
            c.plans.append(PathwayCells.ShareCells(label: "Plans open at \(current.window.last.longText) for 2 years or more", count: cell, of: open, indicator: .cpp2YearsPct))
            let date = current.window.last.longText
            c.breakdowns.append(categories(&t, "Child protection plans open at \(date) by latest category of abuse", p.breakdown("open_by_category"), total: open))
            c.breakdowns.append(groups(&t, "Child protection plans open at \(date) by age", PathwayFigures.ageBands, p.breakdown("open_by_age"), total: open))
            let genders = p.breakdown("open_by_gender").reduce(into: [String: Int]()) { $0[AnnexA.genderGroup($1.key), default: 0] += $1.value }
            c.breakdowns.append(groups(&t, "Child protection plans open at \(date) by gender", AnnexA.genderGroups, genders, total: open))
        }
    }

    func categories(_ t: inout CountTable, _ caption: String, _ counts: [String: Int], total: Int) -> PathwayCells.Breakdown {
        groups(&t, caption, PathwayFigures.categories, counts, total: total)
    }

    /// One cell per group in `order` (absent groups are 0), related to `total`.
    func groups(_ t: inout CountTable, _ caption: String, _ order: [String], _ counts: [String: Int], total: Int) -> PathwayCells.Breakdown {
        let cells = order.map { ($0, t.cell(counts[$0] ?? 0, "\(caption): \($0)")) }
        t.relate(cells.map(\.1), total: total)
        return PathwayCells.Breakdown(caption: caption, cells: cells, total: total)
    }

    /// `within` of `timed`, and `timed` of the parent count. The rest are untimed: rows
    /// whose dates are missing, unreadable or out of order, a count of records that
    /// control leaves shown (`protected: false`), so a few bad rows never hide the stage.
    func shareCells(_ t: inout CountTable, _ label: String, _ within: Int, of timed: Int, parent: Int, indicator: IndicatorID?) -> PathwayCells.ShareCells {
        let timedCell = t.cell(timed, "\(label): timed")
        t.relate([timedCell, t.cell(t.values[parent] - timed, "\(label): not timed", protected: false)], total: parent)
        let withinCell = t.cell(within, label)
        t.relate([withinCell, t.cell(timed - within, "\(label): not within")], total: timedCell)
        return PathwayCells.ShareCells(label: label, count: withinCell, of: timedCell, indicator: indicator, untimed: t.values[parent] - timed)
    }
}

/// The pathway section's cells in a ``CountTable``, before it is controlled.
public struct PathwayCells: Sendable {
    struct ShareCells: Sendable {
        var label: String
        var count: Int
        var of: Int
        var indicator: IndicatorID?
        /// Rows of the parent count left out of the share (dates that cannot be read).
        var untimed = 0
    }
    var stages: [(spec: PathwayBuilder.StageSpec, cell: Int, earlier: Int?)] = []
    var timeliness: [ShareCells] = []
    var plans: [ShareCells] = []
    var toPlan: Int?
    var breakdowns: [Breakdown] = []

    struct Breakdown: Sendable {
        var caption: String
        var cells: [(label: String, cell: Int)]
        var total: Int
    }

    func cell(_ list: PathwayList, _ key: String) -> Int? { stages.first { $0.spec.list == list && $0.spec.key == key }?.cell }
}
