/// JSON written exactly as Python's `json.dumps(obj, sort_keys=True, indent=2)` writes it,
/// so jsna's output can be compared byte for byte with the pandas and DuckDB peers.
public enum PythonJSON {
    public indirect enum Value: Sendable {
        case int(Int)
        case string(String)
        case object([(String, Value)])
    }

    public static func dumps(_ value: Value, indent: Int = 0) -> String {
        switch value {
        case .int(let n): return String(n)
        case .string(let text): return quote(text)
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let pad = String(repeating: " ", count: indent + 2)
            let sorted = members.sorted { Array($0.0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.0.unicodeScalars.map(\.value)) }
            let body = sorted.map { "\(pad)\(quote($0.0)): \(dumps($0.1, indent: indent + 2))" }.joined(separator: ",\n")
            return "{\n\(body)\n\(String(repeating: " ", count: indent))}"
        }
    }

    /// A string as json.dumps writes it with ensure_ascii=True.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for unit in s.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(unit)!)
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }
}
