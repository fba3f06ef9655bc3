import Testing

@testable import Statistics

@Suite struct DataQualityRules {
    @Test func smallNumbersUseTheCountForRatesAndTheDenominatorForPercentages() {
        #expect(DataQuality.flags(.init(count: 9, denominator: 80_000, isPercentage: false, value: 1.1)) == [.smallNumbers])
        #expect(DataQuality.flags(.init(count: 10, denominator: 80_000, isPercentage: false, value: 1.3)).isEmpty)
        #expect(DataQuality.flags(.init(count: 3, denominator: 19, isPercentage: true, value: 15.8)) == [.smallNumbers])
        #expect(DataQuality.flags(.init(count: 3, denominator: 20, isPercentage: true, value: 15)).isEmpty)
    }

    @Test func zeroIsAnArtefactOnlyWhereMostNeighboursRecordSome() {
        // Tower Hamlets, child criminal exploitation, 2024-25: 0 of 2,732; all 10 neighbours above zero.
        let towerHamlets = DataQuality.Facts(count: 0, denominator: 2_732, isPercentage: true, value: 0, neighboursAboveZero: 10, neighboursWithValue: 10)
        #expect(DataQuality.flags(towerHamlets).contains(.zeroUnlikeNeighbours))
        let common = DataQuality.Facts(count: 0, denominator: 2_732, isPercentage: true, value: 0, neighboursAboveZero: 5, neighboursWithValue: 10)
        #expect(!DataQuality.flags(common).contains(.zeroUnlikeNeighbours))
        let tooFew = DataQuality.Facts(count: 0, denominator: 2_732, isPercentage: true, value: 0, neighboursAboveZero: 2, neighboursWithValue: 2)
        #expect(!DataQuality.flags(tooFew).contains(.zeroUnlikeNeighbours))
    }

    @Test func aChangeOfMoreThanHalfInAYear() {
        #expect(DataQuality.flags(.init(count: 500, denominator: 70_000, isPercentage: false, value: 151, previous: 100)) == [.changeOver50Percent])
        #expect(DataQuality.flags(.init(count: 500, denominator: 70_000, isPercentage: false, value: 150, previous: 100)).isEmpty)
        #expect(DataQuality.flags(.init(count: 500, denominator: 70_000, isPercentage: false, value: 49, previous: 100)) == [.changeOver50Percent])
        #expect(DataQuality.flags(.init(count: 500, denominator: 70_000, isPercentage: false, value: 49, previous: 0)).isEmpty)
    }

    @Test func reorganisationSuppressedComparatorAndJointReturns() {
        let f = DataQuality.Facts(count: 500, denominator: 70_000, isPercentage: false, value: 70, previousSuppressed: true,
                                  firstYearAfterReorganisation: true, jointReturn: true)
        #expect(DataQuality.flags(f) == [.firstYearAfterReorganisation, .comparatorYearSuppressed, .jointReturn])
        #expect(DataQuality.Flag.allCases.map(\.rawValue).allSatisfy { !$0.contains(" ") })
    }
}
