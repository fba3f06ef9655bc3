import CensusIngest
import Foundation
import TestSupport
import Testing

@testable import JSNACommands

/// Authorities are found the way people write them, and a neighbour model that leaves the
/// authority out is an error, not a chapter without neighbours.
@Suite struct AreaLookupTests {
    static func la(_ code: String, _ name: String) -> Area {
        Area(id: code, level: .localAuthority, name: name, newCode: "E0\(code)", oldCode: code, regionCode: "", regionName: "", latestYear: 2025, firstYear: 2013)
    }

    static let las = [
        la("810", "Kingston upon Hull, City of"), la("801", "Bristol, City of"), la("840", "County Durham"),
        la("884", "Herefordshire, County of"), la("342", "St. Helens"), la("943", "Westmorland and Furness"),
        la("314", "Kingston upon Thames"), la("350", "Bolton"),
    ]

    @Test(arguments: [
        ("Hull", "810"), ("hull", "810"), ("Bristol", "801"), ("City of Bristol", "801"), ("Durham", "840"), ("county durham", "840"),
        ("Herefordshire", "884"), ("St Helens", "342"), ("Saint Helens", "342"), ("St. Helens", "342"),
        ("Westmorland & Furness", "943"), ("westmorland and furness", "943"), ("E0350", "350"), ("350", "350"), ("BOLTON", "350"),
    ])
    func namesAsPeopleWriteThem(query: String, code: String) throws {
        #expect(try AreaLookup.find(query, among: Self.las).oldCode == code, "\(query)")
    }

    @Test func unknownNamesSuggestTheClosest() {
        #expect(throws: UserError.self) { try AreaLookup.find("Thames", among: Self.las) }
        do {
            _ = try AreaLookup.find("Boltn", among: Self.las)
        } catch let error as UserError {
            #expect(error.description.hasPrefix("no local authority matches \"Boltn\"; closest: Bolton (350"))
        } catch { Issue.record("\(error)") }
    }

    @Test(.enabled(if: SharedData.hasDFE, "needs ../shared/data/dfe"))
    func aModelThatLeavesTheAuthorityOutIsAnError() throws {
        let out = try temporaryDirectory().appendingPathComponent("cumberland")
        let run = try Run.jsna(["build", "--data", try #require(sharedDFE), "--la", "Cumberland", "--sn-model", "2021", "--out", out.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("the 2021 statistical neighbour model") && run.stderr.contains("has no group for Cumberland (942)") && run.stderr.contains("use --sn-model 2025"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

/// Batch folder names are short ASCII slugs whatever the data calls an authority (issue 17, item 4).
@Suite struct BatchFolderNames {
    @Test func anyNameMakesAShortASCIIFolder() {
        let long = String(repeating: "Ünïcode Authority\u{202E}\u{0007} ", count: 20)
        #expect(long.count >= 400)
        let area = Area(id: "350", level: .localAuthority, name: long, newCode: "E08000001", oldCode: "350",
                        regionCode: "", regionName: "", latestYear: 2025, firstYear: 2013)
        let name = BatchIndex.folderName(area)
        #expect(name.hasPrefix("350-n-code-authority") && name.count <= 53, "\(name)")
        #expect(name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "-" || CharacterSet.alphanumerics.contains($0)) })
        var bolton = area
        bolton.name = "Bolton"
        #expect(BatchIndex.folderName(bolton) == "350-bolton")
        bolton.name = "Kingston upon Hull, City of"
        bolton.oldCode = "810"
        #expect(BatchIndex.folderName(bolton) == "810-kingston-upon-hull-city-of")
    }
}
