import Diagnostics

/// A problem in a CSV file, located for a person: file, line and column (both 1-based).
/// The column counts characters from the start of the physical line. It is the shared
/// ``Diagnostic`` type, so census ingest, the extract reader and templates report alike:
///
///     data/c1.csv:12:87: "abc" is not a count (column referral_count)
public typealias CSVError = Diagnostic

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
