/// An attacker independent of jsna's audit (which solves linear programmes with GLPK): from
/// the published counts (nil where hidden) and the relations between them (parts adding up
/// to a total), each hidden count's smallest and largest whole-number values over every
/// solution of the whole system at once.
///
/// The search is a small constraint solver: the relations are equations, and Gaussian
/// elimination adds every equation they imply (a year's total less the same months a year
/// earlier less the months after them is one equation in the month left); bounds are
/// tightened through all of them until nothing changes, and where that leaves more than one
/// value the narrowest open count is split in two and each half searched. A count's least value is the smallest bound that still leaves a
/// solution (found by halving), its largest the same from above.
///
///     ExactAttack(values: [75, 44, nil, 10], relations: [([1, 2, 3], 0)]).ranges()
///     // [2: 21...21]: the hidden count is pinned
public struct ExactAttack {
    public var values: [Int?]
    public var relations: [(parts: [Int], total: Int)]
    /// The least value of each hidden count (0 unless given: a "c" is at least 1 where
    /// zeros are always shown).
    public var least: [Int: Int] = [:]
    /// Search nodes per question before giving up (the cell then counts as unsolved).
    public var budget = 200_000

    public init(values: [Int?], relations: [(parts: [Int], total: Int)], least: [Int: Int] = [:]) {
        self.values = values
        self.relations = relations
        self.least = least
    }

    typealias Bounds = (lo: [Int], hi: [Int])

    /// Each hidden cell's range over all whole-number solutions; cells whose search ran
    /// over the budget are left out and counted in `unsolved`.
    public func ranges() -> (ranges: [Int: ClosedRange<Int>], unsolved: Int) {
        let hidden = values.indices.filter { values[$0] == nil }
        guard !hidden.isEmpty else { return ([:], 0) }
        var start = initialBounds()
        var solver = Solver(relations: relations, budget: budget)
        guard solver.propagate(&start), solver.feasible(start) == true else { return ([:], hidden.count) }
        var out: [Int: ClosedRange<Int>] = [:], unsolved = 0
        for h in hidden {
            if let low = solver.least(h, start), let high = solver.most(h, start) { out[h] = low...high } else { unsolved += 1 }
        }
        return (out, unsolved)
    }

    /// The hidden cells among `cells` whose range is narrower than `width` values with one of
    /// `small` among them, each with its range; and how many could not be decided within the
    /// budget. One solver for all, asking no more than needed: a cell's least value, then
    /// whether one `width` above it is possible (solutions already found answer most).
    public func narrowed(_ cells: [Int], width: Int = 5, small: ClosedRange<Int> = 1...5) -> (narrowed: [Int: ClosedRange<Int>], unsolved: Int) {
        var start = initialBounds()
        var solver = Solver(relations: relations, budget: budget)
        guard solver.propagate(&start), solver.feasible(start) == true else { return ([:], cells.count) }
        var out: [Int: ClosedRange<Int>] = [:], unsolved = 0
        for cell in cells {
            guard let low = solver.least(cell, start) else { unsolved += 1; continue }
            if low > small.upperBound { continue }
            var wide = start
            wide.lo[cell] = max(wide.lo[cell], low + width)
            if wide.lo[cell] <= wide.hi[cell] {
                guard let further = solver.known(cell, wide.lo[cell]...wide.hi[cell]) ? true : solver.feasible(wide) else { unsolved += 1; continue }
                if further { continue }
            }
            guard let high = solver.most(cell, start) else { unsolved += 1; continue }
            if high >= small.lowerBound { out[cell] = low...high }
        }
        return (out, unsolved)
    }

    func initialBounds() -> Bounds {
        let everything = values.compactMap { $0 }.reduce(0, +)
        let lo = values.indices.map { values[$0] ?? least[$0] ?? 0 }
        let hi = values.indices.map { values[$0] ?? max(everything, least[$0] ?? 0) }
        return (lo, hi)
    }

    /// One linear equation over the cells: Σ coefficient × cell = constant.
    struct Row {
        var cells: [Int]
        var coefficients: [Int]
        var constant: Int

