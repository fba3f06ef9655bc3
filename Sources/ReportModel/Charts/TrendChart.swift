/// A line chart of one indicator over time; drawn as SVG.
public struct TrendChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]
    }
    public var id: String
    public var title: String
    public var axisLabel: String
    public var periods: [String]
    public var series: [Series]
    /// The authority's 95% confidence interval per period, drawn as a band (nil: none).
    public var band: [ClosedRange<Double>?] = []
    /// The text alternative: what the chart shows, in words.
    public var description: String
    public var decimals: Int
}
