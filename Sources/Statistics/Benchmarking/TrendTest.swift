/// A five-year trend test that allows for year-to-year variation.
///
/// The five most recent points are fitted by weighted least squares (weights 1/SE², SE from
/// each 95% interval as (upper − lower)/3.92). Sampling error alone (Fingertips' test) says the
/// slope is significant when χ² = (slope/SE of slope)² exceeds 9.5495, the 99.8% point of χ²
/// with one degree of freedom. Year-to-year variation in children's social care is usually
/// several times what sampling error gives (a median residual χ²/df of about 8 for rates), so
/// the test used for every verdict scales the slope's variance by the residual dispersion
/// about the fitted line, as quasi-likelihood does:
///
///     φ = Σ wᵢ (yᵢ − ŷᵢ)² / (n − 2),   χ²_scaled = χ² / max(1, φ)
///
/// In both, the slope must also keep its sign when each point is left out in turn.
///
///     let outcome = TrendTest.test(points)
///     outcome.result        // allowing for year-to-year variation: what the chapter says
///     outcome.chanceAlone   // Fingertips' result, kept in indicators.csv
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

        /// True for a significant rise or fall.
        public var isSignificant: Bool { self == .increasing || self == .decreasing }
    }

    /// Both results of one series and the dispersion that separates them.
    public struct Outcome: Sendable, Hashable {
        /// Allowing for year-to-year variation (the slope's variance × max(1, φ)).
        public var result: Result
        /// Sampling error alone (Fingertips' trend test).
        public var chanceAlone: Result
        /// φ, the residual χ² about the fitted line over its degrees of freedom; nil when not fitted.
        public var dispersion: Double?

        public init(result: Result, chanceAlone: Result, dispersion: Double? = nil) {
            self.result = result
            self.chanceAlone = chanceAlone
            self.dispersion = dispersion
        }

        /// The same result both ways (a series that cannot be tested).
        public static func same(_ result: Result) -> Outcome { Outcome(result: result, chanceAlone: result) }
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

    /// The trend allowing for year-to-year variation: what every verdict uses.
    public static func evaluate(_ series: [Point]) -> Result { test(series).result }

    /// Tests the most recent five of `series` (consecutive years expected), both ways.
    public static func test(_ series: [Point]) -> Outcome {
        let recent = Array(series.sorted { $0.year < $1.year }.suffix(points))
        guard recent.count == points else { return .same(.cannotBeCalculated("fewer than \(points) points")) }
        guard recent.last!.year - recent.first!.year == points - 1 else { return .same(.cannotBeCalculated("the years are not consecutive")) }
        guard recent.allSatisfy({ $0.standardError > 0 }) else { return .same(.cannotBeCalculated("a point has no interval")) }
        guard let fit = slope(recent) else { return .same(.cannotBeCalculated("the points cannot be fitted")) }
        let chi = (fit.slope / fit.standardError) * (fit.slope / fit.standardError)
        var stable = true
        for i in recent.indices {
            var rest = recent
            rest.remove(at: i)
            guard let s = slope(rest), s.slope.sign == fit.slope.sign, s.slope != 0 else {
                stable = false
                break
            }
        }
        let direction: Result = fit.slope > 0 ? .increasing : .decreasing
        let verdict = { (statistic: Double) in stable && statistic > criticalValue ? direction : Result.noSignificantChange }
        return Outcome(result: verdict(chi / max(1, fit.dispersion)), chanceAlone: verdict(chi), dispersion: fit.dispersion)
    }

    /// Weighted least-squares slope, its standard error from the weights alone (sampling
    /// error), and the dispersion φ of the points about the line (1 when there are only two).
    static func slope(_ points: [Point]) -> (slope: Double, standardError: Double, dispersion: Double)? {
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
        let b = sxy / sxx
        var residual = 0.0
        for (wi, p) in zip(w, points) {
            let r = p.value - (yBar + b * (Double(p.year) - xBar))
            residual += wi * r * r
        }
        let df = points.count - 2
        return (b, (1 / sxx).squareRoot(), df > 0 ? residual / Double(df) : 1)
    }
}
