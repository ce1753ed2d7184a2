import Testing
import WutongModel

@testable import WutongSolver

/// Tables whose equal rows are stored once read back exactly what they were built from.
@Suite struct SharedRowsTests {
    @Test func equalRowsAreStoredOnceAndReadBackUnchanged() {
        let flat: [Int32] = [0, 1, 2, 5, 5, 5, 0, 1, 2, 5, 5, 5, 7, 8, 9]
        let rows = SharedRows(flat: flat, width: 3)
        #expect(rows.distinctRows == 3)
        for entity in 0..<5 {
            for column in 0..<3 { #expect(rows[entity, column] == flat[entity * 3 + column]) }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomTablesReadBackUnchanged(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let width = 1 + Int(random.next() % 40)
        // A few row patterns, repeated at random, as venues with the same hours are.
        let patterns = (0..<4).map { _ in (0..<width).map { _ in random.next() % 3 == 0 } }
        let flat = (0..<200).flatMap { _ in patterns[Int(random.next() % 4)] }
        let rows = SharedRows(flat: flat, width: width)
        #expect(rows.distinctRows <= 4)
        for entity in 0..<200 {
            for column in 0..<width { #expect(rows[entity, column] == flat[entity * width + column]) }
        }
    }

    @Test func aGeneratedSeasonSharesItsVenueAndTimeRows() {
        let season = SyntheticSeason.generate(activities: 400, seed: 1)
        let problem = CompiledProblem(season: season)
        let facts = SearchFacts(problem: problem)
        // The generator gives every venue the same hours and activities a handful of windows.
        #expect(problem.venueOpenPrefix.distinctRows < problem.venueCount / 2)
        #expect(facts.timeFlags.distinctRows < problem.activityCount / 10)
        #expect(problem.candidateStartMask.distinctRows < problem.activityCount / 10)
    }
}
