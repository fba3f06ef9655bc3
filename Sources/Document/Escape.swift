/// Escaping for text placed in HTML, SVG and Markdown.
public enum Escape {
    /// Escapes &, <, >, " and ' so data-derived text is inert in HTML and SVG.
    public static func html(_ s: String) -> String {
        replacing(s) { b in
            switch b {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
    }

    /// Escapes Markdown table and inline syntax in data-derived text (and HTML as well,
    /// since Markdown renderers pass raw HTML through).
    public static func markdown(_ s: String) -> String {
        replacing(s) { b in
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "#"):
                "\\" + String(UnicodeScalar(b))
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "&"): "&amp;"
            default: nil
            }
        }
    }

    /// A link target that is safe to write: a relative path, an `#anchor`, or an
    /// `https:` or `mailto:` address. Anything else (`javascript:`, `data:`, …) becomes `#`.
    public static func linkTarget(_ href: String) -> String {
        let lower = href.lowercased()
        if lower.hasPrefix("https:") || lower.hasPrefix("mailto:") || lower.hasPrefix("#") { return href }
        let scheme = href.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return scheme.contains(":") ? "#" : href
    }

    /// Replaces ASCII bytes, working on UTF-8 rather than Characters: faster, and a
    /// character such as "<" followed by a combining mark is escaped too. Text with nothing
    /// to replace is returned as it is.
    @inline(__always)
    static func replacing(_ s: String, _ replacement: (UInt8) -> String?) -> String {
        guard s.utf8.contains(where: { replacement($0) != nil }) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            if let r = replacement(b) { out.append(contentsOf: r.utf8) } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
