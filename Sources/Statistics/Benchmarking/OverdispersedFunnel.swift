import Foundation

/// Funnel limits that allow for real variation between authorities, not only chance.
///
/// Spiegelhalter, "Funnel plots for comparing institutional performance" (Stat Med 2005),
/// additive random-effects method, as NHS-R's FunnelPlotR and NHS England use it. Each
/// authority's count is put on a variance-stabilised scale — rates: y = √(O/E) with
/// E = population × England's rate, s = 1/(2√E), target 1; percentages: y = asin √(x/n),
/// s = 1/(2√n), target asin √p₀ — and z = (y − target)/s. With z winsorised at its 10th and
/// 90th percentiles (R type 7), φ is the mean of z², and the between-authority variance is
///
///     τ² = 0 if nφ ≤ n − 1, else (nφ − (n − 1)) / (Σw − Σw²/Σw),  w = 1/s².
///
/// An authority's limits are target ± z·√(s² + τ²), back on the indicator's scale.
///
///     let funnel = OverdispersedFunnel(units, scale: .rate(england: 519.4 / 10_000, multiplier: 10_000))
///     funnel?.position(count: 3_803, denominator: 75_599)   // .within, when τ² is large
public struct OverdispersedFunnel: Sendable, Hashable {
    /// How a count and its denominator become a value, and the comparator.
    public enum Scale: Sendable, Hashable {
        /// A count over a population; `england` is England's count ÷ population (per child).
        case rate(england: Double, multiplier: Double)
        /// Part of a whole; `england` is England's numerator ÷ denominator (0 to 1).
        case percentage(england: Double)
    }

    /// One authority: its count and denominator (children, or the whole it is part of).
    public struct Unit: Sendable, Hashable {
        public var count: Double
        public var denominator: Double
        public init(count: Double, denominator: Double) {
            self.count = count
            self.denominator = denominator
        }
    }

    /// An authority's limits on the indicator's scale (per 10,000, or per cent) and where it falls.
    public struct Limits: Sendable, Hashable {
        public var lower95: Double, upper95: Double, lower99_8: Double, upper99_8: Double
        public var position: FunnelLimits.Position
    }

    public var scale: Scale
    /// The overdispersion ratio: 1 is pure chance; 227 means 227 times the variance chance gives.
    public var phi: Double
    /// The between-authority variance on the transformed scale (0: none beyond chance).
    public var tau2: Double

    /// nil when fewer than two authorities have a usable count and denominator, or the
    /// comparator is unusable (zero, or a percentage of 0 or 100).
    public init?(_ units: [Unit], scale: Scale) {
        self.scale = scale
        phi = 0
        tau2 = 0
        guard Self.usable(scale) else { return nil }
        let points = units.compactMap { self.transformed($0) }
        guard points.count >= 2 else { return nil }
        let z = points.map { ($0.y - target) / $0.s }
        let sorted = z.sorted()
        let low = Quantile.type7(sorted, 0.1), high = Quantile.type7(sorted, 0.9)
        let winsorised = z.map { min(max($0, low), high) }
        let n = Double(points.count)
        phi = winsorised.reduce(0) { $0 + $1 * $1 } / n
        let w = points.map { 1 / ($0.s * $0.s) }
        let sumW = w.reduce(0, +), sumW2 = w.reduce(0) { $0 + $1 * $1 }
        tau2 = n * phi <= n - 1 ? 0 : (n * phi - (n - 1)) / (sumW - sumW2 / sumW)
    }

    /// The same funnel without the between-authority term: limits for chance alone on the
    /// variance-stabilised scale (for percentages, the arcsine approximation to binomial limits).
    public var chanceAlone: OverdispersedFunnel {
        var f = self
        f.tau2 = 0
        return f
    }

    static func usable(_ scale: Scale) -> Bool {
        switch scale {
        case .rate(let theta, let multiplier): theta > 0 && multiplier > 0
        case .percentage(let p): p > 0 && p < 1
        }
    }

    /// The target on the transformed scale.
    public var target: Double {
        switch scale {
        case .rate: 1
        case .percentage(let p): asin(p.squareRoot())
        }
    }

    /// y and s for a unit; nil when it has no usable denominator.
    func transformed(_ u: Unit) -> (y: Double, s: Double)? {
        guard u.denominator > 0, u.count >= 0 else { return nil }
        switch scale {
        case .rate(let theta, _):
            let expected = u.denominator * theta
            return ((u.count / expected).squareRoot(), 1 / (2 * expected.squareRoot()))
        case .percentage:
            guard u.count <= u.denominator else { return nil }
            return (asin((u.count / u.denominator).squareRoot()), 1 / (2 * u.denominator.squareRoot()))
        }
    }

    /// Back to the indicator's scale: rates per `multiplier` (lower limit floored at 0),
    /// percentages per cent (within 0 to 100).
    func value(_ t: Double) -> Double {
        switch scale {
        case .rate(let theta, let multiplier): theta * max(t, 0) * max(t, 0) * multiplier
        case .percentage: pow(sin(min(max(t, 0), Double.pi / 2)), 2) * 100
        }
    }

    /// The 95% and 99.8% limits for an authority of this size (children, or the whole a
    /// percentage is of): what the funnel chart draws. nil for a size of zero.
    public func bounds(denominator: Double) -> (lower95: Double, upper95: Double, lower99_8: Double, upper99_8: Double)? {
        guard let spread = spread(denominator) else { return nil }
        let z95 = ConfidenceLevel.percent95.z, z998 = ConfidenceLevel.percent99_8.z
        return (value(target - z95 * spread), value(target + z95 * spread), value(target - z998 * spread), value(target + z998 * spread))
    }

    /// √(s² + τ²) on the transformed scale, with s = 1/(2√E) for rates, 1/(2√n) for percentages.
    func spread(_ denominator: Double) -> Double? {
        guard denominator > 0 else { return nil }
        let s: Double
        switch scale {
        case .rate(let theta, _): s = 1 / (2 * (denominator * theta).squareRoot())
        case .percentage: s = 1 / (2 * denominator.squareRoot())
        }
        return (s * s + tau2).squareRoot()
    }

    /// One authority's limits and position; nil when its denominator is unusable.
    public func limits(count: Double, denominator: Double) -> Limits? {
        guard let point = transformed(Unit(count: count, denominator: denominator)),
            let spread = spread(denominator), let b = bounds(denominator: denominator)
        else { return nil }
        let z95 = ConfidenceLevel.percent95.z, z998 = ConfidenceLevel.percent99_8.z
        let d = point.y - target
        let position: FunnelLimits.Position =
            d > z998 * spread ? .above99_8 : d > z95 * spread ? .above95
            : d < -z998 * spread ? .below99_8 : d < -z95 * spread ? .below95 : .within
        return Limits(lower95: b.lower95, upper95: b.upper95, lower99_8: b.lower99_8, upper99_8: b.upper99_8, position: position)
    }
}
