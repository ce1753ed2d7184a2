import Testing
import WutongModel

@testable import WutongSolver

/// The move that brings a series split over two venues to one of them, all its sessions at
/// once, trading venues with whatever is in the way.
@Suite struct SeriesGatheringTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aSplitSeriesEndsAtOneVenueWithTheTotalsRight(seed: UInt64) throws {
        let season = IncrementalScoreTests.season(seed: seed)
        let problem = CompiledProblem(season: season)
        var state = Construction.run(problem, facts: SearchFacts(problem: problem), seed: seed).state
        // A series of several sessions and two venues each of them may be held at, at its time.
        let split = (0..<problem.activityCount).lazy.compactMap { activity -> (Int, Int, Int)? in
            let sessions = problem.activityFirstSession[activity]..<problem.activityFirstSession[activity + 1]
            guard sessions.count >= 3, sessions.allSatisfy({ state.isPlaced($0) && problem.pinned[$0] == nil })
            else { return nil }
            let venues = (0..<problem.venueCount).filter { venue in
                sessions.allSatisfy { problem.canHold(activity, venue: venue, start: state.start[$0]) }
            }
            return venues.count >= 2 ? (activity, venues[0], venues[1]) : nil
        }.first
        let (activity, kept, left) = try #require(split)
        let sessions = problem.activityFirstSession[activity]..<problem.activityFirstSession[activity + 1]
        for session in sessions {
            state.relocate(session, venue: session == sessions.lowerBound ? left : kept, start: state.start[session])
        }
        #expect(state.amounts[ConstraintID.seriesSameVenue.index] >= 1)
        let before = (0..<problem.sessionCount).map { (state.venue[$0], state.start[$0]) }

        var search = LocalSearch(state: state, seed: seed)
        var gathered = false
        for _ in 0..<200 where !gathered { gathered = search.gatherSeries(sessions.lowerBound) }
        #expect(gathered)
        let after = search.state
        #expect(sessions.allSatisfy { after.venue[$0] == kept }, "the series is at one venue")
        #expect(sessions.allSatisfy { after.start[$0] == before[$0].1 }, "at the same times")
        for other in 0..<problem.sessionCount where !sessions.contains(other) {
            #expect(after.start[other] == before[other].1)
            // Only what was in the way at the series' venue moves, to the venue the series left.
            if after.venue[other] != before[other].0 {
                #expect(before[other].0 == kept && after.venue[other] == left)
            }
        }
        let report = ScheduleScorer.score(after.schedule(), for: season)
        for total in report.totals {
            #expect(after.amounts[total.constraint.index] == total.amount, "\(total.constraint.rawValue)")
        }
        #expect(after.score == report.score)
    }
}
