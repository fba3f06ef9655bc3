/// A problem in a CSV file, located for a person: file, line and column (both 1-based).
///
/// The column counts characters from the start of the physical line, so an editor's
/// "go to line:column" lands on the offending field or byte. It prints as one line:
///
///     data/c1.csv:12:87: "abc" is not a count (column referral_count)
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// "file:line:column: message"; "file: message" for a problem with the file as a whole
    /// (line 0), such as one that cannot be opened. Always one line: a line break that a
    /// quoted value brought in is written as `\n`.
    public var description: String { (line == 0 ? "\(path): \(message)" : "\(path):\(line):\(column): \(message)").oneLine }
}

/// Thrown by a record handler to reject one field; the reader adds file, line and column.
public struct CSVFieldError: Error, Sendable {
    public var field: Int
    public var message: String
    public init(field: Int, message: String) {
        self.field = field
        self.message = message
    }
}

/// Thrown by a record handler to reject a whole record; reported at its first column.
public struct CSVRecordError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
