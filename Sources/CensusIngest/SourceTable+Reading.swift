import Diagnostics
import CSVReader
import Statistics

/// Builds a ``SourceTable`` from the records of one file, validating as it goes.
final class TableBuilder {
    var table: SourceTable
    private let time: Int, level: Int, country: Int, oldCode: Int, name: Int
    private let region: Int?, regionName: Int?, newCode: Int?, category: Int?
    private let measureFields: [Int]
    private var rowLines: [RowKey: Int] = [:]

    init(kind: SourceKind, path: String, header: [String]) throws {
        var index: [String: Int] = [:]
        var duplicated: Set<String> = []
        for (i, name) in header.enumerated() {
            if index[name] != nil { duplicated.insert(name) } else { index[name] = i }
        }
        func column(_ canonical: String) throws -> Int? {
            let names = ColumnAliases.structural[canonical] ?? [canonical]
            guard let found = names.first(where: { index[$0] != nil }) else { return nil }
            if duplicated.contains(found) { throw Self.twice(found, in: header) }
            return index[found]
        }
        func required(_ canonical: String) throws -> Int {
            guard let i = try column(canonical) else {
                throw Diagnostic.file(path, "missing column '\(canonical)' needed in a \(kind.title) file")
            }
            return i
        }
        time = try required("time_period")
        level = try required("geographic_level")
        country = try required("country_code")
        oldCode = try required("old_la_code")
        name = try required("la_name")
        region = try column("region_code")
        regionName = try column("region_name")
        newCode = try column("new_la_code")
        category = try column("category")
        let skip = ColumnAliases.structuralNames.union(["time_identifier", "country_name"])
        let measureFields = header.indices.filter { !skip.contains(header[$0]) && !header[$0].isEmpty }
        self.measureFields = measureFields
        for f in measureFields where duplicated.contains(header[f]) { throw Self.twice(header[f], in: header) }
        table = SourceTable(kind: kind, path: path, measures: measureFields.map { header[$0] })
        table.measureFields = measureFields
    }

    func add(_ r: CSVRecord) throws {
        table.rowsRead += 1
        guard let year = Self.censusYear(r[time]) else {
            throw CSVFieldError(field: time, message: "time_period \"\(r.string(time).forMessage)\" is not a year such as 2025 or 202425")
        }
        let levelName = r.string(level)
        guard let geography = GeographicLevel(rawValue: levelName), geography != .partnership else {
            table.skippedLevels[levelName, default: 0] += 1
            return
        }
        let id: String
        switch geography {
        case .national: id = r.string(country)
        case .regional: id = region.map(r.string) ?? ""
        case .localAuthority, .partnership: id = r.string(oldCode)
        }
        guard !id.isEmpty else {
            let field = geography == .localAuthority ? oldCode : (geography == .regional ? region ?? level : country)
            throw CSVFieldError(field: field, message: "\(levelName) row without an area code")
        }
        let cat = category.map(r.string) ?? ""
        // A joint return ("940 / 941": one workforce return for two authorities) is kept
        // under each authority's own code, marked as joint; an authority's own row wins.
        let codes = geography == .localAuthority ? JointReturn.parts(id) : [id]
        let joint = codes.count > 1 ? JointReturn(codes: codes, names: JointReturn.parts(r.string(name).cleanedName)) : nil
        var keys: [RowKey] = []
        for code in codes {
            let key = RowKey(area: code, year: year, category: cat)
            if let first = rowLines[key] {
                if joint != nil { continue }
                if table.joint[key] == nil {
                    throw CSVRecordError("duplicate row for area \(code), time_period \(year)\(cat.isEmpty ? "" : ", \(cat)"): already given at line \(first)")
                }
                table.joint[key] = nil
            }
            keys.append(key)
        }
        guard !keys.isEmpty else { return }
        for key in keys {
            rowLines[key] = r.line
            table.rows[key] = table.lines.count
            if let joint { table.joint[key] = joint }
        }
        table.lines.append(r.line)
        table.categories.insert(cat)
        table.release = max(table.release, year)
        table.firstYear = min(table.firstYear, year)
        for (column, field) in measureFields.enumerated() {
            table.values.append(try figure(r, field: field, measure: table.measures[column]))
        }
        let areaName = (geography == .national ? "England" : (geography == .regional ? regionName.map(r.string) ?? id : r.string(name))).cleanedName
        let newCodes = JointReturn.parts(newCode.map(r.string) ?? "")
        // A London borough's region is London; DfE's files give Inner or Outer London.
        var (regionCode, regionText) = (region.map(r.string) ?? "", (regionName.map(r.string) ?? "").cleanedName)
        var subRegion = ""
        if geography == .localAuthority, Area.londonSubRegions[regionCode] != nil {
            (subRegion, regionCode, regionText) = (regionText, Area.londonID, "London")
        }
        for (i, code) in codes.enumerated() where keys.contains(where: { $0.area == code }) {
            let name = joint.map { $0.names.count == codes.count ? $0.names[i] : code } ?? areaName
            var area = Area(
                id: code, level: geography, name: name,
                newCode: geography == .localAuthority ? (newCodes.count == codes.count ? newCodes[i] : "") : id,
                oldCode: geography == .localAuthority ? code : "", regionCode: regionCode,
                regionName: regionText, latestYear: year, firstYear: year)
            area.subRegionName = subRegion
            table.areas.record(area, joint: joint != nil)
        }
    }

