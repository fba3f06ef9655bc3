import CSVReader
import Dispatch
import Foundation
import ReferralExtract

/// Reads a referral extract for a command, saying how far it has got when the read takes
/// more than a couple of seconds (a year of a large council's referrals is a few seconds;
/// ten years of a CMS export, 1 GB, is longer). The lines go to stderr:
///
///     jsna: reading list3.csv: 412 of 1,106 MB (37%)
///
/// `JSNA_PROGRESS_AFTER` (seconds, default 2) changes when the first line comes.
enum ExtractReading {
    static func read(path: String, options: ExtractOptions) throws -> ReferralExtract {
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        var options = options
        let progress = ReadProgress(totalBytes: size)
        options.progress = progress
        let ticker = ProgressTicker(every: 2, after: delay) {
            let done = progress.bytesRead
            let percent = size > 0 ? done * 100 / size : 0
            printError("jsna: reading \((path as NSString).lastPathComponent): \(megabytes(done)) of \(megabytes(size)) MB (\(percent)%)")
        }
        defer { ticker.stop() }
        let extract = try ReferralExtract.read(path: path, options: options)
        ticker.stop()  // before the note, so no progress line follows it (stopping twice is harmless)
        if extract.linking.spilledBytes > 0 {
            let memory = (options.linkingMemory ?? LinkingPlan.defaultMemory) >> 20
            let spilled = Double(extract.linking.spilledBytes) / 1e6
            let size = spilled < 10 ? String(format: "%.1f", spilled) : megabytes(extract.linking.spilledBytes)
            printError("jsna: note: linked each child's referrals through \(size) MB of temporary files in \(SpillDirectory.path), gone as the read finished; up to \(memory) MB is held in memory (--memory or memory_mb: sets this)")
        }
        return extract
    }

    static var delay: Double {
        ProcessInfo.processInfo.environment["JSNA_PROGRESS_AFTER"].flatMap(Double.init) ?? 2
    }

    static func megabytes(_ bytes: Int) -> String {
        (bytes / 1_000_000).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB")))
    }
}

/// Calls `tick` every `every` seconds, the first time after `after` seconds (at once, on
/// this thread, if that is 0), on a background queue, until stopped. Stopping waits for a tick under way, so no line is
/// printed after the work it describes has finished.
final class ProgressTicker: @unchecked Sendable {
    private let timer: any DispatchSourceTimer
    private let queue = DispatchQueue(label: "jsna.progress")

    init(every interval: Double, after delay: Double, tick: @escaping @Sendable () -> Void) {
        timer = DispatchSource.makeTimerSource(queue: queue)
        if delay <= 0 { tick() }
        timer.schedule(deadline: .now() + (delay <= 0 ? interval : delay), repeating: interval)
        timer.setEventHandler(handler: tick)
        timer.resume()
    }

    func stop() {
        timer.cancel()
        queue.sync {}
    }
}
