import CensusIngest
import Statistics

/// Every indicator for every area and year in a dataset, with statistical neighbour,
/// England and region comparators: the tidy table behind the chapter and `jsna indicators`.
public struct IndicatorTable: Sendable {
    struct Key: Hashable { var indicator: IndicatorID; var area: String; var year: Int }

    public private(set) var rows: [IndicatorValue] = []
    private var index = RowIndex()
    /// Row indices per indicator and area, oldest year first.
    private var seriesIndex: [SeriesKey: [Int]] = [:]
    struct SeriesKey: Hashable { var indicator: IndicatorID; var area: String }
    /// How many authorities have a value, per indicator and year, and why the others do not.
    public struct Coverage: Sendable {
        public var authorities = 0
        public var withValue = 0
        public var missing: [String: Int] = [:]
    }
    private var coverageIndex: [Key: Coverage] = [:]
    /// Local authority rows per indicator and year.
    private var authorityRows: [Key: [Int]] = [:]
    /// Every row of each area, in table order.
    private var areaRows: [String: [Int]] = [:]
    public let model: StatisticalNeighbours.Model
    public let neighbours: StatisticalNeighbours?

    /// Builds the table. `model` chooses the statistical neighbour groups (2025 by default).
    /// `partnerships` are added as areas of their own, made from their members' rows.
    public init(dataset: CensusDataset, indicators: [IndicatorDefinition] = IndicatorCatalogue.all,
                model: StatisticalNeighbours.Model = .model2025, partnerships: [Partnership] = []) {
        self.model = model
        neighbours = dataset.neighbours(model)
        var areaBoxes: [String: Box<Area>] = [:]
        for indicator in indicators {
            let definition = Box(indicator)
            for key in Self.rowKeys(indicator, dataset) {
                guard let area = areaBoxes[key.area] ?? dataset.areas[key.area].map(Box.init) else { continue }
                areaBoxes[key.area] = area
                index.append(indicator: indicator.id, area: key.area, year: key.year)
                rows.append(Self.compute(definition, area: area, year: key.year, dataset))
            }
        }
        for row in Self.partnershipRows(partnerships, indicators: indicators, from: rows) {
            index.append(indicator: row.indicator.id, area: row.area.id, year: row.year)
            rows.append(row)
        }
        index.seal()
        usePublishedComparators()
        addComparators()
    }

    /// Area-years for which any release has a numerator row.
    static func rowKeys(_ indicator: IndicatorDefinition, _ dataset: CensusDataset) -> [RowKey] {
        var keys: Set<RowKey> = []
        for table in dataset.tables(indicator.numerator.kind) where indicator.numerator.isIn(table) {
            let category = indicator.numerator.category ?? (table.categories.count == 1 ? table.categories.first! : "")
            keys.formUnion(table.rowKeys.filter { $0.category == category })
        }
        return keys.sorted { ($0.area, $0.year) < ($1.area, $1.year) }
    }

    static func compute(_ definition: Box<IndicatorDefinition>, area areaBox: Box<Area>, year: Int, _ dataset: CensusDataset) -> IndicatorValue {
        let indicator = definition.value, area = areaBox.value
        let source = indicator.numerator
        let found = source.figure(in: dataset, area: area.id, year: year)
        let numerator = found?.figure ?? .missing(.notPublished)
        let denominator: Figure
        switch indicator.denominator {
        case .childPopulation:
            denominator = dataset.childPopulation(area: area.id, midYear: RatePer10k.populationYear(forCensusYear: year))
        case .measure(let measure):
            denominator = measure.figure(in: dataset, area: area.id, year: year)?.figure ?? .missing(.notPublished)
        }
        var value = IndicatorValue(
            indicator: definition, year: year, area: areaBox, numerator: numerator, denominator: denominator,
            value: Ratio.compute(numerator: numerator, denominator: denominator, multiplier: indicator.multiplier))
        value.published = published(indicator, area: area.id, year: year, dataset)
        if indicator.valueIsPublished {
            // DfE's own figure or none: count ÷ denominator is not the published definition.
            value.value = value.published?.value ?? .missing(.notPublished)
            value.basis = .publishedDefinition
        }
        value.jointReturn = found?.table.jointReturn(area: area.id, year: year, category: source.category)
        if area.level == .localAuthority { value.boundaryChange = BoundaryChange.affecting(area.id) }
        return value
    }

    /// England's and regions' percentages as DfE publishes them. Their counts are rounded to
    /// the nearest 10, so count ÷ denominator can miss DfE's figure beyond rounding (East of
    /// England, second plans, 2020-21: 20.7%, DfE 20.8%); DfE's figure is the area's own
    /// unrounded count ÷ denominator, which keeps authorities marked `c` and leaves out those
    /// marked `u` (named in the row's basis). Rates are recomputed as LAIT does: the census
    /// files publish none.
    private mutating func usePublishedComparators() {
        var lowReliability: [Key: [String]] = [:]
        for row in rows where row.area.level == .localAuthority && row.indicator.unit == .percentage && row.numerator.missing?.symbol == "u" {
            for area in [Area.englandID, row.area.regionCode] {
                lowReliability[Key(indicator: row.indicator.id, area: area, year: row.year), default: []].append(row.area.name)
            }
        }
        for i in rows.indices where rows[i].area.level == .national || rows[i].area.level == .regional {
            guard rows[i].indicator.unit == .percentage, rows[i].basis == .recomputed, let p = rows[i].published?.value, p.value != nil else { continue }
            let key = Key(indicator: rows[i].indicator.id, area: rows[i].area.id, year: rows[i].year)
            rows[i].value = p
            rows[i].basis = .publishedComparator(lowReliability: (lowReliability[key] ?? []).sorted())
        }
    }

