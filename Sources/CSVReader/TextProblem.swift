/// Why a file's bytes are not CSV text jsna can read: jsna reads UTF-8 only, and says how
/// to convert what it refuses rather than guessing (a wrong guess would put the wrong
/// names in a published chapter).
///
///     c1.csv:4:23: not UTF-8: byte 0x92 is "’" in Windows-1252 (Excel's "CSV (Comma delimited)"); …
public enum TextProblem: Equatable, Sendable {
    /// A byte that starts no UTF-8 character, or breaks the one it is in.
    case notUTF8(UInt8)
    /// A zero byte: binary data, or UTF-16 without a byte-order mark.
    case nul
    /// A UTF-16 byte-order mark (Excel's "Unicode Text").
    case utf16
    /// The file ends inside a multi-byte character.
    case cutShort

    public func message(path: String) -> String {
        let convert = "save it from Excel as \"CSV UTF-8 (Comma delimited)\", or convert it: iconv -f WINDOWS-1252 -t UTF-8 '\(path)' > converted.csv"
        switch self {
        case .notUTF8(let byte):
            let hex = "0x" + String(byte, radix: 16, uppercase: true)
            if let character = Self.windows1252(byte) {
                return "not UTF-8: byte \(hex) is \"\(character)\" in Windows-1252 (Excel's \"CSV (Comma delimited)\"); \(convert)"
            }
            return "not UTF-8: byte \(hex) is not valid here; is this a CSV file? If it is, \(convert)"
        case .nul:
            return "NUL byte: this is not CSV text (a binary file, or UTF-16 text?); save it from Excel as \"CSV UTF-8 (Comma delimited)\""
        case .utf16:
            return "UTF-16 text (Excel's \"Unicode Text\"): save it as \"CSV UTF-8 (Comma delimited)\", or convert it: iconv -f UTF-16 -t UTF-8 '\(path)' > converted.csv"
        case .cutShort:
            return "the file ends inside a character: it was cut short (a copy that did not finish?)"
        }
    }

    /// The character a byte stands for in Windows-1252, if it stands for one (0x80–0xFF;
    /// five bytes of 0x80–0x9F are unassigned).
    static func windows1252(_ byte: UInt8) -> Character? {
        let high: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
        ]
        guard byte >= 0x80 else { return nil }
        let scalar = byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
        guard scalar != 0, byte != 0xA0, byte != 0xAD, let s = Unicode.Scalar(scalar) else { return nil }
        return Character(s)
    }
}
