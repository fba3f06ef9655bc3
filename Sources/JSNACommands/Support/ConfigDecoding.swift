import Diagnostics
import Foundation
import Yams

/// Reads a YAML config into a `Decodable`, every failure a one-line error at the line and
/// column of the offending key (or, for YAML that does not parse, of the fault):
///
///     jsna.yml:3:1: trend_years must be a whole number, not "ten"
///     jsna.yml:2:7: data must be a list, such as [data/dfe], not "data/dfe"
///     jsna.yml:3:12: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence in line 2, column 7)
enum ConfigDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from text: String, path: String, missing: (String) -> String) throws -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch let DecodingError.keyNotFound(key, context) {
            let at = locate(context.codingPath, in: text)
            let within = context.codingPath.isEmpty ? "" : " under '\(name(context.codingPath))'"
            throw UserError("\(path):\(at.line):\(at.column): missing key '\(key.stringValue)'\(within)\(missing(key.stringValue))")
        } catch let DecodingError.typeMismatch(expected, context) {
            throw mismatch(String(describing: expected), context, text: text, path: path)
        } catch let DecodingError.valueNotFound(expected, context) {
            throw mismatch(String(describing: expected), context, text: text, path: path)
        } catch let DecodingError.dataCorrupted(context) {
            if let yaml = context.underlyingError { throw syntax(yaml, path: path) }
            throw mismatch("", context, text: text, path: path)
        } catch let error as YamlError {
            throw syntax(error, path: path)
        }
    }

    /// "area.members" for a coding path.
    static func name(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    static func mismatch(_ expected: String, _ context: DecodingError.Context, text: String, path: String) -> UserError {
        let at = locate(context.codingPath, in: text)
        let wanted: String
        switch expected {
        case let t where t.contains("Int") || t.contains("Double"): wanted = "a whole number"
        case let t where t.contains("Bool"): wanted = "true or false"
        case let t where t.contains("Sequence") || t.contains("Array"): wanted = "a list, such as [a, b]"
        case let t where t.contains("Mapping") || t.contains("Dictionary"): wanted = "keys with values, one per line"
        case let t where t.contains("Scalar") || t.contains("String"): wanted = "a single value"
        default: wanted = "something else"
        }
        let found: String
        switch at.node {
        case .scalar(let s)?: found = s.string.isEmpty ? "empty" : "\"\(s.string.forMessage)\""
        case .sequence?: found = "a list"
        case .mapping?: found = "keys with values"
        default: found = "missing"
        }
        return UserError("\(path):\(at.line):\(at.column): \(name(context.codingPath)) must be \(wanted), not \(found)")
    }

    /// The key a coding path ends at (its line and column, 1-based) and the value under it;
    /// 1:1 when the path cannot be followed.
    static func locate(_ codingPath: [any CodingKey], in text: String) -> (line: Int, column: Int, node: Node?) {
        guard var node = try? Yams.compose(yaml: text) else { return (1, 1, nil) }
        var mark = node.mark
        for key in codingPath {
            if let i = key.intValue, let items = node.sequence, i < items.count {
                node = items[i]
                mark = node.mark
            } else if let pair = node.mapping?.first(where: { $0.key.string == key.stringValue }) {
                mark = pair.key.mark
                node = pair.value
            } else {
                break
            }
        }
        return (mark?.line ?? 1, mark?.column ?? 1, node)
    }

    /// A YAML syntax error at its own line and column, in a line.
    static func syntax(_ error: any Error, path: String) -> UserError {
        let lines = String(describing: error).split(separator: "\n").map(String.init)
        let first = lines.first ?? "invalid YAML"
        if let match = first.firstMatch(of: /^(\d+):(\d+): error: \w+: (.*)$/) {
            let problem = lines.count > 1 ? lines[1].trimmingCharacters(in: CharacterSet(charactersIn: ": ")) : ""
            let detail = problem.isEmpty ? String(match.3) : "\(problem) (\(match.3))"
            return UserError("\(path):\(match.1):\(match.2): not valid YAML: \(detail)")
        }
        return UserError("\(path):1:1: not valid YAML: \(first)")
    }
}
