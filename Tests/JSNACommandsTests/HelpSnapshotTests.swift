import Foundation
import TestSupport
import Testing

/// `jsna --help` and each subcommand's help, compared with snapshots.
/// `UPDATE_GOLDEN=1 swift test` rewrites them.
@Suite struct HelpSnapshots {
    @Test(arguments: [["--help"], ["build", "--help"], ["init", "--help"], ["indicators", "--help"], ["referrals", "--help"], ["annex-a", "--help"], ["check", "--help"], ["demo-data", "--help"]])
    func help(arguments: [String]) throws {
        let run = try Run.jsna(arguments)
        #expect(run.status == 0)
        let name = (arguments.count == 1 ? "jsna" : "jsna-" + arguments[0]) + "-help.txt"
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(run.stdout.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(run.stdout == expected, "help changed: run UPDATE_GOLDEN=1 swift test to accept")
        #expect(run.stdout.contains("Example"))
    }
}
