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

    @Test func aGeneratedSeasonSharesItsVenueAndTimeRows() throws {
        let season = SyntheticSeason.generate(activities: 400, seed: 1)
        let problem = try CompiledProblem<Int16>(season: season)
        let facts = try SearchFacts(problem: problem)
        // The generator gives every venue the same hours and activities a handful of windows.
        #expect(problem.venueOpenPrefix.distinctRows < problem.venueCount / 2)
        #expect(facts.timeFlags.distinctRows < problem.activityCount / 10)
        #expect(problem.candidateStartMask.distinctRows < problem.activityCount / 10)
    }

    @Test func candidateListsReadBackEveryActivitysListsAndStoreEqualListsOnce() {
        // Lists 0 and 3 are equal though handed over apart, as two compiler keys can give.
        let venueLists = [[0, 2, 5], [1], [], [0, 2, 5]]
        let startLists = [[3, 4, 5, 9], [7], []]
        let venueListOf = [0, 1, 3, 2, 1]
        let startListOf = [0, 0, 1, 0, 2]
        let venues = venueListOf.map { venueLists[$0] }
        let starts = startListOf.map { startLists[$0] }
        let lists = CandidateLists(
            venueLists: venueLists, venueListOf: venueListOf, startLists: startLists, startListOf: startListOf)
        #expect(lists.storedCells.venues == 4)
        #expect(lists.storedCells.starts == 5)
        for activity in venues.indices {
            let counts = lists.counts(activity)
            #expect(counts.venues == venues[activity].count)
            #expect(counts.starts == starts[activity].count)
            #expect((0..<counts.venues).map { lists.venue(activity, $0) } == venues[activity])
            #expect((0..<counts.starts).map { lists.start(activity, $0) } == starts[activity])
        }
    }

    @Test func aGeneratedSeasonsCandidateListsAndVenueFitsMatchTheSeason() throws {
        let season = SyntheticSeason.generate(activities: 400, seed: 2)
        let problem = try CompiledProblem<Int16>(season: season)
        let facts = try SearchFacts(problem: problem)
        for activity in 0..<problem.activityCount {
            let counts = problem.candidates.counts(activity)
            #expect(
                (0..<counts.venues).map { problem.candidates.venue(activity, $0) } == problem.candidateVenues[activity])
            #expect(
                (0..<counts.starts).map { problem.candidates.start(activity, $0) } == problem.candidateStarts[activity])
            for (venue, place) in season.venues.enumerated() {
                let wanted = season.activities[activity].audienceSize
                #expect(facts.capacityShort(activity, venue: venue) == max(0, wanted - place.capacity))
            }
        }
        // Activities share their windows and equipment needs, not their sizes: the start lists
        // and the venue fits (seats left out) are mostly shared.
        #expect(problem.candidates.storedCells.starts < problem.candidateStarts.map(\.count).reduce(0, +) / 10)
        #expect(facts.venueFit.distinctRows < problem.activityCount / 10)
    }

    @Test func aGeneratedSeasonsVenueFlagsAndPartnerCandidatesMatchTheSeasonAndAreStoredOnce() throws {
        let season = SyntheticSeason.generate(activities: 400, seed: 3)
        let problem = try CompiledProblem<Int16>(season: season)
        for activity in 0..<problem.activityCount {
            let venues = Set(problem.candidateVenues[activity])
            for venue in 0..<problem.venueCount {
                #expect(problem.candidateVenueMask[activity, venue] == venues.contains(venue))
            }
        }
        #expect(problem.candidateVenueMask.distinctRows == Set(problem.candidateVenues).count)

        let search = LocalSearch(
            state: SearchState(problem: problem, facts: try SearchFacts(problem: problem)), seed: 1)
        var distinct = Set<[Int]>()
        for (activity, roles) in problem.requirements.enumerated() {
            var position = search.state.facts.positionStart[activity]
            for role in roles {
                for _ in 0..<role.count {
                    #expect(
                        Array(search.state.facts.roleCandidates[search.state.facts.positionCandidates[position].range])
                            == role.candidates)
                    position += 1
                }
                distinct.insert(role.candidates)
            }
            #expect(position == search.state.facts.positionStart[activity + 1])
        }
        // Every activity needing a role lists its partners; each distinct list is stored once.
        #expect(search.state.facts.roleCandidates.count == distinct.map(\.count).reduce(0, +))
        #expect(distinct.count < problem.activityCount / 10)
    }
}
