import Diagnostics
import ReferralExtract

extension PathwayFigures {
    /// The lists for a chapter: to `asAt` (a month's end), or to the end of the last whole month
    /// the lists reach (``defaultEnd(_:today:)``, explained in ``endNote``); and the same
    /// months a year earlier when any list reaches back that far.
    ///
    /// The folder is read once, for both periods at once. Without `asAt`, the end is first
    /// taken to be the end of the last whole month to `today`, and the read tells how far each list
    /// reaches: only when one stops short of it (a stale list) are the lists read again, to
    /// the end they reach.
    ///
    /// - Parameter today: the day of the build (tests fix it).
    public static func forChapter(_ path: String, options: PathwayOptions, asAt: CivilDate?, today: CivilDate = .today) throws -> (PathwayFigures, PathwayFigures?) {
        if let asAt, asAt != asAt.endOfMonth {
            throw Diagnostic(.error, at: nil, "as_at \(asAt) is not the last day of a month: the pathway section counts whole months, as the referral section does, so no part of a month can be worked out from the totals")
        }
        if let asAt, asAt > today { throw Diagnostic(.error, at: nil, "as_at \(asAt) is after today") }
        var options = options
        options.today = today
        let guess = asAt ?? today.lastWholeMonthEnd
        var read = try readBoth(path, end: guess, options: options)
        if asAt != nil { return read }
        let reaches = read.0.lists.values.compactMap { r in r.reach.map { (list: r.list, date: $0) } }.sorted { ($0.date, $0.list) < ($1.date, $1.list) }
        guard let latest = reaches.last else {
            throw Diagnostic(.error, at: .whole(path), "no dated rows in any Annex A list (lists 1, 3 to 8 are recognised by their headers)")
        }
        let end = defaultEnd(reaches, today: guess)
        if end.date != guess { read = try readBoth(path, end: end.date, options: options) }
        read.0.endNote = endNote(end: end.date, latest: latest, limiting: end.limiting, near: reaches.filter { $0.date < end.date && $0.date >= end.date.adding(days: -graceDays) })
        read.0.notes.append(Diagnostic(.note, at: .whole(path), read.0.endNote!))
        return read
    }

    /// A list whose last date falls this close before the end is taken to run to it: a list
    /// of plans or of children looked after often has no event in a month's last days.
    public static let graceDays = 14

    /// The end of the last whole month the lists reach: the latest list's, unless a list
    /// stops more than ``graceDays`` before that (a list extracted earlier), which then
    /// limits it; never after the last whole month to the day of the build.
    static func defaultEnd(_ reaches: [(list: PathwayList, date: CivilDate)], today: CivilDate) -> (date: CivilDate, limiting: (list: PathwayList, date: CivilDate)?) {
        let candidate = min(reaches.last!.date.lastWholeMonthEnd, today)
        guard let first = reaches.first, first.date < candidate.adding(days: -graceDays) else { return (candidate, nil) }
        return (min(first.date.lastWholeMonthEnd, candidate), first)
    }

    /// Why the section ends where it does, naming the list that decides it and the option
    /// that changes it (said in the terminal and in the chapter's notes).
    static func endNote(end: CivilDate, latest: (list: PathwayList, date: CivilDate), limiting: (list: PathwayList, date: CivilDate)?,
                        near: [(list: PathwayList, date: CivilDate)]) -> String {
        var note = "The pathway runs to \(end.longText), "
        if let limiting {
            note += "the end of the last whole month \(limiting.list.title) reaches: its last date is \(limiting.date.longText), while \(latest.list.title) reaches \(latest.date.longText)."
        } else {
            note += "the end of the last whole month the lists reach: the latest date is \(latest.date.longText), in \(latest.list.title)."
            let shortOf = near.filter { $0.date < end }.sorted { $0.list < $1.list }
            if !shortOf.isEmpty {
                let items = shortOf.map { "\($0.list.title) on \($0.date.longText)" }
                let list = items.count == 1 ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items.last!
                note += " The last date\(shortOf.count == 1 ? "" : "s") of \(list) \(shortOf.count == 1 ? "falls" : "fall") within \(graceDays) days of it, so \(shortOf.count == 1 ? "that list is" : "those lists are") taken to run to \(end.longText) too."
            }
        }
        return note + " Give --as-at (as_at: in jsna.yml) with another month's last day to choose the period."
    }

    /// The period to `end` and the same months a year earlier, in one read; the earlier
    /// only when a list reaches back to its start.
    static func readBoth(_ path: String, end: CivilDate, options: PathwayOptions) throws -> (PathwayFigures, PathwayFigures?) {
        let earlierEnd = end.oneYearBefore.endOfMonth
        let windows = [PathwayWindow(year: end.censusYear, asAt: end), PathwayWindow(year: earlierEnd.censusYear, asAt: earlierEnd)]
        let both = try read(folder: path, windows: windows, options: options)
        let current = both[0]
        let reachesBack = current.lists.values.contains { ($0.span?.lowerBound).map { $0 <= CivilDate.censusYearStart(earlierEnd.censusYear) } ?? false }
        return (current, reachesBack ? both[1] : nil)
    }
}
