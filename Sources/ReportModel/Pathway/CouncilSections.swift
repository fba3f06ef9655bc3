import AnnexAPathway
import CensusIngest
import DisclosureControl
import Indicators
import ReferralExtract

/// The sections from the council's own records: the referral section (an extract, or the
/// Annex A lists' List 3) and the pathway section (the lists). Their counts are cells of
/// one table, controlled once: the same count is one cell, so what one section hides the
/// other cannot show, and no difference between them gives a small count back.
public struct CouncilSections: Sendable {
    public var extract: ReferralExtract?
    /// True when the extract is the lists' List 3, read to the pathway's as-at date: the
    /// referral section then ends there too, and its year to date is the referral stage.
    public var extractFromLists: Bool
    public var pathway: PathwayFigures?
    public var earlier: PathwayFigures?
    public var table: IndicatorTable
    public var dataset: CensusDataset
    public var authority: Area
    /// Every published count rounded to the nearest multiple of this (1: exact; 5 or 10 with
    /// `rounding:` / `--round`).
    public var rounding: Int

    public init(extract: ReferralExtract?, extractFromLists: Bool, pathway: PathwayFigures?, earlier: PathwayFigures?,
                table: IndicatorTable, dataset: CensusDataset, authority: Area, rounding: Int = 1) {
        (self.extract, self.extractFromLists, self.pathway, self.earlier) = (extract, extractFromLists, pathway, earlier)
        (self.table, self.dataset, self.authority, self.rounding) = (table, dataset, authority, rounding)
    }

    public func build() -> (LocalSection?, PathwayThisYear?) {
        var t = CountTable(base: rounding)
        let listThree = extractFromLists ? pathway?.lists[.referrals] : nil
        let local = extract.map { e in
            var builder = LocalSectionBuilder(extract: e, table: table, dataset: dataset, authority: authority)
            if let listThree, listThree.sheet != nil { builder.source = (listThree.source, listThree.sha256) }
            return builder
        }
        let localCells = local.flatMap { $0.register(&t, end: extractFromLists ? pathway?.window.last : nil) }
        var builder = pathway.map { PathwayBuilder(current: $0, earlier: earlier, table: table, dataset: dataset, authority: authority) }
        if extractFromLists, let cells = localCells { builder?.referralCells = (cells.ytd, cells.samePeriod) }
        let pathwayCells = builder.map { $0.register(&t) }
        t.control()
        let localSection = local.flatMap { l in localCells.map { l.assemble(t, $0) } }
        let pathwaySection = builder.flatMap { b in pathwayCells.map { b.assemble(t, $0) } }
        return (localSection, pathwaySection)
    }
}
