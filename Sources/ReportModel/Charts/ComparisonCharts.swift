import Indicators
import Statistics

/// Bars for the authority and its statistical neighbours in one year, with England's value
/// and the neighbours' mean as reference lines.
public struct NeighbourChart: Sendable {
    public struct Bar: Sendable {
        public var name: String
        public var value: Double?
        /// The missing-value symbol when there is no value.
        public var symbol: String
        public var isAuthority: Bool
        /// The count behind the value (its symbol when suppressed).
        public var count: Shown = .absent
    }
    public var id: String
    public var title: String
    public var axisLabel: String
    public var bars: [Bar]
    public var england: Double?
    public var neighbourMean: Double?
    public var decimals: Int
    public var description: String
    /// What the counts count: "Referrals".
    public var countLabel = "Count"
    /// How the chart names its subject beside its name: "this authority", "this partnership".
    public var subjectLabel = "this authority"
}

/// Every authority's rate against its number of children, with limits around England's
/// rate: exact Poisson (chance alone) and overdispersion-adjusted (chance and the variation
/// between authorities).


public struct FunnelChart: Sendable {
    public enum Role: Sendable { case authority, neighbour, other }
    public struct Point: Sendable {
        public var name: String
        public var children: Double
        public var rate: Double
        /// The count behind the rate.
        public var count: Double = 0
        public var role: Role
        /// Against the Poisson limits (chance alone).
        public var position: FunnelLimits.Position?
        /// Against the overdispersion-adjusted limits.
        public var adjustedPosition: FunnelLimits.Position?
    }
    public var id: String
    public var title: String
    public var axisLabel: String
    public var target: Double
    public var points: [Point]
    /// Poisson limits: (children, lower 95%, upper 95%, lower 99.8%, upper 99.8%), in increasing children.
    public var limits: [(Double, Double, Double, Double, Double)]
    /// The same, allowing for variation between authorities; empty when not estimated.
    public var adjusted: [(Double, Double, Double, Double, Double)]
    public var decimals: Int
    public var description: String
    /// The top of the value axis when one or a few authorities lie far above the rest
    /// (beyond the upper quartile plus three interquartile ranges): they are drawn as
    /// markers at the top edge and listed in the chart's table with their values.
    public var axisMaximum: Double?
    /// Column titles for the count and the denominator: "Referrals", "Children".
    public var countLabel = "Count"
    public var sizeLabel = "Children"
    /// How the chart names its subject: "this authority", "this partnership".
    public var subjectLabel = "this authority"
}

/// All indicators at a glance: the authority against the spread of all authorities.
public struct SpineChart: Sendable {
    public struct Row: Sendable {
        public var title: String
        public var unit: IndicatorUnit
        public var value: Double
        public var england: Double?
        public var lowest: Double, q1: Double, median: Double, q3: Double, highest: Double
        /// The figure's verdicts (``Verdict``): the marker and every verdict column.
        public var verdict: Verdict
        /// Fingertips' interval test against England (chance alone), for the appendix's full table.
        public var englandChanceAlone: Judgement
        public var decimals: Int
        /// The count behind the value (its symbol when suppressed).
        public var count: Shown = .absent
        /// The region's value and the statistical neighbours' average, for the table.
        public var region: Double?
        public var neighbours: Double?
    }
    public var title: String
    public var rows: [Row]
    public var description: String
    /// The chart's file name: `spine` for the pathway, `factors` for assessment factors.
    public var id = "spine"
    /// The column heading for the subject's values: its name.
    public var subject = "This authority"
}
