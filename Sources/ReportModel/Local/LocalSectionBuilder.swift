import CensusIngest
import DisclosureControl
import Indicators
import ReferralExtract
import Statistics

/// Builds the local section from an extract, with every count disclosure-controlled.
public struct LocalSectionBuilder: Sendable {
    public var extract: ReferralExtract
    public var table: IndicatorTable
    public var dataset: CensusDataset
    public var authority: Area

    public init(extract: ReferralExtract, table: IndicatorTable, dataset: CensusDataset, authority: Area) {
        self.extract = extract
        self.table = table
        self.dataset = dataset
        self.authority = authority
    }

    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public func build() -> LocalSection? {
        guard let last = extract.lastDate else { return nil }
        let current = last.censusYear
        let (year, month, day) = last.components
        var t = CountTable()
        // Month cells for the previous and current census years (shared by every relation).
        func monthCount(_ y: Int, _ m: Int, through d: Int = 31) -> Int {
            extract.daily.reduce(0) { total, entry in
                let (ey, em, ed) = entry.key.components
                return ey == y && em == m && ed <= d ? total + entry.value : total
            }
        }
        var monthCells: [(label: String, cell: Int)] = []
        var previousYearCells: [Int] = []
        for m in 0..<12 {
            let calendarMonth = (m + 3) % 12 + 1
            let calendarYear = calendarMonth >= 4 ? current - 2 : current - 1
            let cell = t.cell(monthCount(calendarYear, calendarMonth), "\(Self.shortMonths[calendarMonth - 1]) \(calendarYear)")
            previousYearCells.append(cell)
            monthCells.append(("\(Self.shortMonths[calendarMonth - 1]) \(calendarYear % 100)", cell))
        }
        let previousYear = t.cell(previousYearCells.reduce(0) { $0 + t.values[$1] }, "referrals \(PeriodStyle.censusYear.label(current - 1))")
        t.relate(previousYearCells, total: previousYear)
        var ytdCells: [Int] = []
        let monthsSoFar = (month + 8) % 12 + 1
        for m in 0..<monthsSoFar {
            let calendarMonth = (m + 3) % 12 + 1
            let calendarYear = calendarMonth >= 4 ? current - 1 : current
            let partial = calendarMonth == month && calendarYear == year
            let label = "\(Self.shortMonths[calendarMonth - 1]) \(calendarYear % 100)\(partial ? " (to \(day))" : "")"
            let cell = t.cell(monthCount(calendarYear, calendarMonth), label)
            ytdCells.append(cell)
            monthCells.append((label, cell))
        }
        let ytd = t.cell(ytdCells.reduce(0) { $0 + t.values[$1] }, "year to date")
        t.relate(ytdCells, total: ytd)
        // The same period a year earlier: last year's whole months, then its part month.
        var sameCells = Array(previousYearCells.prefix(monthsSoFar - 1))
        let lastYearPart = monthCount(year - 1, month, through: last.oneYearBefore.components.day)
        let fullMonthCell = previousYearCells[monthsSoFar - 1]
        sameCells.append(lastYearPart == t.values[fullMonthCell] ? fullMonthCell : t.cell(lastYearPart, "same part month a year earlier"))
        let samePeriod = t.cell(sameCells.reduce(0) { $0 + t.values[$1] }, "same period a year earlier")
        t.relate(sameCells, total: samePeriod)
        // Breakdowns of the year to date.
        let figures = extract.figures(for: current)
        let groups: [(String, [String], (String) -> String, [String: Int])] = [
            ("Age at referral", ReferralFigures.ageBands, { $0 }, figures.byAge),
            ("Gender", AnnexA.genderGroups, AnnexA.genderGroup, figures.byGender),
            ("Ethnic group", AnnexA.ethnicGroups, AnnexA.ethnicGroup, figures.byEthnicity),
            ("Referral source", AnnexA.sourceGroups, AnnexA.sourceGroup, figures.bySource),
        ]
        var breakdownCells: [(String, [(String, Int)])] = []
        for (title, order, group, counts) in groups {
            var grouped: [String: Int] = [:]
            for (label, n) in counts { grouped[group(label), default: 0] += n }
            let cells = order.map { ($0, t.cell(grouped[$0] ?? 0, "\(title): \($0)")) }
            t.relate(cells.map(\.1), total: ytd)
            breakdownCells.append((title, cells))
        }
        // Reconciliation: whole census years in the extract against DfE's published count.
        var reconcile: [(Int, Int)] = []
        if let first = extract.firstDate {
            for y in (current - 6)..<current where first <= CivilDate.censusYearStart(y) && last >= CivilDate.censusYearEnd(y) {
                if y == current - 1 {
                    reconcile.append((y, previousYear))
                } else {
                    reconcile.append((y, t.cell(extract.figures(for: y).referrals, "referrals \(y)")))
                }
            }
        }
        t.control()
        return assemble(t, current: current, last: last, ytd: ytd, samePeriod: samePeriod, monthCells: monthCells,
                        breakdowns: breakdownCells, reconcile: reconcile)
    }
}