        init(terms: [(cell: Int, a: Int)], constant: Int) {
            cells = terms.map(\.cell)
            coefficients = terms.map(\.a)
            self.constant = constant
        }

        var terms: [(cell: Int, a: Int)] { zip(cells, coefficients).map { ($0, $1) } }
    }

    struct Solver {
        var rows: [Row] = []
        let budget: Int
        var nodes = 0
        /// Solutions found so far: a question one of them answers needs no search.
        var pool: [[Int]] = []

        /// True when a solution found already has the cell within `range` (and so answers
        /// "is there a solution with it there?" for bounds that differ only in that cell).
        func known(_ cell: Int, _ range: ClosedRange<Int>) -> Bool { pool.contains { range.contains($0[cell]) } }

        /// The published relations as equations, and every equation Gaussian elimination
        /// derives from them (whole-number arithmetic, no rounding): a total less the
        /// totals nested in it becomes one equation in the cells it leaves, which bounds
        /// alone would not see.
        init(relations: [(parts: [Int], total: Int)], budget: Int) {
            self.budget = budget
            var base: [Row] = []
            for r in relations {
                var coefficients: [Int: Int] = [:]
                for p in r.parts { coefficients[p, default: 0] += 1 }
                coefficients[r.total, default: 0] -= 1
                base.append(Row(terms: coefficients.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, constant: 0))
            }
            rows = base + Self.eliminated(base)
        }

        static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }

        /// Reduced row echelon form of the rows, each pivot cell in one row only.
        static func eliminated(_ rows: [Row]) -> [Row] {
            var pivots: [(cell: Int, row: [Int: Int], constant: Int)] = []
            for r in rows {
                var row = Dictionary(uniqueKeysWithValues: r.terms.map { ($0.cell, $0.a) }), constant = r.constant
                for p in pivots {
                    guard let a = row[p.cell] else { continue }
                    let b = p.row[p.cell]!
                    // row × b − pivot × a: the pivot cell leaves the row.
                    var next: [Int: Int] = [:]
                    for (c, x) in row { next[c, default: 0] += x * b }
                    for (c, x) in p.row { next[c, default: 0] -= x * a }
                    row = next.filter { $0.value != 0 }
                    constant = constant * b - p.constant * a
                }
                guard let cell = row.keys.min() else { continue }
                let g = row.values.reduce(abs(constant)) { gcd($0, $1) }
                if g > 1 { row = row.mapValues { $0 / g }; constant /= g }
                // Back-substitute into the earlier pivots so each pivot is in one row.
                for i in pivots.indices {
                    guard let a = pivots[i].row[cell] else { continue }
                    let b = row[cell]!
                    var next: [Int: Int] = [:]
                    for (c, x) in pivots[i].row { next[c, default: 0] += x * b }
                    for (c, x) in row { next[c, default: 0] -= x * a }
                    let k = pivots[i].constant * b - constant * a
                    let trimmed = next.filter { $0.value != 0 }
                    let h = trimmed.values.reduce(abs(k)) { gcd($0, $1) }
                    pivots[i] = (pivots[i].cell, h > 1 ? trimmed.mapValues { $0 / h } : trimmed, h > 1 ? k / h : k)
                }
                pivots.append((cell, row, constant))
            }
            return pivots.map { p in Row(terms: p.row.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, constant: p.constant) }
        }

