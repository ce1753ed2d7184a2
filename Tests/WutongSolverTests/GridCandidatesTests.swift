import Testing
import WutongModel

@testable import WutongSolver

/// Candidate venues per grid, and the free venue of a grid that sessions sent back by a
/// gathering go to.
@Suite struct GridCandidatesTests {
    @Test func eachGridListsTheActivitysCandidatesThereInOrderAndEqualListsAreStoredOnce() throws {
        let season = SyntheticSeason.generate(activities: 400, seed: 3)
        let problem = try CompiledProblem<Int16>(season: season)
        let facts = try SearchFacts(problem: problem)
        var distinct = Set<[Int]>()
        for activity in 0..<problem.activityCount {
            for grid in season.grids.indices {
                let expected = problem.candidateVenues[activity].filter { facts.venueGrid[$0] == grid }
                let listed = (0..<facts.gridCandidates.count(activity, grid: grid)).map {
                    facts.gridCandidates.venue(activity, grid: grid, $0)
                }
                #expect(listed == expected)
                distinct.insert(expected)
            }
        }
        #expect(facts.gridCandidates.storedCells == distinct.map(\.count).reduce(0, +))
        #expect(distinct.count < problem.activityCount)
    }

    /// In a grid of more candidates than it reads whole, `freeVenue` still returns only a
    /// venue of the grid that may hold every session sent at its own time and is free then,
    /// a venue of the series whenever one fits, and a venue nearly whenever one exists.
    @Test func aLargeGridGivesAFreeVenueOfTheSeriesWhenOneFits() throws {
        var season = SyntheticSeason.generate(activities: 400, seed: 2)
        // Four venues in five in the first grid, the rest in the second.
        for index in season.venues.indices { season.venues[index].grid = index % 5 == 0 ? "g2" : "g1" }
        let problem = try CompiledProblem<Int16>(season: season)
        let facts = try SearchFacts(problem: problem)
        var search = LocalSearch(state: Construction.run(problem, facts: facts, seed: 2).state, seed: 2)
        func fits(_ sessions: [Int], at venue: Int) -> Bool {
            sessions.allSatisfy { session in
                let slot = search.state.start[session]
                return problem.canHold(problem.sessionActivity[session], venue: venue, start: slot)
                    && search.state.venueIsFree(
                        venue, day: problem.day(ofSlot: slot), during: search.state.holdSlots(session), besides: session
                    )
            }
        }
        var (calls, besideSeries, elsewhere, missed) = (0, 0, 0, 0)
        for activity in 0..<problem.activityCount {
            let series = problem.sessions(of: activity)
            guard series.count >= 2, series.allSatisfy({ search.state.isPlaced($0) && problem.pinned[$0] == nil }),
                facts.gridCandidates.count(activity, grid: 0) > LocalSearch<Int16>.venuesSampled
            else { continue }
            // The series' first session alone at a venue of the grid, where it fits.
            let first = series.lowerBound
            let rest = Array(series.dropFirst())
            if let away = (0..<problem.venueCount).first(where: {
                facts.venueGrid[$0] == 0 && $0 != search.state.venue[first] && fits([first], at: $0)
            }) {
                search.state.relocate(first, venue: away, start: search.state.start[first])
            }
            let sending = rest.filter { search.state.venue[$0] == search.state.venue[rest[0]] }
            let seriesVenues = Set(series.map { search.state.venue[$0] }).filter {
                facts.venueGrid[$0] == 0 && fits(sending, at: $0)
            }
            let anyFits = (0..<problem.venueCount).contains { facts.venueGrid[$0] == 0 && fits(sending, at: $0) }
            for _ in 0..<20 {
                calls += 1
                let venue = search.freeVenue(for: sending, inGrid: 0)
                guard venue >= 0 else {
                    if anyFits { missed += 1 }
                    continue
                }
                #expect(facts.venueGrid[venue] == 0)
                #expect(fits(sending, at: venue))
                if seriesVenues.isEmpty {
                    elsewhere += 1
                } else {
                    #expect(seriesVenues.contains(venue), "a venue of the series fits, and another is chosen")
                    besideSeries += 1
                }
            }
        }
        #expect(besideSeries > 100 && elsewhere > 100, "\(besideSeries) beside the series, \(elsewhere) elsewhere")
        #expect(missed * 50 < calls, "\(missed) of \(calls) calls found no venue where one was free")
    }
}
