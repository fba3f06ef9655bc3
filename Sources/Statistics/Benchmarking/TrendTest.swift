/// Fingertips' test for a five-year trend.
///
/// The five most recent points are fitted by weighted least squares (weights 1/SE², SE from
/// each 95% interval as (upper − lower)/3.92). The trend is significant when
/// χ² = (slope/SE of slope)² exceeds 9.5495 (the 99.8% point of χ² with one degree of
/// freedom) and the slope keeps its sign when each point is left out in turn.
public enum TrendTest {
    public static let criticalValue = 9.5495
    public static let points = 5

    public enum Result: Sendable, Hashable {
        case increasing
        case decreasing
        case noSignificantChange
        case cannotBeCalculated(String)

        public var label: String {
            switch self {
            case .increasing: "increasing"
            case .decreasing: "decreasing"
            case .noSignificantChange: "no significant change"
            case .cannotBeCalculated: "cannot be calculated"
            }
        }
    }

    public struct Point: Sendable, Hashable {
        public var year: Int
        public var value: Double
        public var standardError: Double
        public init(year: Int, value: Double, standardError: Double) {
            self.year = year
            self.value = value
            self.standardError = standardError
        }
    }

    /// Tests the most recent five of `series` (consecutive years expected).
    public static func evaluate(_ series: [Point]) -> Result {
        let recent = Array(series.sorted { $0.year < $1.year }.suffix(points))
        guard recent.count == points else { return .cannotBeCalculated("fewer than \(points) points") }
        guard recent.last!.year - recent.first!.year == points - 1 else { return .cannotBeCalculated("the years are not consecutive") }
        guard recent.allSatisfy({ $0.standardError > 0 }) else { return .cannotBeCalculated("a point has no interval") }
        guard let fit = slope(recent) else { return .cannotBeCalculated("the points cannot be fitted") }
        let chi = (fit.slope / fit.standardError) * (fit.slope / fit.standardError)
        guard chi > criticalValue else { return .noSignificantChange }
        for i in recent.indices {
            var rest = recent
            rest.remove(at: i)
            guard let s = slope(rest), s.slope.sign == fit.slope.sign, s.slope != 0 else { return .noSignificantChange }
        }
        return fit.slope > 0 ? .increasing : .decreasing
    }

    /// Weighted least-squares slope and its standard error.
    static func slope(_ points: [Point]) -> (slope: Double, standardError: Double)? {
        let w = points.map { 1 / ($0.standardError * $0.standardError) }
        let sw = w.reduce(0, +)
        let xBar = zip(w, points).reduce(0) { $0 + $1.0 * Double($1.1.year) } / sw
        let yBar = zip(w, points).reduce(0) { $0 + $1.0 * $1.1.value } / sw
        var sxx = 0.0, sxy = 0.0
        for (wi, p) in zip(w, points) {
            let dx = Double(p.year) - xBar
            sxx += wi * dx * dx
            sxy += wi * dx * (p.value - yBar)
        }
        guard sxx > 0 else { return nil }
        return (sxy / sxx, (1 / sxx).squareRoot())
    }
}
