import Foundation
import Testing

/// Golden files: expected output committed beside the tests that check it.
///
///     let golden = Golden(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden"))
///     try golden.expect(svg, "demo-referrals_rate.svg")
///
/// `UPDATE_GOLDEN=1 swift test` rewrites the files instead of comparing; review the diff.
public struct Golden: Sendable {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    /// Compares `text` with the golden file, reporting the first line that differs.
    public func expect(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard text != expected else { return }
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("\(name) differs from the golden file at line \(line + 1):\n got: \(line < a.count ? a[line] : "<end>")\nwant: \(line < b.count ? b[line] : "<end>")\n(run UPDATE_GOLDEN=1 swift test to accept)", sourceLocation: sourceLocation)
    }
}
