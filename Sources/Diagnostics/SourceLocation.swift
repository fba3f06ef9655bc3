/// Where in an input something is, for a person: file, line and column, both from 1, so
/// an editor's "go to line:column" lands on it. Line 0 means the file (or folder) as a
/// whole, such as one that cannot be opened.
public struct SourceLocation: Sendable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// The whole file or folder.
    public static func whole(_ path: String) -> SourceLocation { SourceLocation(path: path, line: 0, column: 0) }

    /// A path shown from its data folder down (its last three parts), so what jsna writes
    /// does not depend on where it ran: `/home/ann/dfe/2025/c1.csv` is `dfe/2025/c1.csv`.
    public static func short(_ path: String) -> String {
        path.split(separator: "/").suffix(3).joined(separator: "/")
    }

    /// "c1.csv:12:87", or "c1.csv" for the whole file; `showing` shortens the path.
    public func text(showing: (String) -> String = { $0 }) -> String {
        line == 0 ? showing(path) : "\(showing(path)):\(line):\(column)"
    }
}
