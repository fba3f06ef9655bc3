/// Local government reorganisations visible in the CIN census files.
///
/// A series that crosses one is flagged, never joined: the successor's figures start in
/// ``firstCensusYear`` and the predecessor's end the year before, for different areas.
public struct BoundaryChange: Sendable, Hashable {
    /// First census year (year ending 31 March) in which the successors report.
    public var firstCensusYear: Int
    public var predecessors: [String]
    public var successors: [String]
    /// When the change took effect, for sentences ("April 2019").
    public var effective: String

    public static let known: [BoundaryChange] = [
        BoundaryChange(firstCensusYear: 2020, predecessors: ["835", "836", "837"], successors: ["838", "839"], effective: "April 2019"),
        BoundaryChange(firstCensusYear: 2022, predecessors: ["928"], successors: ["940", "941"], effective: "April 2021"),
        BoundaryChange(firstCensusYear: 2024, predecessors: ["909"], successors: ["942", "943"], effective: "April 2023"),
    ]

    /// The change an authority was part of, if any.
    public static func affecting(_ code: String) -> BoundaryChange? {
        known.first { $0.predecessors.contains(code) || $0.successors.contains(code) }
    }

    /// True when a run of census years for `code` spans this change.
    public func crosses(_ years: ClosedRange<Int>, for code: String) -> Bool {
        guard predecessors.contains(code) || successors.contains(code) else { return false }
        return years.lowerBound < firstCensusYear && years.upperBound >= firstCensusYear
    }

    public func isSuccessor(_ code: String) -> Bool { successors.contains(code) }

    /// False for a predecessor from the change on, and for a successor before it.
    public func existed(_ code: String, inCensusYear year: Int) -> Bool {
        if predecessors.contains(code) { return year < firstCensusYear }
        if successors.contains(code) { return year >= firstCensusYear }
        return true
    }
}
