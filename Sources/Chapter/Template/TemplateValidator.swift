import Diagnostics
/// Checks every tag of an analyst's template before rendering: a tag that names nothing
/// is an error with its line and column (Mustache itself would print an empty string).
enum TemplateValidator {
    struct Tag {
        var name: String
        var kind: Character?
        var line: Int
        var column: Int
        /// `{{{…}}}` or `{{&…}}`: put in unescaped.
        var raw = false
        /// No closing braces before the end of the template.
        var unclosed = false
        /// Spaces between the braces and a section's `#`, `^`, `/` or `&`, which Mustache
        /// does not allow (`{{ #name}}`).
        var spaceBeforeKind = false
    }

    /// Sections may nest this deep, and no deeper.
    static let maximumDepth = 50

    /// The tags that give jsna's own markup (charts, tables, lists it writes and escapes
    /// itself): the only ones that may be triple-braced, and that must be.
    static func isMarkup(_ name: String) -> Bool {
        name.hasPrefix("chart.") || name.hasPrefix("table.")
            || ["key_messages", "summary", "data_notes", "methods", "sources", "local.section", "pathway.section"].contains(name)
    }

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
                let untrimmed = String(chars[start..<min(j, chars.count)])
                var body = untrimmed.trimmingSpaces
                var kind: Character?
                if let f = body.first, "#^/!>&=%<$".contains(f) {
                    kind = f
                    body = String(body.dropFirst()).trimmingSpaces
                }
                tags.append(Tag(name: body, kind: kind, line: line, column: column, raw: triple || kind == "&", unclosed: j + close.count > chars.count,
                                spaceBeforeKind: kind != nil && kind != "!" && untrimmed.first == " "))
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
        var open: [Tag] = []
        let fail = { (tag: Tag, message: String) in TemplateError(path: path, line: tag.line, column: tag.column, message: message) }
        for tag in tags(in: text) {
            if tag.unclosed { throw fail(tag, "a tag opened here is never closed with }}") }
            if tag.name.isEmpty, tag.kind != "!" { throw fail(tag, "an empty tag {{}}: write the name of a value inside, or remove it") }
            if tag.kind != "!", tag.name.contains(where: \.isNewline) {
                throw fail(tag, "a tag opened here is not closed with }} on its line")
            }
            if tag.spaceBeforeKind, let kind = tag.kind {
                throw fail(tag, "{{ \(kind)\(tag.name.forMessage)}}: write {{\(kind)\(tag.name.forMessage)}}, with no space after the braces")
            }
            switch tag.kind {
            case "!": continue
            case "=": throw fail(tag, "{{=…=}} changes Mustache's delimiters, which jsna templates do not support: keep {{ and }}")
            case "%": throw fail(tag, "{{%…}} is a Mustache setting, which jsna templates do not support")
            case "<", "$": throw fail(tag, "{{\(tag.kind!)\(tag.name.forMessage)}}: template inheritance is not supported; put the text in the template")
            case ">": throw fail(tag, "{{> \(tag.name)}}: includes are not supported; put the text in the template")
            case "/":
                guard let opened = open.last else { throw fail(tag, "{{/\(tag.name)}} closes a section that was never opened") }
                guard opened.name == tag.name else {
                    throw fail(tag, "{{/\(tag.name)}} closes a section, but the one open is {{#\(opened.name)}} (line \(opened.line)): close that first")
                }
                open.removeLast()
                if !sections.isEmpty { sections.removeLast() }
            default:
                let scopes = sections.reversed() + [context]
                if tag.name.contains("(") {
                    throw fail(tag, "{{\(tag.name.forMessage)}}: Mustache transforms are not supported; jsna's values are already worded for the chapter")
                }
                guard let value = scopes.lazy.compactMap({ lookup(tag.name, in: $0) }).first else {
                    throw TemplateError(path: path, line: tag.line, column: tag.column,
                                        message: "the tag {{\(tag.name)}} names nothing\(suggestion(tag.name, context))")
                }
                if tag.kind == "#" || tag.kind == "^" {
                    open.append(tag)
                    if open.count > maximumDepth { throw fail(tag, "sections nest more than \(maximumDepth) deep here") }
                    sections.append(value as? [String: Any] ?? [:])
                    continue
                }
                if let group = value as? [String: Any] {
                    let some = group.keys.sorted().prefix(3).map { "\(tag.name).\($0)" }.joined(separator: ", ")
                    throw fail(tag, "{{\(tag.name)}} names a group of values (\(some), …), not one value: name one of them")
                }
                if tag.raw && !isMarkup(tag.name) {
                    throw TemplateError(path: path, line: tag.line, column: tag.column,
                                        message: "{{{\(tag.name)}}} would put a value from the data into the page unescaped: write {{\(tag.name)}} (triple braces are for jsna's charts and tables)")
                }
                if !tag.raw && isMarkup(tag.name) && value is String {
                    throw TemplateError(path: path, line: tag.line, column: tag.column,
                                        message: "{{\(tag.name)}} is a chart or table: write it in triple braces, {{{\(tag.name)}}}, or it shows as text")
                }
            }
        }
        if let unclosed = open.last { throw fail(unclosed, "{{#\(unclosed.name)}} opens a section that is never closed: add {{/\(unclosed.name)}}") }
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
