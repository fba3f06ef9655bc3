/// Something about an input that a person must read: an error that stops the run, or a
/// warning or note that does not. One type for every reader (CSV, census files, the
/// council's extract, templates), with a structured location rather than a path inside
/// the message, so each output can show the path its own way.
///
///     c1.csv:12:87: "abc" in referral_count is neither a number nor a missing-value symbol
///     sn_model_2025_wide.csv:4:12: warning: neighbour 999 of authority 350 is in no census file
///
/// It always prints as one line, whatever a quoted value held.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation?, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// An error at a place in a file (line 0: the file as a whole).
    public init(path: String, line: Int, column: Int, message: String) {
        self.init(.error, at: SourceLocation(path: path, line: line, column: column), message)
    }

    public var path: String { location?.path ?? "" }
    public var line: Int { location?.line ?? 0 }
    public var column: Int { location?.column ?? 0 }

    /// "file:line:column: message" for an error, "file:line:column: warning: message" for a
    /// warning or note; without a location, just the (severity and) message.
    public var description: String { text() }

    /// The one-line text, the path shown through `showing` (a chapter shows paths from
    /// the data folder down, so its bytes do not depend on where jsna ran). The severity
    /// word is written for warnings and notes; `severity: true` writes it for errors too
    /// (a list of mixed findings, as `jsna check` prints), `false` never (where the reader
    /// already says it: "Warning on the inputs: …").
    public func text(showing: (String) -> String = { $0 }, severity showSeverity: Bool? = nil) -> String {
        var parts: [String] = []
        if let location { parts.append(location.text(showing: showing)) }
        if showSeverity ?? (severity != .error) { parts.append(severity.rawValue) }
        parts.append(message)
        return parts.joined(separator: ": ").oneLine
    }
}
