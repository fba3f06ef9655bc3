import Diagnostics

extension Diagnostic {
    /// An input problem about a whole file, reported at line 1, column 1.
    static func file(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(path: path, line: 1, column: 1, message: message)
    }

    /// A problem with a data folder as a whole (no line to point at).
    static func folder(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: .whole(path), message)
    }

    /// A warning or note located in a file (line 0: the file as a whole).
    static func about(_ severity: Severity, _ path: String, line: Int = 0, column: Int = 0, _ message: String) -> Diagnostic {
        Diagnostic(severity, at: SourceLocation(path: path, line: line, column: column), message)
    }
}
