import CSVReader

/// Something the analyst should know about the inputs that is not an error.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case note, warning }
    public var severity: Severity
    public var message: String

    public init(_ severity: Severity, _ message: String) {
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(severity.rawValue): \(message)" }
}

/// An input problem that stops the run, located as precisely as the input allows.
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// An error about a whole file, reported at line 1, column 1.
    static func file(_ path: String, _ message: String) -> CSVError {
        CSVError(path: path, line: 1, column: 1, message: message)
    }
}
