/// An attacker independent of jsna's audit: from the published counts (nil where hidden)
/// and the relations between them (parts adding up to a total), every whole-number
/// solution is searched, and each hidden count's smallest and largest possible values
/// are returned. A relation with one unknown left gives it directly; otherwise the first
/// unknown is tried from 0 up to the smallest shown total it belongs to.
///
///     ExactAttack(values: [75, 44, nil, 10], relations: [([1, 2, 3], 0)]).ranges()
///     // [2: 21...21]: the hidden count is pinned
public struct ExactAttack {
    public var values: [Int?]
    public var relations: [(parts: [Int], total: Int)]
    /// Search nodes before giving up (nil ranges: too many solutions to enumerate).
    public var budget = 200_000

    public init(values: [Int?], relations: [(parts: [Int], total: Int)]) {
        self.values = values
        self.relations = relations
    }

    /// Each hidden cell's range over all whole-number solutions. Hidden cells linked by a
    /// relation are searched together, each such group on its own (a breakdown and the
    /// months never multiply each other's cases); a group whose search runs over the budget
    /// is left out and counted in `unsolved`.
    public func ranges() -> (ranges: [Int: ClosedRange<Int>], unsolved: Int) {
        let hidden = values.indices.filter { values[$0] == nil }
        var group = Dictionary(uniqueKeysWithValues: hidden.map { ($0, $0) })
        func root(_ x: Int) -> Int { var x = x; while group[x]! != x { x = group[x]! }; return x }
        for r in relations {
            let members = (r.parts + [r.total]).filter { values[$0] == nil }
            for m in members.dropFirst() { group[root(m)] = root(members[0]) }
        }
        var out: [Int: ClosedRange<Int>] = [:], unsolved = 0
        for members in Dictionary(grouping: hidden, by: root).values {
            let set = Set(members)
            let linked = relations.filter { r in (r.parts + [r.total]).contains(where: set.contains) }
            var part = ExactAttack(values: values, relations: linked)
            part.budget = budget
            // Cells of other groups are not in these relations, so their value is irrelevant.
            if let found = part.search(members) { out.merge(found) { a, _ in a } } else { unsolved += 1 }
        }
        return (out, unsolved)
    }

    /// The ranges of `hidden` over all whole-number solutions of this system, or nil if the
    /// search ran over its budget.
    func search(_ hidden: [Int]) -> [Int: ClosedRange<Int>]? {
        guard !hidden.isEmpty else { return [:] }
        // An upper bound for each hidden cell: the smallest shown total it is a part of.
        var cap = [Int: Int]()
        let everything = values.compactMap { $0 }.reduce(0, +)
        for h in hidden {
            cap[h] = relations.filter { $0.parts.contains(h) }.compactMap { values[$0.total] }.min() ?? everything
        }
        var low = [Int: Int](), high = [Int: Int]()
        var nodes = 0
        var assignment = values
        let others = Set(values.indices.filter { values[$0] == nil }).subtracting(hidden)
        for o in others { assignment[o] = 0 }
        func consistent() -> Bool {
            for r in relations {
                let members = r.parts + [r.total]
                guard members.allSatisfy({ assignment[$0] != nil }) else {
                    // A partial sum already over a known total is a dead end.
                    if let t = assignment[r.total] {
                        let known = r.parts.compactMap { assignment[$0] }.reduce(0, +)
                        if known > t { return false }
                    }
                    continue
                }
                if r.parts.reduce(0, { $0 + assignment[$1]! }) != assignment[r.total]! { return false }
            }
            return true
        }
        func search() -> Bool {
            nodes += 1
            if nodes > budget { return false }
            guard consistent() else { return true }
            let open = hidden.filter { assignment[$0] == nil }
            if open.isEmpty {
                for h in hidden {
                    low[h] = min(low[h] ?? .max, assignment[h]!)
                    high[h] = max(high[h] ?? .min, assignment[h]!)
                }
                return true
            }
            // A relation with one unknown decides it.
            for r in relations {
                let members = r.parts + [r.total]
                let unknown = members.filter { assignment[$0] == nil }
                guard unknown.count == 1 else { continue }
                let u = unknown[0]
                let value = u == r.total ? r.parts.reduce(0) { $0 + assignment[$1]! } : assignment[r.total]! - r.parts.filter { $0 != u }.reduce(0) { $0 + assignment[$1]! }
                guard value >= 0 else { return true }
                assignment[u] = value
                defer { assignment[u] = nil }
                return search()
            }
            let next = open.min { (cap[$0] ?? 0) < (cap[$1] ?? 0) }!
            for v in 0...(cap[next] ?? 0) {
                assignment[next] = v
                if !search() { assignment[next] = nil; return false }
            }
            assignment[next] = nil
            return true
        }
        guard search() else { return nil }
        return Dictionary(uniqueKeysWithValues: hidden.compactMap { h in low[h].map { (h, $0...high[h]!) } })
    }
}
