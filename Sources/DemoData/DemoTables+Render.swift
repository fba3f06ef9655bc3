import Statistics

extension DemoTables {
    static let geography = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name"

    struct Row { var level: String; var area: String; var region: Int?; var la: DemoGenerator.Authority? }

    /// All files as (name, text), in DfE's layout: newest year first; England, regions, authorities.
    func render(_ las: [DemoGenerator.Authority]) -> [(String, String)] {
        let rows = [Row(level: "National", area: "E92000001", region: nil, la: nil)]
            + regions.indices.map { Row(level: "Regional", area: regions[$0].0, region: $0, la: nil) }
            + las.map { Row(level: "Local authority", area: $0.old, region: $0.region, la: $0) }
        func ees(_ category: String?, _ columns: [(String, (Row, Int) -> String)], years: [Int]? = nil) -> String {
            var s = Self.geography + (category == nil ? "" : ",category") + "," + columns.map(\.0).joined(separator: ",") + "\n"
            for year in (years ?? self.years).reversed() {
                for row in rows {
                    s += geographyCells(row, year, las) + (category.map { "," + $0 } ?? "")
                    s += "," + columns.map { $0.1(row, year) }.joined(separator: ",") + "\n"
                }
            }
            return s
        }
        let c = { (m: String) in (m, { (r: Row, y: Int) in self.count(m, r, y, las) }) }
        let pct = { (name: String, num: String, den: String) in (name, { (r: Row, y: Int) in self.percent(num, den, r, y, las) }) }
        // Full-time equivalents are published to one decimal place for every area, never suppressed.
        let fte = { (m: String) in (m, { (r: Row, y: Int) in Rounding.format(self.raw(m, r, y, las), places: 1) }) }
        let ftePct = { (name: String, num: String, den: [String]) in (name, { (r: Row, y: Int) in
            Rounding.format(self.raw(num, r, y, las) / den.reduce(0) { $0 + self.raw($1, r, y, las) } * 100, places: 1)
        }) }
        let claYears = Array(years.suffix(5))
        var cla = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000\n"
        for year in claYears.reversed() {
            for row in rows {
                let parts = geographyCells(row, year, las).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let pop = childPopulation(row, year - 1, las)
                let count = count("children_count", row, year, las)
                let rate = Double(count).map { Rounding.format($0 / pop * 10_000, places: 0) } ?? "c"
                cla += (parts[0..<8] + [parts[9], parts[8]]).joined(separator: ",")
                    + ",Children looked after on 31 March each year,\(Int(pop)),\(count),\(rate)\n"
            }
        }
        var pop = Self.geography + ",age_group,population_estimate\n"
        for year in ((years.first! - 1)...(years.last! - 1)).reversed() {
            for row in rows { pop += geographyCells(row, year, las) + ",Children aged 0 to 17 years,\(Int(childPopulation(row, year, las)))\n" }
        }
        return [
            ("b1_children_in_need_2016_to_2025.csv", ees("Children in Need", [c("Anypoint_child"), c("Started_episodes"), c("At31_episodes")])),
            ("c1_children_in_need_referrals_and_rereferrals_2016_to_2025.csv", ees("Referrals and Re-referrals", [
                c("referral_count"), c("rereferral_count"), pct("rereferral_percent", "rereferral_count", "referral_count"),
                c("no_further_action_count"), pct("no_further_action_percent", "no_further_action_count", "referral_count"),
                c("not_in_need_count"), pct("not_in_need_percent", "not_in_need_count", "referral_count"),
            ])),
            ("c3_factors_identified_at_end_of_assessment_2016_to_2025.csv", ees("Factors identified at the end of assessment",
                [c("Episodes_with_assessment_factor")] + (Self.factors + Self.moreFactors).map { c($0.0) })),
            ("c4_children_in_need_section_47s_and_icpcs_2016_to_2025.csv", ees("Section 47s and Initial Child Protection Conferences", [
                c("Section47"), c("ICPC"), c("Duration_0-10_days"), c("Duration_11-15_days"), c("Duration_16-20_days"), c("Duration_21+_days"),
            ])),
            ("d3_cpps_subsequent_plan_2016_to_2025.csv", ees("Child Protection Plans which are a second or subsequent plan", [
                c("CPP_start"), c("CPP_subsequent"), pct("CPP_subsequent_percent", "CPP_subsequent", "CPP_start"),
            ])),
            ("d5_cpps_at31march_by_duration_2016_to_2025.csv", ees("Child Protection Plans by length of time", [
                c("CPP_At31"), c("2_years_or_more"), pct("2_years_or_more_percent", "2_years_or_more", "CPP_At31"),
            ])),
            ("cla_number_and_rate_per_10k_children.csv", cla),
            ("csww_indicators_2017_to_2025.csv", ees(nil, [
                ("case_holders_fte", { r, y in self.fte(r, y, las) }), c("cases"),
                ("caseload_fte", { r, y in self.caseload(r, y, las) }),
                fte("inpost_fte"), fte("leavers_fte"), ftePct("turnover_rate_fte", "leavers_fte", ["inpost_fte"]),
                fte("agency_fte"), ftePct("agency_rate_fte", "agency_fte", ["agency_fte", "inpost_fte"]),
                fte("vacancy_fte"), ftePct("vacancy_rate_fte", "vacancy_fte", ["vacancy_fte", "inpost_fte"]),
                fte("working_days_lost_fte"), ("absence_rate_fte", { r, y in
                    Rounding.format(self.raw("working_days_lost_fte", r, y, las) / (self.raw("inpost_fte", r, y, las) * 220) * 100, places: 1)
                }),
            ], years: Array(years.dropFirst()))),
            ("ons_mid-year_population_estimates_2015_to_2024.csv", pop),
            ("sn_model_2025_wide.csv", neighbours(las)),
        ]
    }

