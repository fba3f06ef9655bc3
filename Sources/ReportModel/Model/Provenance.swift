/// A method named in the chapter's Methods section, with its plain-English explanation.
public struct MethodNote: Sendable {
    public var term: String
    public var explanation: String
}

/// A file the chapter was built from, with its SHA-256.
public struct SourceNote: Sendable {
    public var file: String
    public var title: String
    public var years: String
    public var rows: Int
    public var sha256: String
}

/// How the chapter was made: for the provenance appendix.
public struct Provenance: Sendable {
    public var generator = "jsna \(JSNAVersion.current)"
    /// The command as typed (set by the command line; empty in library use).
    public var commandLine = ""
    /// Only when asked for (`--timestamp`): otherwise the same inputs give the same bytes.
    public var generatedAt: String?
    public init() {}
}

public enum JSNAVersion {
    public static let current = "0.1.0"
}
