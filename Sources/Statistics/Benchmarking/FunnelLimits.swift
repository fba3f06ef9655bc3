/// Funnel plot control limits for a rate: exact Poisson limits around a target rate
/// (England's) for an area of a given size, at 95% and 99.8%.
///
/// For an area with `denominator` children the expected count is E = target × n / multiplier;
/// the limits are the Poisson quantiles of E (as chi-square: χ²(α/2; 2E)/2 and
/// χ²(1 − α/2; 2E + 2)/2), divided back into rates.
public struct FunnelLimits: Sendable, Hashable {
    public var lower95: Double
    public var upper95: Double
    public var lower99_8: Double
    public var upper99_8: Double

    public enum Position: String, Sendable, Hashable {
        case above99_8 = "high (above 99.8% limit)"
        case above95 = "high (above 95% limit)"
        case within = "within limits"
        case below95 = "low (below 95% limit)"
        case below99_8 = "low (below 99.8% limit)"
    }

    public init(target: Double, denominator: Double, multiplier: Double) {
        let expected = target * denominator / multiplier
        func limits(_ level: ConfidenceLevel) -> (Double, Double) {
            let lower = expected > 0 ? Gamma.quantile(level.alpha / 2, shape: expected) : 0
            let upper = Gamma.quantile(1 - level.alpha / 2, shape: expected + 1)
            return (lower / denominator * multiplier, upper / denominator * multiplier)
        }
        (lower95, upper95) = limits(.percent95)
        (lower99_8, upper99_8) = limits(.percent99_8)
    }

    /// Where an observed count falls against the limits for its expected count, without
    /// computing the limits: O is above the upper limit at level L exactly when
    /// P(Gamma(E + 1) ≤ O) > 1 − α/2, and below the lower one when P(Gamma(E) ≤ O) < α/2.
    /// Same answer as ``classify(_:)``, a few gamma evaluations instead of four inversions.
    public static func position(count: Double, target: Double, denominator: Double, multiplier: Double) -> Position {
        let expected = target * denominator / multiplier
        let above = Gamma.cdf(count, shape: expected + 1)
        if above > 1 - ConfidenceLevel.percent99_8.alpha / 2 { return .above99_8 }
        if above > 1 - ConfidenceLevel.percent95.alpha / 2 { return .above95 }
        guard expected > 0 else { return .within }
        let below = Gamma.cdf(count, shape: expected)
        if below < ConfidenceLevel.percent99_8.alpha / 2 { return .below99_8 }
        if below < ConfidenceLevel.percent95.alpha / 2 { return .below95 }
        return .within
    }

    public func classify(_ rate: Double) -> Position {
        if rate > upper99_8 { return .above99_8 }
        if rate > upper95 { return .above95 }
        if rate < lower99_8 { return .below99_8 }
        if rate < lower95 { return .below95 }
        return .within
    }
}
