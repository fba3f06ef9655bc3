import Diagnostics
import CSVReader

/// DfE's statistical neighbour groups: for each authority, its ten most similar authorities.
///
/// Two models exist: the 2021 model (`New_Statistical_Neighbour_Groupings_April_2021.csv`)
/// and the 2025 model (`sn_model_2025_wide.csv`). jsna uses the 2025 model unless asked.
public struct StatisticalNeighbours: Sendable {
    public enum Model: String, Sendable, CaseIterable {
        case model2021 = "2021"
        case model2025 = "2025"
    }

    public struct Neighbour: Sendable, Hashable {
        public var code: String
        /// DfE's closeness words ("Very close", "Close", …), trimmed.
        public var closeness: String
        /// Where the file names it (line, 0-based field), for warnings.
        var line = 0, field = 0
    }

    public let model: Model
    public let path: String
    public internal(set) var groups: [String: [Neighbour]] = [:]
    /// The line each authority's group is on.
    var lines: [String: Int] = [:]
    /// SHA-256 of the file as read.
    public internal(set) var sha256 = ""

    /// The old LA codes of an authority's neighbours, closest first (empty if unknown).
    public func neighbours(of code: String) -> [String] { groups[code]?.map(\.code) ?? [] }

    /// Errors for groups that name an authority no census file has (an unknown code), and
    /// warnings for groups of fewer than ten: the neighbour average is then over fewer
    /// authorities, and says so.
    func warnings(knownAuthorities known: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (la, group) in groups.sorted(by: { $0.key < $1.key }) {
            for n in group where !known.contains(n.code) {
                let (line, column) = CSVReader.position(path: path, field: n.field, recordLine: n.line)
                out.append(.about(.error, path, line: line, column: column, "neighbour \(n.code) of authority \(la) is in no census file: an unknown code (a typing slip, or a neighbour file for other data?)"))
            }
            if group.count < 10 {
                out.append(.about(.warning, path, line: lines[la] ?? 1, column: 1, "authority \(la) has \(group.count) statistical neighbour\(group.count == 1 ? "" : "s"), not 10; its neighbour average is over \(group.count)"))
            }
        }
        return out
    }
}

/// Builds ``StatisticalNeighbours`` from either published layout.
final class NeighbourBuilder {
    var result: StatisticalNeighbours
    private let code: Int
    private let columns: [(code: Int, closeness: Int?)]
    private var lines: [String: Int] = [:]

    init(kind: SourceKind, path: String, header: [String]) throws {
        let model: StatisticalNeighbours.Model = kind == .neighbours2021 ? .model2021 : .model2025
        let codeName = model == .model2021 ? "la number" : "old_la_code"
        guard let code = header.firstIndex(of: codeName) else {
            throw Diagnostic.file(path, "missing column '\(codeName)' in a \(kind.title) file")
        }
        self.code = code
        columns = (1...10).compactMap { n in
            let name = model == .model2021 ? "sn\(n)" : "sn_\(n)"
            guard let i = header.firstIndex(of: name) else { return nil }
            let next = i + 1 < header.count ? header[i + 1] : ""
            return (i, next == "snp" || next == "\(name)p" ? i + 1 : nil)
        }
        guard !columns.isEmpty else { throw Diagnostic.file(path, "no neighbour columns (SN1… or SN_1…) in the header") }
        result = StatisticalNeighbours(model: model, path: path)
    }

    func add(_ r: CSVRecord) throws {
        let la = r.string(code).trimming(" \t")
        if la.isEmpty { return }
        guard Self.isLACode(la) else {
            throw CSVFieldError(field: code, message: "\"\(la.forMessage)\" is not a three-digit LA code")
        }
        if let first = lines[la] {
            throw CSVRecordError("authority \(la) is listed twice (first at line \(first))")
        }
        lines[la] = r.line
        var group: [StatisticalNeighbours.Neighbour] = []
        for (field, closeness) in columns {
            let neighbour = r.string(field).trimming(" \t")
            if neighbour.isEmpty { continue }
            guard Self.isLACode(neighbour) else {
                throw CSVFieldError(field: field, message: "neighbour \"\(neighbour.forMessage)\" is not a three-digit LA code")
            }
            guard neighbour != la else {
                throw CSVFieldError(field: field, message: "authority \(la) is listed as its own neighbour")
            }
            guard !group.contains(where: { $0.code == neighbour }) else {
                throw CSVFieldError(field: field, message: "neighbour \(neighbour) is listed twice for authority \(la)")
            }
            group.append(.init(code: neighbour, closeness: closeness.map { r.string($0).trimming(" \t") } ?? "", line: r.line, field: field))
        }
        result.groups[la] = group
        result.lines[la] = r.line
    }

    static func isLACode(_ s: String) -> Bool { s.utf8.count == 3 && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
}