        /// Tightens bounds through every equation until nothing changes; false when some
        /// cell has no value left. For Σ aᵢxᵢ = k, each aⱼxⱼ lies between k less the most and
        /// k less the least the other terms can be.
        func propagate(_ b: inout Bounds) -> Bool {
            // Unsafe buffers: the tests run unoptimised, and this loop is the attack's time.
            b.lo.withUnsafeMutableBufferPointer { lo in
                b.hi.withUnsafeMutableBufferPointer { hi in
                    var changed = true
                    var rounds = 0
                    while changed && rounds < 10_000 {
                        changed = false
                        rounds += 1
                        for row in rows {
                            let cells = row.cells, coefficients = row.coefficients, k = row.constant
                            var least = 0, most = 0
                            for t in 0..<cells.count {
                                let c = cells[t], a = coefficients[t]
                                if a > 0 { least += a * lo[c]; most += a * hi[c] } else { least += a * hi[c]; most += a * lo[c] }
                            }
                            if least > k || most < k { return false }
                            for t in 0..<cells.count {
                                let c = cells[t], a = coefficients[t]
                                let mineLeast = a > 0 ? a * lo[c] : a * hi[c], mineMost = a > 0 ? a * hi[c] : a * lo[c]
                                // a × x lies in [k − (most − mineMost), k − (least − mineLeast)].
                                let low = k - (most - mineMost), high = k - (least - mineLeast)
                                let newLo = a > 0 ? Self.ceil(low, a) : Self.ceil(high, a)
                                let newHi = a > 0 ? Self.floor(high, a) : Self.floor(low, a)
                                if newLo > lo[c] { lo[c] = newLo; changed = true }
                                if newHi < hi[c] { hi[c] = newHi; changed = true }
                                if lo[c] > hi[c] { return false }
                            }
                        }
                    }
                    return true
                }
            }
        }

        static func floor(_ x: Int, _ a: Int) -> Int { let q = x / a; return (x % a != 0 && (x < 0) != (a < 0)) ? q - 1 : q }
        static func ceil(_ x: Int, _ a: Int) -> Int { let q = x / a; return (x % a != 0 && (x < 0) == (a < 0)) ? q + 1 : q }

        /// Whether any whole-number solution lies within `b`; nil over the budget.
        mutating func feasible(_ b: Bounds) -> Bool? {
            nodes = 0
            return search(b)
        }

        private mutating func search(_ start: Bounds) -> Bool? {
            nodes += 1
            if nodes > budget { return nil }
            var b = start
            guard propagate(&b) else { return false }
            // Split the open cell with the narrowest range (the quickest to decide).
            var pick = -1, width = Int.max
            for i in b.lo.indices where b.hi[i] > b.lo[i] && b.hi[i] - b.lo[i] < width { (pick, width) = (i, b.hi[i] - b.lo[i]) }
            guard pick >= 0 else {
                if pool.count < 64 { pool.append(b.lo) }
                return true
            }
            let mid = b.lo[pick] + width / 2
            var lower = b, upper = b
            lower.hi[pick] = mid
            upper.lo[pick] = mid + 1
            switch search(lower) {
            case true?: return true
            case nil: return nil
            case false?: return search(upper)
            }
        }

        /// The cell's least value with a solution: its lower bound if that has one (the
        /// usual case, one question), else galloping up and halving back.
        mutating func least(_ cell: Int, _ b: Bounds) -> Int? {
            var low = b.lo[cell], step = 1
            var high = low
            while true {
                var trial = b
                trial.hi[cell] = high
                guard let ok = known(cell, b.lo[cell]...high) ? true : feasible(trial) else { return nil }
                if ok { break }
                low = high + 1
                guard low <= b.hi[cell] else { return b.hi[cell] }
                high = min(b.hi[cell], low + step - 1)
                step *= 2
            }
            while low < high {
                let mid = low + (high - low) / 2
                var trial = b
                trial.hi[cell] = mid
                guard let ok = known(cell, b.lo[cell]...mid) ? true : feasible(trial) else { return nil }
                if ok { high = mid } else { low = mid + 1 }
            }
            return low
        }

        /// The cell's largest value with a solution: halving on its lower bound.
        mutating func most(_ cell: Int, _ b: Bounds) -> Int? {
            var (low, high) = (b.lo[cell], b.hi[cell])
            while low < high {
                let mid = low + (high - low + 1) / 2
                var trial = b
                trial.lo[cell] = mid
                guard let ok = known(cell, mid...b.hi[cell]) ? true : feasible(trial) else { return nil }
                if ok { low = mid } else { high = mid - 1 }
            }
            return low
        }
    }
}
