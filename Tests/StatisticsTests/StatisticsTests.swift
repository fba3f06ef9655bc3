import TestSupport
import Testing

@testable import Statistics

@Suite struct RoundingTests {
    @Test func halfAwayFromZero() {
        #expect(Rounding.halfAwayFromZero(2.45, places: 1) == 2.5)
        #expect(Rounding.halfAwayFromZero(-2.45, places: 1) == -2.5)
        #expect(Rounding.halfAwayFromZero(0.05, places: 1) == 0.1)
        #expect(Rounding.halfAwayFromZero(503.0489, places: 1) == 503.0)
        #expect(Rounding.halfAwayFromZero(2.5, places: 0) == 3)
    }

    @Test func formatting() {
        #expect(Rounding.format(503.0489, places: 1) == "503.0")
        #expect(Rounding.format(0.04, places: 1) == "0.0")
        #expect(Rounding.format(-0.04, places: 1) == "0.0")
        #expect(Rounding.format(-1.25, places: 1) == "-1.3")
        #expect(Rounding.grouped(632_830, places: 0) == "632,830")
        #expect(Rounding.grouped(1234.5, places: 1) == "1,234.5")
        #expect(Rounding.format(15.24, places: 2) == "15.24")
        #expect(Rounding.format(7.05, places: 2) == "7.05")
    }
}

@Suite struct MissingValues {
    @Test(arguments: ["c", "x", "z", "u", "low", "k", ":", ".."])
    func everySymbolIsTyped(symbol: String) throws {
        let missing = try #require(Missing(symbol: symbol))
        #expect(missing.symbol == symbol)
        #expect(!missing.reason.explanation.isEmpty)
    }

    @Test func numbersAndBlanksAreNotSymbols() {
        #expect(Missing(symbol: "0") == nil)
        #expect(Missing(symbol: "") == nil)
        #expect(Missing(symbol: "n/a") == nil)
    }

    @Test func aRateFromASuppressedCountIsSuppressed() {
        let c = Missing(symbol: "c")!
        #expect(RatePer10k.rate(count: .missing(c), children: .value(75_599)) == .missing(c))
        let x = Missing(symbol: "x")!
        #expect(RatePer10k.rate(count: .value(10), children: .missing(x)) == .missing(x))
        #expect(RatePer10k.rate(count: .value(10), children: .value(0)) == .missing(.zeroDenominator))
    }

    @Test func boltonReferralRate() throws {
        let rate = try #require(RatePer10k.rate(count: .value(3_803), children: .value(75_599)).value)
        #expect(Rounding.format(rate, places: 1) == "503.0")
        #expect(RatePer10k.populationYear(forCensusYear: 2025) == 2024)
    }
}

@Suite struct NeighbourSummaryTests {
    @Test func meanDropsMissingAndReportsTheCount() {
        let c = Missing(symbol: "c")!
        let s = StatisticalNeighbourSummary(
            values: [.value(10.04), .value(20.06), .missing(c), .value(30.0)], places: 1)
        #expect(s.neighbours == 4)
        #expect(s.used == 3)
        #expect(s.mean == .value((10.0 + 20.1 + 30.0) / 3))
        #expect(s.median == .value(20.1))
        #expect(s.minimum == .value(10.0))
        #expect(s.maximum == .value(30.0))
        #expect(s.missingReasons == [.confidential])
    }

    @Test func evenCountMedianAndAllMissing() {
        let s = StatisticalNeighbourSummary(values: [.value(1), .value(2), .value(3), .value(10)], places: 1)
        #expect(s.median == .value(2.5))
        let c = Missing(symbol: "c")!
        let none = StatisticalNeighbourSummary(values: [.missing(c), .missing(c)], places: 1)
        #expect(none.used == 0)
        #expect(none.mean == .missing(c))
    }

    @Test func directionAtShownPrecision() {
        #expect(Direction.of(.value(503.04), against: .value(519.4), places: 1) == .lower)
        #expect(Direction.of(.value(503.04), against: .value(503.0), places: 1) == .same)
        #expect(Direction.of(.value(605.1), against: .value(605.0), places: 1) == .higher)
        #expect(Direction.of(.missing(.notPublished), against: .value(1), places: 1) == nil)
    }
}

/// Sums of published figures (ICPC duration bands, partnership members): a missing part
/// makes the whole missing, with the reason a reader most needs.
@Suite struct FigureSums {
    @Test func aMissingPartMakesTheSumMissing() {
        #expect(Figure.sum([.value(402), .value(44)]) == .value(446))
        let c = Missing(symbol: "c")!, x = Missing(symbol: "x")!
        #expect(Figure.sum([.value(402), .missing(c)]) == .missing(c))
        #expect(Figure.sum([.missing(x), .value(1), .missing(c)]) == .missing(c), "suppression is named before not available")
        #expect(Figure.sum([.missing(x), .missing(.notPublished)]).missing?.reason == .notAvailable)
        #expect(Figure.sum([]) == .value(0))
    }
}