    private func figure(_ r: CSVRecord, field: Int, measure: String) throws -> Figure {
        let bytes = r[field]
        if let v = ByteParsing.decimal(bytes) {
            guard v >= 0 else {
                throw CSVFieldError(field: field, message: "negative value \(r.string(field).forMessage) in \(measure)")
            }
            if table.kind == .population && measure == "population_estimate" && v == 0 {
                throw CSVFieldError(field: field, message: "population is zero: a rate cannot be computed from it")
            }
            if v > 100_000_000, Self.isCount(measure) || table.kind == .population {
                throw CSVFieldError(field: field, message: "\(r.string(field).forMessage) in \(measure) is more than 100 million: no authority, region or England has that many children or referrals (a typing or export slip?)")
            }
            if v != v.rounded(), Self.isCount(measure) {
                throw CSVFieldError(field: field, message: "\(r.string(field).forMessage) in \(measure) is not a whole number, and \(measure) is a count")
            }
            return .value(v)
        }
        if bytes.isEmpty {
            if table.kind == .population && measure == "population_estimate" {
                throw CSVFieldError(field: field, message: "population is blank (use a symbol such as x if it is not available)")
            }
            return .missing(Missing(reason: .notAvailable, symbol: "x"))
        }
        if bytes.count <= 3, let missing = Missing(symbol: r.string(field)) { return .missing(missing) }
        throw CSVFieldError(
            field: field,
            message: "\"\(r.string(field).forMessage)\" in \(measure) is neither a number nor a missing-value symbol (\(MissingReason.symbols.joined(separator: " ")))")
    }

    /// Located at the second of two columns with one name: which holds the figures is a
    /// guess jsna will not make.
    static func twice(_ name: String, in header: [String]) -> CSVFieldError {
        let first = header.firstIndex(of: name)!
        let second = header[(first + 1)...].firstIndex(of: name) ?? first
        return CSVFieldError(field: second, message: "column '\(name.forMessage)' appears twice in the header (also column \(first + 1) of \(header.count)): rename or remove one")
    }

    /// Columns of children, episodes or referrals, which must be whole numbers; rates,
    /// percentages, FTEs, durations and medians may not be.
    static func isCount(_ measure: String) -> Bool {
        let m = measure.lowercased()
        if ["percent", "rate", "fte", "duration", "percentile", "median", "months", "year", "days"].contains(where: m.contains) { return false }
        return m.hasSuffix("_count") || m.hasSuffix("_episodes") || m.hasSuffix("_child") || m.hasSuffix("headcount")
            || ["section47", "icpc", "cpp_start", "cpp_subsequent", "cpp_at31", "population_estimate", "cases", "referrals", "re_referrals"].contains(m)
    }

    /// 2025 → 2025; 202425 (financial year 2024-25) → 2025.
    static func censusYear(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let n = ByteParsing.unsignedInteger(bytes) else { return nil }
        if bytes.count == 4, (1900...2999).contains(n) { return n }
        if bytes.count == 6, (n / 100 + 1) % 100 == n % 100 { return n / 100 + 1 }
        return nil
    }
}
