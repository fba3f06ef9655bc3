/// The statistical neighbours' figures for one indicator and year, summarised as LAIT
/// and DfE's children's social care dashboard do.
///
/// LAIT's statistical neighbour average is the mean of the neighbours' values as
/// published (rounded to the indicator's decimals) that exist; missing ones are dropped
/// and the number used is reported. The dashboard shows the median as well.
public struct StatisticalNeighbourSummary: Sendable, Equatable {
    /// How many neighbours the authority has (usually 10).
    public var neighbours: Int
    /// How many had a value.
    public var used: Int
    /// How many had a value above zero (to tell a recording zero from a real one).
    public var aboveZero: Int
    public var mean: Figure
    public var median: Figure
    public var minimum: Figure
    public var maximum: Figure
    /// Why the dropped neighbours were missing, most common first.
    public var missingReasons: [MissingReason]

    /// - Parameters:
    ///   - values: each neighbour's figure at full precision.
    ///   - places: the indicator's published decimals; values are rounded to them first.
    public init(values: [Figure], places: Int) {
        neighbours = values.count
        let present = values.compactMap(\.value).map { Rounding.halfAwayFromZero($0, places: places) }.sorted()
        used = present.count
        aboveZero = present.filter { $0 > 0 }.count
        var reasonCounts: [MissingReason: Int] = [:]
        for case .missing(let m) in values { reasonCounts[m.reason, default: 0] += 1 }
        missingReasons = reasonCounts.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }.map(\.key)
        guard !present.isEmpty else {
            let reason = values.compactMap(\.missing).first ?? .notPublished
            mean = .missing(reason)
            median = .missing(reason)
            minimum = .missing(reason)
            maximum = .missing(reason)
            return
        }
        mean = .value(present.reduce(0, +) / Double(present.count))
        let mid = present.count / 2
        median = .value(present.count % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2)
        minimum = .value(present[0])
        maximum = .value(present[present.count - 1])
    }
}
