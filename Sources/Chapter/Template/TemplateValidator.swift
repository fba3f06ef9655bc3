import Diagnostics
/// Checks every tag of an analyst's template before rendering: a tag that names nothing
/// is an error with its line and column (Mustache itself would print an empty string).
enum TemplateValidator {
    struct Tag { var name: String; var kind: Character?; var line: Int; var column: Int }

    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        let chars = Array(text)
        var i = 0, line = 1, column = 1
        while i < chars.count {
            if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                let triple = i + 2 < chars.count && chars[i + 2] == "{"
                let start = i + (triple ? 3 : 2)
                let close = triple ? "}}}" : "}}"
                var j = start
                while j + close.count <= chars.count && String(chars[j..<j + close.count]) != close { j += 1 }
                var body = String(chars[start..<min(j, chars.count)]).trimmingSpaces
                var kind: Character?
                if let f = body.first, "#^/!>&".contains(f) {
                    kind = f
                    body = String(body.dropFirst()).trimmingSpaces
                }
                tags.append(Tag(name: body, kind: kind, line: line, column: column))
                let end = min(j + close.count, chars.count)
                for k in i..<end {
                    if chars[k] == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                i = end
                continue
            }
            if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return tags
    }

    /// Throws at the first tag that names nothing, or that asks for a partial (includes are
    /// not allowed: a template cannot read files outside its project).
    static func check(_ text: String, context: [String: Any], path: String) throws {
        var sections: [[String: Any]] = []
        for tag in tags(in: text) {
            switch tag.kind {
            case "!": continue
            case ">": throw TemplateError(path: path, line: tag.line, column: tag.column, message: "{{> \(tag.name)}}: includes are not supported; put the text in the template")
            case "/": if !sections.isEmpty { sections.removeLast() }
            default:
                let scopes = sections.reversed() + [context]
                guard let value = scopes.lazy.compactMap({ lookup(tag.name, in: $0) }).first else {
                    throw TemplateError(path: path, line: tag.line, column: tag.column,
                                        message: "the tag {{\(tag.name)}} names nothing\(suggestion(tag.name, context))")
                }
                if tag.kind == "#" || tag.kind == "^" { sections.append(value as? [String: Any] ?? [:]) }
            }
        }
    }

    static func lookup(_ name: String, in context: [String: Any]) -> Any? {
        if name == "." { return context }
        var current: Any = context
        for part in name.split(separator: ".") {
            guard let d = current as? [String: Any], let next = d[String(part)] else {
                guard let s = current as? [String: String], let v = s[String(part)] else { return nil }
                current = v
                continue
            }
            current = next
        }
        return current
    }

    /// " (did you mean indicator.referrals_rate.sentence?)" for a near miss.
    static func suggestion(_ name: String, _ context: [String: Any]) -> String {
        let all = names(context)
        let best = all.min { TextDistance.levenshtein(name, $0) < TextDistance.levenshtein(name, $1) }
        guard let best, TextDistance.levenshtein(name, best) <= max(3, name.count / 4) else { return "" }
        return " (did you mean \(best)?)"
    }

    static func names(_ d: [String: Any], prefix: String = "") -> [String] {
        d.flatMap { key, value -> [String] in
            let full = prefix.isEmpty ? key : prefix + "." + key
            if let inner = value as? [String: Any] { return [full] + names(inner, prefix: full) }
            if let inner = value as? [String: String] { return [full] + inner.keys.map { full + "." + $0 } }
            return [full]
        }
    }
}

/// A template problem, located in the template file: the shared located ``Diagnostic``.
public typealias TemplateError = Diagnostic

extension String {
    /// A tag's name without the spaces Mustache allows around it: `{{ period }}`.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
