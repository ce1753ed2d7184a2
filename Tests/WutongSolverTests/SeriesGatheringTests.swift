import Testing
import WutongModel

@testable import WutongSolver

/// The move that brings a series split over two venues to one of them, all its sessions at
/// once, trading venues with whatever is in the way.
@Suite struct SeriesGatheringTests {
    /// The first series of three or more placed, unpinned sessions with two venues `kept` and
    /// `left` that may each hold all of them at their times and that `accepts`.
    static func series(
        in state: SearchState<Int16>, accepts: (_ kept: Int, _ left: Int) -> Bool
    ) -> (activity: Int, kept: Int, left: Int)? {
        let problem = state.problem
        for activity in 0..<problem.activityCount {
            let sessions = problem.sessions(of: activity)
            guard sessions.count >= 3, sessions.allSatisfy({ state.isPlaced($0) && problem.pinned[$0] == nil })
            else { continue }
            let venues = (0..<problem.venueCount).filter { venue in
                sessions.allSatisfy { problem.canHold(activity, venue: venue, start: state.start[$0]) }
            }
            for kept in venues {
                for left in venues where left != kept && accepts(kept, left) { return (activity, kept, left) }
            }
        }
        return nil
    }

    /// The bundled season, compiled, and its construction with seed 1.
    static func bundledConstruction() throws -> (Season, CompiledProblem<Int16>, SearchFacts<Int16>, SearchState<Int16>)
    {
        let season = try #require(BundledSeason.load())
        let problem = try CompiledProblem<Int16>(season: season)
        let facts = try SearchFacts(problem: problem)
        return (season, problem, facts, Construction.run(problem, facts: facts, seed: 1).state)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aSplitSeriesEndsAtOneVenueWithTheTotalsRight(seed: UInt64) throws {
        let season = IncrementalScoreTests.season(seed: seed)
        let problem = try CompiledProblem<Int16>(season: season)
        var state = Construction.run(problem, facts: try SearchFacts(problem: problem), seed: seed).state
        let (activity, kept, left) = try #require(Self.series(in: state) { _, _ in true })
        let sessions = problem.sessions(of: activity)
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

    /// With grid shares set, a gathering that takes a session into another grid sends another
    /// session the other way at its own time, so `grid-balance` does not cancel what the
    /// series gains.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func gatheringIntoAnotherGridSendsAnotherSessionBack(seed: UInt64) throws {
        let season = IncrementalScoreTests.season(seed: seed)
        let problem = try CompiledProblem<Int16>(season: season)
        let facts = try SearchFacts(problem: problem)
        #expect(facts.hasGridShares)
        var state = Construction.run(problem, facts: facts, seed: seed).state
        let (activity, kept, left) = try #require(
            Self.series(in: state) { facts.venueGrid[$0] != facts.venueGrid[$1] })
        let sessions = problem.sessions(of: activity)
        for session in sessions {
            state.relocate(session, venue: session == sessions.lowerBound ? left : kept, start: state.start[session])
        }
        func gridCounts(_ state: SearchState<Int16>) -> [Int] {
            (0..<problem.sessionCount).reduce(into: Array(repeating: 0, count: season.grids.count)) { counts, session in
                if state.isPlaced(session) { counts[facts.venueGrid[state.venue[session]]] += 1 }
            }
        }
        let before = (0..<problem.sessionCount).map { (state.venue[$0], state.start[$0]) }

        var sentBack = false
        for attempt in 1...200 where !sentBack {
            var search = LocalSearch(state: state, seed: UInt64(attempt))
            guard search.gatherSeries(sessions.lowerBound, balancingGrids: true) else { continue }
            let after = search.state
            #expect(sessions.allSatisfy { after.venue[$0] == kept && after.start[$0] == before[$0].1 })
            let others = (0..<problem.sessionCount).filter { !sessions.contains($0) && after.venue[$0] != before[$0].0 }
            for other in others {
                // In the way at the series' venue, or sent from its grid to the grid it left.
                #expect(after.start[other] == before[other].1)
                #expect(facts.venueGrid[before[other].0] == facts.venueGrid[kept])
                #expect(facts.venueGrid[after.venue[other]] == facts.venueGrid[left])
            }
            let report = ScheduleScorer.score(after.schedule(), for: season)
            #expect(after.score == report.score)
            for total in report.totals {
                #expect(after.amounts[total.constraint.index] == total.amount, "\(total.constraint.rawValue)")
            }
            let notInTheWay = others.contains { before[$0].0 != kept || after.venue[$0] != left }
            sentBack = notInTheWay && gridCounts(after) == gridCounts(state)
        }
        #expect(sentBack, "some gathering sends a session back to the grid the series left")
    }

