#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two confidence levels Fingertips uses.
public enum ConfidenceLevel: Sendable, Hashable, CaseIterable {
    case percent95
    case percent99_8

    /// Two-sided normal deviate: 1.959964 and 3.090232.
    public var z: Double { self == .percent95 ? 1.959964 : 3.090232 }
    /// 1 − level: 0.05 and 0.002.
    public var alpha: Double { self == .percent95 ? 0.05 : 0.002 }
    public var label: String { self == .percent95 ? "95%" : "99.8%" }
}

/// How an interval was computed; named in every output that shows one.
public enum IntervalMethod: String, Sendable {
    case byar = "Byar"
    case exactPoisson = "exact Poisson"
    case wilson = "Wilson score"
}

/// A confidence interval for a rate or percentage, in the indicator's units.
public struct ConfidenceInterval: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public var level: ConfidenceLevel
    public var method: IntervalMethod
    /// The count was rounded (England, regions: nearest 10) and the interval widened to
    /// cover every count that rounds to it.
    public var fromRoundedCount: Bool

    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    /// The same interval in other units (a part-year count scaled to a full year).
    public func scaled(by factor: Double) -> ConfidenceInterval {
        var c = self
        c.lower *= factor
        c.upper *= factor
        return c
    }

    /// Fingertips' standard error from a 95% interval: (upper − lower) / 3.92.
    public var standardError: Double { (upper - lower) / (2 * level.z) }
}

/// Intervals for rates built from counts (referrals per 10,000 children, …).
public enum PoissonInterval {
    /// Byar's approximation when the count is 10 or more, the exact Poisson interval below 10.
    ///
    ///     PoissonInterval.rate(count: 3000, denominator: 49_500, multiplier: 10_000, level: .percent95)
    ///     // 584.57 – 628.14, Byar
    ///
    /// - Parameter roundedTo: when DfE rounded the count (to the nearest 10), the interval
    ///   runs from the lower limit of the smallest count that rounds to it to the upper limit
    ///   of the largest, so it claims no more precision than the input has.
    public static func rate(count: Double, denominator: Double, multiplier: Double, level: ConfidenceLevel, roundedTo: Double? = nil) -> ConfidenceInterval? {
        guard count >= 0, denominator > 0 else { return nil }
        let half = (roundedTo ?? 0) / 2
        let low = limits(max(0, count - half), level)
        let high = limits(count + half, level)
        let method: IntervalMethod = count - half < 10 ? (count + half < 10 ? .exactPoisson : low.method) : .byar
        return ConfidenceInterval(
            lower: low.lower / denominator * multiplier, upper: high.upper / denominator * multiplier,
            level: level, method: method, fromRoundedCount: roundedTo != nil)
    }

    /// Limits for a count.
    static func limits(_ x: Double, _ level: ConfidenceLevel) -> (lower: Double, upper: Double, method: IntervalMethod) {
        if x >= 10 {
            let z = level.z
            let lower = x * pow(1 - 1 / (9 * x) - z / (3 * x.squareRoot()), 3)
            let upper = (x + 1) * pow(1 - 1 / (9 * (x + 1)) + z / (3 * (x + 1).squareRoot()), 3)
            return (lower, upper, .byar)
        }
        let lower = x > 0 ? Gamma.quantile(level.alpha / 2, shape: x) : 0
        let upper = Gamma.quantile(1 - level.alpha / 2, shape: x + 1)
        return (lower, upper, .exactPoisson)
    }
}

/// Wilson score intervals for percentages (re-referrals, subsequent plans, assessment factors).
///
///     WilsonInterval.percentage(60, of: 300, level: .percent95)  // 15.87% – 24.89%
public enum WilsonInterval {
    public static func percentage(_ successes: Double, of trials: Double, level: ConfidenceLevel, roundedTo: Double? = nil) -> ConfidenceInterval? {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        // With rounded counts, the widest interval any pair of true counts could give.
        let h = (roundedTo ?? 0) / 2
        let low = limits(max(0, successes - h), trials + h, level.z)
        let high = limits(min(successes + h, max(trials - h, 1)), max(trials - h, 1), level.z)
        return ConfidenceInterval(
            lower: low.lower * 100, upper: high.upper * 100, level: level, method: .wilson, fromRoundedCount: roundedTo != nil)
    }

    static func limits(_ s: Double, _ n: Double, _ z: Double) -> (lower: Double, upper: Double) {
        let p = min(1, s / n)
        let centre = p + z * z / (2 * n)
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        let scale = 1 + z * z / n
        // At 0 and n the limits are exactly 0 and 1 (rounding error must not exclude them).
        return (s <= 0 ? 0 : max(0, (centre - half) / scale), s >= n ? 1 : min(1, (centre + half) / scale))
    }
}
