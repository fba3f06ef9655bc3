import Diagnostics
import ReferralExtract

extension PathwayFigures {
    /// The lists for a chapter: to `asAt` (a month's end), or to the end of the last whole month every
    /// list reaches; and the same months a year earlier when any list reaches back that far.
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
        let read = try readBoth(path, end: guess, options: options)
        if asAt != nil { return read }
        let reaches = read.0.lists.values.compactMap { $0.reach }
        guard let last = reaches.min() else {
            throw Diagnostic(.error, at: .whole(path), "no dated rows in any Annex A list (lists 1, 3 to 8 are recognised by their headers)")
        }
        let end = min(last.lastWholeMonthEnd, guess)
        return end == guess ? read : try readBoth(path, end: end, options: options)
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
