import CensusIngest
import Chapter
import Diagnostics
import Dispatch
import Foundation
import Parallel
import Indicators
import ReportModel

/// `--all`: England, every region and every authority, with an index.
extension ChapterPipeline {
    /// Builds a chapter for every authority with figures in the year, each into
    /// `<old code>-<slug>/`, and an index.html that lists them; all written or none.
    public func runAll(progress: @Sendable (String) -> Void) throws -> (chapters: Int, year: Int, diagnostics: [Diagnostic]) {
        let p = try prepare()
        guard let year = settings.year ?? p.table.latestYear(.referralsRate) ?? p.table.latestYear(.cinRate) else {
            throw UserError("the data has no CIN census c1 (referrals) or b1 (children in need) figures: the chapters need one of them (see the warnings above for files jsna did not recognise)")
        }
        let hasFigures = { (a: Area) in p.table.value(.referralsRate, area: a.id, year: year) != nil || p.table.value(.cinRate, area: a.id, year: year) != nil }
        let las = p.dataset.areas.localAuthorities.filter(hasFigures)
        guard !las.isEmpty else { throw UserError("no local authority has census figures for \(year)") }
        // England and each region get a chapter too, listed first in the index.
        let authorities = ([p.dataset.areas[Area.englandID]].compactMap { $0 } + p.dataset.areas.regions).filter(hasFigures) + las
        // Chapters are independent: build them on every core, then add them in order.
        let done = Counter()
        let built = parallelResults(authorities.count) { i in
            defer {
                let n = done.increment()
                progress("[\(n)/\(authorities.count)] \(authorities[i].name) (\(authorities[i].oldCode))")
            }
            return try chapter(p, authority: authorities[i], year: year, withExtract: false)
        }
        var output = AtomicOutput()
        var entries: [BatchIndex.Entry] = []
        for (authority, result) in zip(authorities, built) {
            let folder = BatchIndex.folderName(authority)
            let (model, files) = try result.get()
            for (name, data) in files { output.add(folder + "/" + name, data: data) }
            entries.append(BatchIndex.Entry(authority: authority, folder: folder, model: model))
        }
        output.add("index.html", contents: BatchIndex.html(entries, table: p.table, year: year, synthetic: p.synthetic))
        output.add("index.csv", contents: BatchIndex.csv(entries, table: p.table, year: year, synthetic: p.synthetic))
        try Self.step("write outputs") { try output.replace(folder: settings.outputFolder) }
        return (authorities.count, year, p.dataset.diagnostics)
    }
}
