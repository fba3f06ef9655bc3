/// Better or worse, for an indicator with a polarity and a significant difference.
public enum Assessment: String, Sendable, Hashable {
    case better, worse
}

/// What a comparison concluded: not tested (no interval), or higher, lower or similar
/// by Fingertips' rule, with better or worse where the indicator has a polarity.
///
///     Judgement(.lower, polarity: .lowIsGood)   // .tested(.lower, .better): "lower (better)"
public enum Judgement: Sendable, Hashable {
    case notTested
    case tested(Significance, Assessment?)

    public init(_ significance: Significance?, polarity: Polarity) {
        guard let significance else {
            self = .notTested
            return
        }
        self = .tested(significance, significance.assessment(polarity))
    }

    public var significance: Significance? {
        if case .tested(let s, _) = self { return s }
        return nil
    }

    public var assessment: Assessment? {
        if case .tested(_, let a) = self { return a }
        return nil
    }

    /// indicators.csv's cell: the words, or empty when not tested.
    public var csv: String { self == .notTested ? "" : words }

    /// "higher (worse)", "similar", "not tested": tables and spreadsheets.
    public var words: String {
        switch self {
        case .notTested: "not tested"
        case .tested(let s, let a): a.map { "\(s.rawValue) (\($0.rawValue))" } ?? s.rawValue
        }
    }
}
