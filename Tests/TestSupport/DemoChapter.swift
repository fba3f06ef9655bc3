import CensusIngest
import Indicators
import ReferralExtract
import ReportModel

/// The chapter model of a fictional authority from jsna's demonstration data.
public enum DemoChapter {
    /// Amberfold (971) by default; with its List 3 extract when asked.
    public static func model(_ la: String = "971", withExtract: Bool = false) throws -> ChapterModel {
        let dataset = try CensusDataset.load(folders: [SharedData.demo])
        let table = IndicatorTable(dataset: dataset)
        var model = ChapterBuilder(table: table, dataset: dataset, isSynthetic: true).build(authority: dataset.areas[la]!, year: 2025)
        if withExtract {
            let extract = try ReferralExtract.read(path: SharedData.demo + "/amberfold_referrals_list3.csv")
            model.local = LocalSectionBuilder(extract: extract, table: table, dataset: dataset, authority: model.authority).build()
        }
        return model
    }

    /// The demo data's indicator table, for outputs that need every area's rows.
    public static func table() throws -> IndicatorTable {
        IndicatorTable(dataset: try CensusDataset.load(folders: [SharedData.demo]))
    }
}
