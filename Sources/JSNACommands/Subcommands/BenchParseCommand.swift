import ArgumentParser
import CSVReader
import Foundation
import Parallel

/// Raw CSV throughput for `make bench`: reads a file through jsna's reader and counts.
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse", abstract: "Measure the CSV reader's throughput on a file (for make bench).", shouldDisplay: false)

    @Argument var file: String

    @Option(help: "Parse this many ranges at once (split at record boundaries).")
    var parts = 1

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let ranges = parts > 1 ? RecordBoundaries.split(path: file, parts: parts, dataStart: 0) : [0..<Int.max]
        let counts = try parallelMap(ranges.count) { i -> (bytes: Int, records: Int, fields: Int) in
            var options = CSVReader.Options()
            if parts > 1 {
                options.byteRange = ranges[i]
                options.requireSameFieldCount = false
            }
            var fields = 0
            let summary = try CSVReader(path: file, options: options).forEachRecord { fields += $0.count }
            return (summary.bytes, summary.records, fields)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let bytes = counts.reduce(0) { $0 + $1.bytes }
        let records = counts.reduce(0) { $0 + $1.records }, fields = counts.reduce(0) { $0 + $1.fields }
        print("{\"parts\": \(ranges.count), \"bytes\": \(bytes), \"records\": \(records), \"fields\": \(fields), \"seconds\": \(String(format: "%.4f", seconds)), \"mb_per_s\": \(String(format: "%.1f", Double(bytes) / 1e6 / seconds))}")
    }
}
