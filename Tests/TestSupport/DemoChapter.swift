import AnnexAPathway
import CensusIngest
import Foundation
import Indicators
import ReferralExtract
import ReportModel

/// The chapter model of a fictional authority from jsna's demonstration data.
public enum DemoChapter {
    /// Amberfold (971) by default; with its List 3 extract when asked.
    public static func model(_ la: String = "971", withExtract: Bool = false) throws -> ChapterModel {
        try model(la, extract: withExtract ? SharedData.demo + "/amberfold_referrals_list3.csv" : nil)
    }

    /// With any List 3 extract as the local section.
    public static func model(_ la: String = "971", extract path: String?) throws -> ChapterModel {
        let dataset = try CensusDataset.load(folders: [SharedData.demo])
        let table = IndicatorTable(dataset: dataset)
        var model = ChapterBuilder(table: table, dataset: dataset, isSynthetic: true).build(authority: dataset.areas[la]!, year: 2025)
        if let path {
            let extract = try ReferralExtract.read(path: path)
            model.local = LocalSectionBuilder(extract: extract, table: table, dataset: dataset, authority: model.authority).build()
        }
        return model
    }

    /// Amberfold with its synthetic Annex A lists (data/demo/annex-a): the referral section
    /// from their List 3 and the pathway section, controlled together, as `jsna build` makes them.
    public static func modelWithAnnexA(folder: String = SharedData.demo + "/annex-a", asAt: CivilDate? = nil) throws -> ChapterModel {
        let dataset = try CensusDataset.load(folders: [SharedData.demo])
        let table = IndicatorTable(dataset: dataset)
        var model = ChapterBuilder(table: table, dataset: dataset, isSynthetic: true).build(authority: dataset.areas["971"]!, year: 2025)
        let (current, earlier) = try PathwayFigures.forChapter(folder, options: PathwayOptions(), asAt: asAt, today: CivilDate(year: 2026, month: 11, day: 30)!)
        (model.local, model.pathway) = CouncilSections(
            extract: current.lists[.referrals]?.extract, extractFromLists: current.lists[.referrals] != nil, pathway: current, earlier: earlier,
            table: table, dataset: dataset, authority: model.authority).build()
        return model
    }

    /// The demo data's indicator table, for outputs that need every area's rows.
    public static func table() throws -> IndicatorTable {
        IndicatorTable(dataset: try CensusDataset.load(folders: [SharedData.demo]))
    }
}

/// A small List 3 extract: 40 referrals in April to June 2025, so most breakdown groups
/// are small and disclosure control has work to do.
public func smallExtract() throws -> String {
    var lines = ["Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker"]
    let sources = ["q) 6: Police", "q) 6: Police", "e) 2A: Schools", "t) 9: Anonymous", "q) 6: Police", "a) 1A: Individual"]
    for i in 0..<40 {
        let gender = i % 13 == 0 ? "b) Female" : "a) Male"
        lines.append("C\(1000 + i),\(gender),a) WBRI,01/02/2015,,\(String(format: "%02d", 1 + i % 28))/0\(4 + i % 3)/2025,\(sources[i % sources.count]),b) No,0,Team A,Worker \(i)")
    }
    return try temporaryFolder(["list3.csv": lines.joined(separator: "\n") + "\n"]) + "/list3.csv"
}