    /// On the bundled season, where nearly every session belongs to a series, what is sent
    /// back to the grid a gathered series left never makes its own series use more venues:
    /// here the one session of a second series left in the other grid, away from its siblings,
    /// goes back to them (on the build before, two other sessions were sent, splitting theirs).
    @Test func theSessionSentBackKeepsItsOwnSeriesTogether() throws {
        let (_, problem, facts, constructed) = try Self.bundledConstruction()
        var state = constructed
        let (gatheredActivity, kept, left) = try #require(
            Self.series(in: state) { facts.venueGrid[$0] != facts.venueGrid[$1] })
        let series = problem.sessions(of: gatheredActivity)
        for session in series {
            state.relocate(session, venue: session == series.lowerBound ? left : kept, start: state.start[session])
        }
        // A second series at a venue of the left grid but for one session in the kept grid,
        // free to go back beside its siblings at its own time.
        var stray: Int?
        search: for activity in 0..<problem.activityCount where activity != gatheredActivity {
            let other = problem.sessions(of: activity)
            guard other.count >= 2, other.allSatisfy({ state.isPlaced($0) && problem.pinned[$0] == nil }) else {
                continue
            }
            for home in 0..<problem.venueCount where facts.venueGrid[home] == facts.venueGrid[left] {
                for away in 0..<problem.venueCount where facts.venueGrid[away] == facts.venueGrid[kept] && away != kept
                {
                    guard other.allSatisfy({ problem.canHold(activity, venue: home, start: state.start[$0]) }),
                        problem.canHold(activity, venue: away, start: state.start[other.lowerBound])
                    else { continue }
                    var trial = state
                    for session in other {
                        trial.relocate(
                            session, venue: session == other.lowerBound ? away : home, start: trial.start[session])
                    }
                    let hold = trial.holdSlots(other.lowerBound)
                    let day = problem.day(ofSlot: trial.start[other.lowerBound])
                    if trial.venueIsFree(home, day: day, during: hold, besides: other.lowerBound) {
                        state = trial
                        stray = other.lowerBound
                        break search
                    }
                }
            }
        }
        let strayed = try #require(stray)
        var sent: [Int: Int] = [:]
        var splitting: Set<Int> = []
        for attempt in 1...100 {
            var search = LocalSearch(state: state, seed: UInt64(attempt))
            guard search.gatherSeries(series.lowerBound, balancingGrids: true) else { continue }
            let after = search.state
            for session in 0..<problem.sessionCount
            where !series.contains(session) && state.venue[session] != kept
                && after.venue[session] != state.venue[session]
            {
                sent[session, default: 0] += 1
                let activity = problem.sessionActivity[session]
                if after.activityVenueCount[activity] > state.activityVenueCount[activity] { splitting.insert(session) }
            }
        }
        #expect(sent[strayed, default: 0] > 0)
        #expect(splitting.isEmpty, "sent away from their series: \(splitting)")
    }

    /// A gathering that takes two sessions into another grid may send a whole series of two
    /// back, to one venue at their own times: the grids keep their counts and no series is
    /// split, where single sessions sent would each split theirs.
    @Test func aWholeSeriesGoesBackToTheGridAGatheringLeft() throws {
        let (season, problem, facts, constructed) = try Self.bundledConstruction()
        var state = constructed
        // A series split with two sessions in one grid and the rest at a venue `kept` of
        // another, and a series of two at one venue of the kept grid that a venue of the left
        // grid may hold at their times.
        func pairToSendBack(in state: SearchState<Int16>, besides gathered: Int, kept: Int, left: Int) -> (
            SearchState<Int16>, Range<Int>
        )? {
            for activity in 0..<problem.activityCount where activity != gathered {
                let other = problem.sessions(of: activity)
                guard other.count == 2, other.allSatisfy({ state.isPlaced($0) && problem.pinned[$0] == nil }) else {
                    continue
                }
                for home in 0..<problem.venueCount
                where facts.venueGrid[home] == facts.venueGrid[kept] && home != kept
                    && other.allSatisfy({ problem.canHold(activity, venue: home, start: state.start[$0]) })
                {
                    var trial = state
                    for session in other { trial.relocate(session, venue: home, start: trial.start[session]) }
                    for away in 0..<problem.venueCount where facts.venueGrid[away] == facts.venueGrid[left] {
                        let free = other.allSatisfy { session in
                            problem.canHold(activity, venue: away, start: trial.start[session])
                                && trial.venueIsFree(
                                    away, day: problem.day(ofSlot: trial.start[session]),
                                    during: trial.holdSlots(session), besides: session)
                        }
                        if free { return (trial, other) }
                    }
                }
            }
            return nil
        }
        var setup: (series: Range<Int>, kept: Int, pair: Range<Int>)?
        find: for activity in 0..<problem.activityCount {
            let series = problem.sessions(of: activity)
            guard series.count >= 3, series.allSatisfy({ state.isPlaced($0) && problem.pinned[$0] == nil }) else {
                continue
            }
            let venues = (0..<problem.venueCount).filter { venue in
                series.allSatisfy { problem.canHold(activity, venue: venue, start: state.start[$0]) }
            }
            for kept in venues {
                for left in venues where facts.venueGrid[left] != facts.venueGrid[kept] {
                    var split = state
                    for session in series {
                        split.relocate(
                            session, venue: session < series.lowerBound + 2 ? left : kept, start: split.start[session])
                    }
                    if let (trial, pair) = pairToSendBack(in: split, besides: activity, kept: kept, left: left) {
                        state = trial
                        setup = (series, kept, pair)
                        break find
                    }
                }
            }
        }
        let (series, kept, whole) = try #require(setup)
        func gridCounts(_ state: SearchState<Int16>) -> [Int] {
            (0..<problem.sessionCount).reduce(into: Array(repeating: 0, count: season.grids.count)) { counts, session in
                if state.isPlaced(session) { counts[facts.venueGrid[state.venue[session]]] += 1 }
            }
        }
        var pairSent = 0
        for attempt in 1...200 {
            var search = LocalSearch(state: state, seed: UInt64(attempt))
            guard search.gatherSeries(series.lowerBound, balancingGrids: true) else { continue }
            let after = search.state
            let sent = (0..<problem.sessionCount).filter {
                !series.contains($0) && state.venue[$0] != kept && after.venue[$0] != state.venue[$0]
            }
            for activity in Set(sent.map { problem.sessionActivity[$0] }) {
                #expect(after.activityVenueCount[activity] <= state.activityVenueCount[activity])
            }
            if whole.allSatisfy({ sent.contains($0) }) {
                pairSent += 1
                #expect(after.venue[whole.lowerBound] == after.venue[whole.lowerBound + 1])
                #expect(whole.allSatisfy { after.start[$0] == state.start[$0] })
                if sent.count == 2 {
                    #expect(gridCounts(after) == gridCounts(state))
                }
            }
            #expect(after.score == ScheduleScorer.score(after.schedule(), for: season).score)
        }
        #expect(pairSent > 0)
    }

    /// Gatherings with grids balanced, made one after another: those in the way split their
    /// own series, so later gatherings meet every case, more sessions in the way than moving
    /// among them. The totals stay those of the from-scratch scorer.
    @Test(arguments: [1, 2, 3, 4, 0] as [UInt64])
    func gatheringsOneAfterAnotherKeepTheTotalsRight(seed: UInt64) throws {
        // Seed 0: the bundled season, whose long concerts meet several short sessions in the way.
        let season = try seed == 0 ? #require(BundledSeason.load()) : IncrementalScoreTests.season(seed: seed)
        let problem = try CompiledProblem<Int16>(season: season)
        let built = Construction.run(problem, facts: try SearchFacts(problem: problem), seed: seed)
        var search = LocalSearch(state: built.state, seed: seed)
        var random = SeededGenerator(seed: seed)
        var made = 0
        for _ in 0..<5_000 {
            let session = Int(random.next() % UInt64(problem.sessionCount))
            guard problem.pinned[session] == nil, search.state.isPlaced(session) else { continue }
            if random.next() % 2 == 0 {
                // Splits a series: the session to a random venue at its own time.
                let venue = Int(random.next() % UInt64(problem.venueCount))
                let activity = problem.sessionActivity[session]
                if problem.canHold(activity, venue: venue, start: search.state.start[session]) {
                    search.state.relocate(session, venue: venue, start: search.state.start[session])
                }
            } else if search.gatherSeries(session, balancingGrids: true) {
                made += 1
            }
        }
        #expect(made > 100, "\(made)")
        let report = ScheduleScorer.score(search.state.schedule(), for: season)
        for total in report.totals {
            #expect(search.state.amounts[total.constraint.index] == total.amount, "\(total.constraint.rawValue)")
        }
        #expect(search.state.score == report.score)
    }

    /// One session gathered where two are in its way: two leave the grid, one comes in, and
    /// nothing is sent back.
    @Test func moreInTheWayThanMovingSendsNothingBack() throws {
        let season = IncrementalScoreTests.season(seed: 1)
        let problem = try CompiledProblem<Int16>(season: season)
        let facts = try SearchFacts(problem: problem)
        var state = Construction.run(problem, facts: facts, seed: 1).state
        // A series, two venues of different grids that may hold all of it, and two sessions of
        // other activities that may start with its first session at both venues.
        var found: (activity: Int, kept: Int, left: Int, inTheWay: [Int])?
        search: for activity in 0..<problem.activityCount where problem.sessions(of: activity).count >= 2 {
            let series = problem.sessions(of: activity)
            guard series.allSatisfy({ state.isPlaced($0) && problem.pinned[$0] == nil }) else { continue }
            let slot = state.start[series.lowerBound]
            let venues = (0..<problem.venueCount).filter { venue in
                series.allSatisfy { problem.canHold(activity, venue: venue, start: state.start[$0]) }
            }
            for kept in venues {
                for left in venues where facts.venueGrid[left] != facts.venueGrid[kept] {
                    let others = (0..<problem.sessionCount).filter { other in
                        let otherActivity = problem.sessionActivity[other]
                        return otherActivity != activity && problem.pinned[other] == nil && state.isPlaced(other)
                            && problem.canHold(otherActivity, venue: kept, start: slot)
                            && problem.canHold(otherActivity, venue: left, start: slot)
                    }
                    if others.count >= 2 {
                        found = (activity, kept, left, Array(others.prefix(2)))
                        break search
                    }
                }
            }
        }
        let (activity, kept, left, inTheWay) = try #require(found)
        let series = problem.sessions(of: activity)
        for session in series {
            state.relocate(session, venue: session == series.lowerBound ? left : kept, start: state.start[session])
        }
        for other in inTheWay { state.relocate(other, venue: kept, start: state.start[series.lowerBound]) }

        var gathered = false
        for attempt in 1...50 where !gathered {
            var search = LocalSearch(state: state, seed: UInt64(attempt))
            guard search.gatherSeries(series.lowerBound, balancingGrids: true) else { continue }
            gathered = true
            let after = search.state
            #expect(series.allSatisfy { after.venue[$0] == kept })
            #expect(inTheWay.allSatisfy { after.venue[$0] == left })
            let moved = (0..<problem.sessionCount).filter { after.venue[$0] != state.venue[$0] }
            #expect(moved.count == 3, "the gathered session and the two in its way, nothing sent back")
            #expect(after.score == ScheduleScorer.score(after.schedule(), for: season).score)
        }
        #expect(gathered)
    }
}
