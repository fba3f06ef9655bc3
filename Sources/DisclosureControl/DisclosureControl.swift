/// Disclosure control for everything jsna publishes from child-level data.
///
/// Published counts are cells; a ``Relation`` says that some cells add up to another (a
/// breakdown and its total, the months of a year and the year). Rules, in order:
/// 1. primary: a count of 1 to 5 is suppressed (shown as "c"); 0 is shown;
/// 2. secondary: in every relation whose total is shown, the suppressed cells must not be
///    recoverable by subtraction: one suppressed cell alone, or suppressed cells that could
///    only all be 1, get the smallest shown non-zero cell suppressed as well, or, failing
///    that, the total; a cell suppressed in one relation is suppressed in all of them;
/// 3. the result is attacked (``DisclosureAttack``); anything still recoverable is suppressed
///    with the whole relation;
/// 4. the result is audited exactly (``DisclosureAudit``, linear programming over every
///    relation at once): a hidden count of 1 to 5 whose possible range is narrower than 5
///    gets the smallest shown count beside it hidden, until none is.
/// Rates and percentages built from a suppressed count are suppressed with it.
///
/// With a rounding ``base`` of 5 (`rounding: 5`, `--round 5`) every shown count is published
/// rounded to the nearest 5 (``count(_:)``), each total rounded in its own right rather than
/// the sum of rounded parts, and the audit takes a shown count to be anywhere its rounding
/// allows. Rounding is what protects builds made a month apart: the difference between two
/// rounded totals leaves the month's own count uncertain by up to 8, where without it a small
/// count is the difference of two exact ones.
///
/// A cell added with `protected: false` counts records, not children: the rows a share
/// leaves out because a date is missing or unreadable. It says nothing about any child,
/// so it is never suppressed for being small, and a few bad rows never hide the count
/// they belong to (issue 28); it can still be hidden to protect another cell.
///
///     var t = CountTable()
///     let total = t.cell(40, "All referrals")
///     let parts = [t.cell(3, "Under 1"), t.cell(37, "1 and over")]
///     t.relate(parts, total: total)
///     t.control()          // "Under 1" primary, "1 and over" secondary
public struct CountTable: Sendable {
    public enum Status: Sendable, Hashable {
        case shown
        case primary
        case secondary

        public var isSuppressed: Bool { self != .shown }
    }

    public struct Relation: Sendable, Hashable {
        public var parts: [Int]
        public var total: Int
    }

    /// The smallest count that may be shown, other than 0.
    public static let threshold = 6
    /// The symbol for a suppressed cell.
    public static let symbol = "c"

    public private(set) var values: [Int] = []
    public private(set) var labels: [String] = []
    public private(set) var status: [Status] = []
    public private(set) var relations: [Relation] = []
    /// False for a count of records rather than children (see above).
    public private(set) var protected: [Bool] = []
    /// Every shown count is published rounded to the nearest multiple of this: 1 (exact), 5
    /// or 10. ``control()`` audits the table as rounded.
    public let base: Int
    /// The rounding bases jsna offers.
    public static let bases = [1, 5, 10]

    public init(base: Int = 1) {
        precondition(Self.bases.contains(base), "rounding base \(base)")
        self.base = base
    }

    /// `n` rounded to the nearest multiple of `base`, halves up: with base 5, 0-2 → 0,
    /// 3-7 → 5, 8-12 → 10.
    public static func round(_ n: Int, to base: Int) -> Int {
        base <= 1 ? n : (n + base / 2) / base * base
    }

    /// The count a shown cell is published as: its value rounded to ``base``. (Whether it is
    /// shown at all is ``isSuppressed(_:)``.) Rates and shares are built from this.
    public func count(_ cell: Int) -> Int { Self.round(values[cell], to: base) }

    /// What an attacker knows of a cell's true value from its published form: one value when
    /// counts are exact; the values that round to it otherwise, less 1 to 5 when a small
    /// count of children would have been hidden instead. Nil for a hidden cell.
    public func publishedRange(_ cell: Int) -> ClosedRange<Int>? {
        guard !isSuppressed(cell) else { return nil }
        let r = count(cell)
        guard base > 1 else { return r...r }
        if protected[cell] && r == 0 { return 0...0 }  // 1 to 5 would be c
        let low = max(protected[cell] && r > 0 ? Self.threshold : 0, r - base / 2)
        return low...(r + (base - 1) / 2)
    }

