extension String {
    /// A value from a file, fit to quote in a one-line message: line breaks, tabs and other
    /// control characters written as escapes, and anything past `limit` characters cut
    /// with "…" (a field may hold megabytes).
    ///
    ///     "12\n3".forMessage          // 12\n3 (a backslash and an n: still one line)
    ///     String(repeating: "9", count: 500).forMessage.count   // 61
    public var forMessage: String { forMessage(limit: 60) }

    public func forMessage(limit: Int) -> String {
        var out = ""
        var count = 0
        for scalar in unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            count += 1
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where Self.breaksALine(scalar):
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The same escapes, with no length limit: what a whole message passes through so it
    /// stays on one line whatever a value in it held.
    public var oneLine: String {
        guard unicodeScalars.contains(where: Self.breaksALine) else { return self }
        return forMessage(limit: .max)
    }

    /// Control characters (C0, DEL, C1) and Unicode's line and paragraph separators: what
    /// a terminal or log viewer may show as a line break or not at all.
    static func breaksALine(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}

extension Array where Element == String {
    /// "a", "a and b", "a, b and c" (or "or"), for messages and sentences.
    public func spokenList(_ conjunction: String = "and") -> String {
        count < 2 ? (first ?? "") : dropLast().joined(separator: ", ") + " \(conjunction) " + last!
    }
}
