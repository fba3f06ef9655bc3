import Testing

@testable import Statistics

@Suite struct SignificanceTests {
    let ci = ConfidenceInterval(lower: 487.19, upper: 519.30, level: .percent95, method: .byar, fromRoundedCount: false)

    @Test func fingertipsRule() {
        #expect(Significance.compare(ci, with: 519.44) == .lower)
        #expect(Significance.compare(ci, with: 500) == .similar)
        #expect(Significance.compare(ci, with: 487.19) == .similar)
        #expect(Significance.compare(ci, with: 480) == .higher)
    }

    @Test func polarityWording() {
        #expect(Significance.lower.label(.lowIsGood) == "lower (better)")
        #expect(Significance.higher.label(.lowIsGood) == "higher (worse)")
        #expect(Significance.higher.label(.highIsGood) == "higher (better)")
        #expect(Significance.lower.label(.none) == "lower")
        #expect(Significance.similar.label(.lowIsGood) == "similar")
    }
}

/// LAIT's rules on twelve hand-made authorities, with ties and missing values.
@Suite struct LAITRules {
    // Published at 1 dp: 10.0, 12.0, 12.0, 12.0, 15.0, 18.0, 20.0, 20.0, 25.0, 30.0 (two missing).
    let values: [String: Double] = [
        "a": 10.04, "b": 11.96, "c": 12.0, "d": 12.04, "e": 15.0, "f": 18.0,
        "g": 19.95, "h": 20.0, "i": 25.0, "j": 30.0,
    ]

    @Test func lowIsGoodRanksAndTies() throws {
        let r = LAITRanking.rank(values, places: 1, polarity: .lowIsGood)
        #expect(r.count == 10)
        #expect(r["a"]?.rank == 1)
        #expect([r["b"]?.rank, r["c"]?.rank, r["d"]?.rank] == [2, 2, 2])
        #expect(r["e"]?.rank == 5)
        #expect(r["g"]?.rank == 7 && r["h"]?.rank == 7)
        #expect(r["j"]?.rank == 10)
        #expect(r.values.allSatisfy { $0.of == 10 })
    }

    @Test func quartileBandsAreRType7() throws {
        // Sorted: 10,12,12,12,15,18,20,20,25,30 → Q1 = 12, Q2 = 16.5, Q3 = 20.
        let sorted = values.values.map { Rounding.halfAwayFromZero($0, places: 1) }.sorted()
        #expect(Quantile.type7(sorted, 0.25) == 12)
        #expect(Quantile.type7(sorted, 0.5) == 16.5)
        #expect(Quantile.type7(sorted, 0.75) == 20)
        let r = LAITRanking.rank(values, places: 1, polarity: .lowIsGood)
        #expect(["a", "b", "c", "d"].map { r[$0]?.band } == [.a, .a, .a, .a])
        #expect(["e"].map { r[$0]?.band } == [.b])
        #expect(["f", "g", "h"].map { r[$0]?.band } == [.c, .c, .c])
        #expect(["i", "j"].map { r[$0]?.band } == [.d, .d])
        let high = LAITRanking.rank(values, places: 1, polarity: .highIsGood)
        #expect(high["j"]?.rank == 1 && high["j"]?.band == .a)
        #expect(high["g"]?.rank == 3 && high["g"]?.band == .a)
        #expect(high["a"]?.rank == 10 && high["a"]?.band == .d)
    }

    @Test func noPolarityNoRank() {
        #expect(LAITRanking.rank(values, places: 1, polarity: .none).isEmpty)
    }

    @Test func rankAndBandAgree() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var v: [String: Double] = [:]
            for i in 0..<Int.random(in: 1...160, using: &rng) { v["\(i)"] = Double(Int.random(in: 0...400, using: &rng)) / 10 }
            for polarity in [Polarity.lowIsGood, .highIsGood] {
                let r = LAITRanking.rank(v, places: 1, polarity: polarity)
                for x in r.values {
                    for y in r.values where x.rank < y.rank { #expect(x.band <= y.band) }
                }
                #expect(r.values.contains { $0.rank == 1 && $0.band == .a })
            }
        }
    }
}

@Suite struct TrendTests {
    func points(_ values: [Double], se: Double = 1, from year: Int = 2021) -> [TrendTest.Point] {
        values.enumerated().map { TrendTest.Point(year: year + $0.offset, value: $0.element, standardError: se) }
    }

    @Test func clearRiseAndFall() {
        #expect(TrendTest.evaluate(points([10, 12, 14, 16, 18])) == .increasing)
        #expect(TrendTest.evaluate(points([18, 16, 14, 12, 10])) == .decreasing)
    }

    @Test func noiseIsNoSignificantChange() {
        #expect(TrendTest.evaluate(points([10, 11, 10, 11, 10.5])) == .noSignificantChange)
        #expect(TrendTest.evaluate(points([10, 12, 14, 16, 18], se: 10)) == .noSignificantChange)
    }