    /// Adds a count and returns its cell index. `protected: false` for a count of records
    /// that says nothing about a child (rows whose date could not be read).
    public mutating func cell(_ value: Int, _ label: String, protected: Bool = true) -> Int {
        precondition(value >= 0, "counts are not negative")
        values.append(value)
        labels.append(label)
        status.append(.shown)
        self.protected.append(protected)
        return values.count - 1
    }

    /// Declares that `parts` add up to `total` (a published breakdown and its total).
    public mutating func relate(_ parts: [Int], total: Int) {
        precondition(parts.reduce(0) { $0 + values[$1] } == values[total], "parts of \(labels[total]) do not add up")
        relations.append(Relation(parts: parts, total: total))
    }

    public func isSuppressed(_ cell: Int) -> Bool { status[cell].isSuppressed }

    /// Sets a cell's status by hand (tests of the attack use it).
    mutating func setStatus(_ cell: Int, _ s: Status) { status[cell] = s }

    /// The cell as published: its (rounded) count, or "c".
    public func text(_ cell: Int) -> String { isSuppressed(cell) ? Self.symbol : String(count(cell)) }

    /// Applies primary and secondary suppression until no relation exposes a cell.
    public mutating func control() {
        for i in values.indices where protected[i] && (1..<Self.threshold).contains(values[i]) { status[i] = .primary }
        var changed = true
        while changed {
            changed = false
            for relation in relations where !isSuppressed(relation.total) && exposes(relation) {
                let shown = relation.parts.filter { !isSuppressed($0) && values[$0] > 0 }
                if let smallest = shown.min(by: { (values[$0], $0) < (values[$1], $1) }) {
                    status[smallest] = .secondary
                } else {
                    status[relation.total] = .secondary
                }
                changed = true
            }
        }
        // The safety net: an exact interval attack over every relation at once. A recovered
        // cell gets every shown non-zero cell of its relations suppressed; if there are none
        // left, the cells related to those, and so on outwards. Zeros stay shown (the attack
        // assumes a suppressed cell is at least 1; suppressing a zero made its bounds cross,
        // which read as "recovered" for ever: a hang the property test found).
        while let cell = DisclosureAttack(table: self).recovered().first {
            guard widenSuppression(around: cell) else { break }  // everything related is hidden
        }
        // The proof: the exact audit over every relation at once (``DisclosureAudit``). An
        // exposed count gets the smallest shown count beside it hidden too, and the table is
        // audited again, until no hidden count of 1 to 5 can be narrowed below 5 wide.
        while let cell = DisclosureAudit(table: self).exposed().first {
            guard suppressNext(to: cell) else { break }
        }
    }

    /// Hides the smallest shown non-zero count in a relation with `cell`, or, where there is
    /// none, the nearest ones further out; false when nothing connected is left to hide.
    mutating func suppressNext(to cell: Int) -> Bool {
        let beside = relations.filter { $0.total == cell || $0.parts.contains(cell) }.flatMap { $0.parts + [$0.total] }
        if let smallest = Set(beside).filter({ !isSuppressed($0) && values[$0] > 0 }).min(by: { (values[$0], $0) < (values[$1], $1) }) {
            status[smallest] = .secondary
            return true
        }
        return widenSuppression(around: cell)
    }

    /// Suppresses the shown non-zero cells nearest `cell` through relations; false when
    /// every cell connected to it is already suppressed or zero.
    mutating func widenSuppression(around cell: Int) -> Bool {
        var reached: Set<Int> = [cell]
        while true {
            var next = reached
            for r in relations where reached.contains(r.total) || r.parts.contains(where: reached.contains) {
                next.formUnion(r.parts)
                next.insert(r.total)
            }
            let shown = next.filter { !isSuppressed($0) && values[$0] > 0 }
            if !shown.isEmpty {
                for i in shown { status[i] = .secondary }
                return true
            }
            if next.count == reached.count { return false }
            reached = next
        }
    }

    /// True when subtraction pins a suppressed part of this relation: exactly one is
    /// suppressed, or they add up to no more than their number (each must then be 1).
    func exposes(_ relation: Relation) -> Bool {
        let hidden = relation.parts.filter(isSuppressed)
        guard !hidden.isEmpty else { return false }
        let sum = hidden.reduce(0) { $0 + values[$1] }
        return hidden.count == 1 || sum <= hidden.count
    }
}
