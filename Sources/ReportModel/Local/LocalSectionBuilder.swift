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
    /// What the extract is to its reader, when that is not its path: a workbook's sheet
    /// ("Annex A.xlsx[List 3]", read from a temporary file), with the workbook's SHA-256.
    public var source: (name: String, sha256: String)?

    public init(extract: ReferralExtract, table: IndicatorTable, dataset: CensusDataset, authority: Area) {
        self.extract = extract
        self.table = table
        self.dataset = dataset
        self.authority = authority
    }

    static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The section, or nil when the extract has no whole month of referrals.
    ///
    /// Every period is made of whole months — the year to date runs from 1 April to the end
    /// of the extract's last complete month, and the same period a year earlier is the same
    /// whole months — so each published total is an exact sum of published monthly counts
    /// and no part month can be subtracted from a whole one.
    public func build() -> LocalSection? {
        var t = CountTable()
        guard let cells = register(&t) else { return nil }
        t.control()
        return assemble(t, cells)
    }

    /// The section's counts as cells of `t`, with their relations, for a chapter that
    /// publishes other counts from the same child-level data (the pathway section): one
    /// table, controlled once, so no count hidden in one section is shown in another.
    /// - Parameter end: the last day counted (a month's end), when the chapter fixes it;
    ///   else the end of the extract's last whole month.
    public func register(_ t: inout CountTable, end fixedEnd: CivilDate? = nil) -> LocalCells? {
        guard let latest = extract.lastDate, let first = extract.firstDate else { return nil }
        let end = fixedEnd ?? latest.lastWholeMonthEnd
        guard end >= first else { return nil }
        let current = end.censusYear
        let monthsSoFar = (end.components.month + 8) % 12 + 1
        func monthCount(_ y: Int, _ m: Int) -> Int {
            extract.daily.reduce(0) { total, entry in
                let (ey, em, _) = entry.key.components
                return ey == y && em == m ? total + entry.value : total
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
        for m in 0..<monthsSoFar {
            let calendarMonth = (m + 3) % 12 + 1
            let calendarYear = calendarMonth >= 4 ? current - 1 : current
            let label = "\(Self.shortMonths[calendarMonth - 1]) \(calendarYear % 100)"
            let cell = t.cell(monthCount(calendarYear, calendarMonth), label)
            ytdCells.append(cell)
            monthCells.append((label, cell))
        }
        let ytd = t.cell(ytdCells.reduce(0) { $0 + t.values[$1] }, "year to date")
        t.relate(ytdCells, total: ytd)
        // The same whole months a year earlier: a subset of last year's published months.
        let sameCells = Array(previousYearCells.prefix(monthsSoFar))
        let samePeriod = monthsSoFar == 12 ? previousYear : t.cell(sameCells.reduce(0) { $0 + t.values[$1] }, "same period a year earlier")
        if monthsSoFar < 12 { t.relate(sameCells, total: samePeriod) }
        // Breakdowns of the same whole months.
        let figures = extract.figures(census: current, months: monthsSoFar)
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
        for y in (current - 6)...current where first <= CivilDate.censusYearStart(y) && end >= CivilDate.censusYearEnd(y) {
            if y == current - 1 {
                reconcile.append((y, previousYear))
            } else if y == current {
                reconcile.append((y, ytd))
            } else {
                reconcile.append((y, t.cell(extract.figures(for: y).referrals, "referrals \(y)")))
            }
        }
        return LocalCells(current: current, end: end, latest: latest, ytd: ytd, samePeriod: samePeriod, monthCells: monthCells,
                          breakdowns: breakdownCells, reconcile: reconcile)
    }
}

/// The local section's cells in a ``CountTable``, before it is controlled.
public struct LocalCells: Sendable {
    var current: Int
    var end: CivilDate
    var latest: CivilDate
    /// Referrals in the year to date, and in the same months a year earlier.
    public var ytd: Int
    public var samePeriod: Int
    var monthCells: [(label: String, cell: Int)]
    var breakdowns: [(String, [(String, Int)])]
    var reconcile: [(Int, Int)]
}
