import CSVReader
import ReferralExtract

/// The reporting window: 1 April of year − 1 to the end date E (the as-at date, or 31
/// March); snapshots are taken at E.
public struct PathwayWindow: Sendable {
    public let first: CivilDate
    public let last: CivilDate

    public init(year: Int, asAt: CivilDate?) {
        first = CivilDate.censusYearStart(year)
        last = asAt ?? CivilDate.censusYearEnd(year)
    }

    /// Whole months from 1 April to the last day (which must be a month's end to mean it).
    public var months: Int { (last.components.month + 8) % 12 + 1 }

    @inline(__always) func contains(_ d: CivilDate?) -> Bool { d.map { $0 >= first && $0 <= last } ?? false }

    /// Open at E: started on or before it, and not ended by then (an end that is not a date
    /// is no end). A row whose start is not a date is never open.
    @inline(__always) func isOpen(start: CivilDate?, end: CivilDate?) -> Bool {
        guard let start, start <= last else { return false }
        return end.map { $0 > last } ?? true
    }
}

/// One list's figures, accumulated a row at a time (each chunk of a list has its own,
/// merged in file order). `row.field(i)` and `row.date(i)` are the row's values for the
/// list's i-th column (``PathwayList/columns``).
protocol PathwaySection {
    init(window: PathwayWindow)
    mutating func add(_ row: PathwayRow)
    mutating func merge(_ other: Self)
    /// After every chunk is merged: work that needs them all (distinct children).
    mutating func resolve() throws
    var json: PythonJSON.Value { get }
}

extension PathwaySection {
    mutating func resolve() throws {}
}

/// How many pairs of dates are timed (both dates, the first not after the second), and how
/// many of those are at most `limit` working days apart.
struct Timeliness {
    let limit: Int
    var timed = 0, within = 0

    mutating func add(_ a: CivilDate?, _ b: CivilDate?) {
        guard let a, let b, let days = WorkingDays.between(a, b) else { return }
        timed += 1
        if days <= limit { within += 1 }
    }

    mutating func merge(_ o: Timeliness) {
        timed += o.timed
        within += o.within
    }
}

struct ContactsSection: PathwaySection {
    let window: PathwayWindow
    var contacts = 0
    var children = ChildSet()
    var bySource = LabelTally()
    var byMonth: IndexTally
    let firstMonth: Int

    init(window: PathwayWindow) {
        self.window = window
        let (y, m, _) = window.first.components
        firstMonth = y * 12 + m - 1
        let (ly, lm, _) = window.last.components
        byMonth = IndexTally(labels: (firstMonth...max(firstMonth, ly * 12 + lm - 1)).map { format4($0 / 12) + "-" + ($0 % 12 < 9 ? "0" : "") + String($0 % 12 + 1) })
    }

    mutating func add(_ row: PathwayRow) {
        guard let d = row.date(1), window.contains(d) else { return }
        contacts += 1
        children.add(row.field(0))
        bySource.add(Labels.sourceCode(row.field(2)))
        let (y, m, _) = d.components
        byMonth.add(y * 12 + m - 1 - firstMonth)
    }

    mutating func resolve() throws { try children.resolve() }

    mutating func merge(_ o: ContactsSection) {
        contacts += o.contacts
        children.merge(o.children)
        bySource.merge(o.bySource)
        byMonth.merge(o.byMonth)
    }

    var json: PythonJSON.Value {
        .object([("contacts", .int(contacts)), ("children", .int(children.count)), ("by_source", bySource.json), ("by_month", byMonth.json)])
    }
}

func format4(_ y: Int) -> String { String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y) }

struct AssessmentsSection: PathwaySection {
    let window: PathwayWindow
    var completed = 0, inNeed = 0, open = 0
    var timeliness = Timeliness(limit: 45)
    init(window: PathwayWindow) { self.window = window }

    mutating func add(_ row: PathwayRow) {
        let start = row.date(0), authorised = row.date(1)
        if window.isOpen(start: start, end: authorised) { open += 1 }
        guard window.contains(authorised) else { return }
        completed += 1
        if PathwayValues.isYes(row.field(2)) { inNeed += 1 }
        timeliness.add(start, authorised)
    }

    mutating func merge(_ o: Self) {
        completed += o.completed
        inNeed += o.inNeed
        open += o.open
        timeliness.merge(o.timeliness)
    }

    var json: PythonJSON.Value {
        .object([("completed", .int(completed)), ("timed", .int(timeliness.timed)), ("within_45_days", .int(timeliness.within)), ("in_need", .int(inNeed)), ("open", .int(open))])
    }
}

struct S47Section: PathwaySection {
    let window: PathwayWindow
    var enquiries = 0, icpcs = 0, toPlan = 0
    var timeliness = Timeliness(limit: 15)
    init(window: PathwayWindow) { self.window = window }

    mutating func add(_ row: PathwayRow) {
        let start = row.date(0), icpc = row.date(1)
        if window.contains(start) { enquiries += 1 }
        guard window.contains(icpc) else { return }
        icpcs += 1
        if PathwayValues.isYes(row.field(2)) { toPlan += 1 }
        timeliness.add(start, icpc)
    }

    mutating func merge(_ o: Self) {
        enquiries += o.enquiries
        icpcs += o.icpcs
        toPlan += o.toPlan
        timeliness.merge(o.timeliness)
    }