    @Test func oneOutlierDrivingTheSlopeIsNotATrend() {
        // Flat apart from a huge last point: dropping it reverses the slope.
        let p = points([20, 19.5, 19, 18.5, 60], se: 0.3)
        #expect(TrendTest.evaluate(p) == .noSignificantChange)
    }

    @Test func needsFiveConsecutivePoints() {
        #expect(TrendTest.evaluate(points([1, 2, 3, 4])).label == "cannot be calculated")
        var gap = points([1, 2, 3, 4, 5])
        gap[0].year = 2015
        #expect(TrendTest.evaluate(gap).label == "cannot be calculated")
        #expect(TrendTest.evaluate(points([1, 2, 3, 4, 5, 6, 7, 8])) == .increasing)
    }

    @Test func slopeIsTheWeightedLeastSquaresSlope() throws {
        let fit = try #require(TrendTest.slope(points([1, 3, 5, 7, 9], se: 2)))
        #expect(abs(fit.slope - 2) < 1e-12)
        // Σw(x − x̄)² = 10 × 1/4, so SE = sqrt(1/2.5).
        #expect(abs(fit.standardError - (1 / 2.5).squareRoot()) < 1e-12)
    }

    // References worked independently with numpy (solve XᵀWX β = XᵀWy, the slope's variance
    // from (XᵀWX)⁻¹): slope, SE, φ = Σw·residual²/(n − 2), χ² and χ²/max(1, φ).
    @Test func dispersionIsTheResidualChiSquaredOverItsDegreesOfFreedom() throws {
        let fit = try #require(TrendTest.slope(points([10, 14, 11, 17, 15])))
        #expect(abs(fit.slope - 1.3) < 1e-12)
        #expect(abs(fit.dispersion - 5.433333333333331) < 1e-9)
        let unequal = try #require(TrendTest.slope(points([10, 13, 14, 18, 20]).enumerated().map { i, p in
            var p = p
            p.standardError = 0.5 + 0.1 * Double(i)
            return p
        }))
        #expect(abs(fit.standardError - 0.31622776601683794) < 1e-12)
        #expect(abs(unequal.slope - 2.475069389792929) < 1e-9)
        #expect(abs(unequal.standardError - 0.21636849547901102) < 1e-9)
        #expect(abs(unequal.dispersion - 1.0370565470397919) < 1e-9)
    }

    @Test func yearToYearVariationWidensTheTest() {
        // χ² = 16.9 beats 9.55 on sampling error alone, but the points scatter 5.4 times
        // as much as sampling error says: 16.9 / 5.43 = 3.1 is not significant.
        let scattered = TrendTest.test(points([10, 14, 11, 17, 15]))
        #expect(scattered.chanceAlone == .increasing)
        #expect(scattered.result == .noSignificantChange)
        #expect(abs(scattered.dispersion! - 5.433333333333331) < 1e-9)
        #expect(TrendTest.evaluate(points([10, 14, 11, 17, 15])) == .noSignificantChange)
        // φ = 2 halves χ² (250 → 125): still a clear rise.
        let steady = TrendTest.test(points([10, 13, 14, 18, 20], se: 0.5))
        #expect(steady.result == .increasing && steady.chanceAlone == .increasing)
        // Points closer to the line than sampling error says (φ < 1) are never made stronger.
        let tight = TrendTest.test(points([10, 12.5, 14, 16.5, 18], se: 0.5))
        #expect(tight.dispersion! < 1 && tight.result == .increasing)
    }

    @Test func anUntestableSeriesSaysWhyBothWays() {
        let short = TrendTest.test(points([1, 2, 3]))
        #expect(short.result == short.chanceAlone && short.dispersion == nil)
        #expect(short.result.label == "cannot be calculated" && !short.result.isSignificant)
    }
}

@Suite struct FunnelTests {
    @Test func limitsNarrowAsAreasGrowAndClassify() {
        let small = FunnelLimits(target: 519.4, denominator: 2000, multiplier: 10_000)
        let large = FunnelLimits(target: 519.4, denominator: 200_000, multiplier: 10_000)
        #expect(large.upper95 - large.lower95 < small.upper95 - small.lower95)
        #expect(small.lower99_8 < small.lower95 && small.upper95 < small.upper99_8)
        #expect(large.classify(519.4) == .within)
        #expect(large.classify(700) == .above99_8)
        #expect(large.classify(300) == .below99_8)
        let between = (large.upper95 + large.upper99_8) / 2
        #expect(large.classify(between) == .above95)
    }

    @Test func positionFromTheCountAgreesWithTheLimits() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let n = Double.random(in: 300...150_000, using: &rng).rounded()
            let target = Double.random(in: 5...900, using: &rng)
            let count = (Double.random(in: 0.3...1.8, using: &rng) * target * n / 10_000).rounded()
            let limits = FunnelLimits(target: target, denominator: n, multiplier: 10_000)
            #expect(FunnelLimits.position(count: count, target: target, denominator: n, multiplier: 10_000) == limits.classify(count / n * 10_000),
                    "count \(count), n \(n), target \(target)")
        }
    }
}
