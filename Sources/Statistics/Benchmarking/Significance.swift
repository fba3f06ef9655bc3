/// The Fingertips comparison: is the benchmark's value inside the area's 95% interval?
///
///     Significance.compare(ci, with: 519.4)   // .lower when 519.4 lies above the interval
public enum Significance: String, Sendable, Hashable {
    /// The area's interval lies wholly above the benchmark.
    case higher
    /// The area's interval lies wholly below the benchmark.
    case lower
    /// The benchmark lies inside the area's interval: no significant difference.
    case similar

    public static func compare(_ interval: ConfidenceInterval, with benchmark: Double) -> Significance {
        if benchmark < interval.lower { return .higher }
        if benchmark > interval.upper { return .lower }
        return .similar
    }

    /// Better or worse for indicators with a polarity; nil otherwise or when similar.
    public func assessment(_ polarity: Polarity) -> Assessment? {
        switch (self, polarity) {
        case (.similar, _), (_, .none): nil
        case (.higher, .highIsGood), (.lower, .lowIsGood): .better
        default: .worse
        }
    }

    /// "lower (better)", "higher", "similar": the wording used in tables and CSV.
    public func label(_ polarity: Polarity) -> String { Judgement(self, polarity: polarity).words }
}
