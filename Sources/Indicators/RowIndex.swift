/// Where each indicator × area × year row sits in an ``IndicatorTable``: a dense grid of
/// row numbers, so the ~300,000 comparator lookups a table needs (England, region, ten
/// neighbours, last year, five trend years) index an array instead of hashing strings.
struct RowIndex: Sendable {
    private(set) var indicators: [IndicatorID: Int] = [:]
    private(set) var areas: [String: Int] = [:]
    /// Indicator and area number of each row, in row order.
    private(set) var rowIndicator: [Int32] = []
    private(set) var rowArea: [Int32] = []
    private var rowYear: [Int32] = []
    private var firstYear = 0
    private var years = 0
    private var slots: [Int32] = []

    /// Records the next row's keys; call ``seal()`` once every row is in.
    mutating func append(indicator: IndicatorID, area: String, year: Int) {
        rowIndicator.append(Int32(Self.number(indicator, in: &indicators)))
        rowArea.append(Int32(Self.number(area, in: &areas)))
        rowYear.append(Int32(year))
    }

    private static func number<Key: Hashable>(_ key: Key, in numbers: inout [Key: Int]) -> Int {
        if let n = numbers[key] { return n }
        numbers[key] = numbers.count
        return numbers.count - 1
    }

    mutating func seal() {
        guard let low = rowYear.min(), let high = rowYear.max() else { return }
        firstYear = Int(low)
        years = Int(high - low) + 1
        slots = Array(repeating: -1, count: indicators.count * areas.count * years)
        for row in rowYear.indices {
            slots[slot(Int(rowIndicator[row]), Int(rowArea[row]), Int(rowYear[row]))!] = Int32(row)
        }
    }

    private func slot(_ indicator: Int, _ area: Int, _ year: Int) -> Int? {
        let y = year - firstYear
        guard y >= 0, y < years else { return nil }
        return (indicator * areas.count + area) * years + y
    }

    /// The row for an indicator, area and year by number.
    @inline(__always)
    func row(indicator: Int, area: Int, year: Int) -> Int? {
        guard let s = slot(indicator, area, year) else { return nil }
        let r = slots[s]
        return r < 0 ? nil : Int(r)
    }

    /// The row of the same indicator and area as `row`, in `year`.
    @inline(__always)
    func row(like row: Int, year: Int) -> Int? {
        self.row(indicator: Int(rowIndicator[row]), area: Int(rowArea[row]), year: year)
    }

    /// The row for an indicator, area and year by their codes.
    func row(_ indicator: IndicatorID, _ area: String, _ year: Int) -> Int? {
        guard let i = indicators[indicator], let a = areas[area] else { return nil }
        return row(indicator: i, area: a, year: year)
    }
}
