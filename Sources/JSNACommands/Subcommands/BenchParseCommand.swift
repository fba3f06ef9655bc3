import ArgumentParser
import CSVReader
import Foundation

/// Raw CSV throughput for `make bench`: reads a file through jsna's reader and counts.
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse", abstract: "Measure the CSV reader's throughput on a file (for make bench).", shouldDisplay: false)

    @Argument var file: String

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        var fields = 0
        let summary = try CSVReader(path: file).forEachRecord { fields += $0.count }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("{\"bytes\": \(summary.bytes), \"records\": \(summary.records), \"fields\": \(fields), \"seconds\": \(String(format: "%.4f", seconds)), \"mb_per_s\": \(String(format: "%.1f", Double(summary.bytes) / 1e6 / seconds))}")
    }
}
