/// Rank and quartile band among all local authorities, as LAIT computes them.
///
/// Values are ranked as published (rounded to the indicator's decimals), so ties are real
/// ties; tied authorities share the lowest rank (1, 2, 2, 4). Rank 1 is the best value
/// given the polarity; indicators with no polarity get neither rank nor band (LAIT shows
/// "-"). Bands come from R type-7 quartiles of all authorities' published values: A is the
/// best quarter, D the worst; a value on a quartile boundary falls in the better band.
public enum LAITRanking {
    public struct Position: Sendable, Hashable {
        public var rank: Int
        public var of: Int
        public var band: QuartileBand

        public init(rank: Int, of: Int, band: QuartileBand) {
            self.rank = rank
            self.of = of
            self.band = band
        }
    }

    public static func rank(_ values: [String: Double], places: Int, polarity: Polarity) -> [String: Position] {
        guard polarity != .none, !values.isEmpty else { return [:] }
        let shown = values.mapValues { Rounding.halfAwayFromZero($0, places: places) }
        let lowIsGood = polarity == .lowIsGood
        let ordered = shown.values.sorted(by: lowIsGood ? (<) : (>))
        let sorted = shown.values.sorted()
        let q = [0.25, 0.5, 0.75].map { Quantile.type7(sorted, $0) }
        var firstRank: [Double: Int] = [:]
        for (i, v) in ordered.enumerated() where firstRank[v] == nil { firstRank[v] = i + 1 }
        return shown.mapValues { v in
            let band: QuartileBand
            if lowIsGood {
                band = v <= q[0] ? .a : v <= q[1] ? .b : v <= q[2] ? .c : .d
            } else {
                band = v >= q[2] ? .a : v >= q[1] ? .b : v >= q[0] ? .c : .d
            }
            return Position(rank: firstRank[v]!, of: shown.count, band: band)
        }
    }
}

/// LAIT's quartile bands: A the best quarter given polarity, D the worst.
public enum QuartileBand: String, Sendable, Hashable, Comparable {
    case a = "A", b = "B", c = "C", d = "D"
    public static func < (x: QuartileBand, y: QuartileBand) -> Bool { x.rawValue < y.rawValue }
}

/// Sample quantiles.
public enum Quantile {
    /// R's default (type 7): linear interpolation between order statistics at (n − 1)p.
    /// `sorted` must be in ascending order and not empty.
    public static func type7(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty)
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
