#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The gamma distribution (scale 1) and, through it, chi-square: what exact Poisson
/// intervals and funnel limits need.
///
///     Gamma.quantile(0.975, shape: 5)       // 10.2418…  (= χ²(0.975; 10) / 2)
///     ChiSquare.quantile(0.975, degreesOfFreedom: 10)  // 20.4832…
public enum Gamma {
    /// The regularised lower incomplete gamma function P(a, x) = Pr(X ≤ x) for X ~ Gamma(a, 1).
    public static func cdf(_ x: Double, shape a: Double) -> Double {
        precondition(a > 0, "shape must be positive")
        guard x > 0 else { return 0 }
        if x < a + 1 { return lowerSeries(x, a) }
        return 1 - upperContinuedFraction(x, a)
    }

    /// The x with P(a, x) = p, to about 1e-12 relative precision.
    public static func quantile(_ p: Double, shape a: Double) -> Double {
        precondition(p >= 0 && p < 1, "p must be in [0, 1)")
        precondition(a > 0, "shape must be positive")
        guard p > 0 else { return 0 }
        var lo = 0.0, hi = max(1.0, 2 * a)
        while cdf(hi, shape: a) < p { lo = hi; hi *= 2 }
        var x = (lo + hi) / 2
        for _ in 0..<200 {
            let f = cdf(x, shape: a) - p
            if f == 0 { return x }
            if f < 0 { lo = x } else { hi = x }
            let density = exp(-x + (a - 1) * log(x) - lgamma(a))
            var next = density > 0 ? x - f / density : (lo + hi) / 2
            if !(next > lo && next < hi) { next = (lo + hi) / 2 }
            if abs(next - x) <= 1e-14 * max(1, x) { return next }
            x = next
        }
        return x
    }

    private static func lowerSeries(_ x: Double, _ a: Double) -> Double {
        var term = 1 / a, sum = term, n = a
        for _ in 0..<10_000 {
            n += 1
            term *= x / n
            sum += term
            if abs(term) < abs(sum) * 1e-16 { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    /// Q(a, x) by Lentz's continued fraction.
    private static func upperContinuedFraction(_ x: Double, _ a: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}

/// Chi-square quantiles: χ²(p; k) = 2 × Gamma quantile(p, shape k/2).
public enum ChiSquare {
    public static func quantile(_ p: Double, degreesOfFreedom k: Double) -> Double {
        2 * Gamma.quantile(p, shape: k / 2)
    }
}
