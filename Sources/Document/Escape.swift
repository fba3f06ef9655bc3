/// Escaping for text placed in HTML, SVG and Markdown.
public enum Escape {
    /// Escapes &, <, >, " and ' so data-derived text is inert in HTML and SVG, and removes
    /// the characters XML forbids or that reorder text unseen (see ``printable(_:)``).
    public static func html(_ s: String) -> String {
        replacing(printable(s)) { b in
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
    /// since Markdown renderers pass raw HTML through). Line breaks and tabs become spaces,
    /// so a value cannot end a table row or start a block; see ``printable(_:)`` for the
    /// characters removed.
    public static func markdown(_ s: String) -> String {
        replacing(printable(s)) { b in
            switch b {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): " "
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

    /// The text without control characters (C0 but tab, line feed and carriage return; DEL;
    /// C1) and the invisible direction marks and overrides (U+200E/F, U+202A–E, U+2066–9).
    /// XML forbids most C0 characters (one makes an SVG unreadable), and a direction
    /// override can make a name or a figure read backwards. Names are cleaned as they are
    /// read; this is the same rule at the point of writing, for every other value.
    public static func printable(_ s: String) -> String {
        func drop(_ bytes: [UInt8], _ i: Int) -> Int {
            let b = bytes[i]
            if b < 0x20 { return b == 0x09 || b == 0x0A || b == 0x0D ? 0 : 1 }
            if b == 0x7F { return 1 }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return 2 }
            if b == 0xE2, i + 2 < bytes.count {
                let (b1, b2) = (bytes[i + 1], bytes[i + 2])
                if b1 == 0x80, b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2) { return 3 }
                if b1 == 0x81, (0xA6...0xA9).contains(b2) { return 3 }
            }
            return 0
        }
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let n = drop(bytes, i)
            if n == 0 { out.append(bytes[i]); i += 1 } else { i += n }
        }
        return out.count == bytes.count ? s : String(decoding: out, as: UTF8.self)
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
