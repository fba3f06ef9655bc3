import ReferralExtract

/// Reads one list's rows into its sections (one per period asked for) and its checks: each
/// row's needed fields are picked out (stripped), its dates read once in the list's format,
/// the checks counted, and the row handed to each section. Fed by the CSV reader (one per chunk of the file)
/// or by the workbook reader; chunks are merged in file order.
final class ListAccumulator<S: PathwaySection> {
    let list: PathwayList
    let format: DateFormat
    var sections: [S]
    var checks = ListChecks()
    private let fields: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>
    private let days: UnsafeMutableBufferPointer<Int32>
    private let dateColumns: [Int]
    private let endColumns: [Bool]
    private let pairs: [(start: Int, end: Int)]
    private let childID: Int?
    /// The date columns that are events (not dates of birth): they say what period the list covers.
    private let eventColumns: [Bool]
    private let reachColumn: Int
    private let earliest = CivilDate(year: 1990, month: 1, day: 1)!
    private let today: CivilDate

    init(list: PathwayList, windows: [PathwayWindow], format: DateFormat, today: CivilDate) {
        self.list = list
        self.format = format
        self.today = today
        sections = windows.map { S(window: $0) }
        let n = list.columns.count
        fields = .allocate(capacity: n)
        fields.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0))
        days = .allocate(capacity: n)
        days.initialize(repeating: .min)
        dateColumns = list.dateColumns
        let ends = list.endColumns
        endColumns = (0..<n).map { ends.contains($0) }
        pairs = list.datePairs
        childID = list.childIDColumn
        eventColumns = list.columns.map { $0.lowercased().contains("date") && $0 != "Date of Birth" }
        reachColumn = list.reachColumn
    }

    deinit {
        fields.deallocate()
        days.deallocate()
    }

    /// One data row: `field(i)` is the row's bytes for the list's i-th column, unstripped
    /// (blank where the row is short); `line` is where the row starts.
    @inline(__always)
    func add(line: Int, _ field: (Int) -> UnsafeBufferPointer<UInt8>) {
        checks.rows += 1
        for i in 0..<fields.count { fields[i] = PathwayValues.stripped(field(i)) }
        for c in dateColumns {
            let f = fields[c]
            guard !f.isEmpty else {
                days[c] = .min
                if !endColumns[c] { checks.count(.blank, column: c, line: line) }
                continue
            }
            guard let d = read(f) else {
                days[c] = .min
                checks.count(.notADate, column: c, line: line)
                continue
            }
            days[c] = d.dayNumber
            if d < earliest {
                checks.count(.early, column: c, line: line)
            } else if d > today {
                checks.count(.late, column: c, line: line)
            } else if eventColumns[c] {
                if c == reachColumn { checks.earliest = min(checks.earliest, d.dayNumber) }
                checks.latest = max(checks.latest, d.dayNumber)
            }
        }
        for (start, end) in pairs where days[start] != .min && days[end] != .min && days[end] < days[start] {
            checks.count(.beforeStart, column: end, line: line)
        }
        if let childID, fields[childID].isEmpty { checks.count(.childIDBlank, column: childID, line: line) }
        let row = PathwayRow(fields: fields, days: days)
        for i in sections.indices { sections[i].add(row) }
    }

    /// A non-blank value in the list's format (year at least 1, as the peers read it),
    /// voting on the format as it goes.
    @inline(__always)
    private func read(_ f: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        checks.votes.dates += 1
        if let parts = DateFormat.dayMonthYear.parseParts(f), parts.year >= 1 {
            checks.votes.dayMonthYear += 1
            if parts.day > 12 { checks.votes.dayAbove12 += 1 }
            return format == .dayMonthYear ? parts.date : (format == .monthDayYear && parts.day <= 12 ? CivilDate(year: parts.year, month: parts.day, day: parts.month) : nil)
        }
        if let parts = DateFormat.iso.parseParts(f), parts.year >= 1 {
            checks.votes.iso += 1
            return format == .iso ? parts.date : nil
        }
        if let parts = DateFormat.monthDayYear.parseParts(f), parts.year >= 1 {
            checks.votes.monthDayYear += 1
            return format == .monthDayYear ? parts.date : nil
        }
        return nil
    }

    /// Adds a later chunk, its lines moved on by `lineOffset`.
    func merge(_ other: ListAccumulator<S>, lineOffset: Int) {
        for i in sections.indices { sections[i].merge(other.sections[i]) }
        checks.merge(other.checks, lineOffset: lineOffset)
    }
}
