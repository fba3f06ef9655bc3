import Foundation
import Testing

@testable import Statistics

/// The overdispersion-adjusted funnel against an independent numpy computation of the
/// published method (Reference/make_overdispersion.py → overdispersion.csv): φ, τ², every
/// authority's four limits and its position, for three sets of 150 authorities.
@Suite struct OverdispersedFunnelTests {
    struct Row {
        var dataset: String, scale: String, england: Double, multiplier: Double, count: Double, denominator: Double
        var phi: Double, tau2: Double, limits: [Double], position: String
    }

    static func reference() throws -> [Row] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/overdispersion.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.map { line in
            let c = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let d = { (i: Int) in Double(c[i])! }
            return Row(dataset: c[0], scale: c[1], england: d(2), multiplier: d(3), count: d(4), denominator: d(5),
                       phi: d(6), tau2: d(7), limits: [d(8), d(9), d(10), d(11)], position: c[12])
        }
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    @Test func agreesWithTheNumpyReference() throws {
        let rows = try Self.reference()
        #expect(rows.count == 450)
        for (name, group) in Dictionary(grouping: rows, by: \.dataset) {
            let first = group[0]
            let scale: OverdispersedFunnel.Scale = first.scale == "rate"
                ? .rate(england: first.england, multiplier: first.multiplier) : .percentage(england: first.england)
            let funnel = try #require(OverdispersedFunnel(group.map { .init(count: $0.count, denominator: $0.denominator) }, scale: scale))
            #expect(Self.close(funnel.phi, first.phi), "\(name): φ \(funnel.phi) vs \(first.phi)")
            #expect(Self.close(funnel.tau2, first.tau2), "\(name): τ² \(funnel.tau2) vs \(first.tau2)")
            for row in group {
                let limits = try #require(funnel.limits(count: row.count, denominator: row.denominator))
                let mine = [limits.lower95, limits.upper95, limits.lower99_8, limits.upper99_8]
                #expect(zip(mine, row.limits).allSatisfy { Self.close($0, $1) }, "\(name) \(row.count)/\(row.denominator): \(mine) vs \(row.limits)")
                #expect(limits.position.rawValue == row.position, "\(name) \(row.count)/\(row.denominator)")
            }
        }
    }

    @Test func chanceAloneLeavesTheLimitsAsTheyWere() throws {
        let rows = try Self.reference().filter { $0.dataset == "rates-chance-only" }
        let funnel = try #require(OverdispersedFunnel(rows.map { .init(count: $0.count, denominator: $0.denominator) },
                                                      scale: .rate(england: rows[0].england, multiplier: 10_000)))
        #expect(funnel.tau2 == 0 && funnel.phi < 1)
    }

    @Test func realVariationWidensTheLimits() throws {
        let rows = try Self.reference().filter { $0.dataset == "rates-overdispersed" }
        let funnel = try #require(OverdispersedFunnel(rows.map { .init(count: $0.count, denominator: $0.denominator) },
                                                      scale: .rate(england: rows[0].england, multiplier: 10_000)))
        #expect(funnel.phi > 100 && funnel.tau2 > 0)
        // An authority of 100,000 children: the adjusted 95% limits are far wider than Poisson's.
        let adjusted = try #require(funnel.limits(count: 5_200, denominator: 100_000))
        let poisson = FunnelLimits(target: 520, denominator: 100_000, multiplier: 10_000)
        #expect(adjusted.upper95 - adjusted.lower95 > 5 * (poisson.upper95 - poisson.lower95))
        #expect(adjusted.position == .within)
    }

    @Test func unusableInputsGiveNoFunnel() {
        let units = [OverdispersedFunnel.Unit(count: 10, denominator: 100), .init(count: 20, denominator: 100)]
        #expect(OverdispersedFunnel(units, scale: .rate(england: 0, multiplier: 10_000)) == nil)
        #expect(OverdispersedFunnel(units, scale: .percentage(england: 1)) == nil)
        #expect(OverdispersedFunnel([units[0]], scale: .percentage(england: 0.2)) == nil)
        let funnel = OverdispersedFunnel(units + [.init(count: 0, denominator: 0)], scale: .percentage(england: 0.15))
        #expect(funnel?.limits(count: 0, denominator: 0) == nil, "a zero denominator has no limits")
    }
}