    var json: PythonJSON.Value {
        .object([("enquiries", .int(enquiries)), ("icpcs", .int(icpcs)), ("icpcs_timed", .int(timeliness.timed)),
                 ("icpcs_within_15_days", .int(timeliness.within)), ("icpcs_to_plan", .int(toPlan))])
    }
}

struct CINSection: PathwaySection {
    let window: PathwayWindow
    var open = 0, started = 0, closed = 0, disabled = 0
    var children = ChildSet()
    var byNeed = IndexTally(labels: PathwayValues.needs), byAge = IndexTally(labels: PathwayValues.ageBands)
    init(window: PathwayWindow) { self.window = window }

    mutating func add(_ row: PathwayRow) {
        let start = row.date(3), end = row.date(5)
        if window.contains(start) { started += 1 }
        if window.contains(end) { closed += 1 }
        guard window.isOpen(start: start, end: end) else { return }
        open += 1
        children.add(row.field(0))
        byNeed.add(PathwayValues.primaryNeed(row.field(4)))
        byAge.add(PathwayValues.ageBand(birth: row.date(1), at: window.last))
        if PathwayValues.isYes(row.field(2)) { disabled += 1 }
    }

    mutating func resolve() throws { try children.resolve() }

    mutating func merge(_ o: Self) {
        open += o.open
        started += o.started
        closed += o.closed
        disabled += o.disabled
        children.merge(o.children)
        byNeed.merge(o.byNeed)
        byAge.merge(o.byAge)
    }

    var json: PythonJSON.Value {
        .object([("open", .int(open)), ("open_children", .int(children.count)), ("started", .int(started)), ("closed", .int(closed)),
                 ("open_by_need", byNeed.json), ("open_by_age", byAge.json), ("open_disabled", .int(disabled))])
    }
}

struct CPPSection: PathwaySection {
    let window: PathwayWindow
    var open = 0, started = 0, subsequent = 0, previousUnknown = 0, twoYearsOpen = 0, ended = 0, twoYearsEnded = 0
    var startedByCategory = IndexTally(labels: PathwayValues.categories), openByCategory = IndexTally(labels: PathwayValues.categories)
    var openByAge = IndexTally(labels: PathwayValues.ageBands), openByGender = LabelTally()
    init(window: PathwayWindow) { self.window = window }

    mutating func add(_ row: PathwayRow) {
        let start = row.date(2), end = row.date(5)
        if window.contains(start) {
            started += 1
            if let previous = PathwayValues.wholeNumber(row.field(6)) { if previous >= 1 { subsequent += 1 } } else { previousUnknown += 1 }
            startedByCategory.add(PathwayValues.category(row.field(3)))
        }
        if window.isOpen(start: start, end: end) {
            open += 1
            openByCategory.add(PathwayValues.category(row.field(4)))
            openByAge.add(PathwayValues.ageBand(birth: row.date(0), at: window.last))
            openByGender.add(Labels.label(row.field(1)))
            if let start, window.last >= PathwayValues.twoYearsAfter(start) { twoYearsOpen += 1 }
        }
        if let start, let end, window.contains(end), start <= end {
            ended += 1
            if end >= PathwayValues.twoYearsAfter(start) { twoYearsEnded += 1 }
        }
    }

    mutating func merge(_ o: Self) {
        open += o.open
        started += o.started
        subsequent += o.subsequent
        previousUnknown += o.previousUnknown
        twoYearsOpen += o.twoYearsOpen
        ended += o.ended
        twoYearsEnded += o.twoYearsEnded
        startedByCategory.merge(o.startedByCategory)
        openByCategory.merge(o.openByCategory)
        openByAge.merge(o.openByAge)
        openByGender.merge(o.openByGender)
    }

    var json: PythonJSON.Value {
        .object([("open", .int(open)), ("started", .int(started)), ("started_subsequent", .int(subsequent)),
                 ("started_previous_unknown", .int(previousUnknown)), ("started_by_category", startedByCategory.json),
                 ("open_by_category", openByCategory.json), ("open_by_age", openByAge.json), ("open_by_gender", openByGender.json),
                 ("open_2_years_plus", .int(twoYearsOpen)), ("ended", .int(ended)), ("ended_2_years_plus", .int(twoYearsEnded))])
    }
}

struct CLASection: PathwaySection {
    let window: PathwayWindow
    var open = 0, started = 0, ceased = 0, uasc = 0
    var byAge = IndexTally(labels: PathwayValues.ageBands)
    init(window: PathwayWindow) { self.window = window }

    mutating func add(_ row: PathwayRow) {
        let start = row.date(2), end = row.date(3)
        if window.contains(start) { started += 1 }
        if window.contains(end) { ceased += 1 }
        guard window.isOpen(start: start, end: end) else { return }
        open += 1
        if PathwayValues.isYes(row.field(1)) { uasc += 1 }
        byAge.add(PathwayValues.ageBand(birth: row.date(0), at: window.last))
    }

    mutating func merge(_ o: Self) {
        open += o.open
        started += o.started
        ceased += o.ceased
        uasc += o.uasc
        byAge.merge(o.byAge)
    }

    var json: PythonJSON.Value {
        .object([("open", .int(open)), ("started", .int(started)), ("ceased", .int(ceased)), ("open_uasc", .int(uasc)), ("open_by_age", byAge.json)])
    }
}
