import Foundation
import TestSupport
import Testing

/// Issue 29, item 6: `jsna indicators --data D --output D/census/c1_….csv` overwrote its own
/// input. No command writes over (or into) what it reads.
@Suite struct InputsNeverOverwritten {
    @Test func indicatorsNeverWritesIntoItsDataFolder() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: demoData), to: data)
        let input = try #require(try FileManager.default.contentsOfDirectory(atPath: data.path).first { $0.hasSuffix(".csv") })
        let before = try Data(contentsOf: data.appendingPathComponent(input))
        for output in [data.appendingPathComponent(input).path, data.appendingPathComponent("indicators.csv").path] {
            let run = try Run.jsna(["indicators", "--data", data.path, "--output", output])
            #expect(run.status != 0 && run.stderr.contains("is inside the data folder"), "\(run.stderr)")
        }
        #expect(try Data(contentsOf: data.appendingPathComponent(input)) == before)
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("indicators.csv").path))
        let fine = try Run.jsna(["indicators", "--data", data.path, "--output", try temporaryDirectory().appendingPathComponent("i.csv").path])
        #expect(fine.status == 0, "\(fine.stderr)")
    }
}