    func geographyCells(_ row: Row, _ year: Int, _ las: [DemoGenerator.Authority]) -> String {
        let region = row.region.map { regions[$0] }
        let time = "\(year),Reporting year,\(row.level),E92000001,England"
        guard let la = row.la else { return time + ",\(region?.0 ?? ""),\(region?.1 ?? ""),,," }
        return time + ",\(region!.0),\(region!.1),\(la.old),\(la.new),\(la.name)"
    }

    /// The exact sum for England and regions; the authority's own count otherwise.
    func raw(_ measure: String, _ row: Row, _ year: Int, _ las: [DemoGenerator.Authority]) -> Double {
        let members = row.la.map { [$0] } ?? las.filter { row.region == nil || $0.region == row.region }
        return members.reduce(0) { $0 + ((counts[measure]?[$1.old]?[year] ?? 0) ?? 0) }
    }

    /// As DfE publishes: authorities exact with 1–5 shown as c; England and regions to the nearest 10.
    func count(_ measure: String, _ row: Row, _ year: Int, _ las: [DemoGenerator.Authority]) -> String {
        let v = raw(measure, row, year, las)
        if row.la == nil { return String(Int((v / 10).rounded()) * 10) }
        return (1...5).contains(v) ? "c" : String(Int(v))
    }

    func percent(_ num: String, _ den: String, _ row: Row, _ year: Int, _ las: [DemoGenerator.Authority]) -> String {
        guard let n = Double(count(num, row, year, las)), let d = Double(count(den, row, year, las)), d > 0 else { return "c" }
        return Rounding.format(n / d * 100, places: 1)
    }

    func childPopulation(_ row: Row, _ year: Int, _ las: [DemoGenerator.Authority]) -> Double {
        let members = row.la.map { [$0] } ?? las.filter { row.region == nil || $0.region == row.region }
        return members.reduce(0) { $0 + (population[$1.old]?[year] ?? 0) }
    }

    func fte(_ row: Row, _ year: Int, _ las: [DemoGenerator.Authority]) -> String {
        Rounding.format(raw("case_holders_fte", row, year, las), places: 1)
    }

    func caseload(_ row: Row, _ year: Int, _ las: [DemoGenerator.Authority]) -> String {
        guard let cases = Double(count("cases", row, year, las)) else { return "c" }
        return Rounding.format(cases / raw("case_holders_fte", row, year, las), places: 1)
    }

    /// Each authority's ten nearest others by average referral count per child (2025 model layout).
    func neighbours(_ las: [DemoGenerator.Authority]) -> String {
        var s = "old_la_code,la_name,region_ind,region_name," + (1...10).map { "SN_\($0),SN_\($0)P" }.joined(separator: ",") + "\n"
        for la in las {
            let others = las.filter { $0.old != la.old }.sorted {
                (abs($0.base["referrals"]! - la.base["referrals"]!), $0.old) < (abs($1.base["referrals"]! - la.base["referrals"]!), $1.old)
            }.prefix(10)
            let cells = others.enumerated().map { i, o in "\(o.old),\(i < 3 ? "Very close" : (i < 7 ? "Close" : "Somewhat close"))" }
            s += "\(la.old),\(la.name),\(la.region + 1),\(regions[la.region].1)," + cells.joined(separator: ",") + "\n"
        }
        return s
    }
}
