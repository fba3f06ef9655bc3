/// A published or computed number, or the typed reason it is missing.
///
/// DfE and ONS files write symbols instead of numbers (`c` confidential, `x` not available,
/// `z` not applicable, `u` low reliability, `low` rounds to zero, and the legacy `k`, `:`
/// and `..`). jsna never turns those into zero: they become ``Missing`` values, and any
/// figure computed from one is missing for the same reason.
///
///     let rate = Ratio.compute(numerator: .missing(.init(symbol: "c")!), denominator: .value(75_599), multiplier: 10_000)
///     rate.missing?.reason == .confidential   // true
public enum Figure: Sendable, Hashable {
    case value(Double)
    case missing(Missing)

    public var value: Double? {
        if case .value(let v) = self { return v }
        return nil
    }

    public var missing: Missing? {
        if case .missing(let m) = self { return m }
        return nil
    }

    /// The sum of several figures, or missing when any part is: a partial sum is never
    /// presented as the whole. Of several missing parts, the reason given is the one that
    /// matters most to a reader: suppression first (it hides a small number), then the
    /// others in ``MissingReason``'s order.
    ///
    ///     Figure.sum([.value(402), .value(44)])                          // .value(446)
    ///     Figure.sum([.value(402), .missing(Missing(symbol: "c")!)])     // missing, confidential
    public static func sum(_ parts: [Figure]) -> Figure {
        let missing = parts.compactMap(\.missing)
        if let first = missing.min(by: { MissingReason.allCases.firstIndex(of: $0.reason)! < MissingReason.allCases.firstIndex(of: $1.reason)! }) {
            return .missing(first)
        }
        return .value(parts.reduce(0) { $0 + ($1.value ?? 0) })
    }
}

/// Why a figure is missing, with the symbol the source used (or jsna's own for derived gaps).
public struct Missing: Sendable, Hashable {
    public var reason: MissingReason
    /// The symbol as written in the source (`c`, `x`, `low`, …), kept for the output's `status`.
    public var symbol: String

    public init(reason: MissingReason, symbol: String) {
        self.reason = reason
        self.symbol = symbol
    }

    /// Recognises a missing-value symbol (exactly as written; `Low`/`LOW` are accepted too).
    public init?(symbol: String) {
        guard let reason = MissingReason.bySymbol[symbol.lowercased()] else { return nil }
        self.init(reason: reason, symbol: symbol.lowercased())
    }

    /// No row for this area and year in the source.
    public static let notPublished = Missing(reason: .notPublished, symbol: "x")
    /// A denominator of zero: the figure cannot be computed.
    public static let zeroDenominator = Missing(reason: .zeroDenominator, symbol: "z")
}

/// The reasons a figure can be missing, each with the plain-English phrase the chapter uses.
public enum MissingReason: String, Sendable, Hashable, CaseIterable {
    case confidential
    case notAvailable
    case notApplicable
    case lowReliability
    case roundsToZero
    case notPublished
    case zeroDenominator

    static let bySymbol: [String: MissingReason] = [
        "c": .confidential, "x": .notAvailable, "z": .notApplicable, "u": .lowReliability,
        "low": .roundsToZero, "k": .roundsToZero, ":": .notAvailable, "..": .notAvailable,
    ]

    /// Every symbol a source may use for a missing value.
    public static var symbols: [String] { bySymbol.keys.sorted() }

    /// Completes "the figure was …" in a sentence.
    public var explanation: String {
        switch self {
        case .confidential: "suppressed to protect confidentiality"
        case .notAvailable: "not available"
        case .notApplicable: "not applicable"
        case .lowReliability: "withheld as of low reliability"
        case .roundsToZero: "too small to publish (rounds to zero)"
        case .notPublished: "not published for this area and year"
        case .zeroDenominator: "not calculable because the denominator is zero"
        }
    }
}
