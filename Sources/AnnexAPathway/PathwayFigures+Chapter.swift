import Diagnostics
import ReferralExtract

extension PathwayFigures {
    /// The lists for a chapter: to `asAt` (a month's end), or to the end of the last whole month every
    /// list reaches; and the same months a year earlier when any list reaches back that far.
    ///
    /// - Parameter today: the day of the build (tests fix it).
    public static func forChapter(_ path: String, options: PathwayOptions, asAt: CivilDate?, today: CivilDate = .today) throws -> (PathwayFigures, PathwayFigures?) {
        if let asAt, asAt != asAt.endOfMonth {
            throw Diagnostic(.error, at: nil, "as_at \(asAt) is not the last day of a month: the pathway section counts whole months, as the referral section does, so no part of a month can be worked out from the totals")
        }
        let end: CivilDate
        if let asAt {
            end = asAt
        } else {
            // A first read over the year to today finds how far each list reaches.
            var scanning = options
            scanning.today = today
            let scan = try PathwayFigures.read(folder: path, year: today.censusYear, asAt: today, options: scanning)
            let reaches = scan.lists.values.compactMap { $0.span?.upperBound }
            guard let last = reaches.min() else {
                throw Diagnostic(.error, at: .whole(path), "no dated rows in any Annex A list (lists 1, 3 to 8 are recognised by their headers)")
            }
            end = last.lastWholeMonthEnd
        }
        guard end <= today else { throw Diagnostic(.error, at: nil, "as_at \(end) is after today") }
        var options = options
        options.today = today
        let current = try PathwayFigures.read(folder: path, year: end.censusYear, asAt: end, options: options)
        let earlierEnd = end.oneYearBefore.endOfMonth
        let reachesBack = current.lists.values.contains { ($0.span?.lowerBound).map { $0 <= CivilDate.censusYearStart(earlierEnd.censusYear) } ?? false }
        let earlier = reachesBack ? try PathwayFigures.read(folder: path, year: earlierEnd.censusYear, asAt: earlierEnd, options: options) : nil
        return (current, earlier)
    }
}
