import Foundation
import Testing

@testable import Statistics

func shown(_ x: Double, _ places: Int) -> String { Rounding.format(x, places: places) }

@Suite struct IssueVectors {
    @Test func byarForLargeCounts() throws {
        let ci = try #require(PoissonInterval.rate(count: 3000, denominator: 49_500, multiplier: 10_000, level: .percent95))
        #expect(shown(3000 / 49_500 * 10_000, 2) == "606.06")
        #expect(shown(ci.lower, 2) == "584.57")
        #expect(shown(ci.upper, 2) == "628.14")
        #expect(ci.method == .byar)
        let twelve = try #require(PoissonInterval.rate(count: 12, denominator: 20_000, multiplier: 10_000, level: .percent95))
        #expect(shown(twelve.lower, 2) == "3.10")
        #expect(shown(twelve.upper, 2) == "10.48")
    }

    @Test func exactPoissonBelowTen() throws {
        let ci = try #require(PoissonInterval.rate(count: 4, denominator: 20_000, multiplier: 10_000, level: .percent95))
        #expect(shown(ci.lower, 3) == "0.545")
        #expect(shown(ci.upper, 3) == "5.121")
        #expect(ci.method == .exactPoisson)
    }

    @Test func wilsonForPercentages() throws {
        let ci = try #require(WilsonInterval.percentage(60, of: 300, level: .percent95))
        #expect(shown(ci.lower, 2) == "15.87")
        #expect(shown(ci.upper, 2) == "24.89")
    }

    /// Published chi-square table values (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.4).
    @Test(arguments: [
        (0.975, 10.0, 20.483), (0.025, 10.0, 3.247), (0.95, 1.0, 3.841), (0.998, 1.0, 9.550),
        (0.999, 5.0, 20.515), (0.001, 20.0, 5.921), (0.5, 2.0, 1.386), (0.99, 100.0, 135.807),
    ])
    func chiSquareTable(p: Double, k: Double, expected: Double) {
        #expect(abs(ChiSquare.quantile(p, degreesOfFreedom: k) - expected) < 0.0005)
    }
}

/// Every value in Reference/intervals.csv was computed by Reference/make_reference.py with scipy.
@Suite struct IndependentReference {
    struct Row { var method: String; var count: Double; var denominator: Double; var level: String; var lower: Double; var upper: Double? }

    static func rows() throws -> [Row] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/intervals.csv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(method: c[0], count: Double(c[1])!, denominator: Double(c[2])!, level: c[3], lower: Double(c[4])!, upper: Double(c[5]))
        }
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(b), 1e-3) }

    @Test func everyReferenceValueMatches() throws {
        let rows = try Self.rows()
        #expect(rows.count > 150)
        for r in rows {
            let level: ConfidenceLevel = r.level == "95" ? .percent95 : .percent99_8
            switch r.method {
            case "gamma_quantile":
                let q = Gamma.quantile(r.denominator, shape: r.count)
                #expect(close(q, r.lower), "gamma(\(r.count)) at \(r.denominator): \(q) vs \(r.lower)")
            case "byar", "exact_poisson":
                let ci = try #require(PoissonInterval.rate(count: r.count, denominator: r.denominator, multiplier: 10_000, level: level))
                #expect(ci.method == (r.method == "byar" ? .byar : .exactPoisson))
                #expect(close(ci.lower, r.lower) && close(ci.upper, r.upper!), "\(r.method) \(r.count)/\(r.denominator): \(ci.lower)–\(ci.upper) vs \(r.lower)–\(r.upper!)")
            case "wilson":
                let ci = try #require(WilsonInterval.percentage(r.count, of: r.denominator, level: level))
                #expect(close(ci.lower, r.lower) && close(ci.upper, r.upper!), "wilson \(r.count)/\(r.denominator)")
            case "funnel":
                let f = FunnelLimits(target: r.count, denominator: r.denominator, multiplier: 10_000)
                let (lo, hi) = level == .percent95 ? (f.lower95, f.upper95) : (f.lower99_8, f.upper99_8)
                #expect(close(lo, r.lower) && close(hi, r.upper!), "funnel \(r.count) n=\(r.denominator)")
            default:
                Issue.record("unknown method \(r.method)")
            }
        }
    }
}

@Suite struct IntervalProperties {
    @Test func intervalsContainTheValueAndWidenAsCountsFall() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let rate = Double.random(in: 1...900, using: &rng)
            let n = Double.random(in: 200...200_000, using: &rng).rounded()
            let count = (rate * n / 10_000).rounded()
            let value = count / n * 10_000
            for level in ConfidenceLevel.allCases {
                let ci = try #require(PoissonInterval.rate(count: count, denominator: n, multiplier: 10_000, level: level))
                #expect(ci.contains(value), "\(count)/\(n)")
                // The same rate from a tenth of the children: a wider interval.
                let small = try #require(PoissonInterval.rate(count: count / 10, denominator: n / 10, multiplier: 10_000, level: level))
                #expect(small.upper - small.lower >= ci.upper - ci.lower - 1e-9)
            }
            let ci95 = try #require(PoissonInterval.rate(count: count, denominator: n, multiplier: 10_000, level: .percent95))
            let ci998 = try #require(PoissonInterval.rate(count: count, denominator: n, multiplier: 10_000, level: .percent99_8))
            #expect(ci998.lower <= ci95.lower && ci998.upper >= ci95.upper)
            let trials = Double.random(in: 1...5000, using: &rng).rounded()
            let successes = Double.random(in: 0...trials, using: &rng).rounded()
            let w = try #require(WilsonInterval.percentage(successes, of: trials, level: .percent95))
            #expect(w.contains(successes / trials * 100) && w.lower >= 0 && w.upper <= 100)
        }
    }

    @Test func roundedCountsWidenTheInterval() throws {
        let exact = try #require(PoissonInterval.rate(count: 632_830, denominator: 12_183_016, multiplier: 10_000, level: .percent95))
        let rounded = try #require(PoissonInterval.rate(count: 632_830, denominator: 12_183_016, multiplier: 10_000, level: .percent95, roundedTo: 10))
        #expect(rounded.lower < exact.lower && rounded.upper > exact.upper)
        #expect(rounded.fromRoundedCount)
        let lowCount = try #require(PoissonInterval.rate(count: 10, denominator: 5000, multiplier: 10_000, level: .percent95, roundedTo: 10))
        // 10 rounded to the nearest 10 may be 5 to 14: the lower limit is count 5's, exact Poisson.
        let five = try #require(PoissonInterval.rate(count: 5, denominator: 5000, multiplier: 10_000, level: .percent95))
        #expect(lowCount.lower == five.lower)
        #expect(lowCount.method == .exactPoisson)
    }

    @Test func zeroCount() throws {
        let ci = try #require(PoissonInterval.rate(count: 0, denominator: 1000, multiplier: 10_000, level: .percent95))
        #expect(ci.lower == 0)
        #expect(shown(ci.upper, 2) == shown(3.688879 / 1000 * 10_000, 2))
        #expect(PoissonInterval.rate(count: 1, denominator: 0, multiplier: 10_000, level: .percent95) == nil)
    }
}
