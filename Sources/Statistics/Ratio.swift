/// Rates and percentages: count ÷ denominator × multiplier, carrying missing reasons.
///
/// Rates per 10,000 children use multiplier 10,000 and the ONS 0–17 estimate for the
/// middle of the year before the census year (see ``RatePer10k``); percentages use 100.
public enum Ratio {
    /// The numerator's missing reason wins over the denominator's; a zero denominator is
    /// ``Missing/zeroDenominator``. Full precision: round only to show.
    public static func compute(numerator: Figure, denominator: Figure, multiplier: Double) -> Figure {
        switch (numerator, denominator) {
        case (.missing(let m), _), (_, .missing(let m)):
            return .missing(m)
        case (.value(let n), .value(let d)):
            guard d != 0 else { return .missing(.zeroDenominator) }
            return .value(n / d * multiplier)
        }
    }
}

/// A rate per 10,000 children aged 0–17.
///
///     RatePer10k.rate(count: .value(3_803), children: .value(75_599))  // .value(503.0489…)
public enum RatePer10k {
    public static let multiplier = 10_000.0

    public static func rate(count: Figure, children: Figure) -> Figure {
        Ratio.compute(numerator: count, denominator: children, multiplier: multiplier)
    }

    /// Census year Y (year ending 31 March Y) uses the population at mid-(Y − 1).
    public static func populationYear(forCensusYear year: Int) -> Int { year - 1 }
}