    static func published(_ indicator: IndicatorDefinition, area: String, year: Int, _ dataset: CensusDataset) -> IndicatorValue.Published? {
        guard !indicator.published.isEmpty else { return nil }
        for table in dataset.tables(indicator.numerator.kind) {
            guard let column = table.column(among: indicator.published),
                let figure = table.figure(column, area: area, year: year, category: indicator.numerator.category)
            else { continue }
            let count = indicator.numerator.figure(in: table, area: area, year: year)
            return .init(value: figure, release: table.release, path: table.path, numerator: count)
        }
        return nil
    }

    private mutating func addComparators() {
        let index = self.index
        let england = index.areas[Area.englandID]
        let values = rows.map(\.value)
        // Area numbers of each authority's region and neighbours, worked out once per area.
        var regionOf: [Int32: Int?] = [:], neighboursOf: [Int32: [Int?]] = [:]
        // A region is compared with England only (it may be a chapter's subject).
        for i in rows.indices where rows[i].area.level == .regional {
            let indicator = Int(index.rowIndicator[i])
            rows[i].england = england.flatMap { index.row(indicator: indicator, area: $0, year: rows[i].year) }.map { values[$0] }
        }
        for i in rows.indices where rows[i].area.level == .localAuthority || rows[i].area.level == .partnership {
            let indicator = Int(index.rowIndicator[i]), area = index.rowArea[i], year = rows[i].year
            let places = rows[i].indicator.decimals
            let figure = { (a: Int?) in a.flatMap { index.row(indicator: indicator, area: $0, year: year) }.map { values[$0] } }
            rows[i].england = figure(england)
            let region = regionOf[area] ?? { let r = index.areas[rows[i].area.regionCode]; regionOf[area] = r; return r }()
            if region != nil { rows[i].region = figure(region) }
            let codes = neighboursOf[area] ?? {
                let n = (neighbours?.neighbours(of: rows[i].area.id) ?? []).map { index.areas[$0] }
                neighboursOf[area] = n
                return n
            }()
            if !codes.isEmpty {
                let figures = codes.map { figure($0) ?? .missing(.notPublished) }
                rows[i].neighbours = StatisticalNeighbourSummary(values: figures, places: places)
                rows[i].neighbourPosition = Benchmarks.neighbourPosition(rows[i].value, neighbours: figures, places: places)
            }
        }
        Benchmarks.add(to: &rows) { index.row(like: $0, year: $1) }
        for (i, row) in rows.enumerated() {
            seriesIndex[SeriesKey(indicator: row.indicator.id, area: row.area.id), default: []].append(i)
            areaRows[row.area.id, default: []].append(i)
            guard row.area.level == .localAuthority else { continue }
            let key = Key(indicator: row.indicator.id, area: "", year: row.year)
            authorityRows[key, default: []].append(i)
            // An authority that did not exist that year (a predecessor after its
            // reorganisation, a successor before it) is not counted as one without a figure.
            if row.value.value == nil, let change = row.boundaryChange, !change.existed(row.area.id, inCensusYear: row.year) { continue }
            coverageIndex[key, default: Coverage()].authorities += 1
            if row.value.value != nil {
                coverageIndex[key]!.withValue += 1
            } else if let m = row.value.missing {
                coverageIndex[key]!.missing[m.symbol, default: 0] += 1
            }
        }
        for key in seriesIndex.keys { seriesIndex[key]!.sort { rows[$0].year < rows[$1].year } }
    }

    /// One indicator, area and year.
    public func value(_ indicator: IndicatorID, area: String, year: Int) -> IndicatorValue? {
        index.row(indicator, area, year).map { rows[$0] }
    }

    /// One indicator for one area, oldest year first.
    public func series(_ indicator: IndicatorID, area: String) -> [IndicatorValue] {
        (seriesIndex[SeriesKey(indicator: indicator, area: area)] ?? []).map { rows[$0] }
    }

    /// Every row of one area (all indicators and years), in table order.
    public func rows(area: String) -> [IndicatorValue] {
        (areaRows[area] ?? []).map { rows[$0] }
    }

    /// Every local authority's row for an indicator and year.
    public func authorities(_ indicator: IndicatorID, year: Int) -> [IndicatorValue] {
        (authorityRows[Key(indicator: indicator, area: "", year: year)] ?? []).map { rows[$0] }
    }

    /// Authorities with and without a value for an indicator in a year.
    public func coverage(_ indicator: IndicatorID, year: Int) -> Coverage {
        coverageIndex[Key(indicator: indicator, area: "", year: year)] ?? Coverage()
    }

    /// The latest year with a row for this indicator (any area).
    public func latestYear(_ indicator: IndicatorID) -> Int? {
        rows.lazy.filter { $0.indicator.id == indicator }.map(\.year).max()
    }
}
