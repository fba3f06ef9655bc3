import Indicators

/// The authority, its neighbours' mean, its region and England over recent years.
public struct ComparisonTable: Sendable {
    public enum Role: Sendable { case authority, interval, count, denominator, quality, neighbours, member, region, england }
    public struct Row: Sendable {
        public var label: String
        public var role: Role
        public var cells: [Shown]
    }
    public var caption: String
    public var unit: IndicatorUnit
    public var columns: [String]
    public var rows: [Row]
    /// Missing-value symbols in the table with what they mean, for a key under it.
    public var key: [String]

    public func row(_ role: Role) -> Row? { rows.first { $0.role == role } }
}
