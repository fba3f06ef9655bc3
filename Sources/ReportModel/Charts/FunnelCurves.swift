import Foundation
import Statistics

/// Funnel limit curves are the same for every authority's chapter in a year; a batch of
/// 150 chapters computes each once.
final class FunnelCurves: @unchecked Sendable {
    static let shared = FunnelCurves()
    struct Key: Hashable { var target: Double, from: Double, to: Double, multiplier: Double }
    private var cache: [Key: [(Double, Double, Double, Double, Double)]] = [:]
    private let lock = NSLock()

    func curve(target: Double, from: Double, to: Double, multiplier: Double) -> [(Double, Double, Double, Double, Double)] {
        let key = Key(target: target, from: from, to: to, multiplier: multiplier)
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[key] { return known }
        let steps = 48
        let curve = (0...steps).map { i -> (Double, Double, Double, Double, Double) in
            let n = from + (to - from) * Double(i) / Double(steps)
            let f = FunnelLimits(target: target, denominator: n, multiplier: multiplier)
            return (n, f.lower95, f.upper95, f.lower99_8, f.upper99_8)
        }
        cache[key] = curve
        return curve
    }
}
