import AnnexAPathway
import CensusIngest
import DisclosureControl
import Foundation
import ReferralExtract
import ReportModel

extension ChapterPipeline {
    /// The sections from the council's own records (``CouncilSections``); with --strict, an
    /// implausible figure stops the build.
    func localSections(_ p: Prepared, authority: Area, into model: inout ChapterModel) throws {
        (model.local, model.pathway) = CouncilSections(
            extract: p.extract, extractFromLists: p.extractFromLists, pathway: p.pathway, earlier: p.pathwayEarlier,
            table: p.table, dataset: p.dataset, authority: authority, rounding: settings.rounding).build()
        if settings.strict {
            if let warning = model.local?.warnings.first { throw UserError("\(p.extract!.path): --strict: \(warning)") }
            if let warning = model.pathway?.warnings.first { throw UserError("\(settings.annexA ?? ""): --strict: \(warning)") }
        }
    }
}
