import Testing
import WutongModel

@testable import WutongSolver

/// Moves rejected unscored while hard is 0: only those that really break a hard constraint, and
/// the search keeps exactly the moves and ends with exactly the schedule it did when it scored
/// every one.
@Suite struct ScreeningTests {
    /// Constructions with hard 0 to move from: the bundled season (two pools of one and two
    /// units, partner weekly limits, amplified sessions) and a generated one.
    static func starts() throws -> [(name: String, season: Season, state: SearchState<Int16>)] {
        let bundled = try #require(BundledSeason.load())
        let generated = SyntheticSeason.generate(activities: 60, seed: 7)
        return try [("bundled", bundled), ("generated", generated)].map { name, season in
            let problem = try CompiledProblem<Int16>(season: season)
            let state = Construction.run(problem, facts: try SearchFacts(problem: problem), seed: 1).state
            try #require(state.score.hard == 0, "\(name): the construction breaks no hard constraint")
            return (name, season, state)
        }
    }

    /// A generated season where every other activity is amplified and eight venues are within
    /// the noise distance of one another: many relocations would break `noise-neighbours`.
    static func noisyStart() throws -> (name: String, season: Season, state: SearchState<Int16>) {
        var season = SyntheticSeason.generate(activities: 60, seed: 7)
        for index in season.activities.indices where index % 2 == 0 { season.activities[index].amplified = true }
        let centre = season.venues[0].location
        for index in season.venues.indices.prefix(8) {
            season.venues[index].location = Coordinate(
                latitude: centre.latitude + Double(index) * 0.0001, longitude: centre.longitude)
        }
        let problem = try CompiledProblem<Int16>(season: season)
        let state = Construction.run(problem, facts: try SearchFacts(problem: problem), seed: 1).state
        try #require(state.score.hard == 0, "noisy: the construction breaks no hard constraint")
        return ("noisy", season, state)
    }

    /// The construction skips a start, without trying its venues, only when no venue would do:
    /// the start breaks a hard constraint at every venue (an audience or series constraint).
    @Test func aStartTheConstructionSkipsBreaksAHardConstraintAtEveryVenue() throws {
        for start in try Self.starts() {
            var state = start.state
            let problem = state.problem
            var random = SeededGenerator(seed: 5)
            var skipped = 0
            var kept = 0
            for _ in 0..<3_000 {
                guard let (session, _, slot) = problem.randomSessionAndStart(using: &random) else { continue }
                guard state.startBreaksHardAtEveryVenue(session, start: slot) else {
                    kept += 1
                    continue
                }
                skipped += 1
                let fitting = (0..<problem.venueCount).filter {
                    state.firstHardFailure(session, venue: $0, start: slot) == nil
                }
                #expect(fitting.isEmpty, "\(start.name): session \(session) at slot \(slot) fits \(fitting)")
            }
            #expect(skipped > 50, "\(start.name): some starts are taken by the session's audience or series")
            #expect(kept > 50)
        }
    }

    /// A relocation is screened exactly when its scored cost breaks a hard constraint that no
    /// new partner could mend: any hard cost besides partners', or partners' where the activity
    /// has no choice of partners. Where only partners stand in the way and there is a choice, it
    /// is left for the relocation that takes new partners along.
    @Test func aRelocationIsScreenedExactlyWhenItsCostSaysItBreaksAHardConstraint() throws {
        for (name, _, state) in try Self.starts() + [Self.noisyStart()] {
            let problem = state.problem
            var search = LocalSearch(state: state, seed: 1)
            var random = SeededGenerator(seed: 11)
            func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
            var screened = 0
            var scored = 0
            var partnersOnly = 0
            var noisy = 0
            for _ in 0..<20_000 {
                let session = search.movable[pick(search.movable.count)]
                let activity = problem.sessionActivity[session]
                let counts = problem.candidates.counts(activity)
                let venue = problem.candidates.venue(activity, pick(counts.venues))
                let start = problem.candidates.start(activity, pick(counts.starts))
                guard problem.canHold(activity, venue: venue, start: start),
                    venue != state.venue[session] || start != state.start[session]
                else { continue }
                var tally = ShareTally()
                search.state.relocationTally(session, venue: venue, start: start, into: &tally)
                let hard = search.state.cost(of: tally).hard
                let partners = search.state.partnerHardCost(of: tally)
                let choice = search.partnerChoice[activity]
                let breaks = search.relocationBreaksHard(session, venue: venue, start: start)
                #expect(
                    breaks == (hard > partners || (!choice && hard > 0)),
                    "\(name): session \(session) to venue \(venue) from slot \(start), hard \(hard), partners \(partners)"
                )
                if breaks { screened += 1 } else { scored += 1 }
                if !breaks, hard > 0 { partnersOnly += 1 }
                if tally.amounts[ConstraintID.noiseNeighbours.index] > 0 { noisy += 1 }
            }
            #expect(screened > 1_000 && scored > 1_000, "\(name): \(screened) screened, \(scored) scored")
            if name == "bundled" { #expect(partnersOnly > 100, "walls only partners make are left standing") }
            if name == "noisy" { #expect(noisy > 500, "\(noisy) relocations would make amplified sessions neighbours") }
        }
    }

    /// A session is not in the way of its own pool: moving it a slot or two at the same venue
    /// overlaps its own hold, and the units it draws there now are its own. The check agrees with
    /// the scored cost, where counting its own units would refuse such moves.
    @Test func aSessionDoesNotCrowdItsOwnPool() throws {
        var (_, _, state) = try #require(try Self.starts().first)
        let problem = state.problem
        var copy = state
        var ownUnitsMatter = 0
        for session in 0..<problem.sessionCount where state.isPlaced(session) {
            let activity = problem.sessionActivity[session]
            let place = state.venue[session]
            let pools = state.facts.poolsUsed(activity, venue: place)
            guard !pools.isEmpty else { continue }
            for start in state.start[session] - 2...state.start[session] + 2
            where start != state.start[session] && start >= 0 && start < problem.slotCount
                && problem.canHold(activity, venue: place, start: start)
            {
                var tally = ShareTally()
                copy.relocationTally(session, venue: place, start: start, into: &tally)
                let crowded = tally.amounts[ConstraintID.equipmentPool.index] > 0
                let failure = state.firstHardFailure(session, venue: place, start: start)
                #expect(crowded ? failure != nil : failure != .equipmentPool, "session \(session) from slot \(start)")
                let hold = state.clamped(problem.holdSlots(activity, from: start))
                let countingItself = pools.contains { pool in
                    hold.contains { state.poolUse[pool * problem.slotCount + $0] >= state.facts.pools[pool].count }
                }
                if countingItself, !crowded { ownUnitsMatter += 1 }
            }
        }
        #expect(ownUnitsMatter > 0, "some moves are free only once the session's own units are discounted")
    }

    /// A swap is screened only when the swapped schedule breaks a hard constraint (incrementally
    /// and from scratch), and nearly every swap that breaks one is screened.
    @Test func aSwapIsScreenedOnlyWhenItBreaksAHardConstraint() throws {
        for (name, season, state) in try Self.starts() {
            let problem = state.problem
            var search = LocalSearch(state: state, seed: 1)
            var random = SeededGenerator(seed: 12)
            func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
            var breaking = 0
            var screened = 0
            var kept = 0
            for _ in 0..<3_000 {
                let first = search.movable[pick(search.movable.count)]
                let second = search.movable[pick(search.movable.count)]
                let a = (venue: state.venue[first], start: state.start[first])
                let b = (venue: state.venue[second], start: state.start[second])
                guard first != second, a != b,
                    problem.canHold(problem.sessionActivity[first], venue: b.venue, start: b.start),
                    problem.canHold(problem.sessionActivity[second], venue: a.venue, start: a.start)
                else { continue }
                var swapped = state
                swapped.relocate(first, venue: b.venue, start: b.start)
                swapped.relocate(second, venue: a.venue, start: a.start)
                let screen = search.swapBreaksHard(first, second)
                if swapped.score.hard > 0 { breaking += 1 } else { kept += 1 }
                guard screen else { continue }
                screened += 1
                #expect(swapped.score.hard > 0, "\(name): swap of \(first) and \(second)")
                if screened % 10 == 0 {
                    #expect(ScheduleScorer.score(swapped.schedule(), for: season).score.hard > 0)
                }
            }
            #expect(screened > 100 && kept > 20, "\(name): \(screened) screened, \(kept) breaking nothing")
            #expect(screened * 10 >= breaking * 9, "\(name): \(screened) of \(breaking) breaking swaps screened")
        }
    }

    /// Screening changes the time a move takes, nothing else: with it and without, the search
    /// evaluates and keeps the same moves and ends with the same best schedule, under either
    /// acceptance rule.
    @Test func screeningChangesNothingButTheTime() throws {
        let seed: UInt64 = 3
        for (name, _, state) in try Self.starts() {
            for acceptance in [Acceptance.annealing, .lateAcceptance] {
                let moves = 30_000
                func run(screening: Bool) -> LocalSearch<Int16> {
                    var search = LocalSearch(
                        state: state, seed: seed, stallLimit: 2_000, cycleMovesPerSession: 50, screening: screening)
                    search.run(
                        moveLimit: moves, acceptance: acceptance, budget: Budget(moveLimit: moves, seconds: nil) { 0 },
                        shouldStop: { false }, progress: { _ in })
                    return search
                }
                let with = run(screening: true)
                let without = run(screening: false)
                let context = "\(name), \(acceptance), seed \(seed)"
                #expect(with.statistics.screened.reduce(0, +) > 3_000, "\(context)")
                #expect(with.restarts > 0, "\(context): the search went back to its best schedule")
                #expect(without.statistics.screened.reduce(0, +) == 0, "\(context)")
                #expect(with.statistics.evaluated == without.statistics.evaluated, "\(context)")
                #expect(with.statistics.accepted == without.statistics.accepted, "\(context)")
                #expect(with.best == without.best, "\(context)")
                #expect(with.state.schedule() == without.state.schedule(), "\(context)")
                #expect(
                    with.bestPlacements().map { "\(String(describing: $0))" }
                        == without.bestPlacements().map { "\(String(describing: $0))" }, "\(context)")
            }
        }
    }

    /// A hard constraint of weight 0 costs nothing when broken, so a move that breaks it may
    /// still be kept: the search then scores every move.
    @Test func aHardConstraintWithoutWeightScoresEveryMove() throws {
        var season = SyntheticSeason.generate(activities: 30, seed: 4)
        season.constraintSettings = [ConstraintSetting(id: .venueConflict, level: .hard, weight: 0)]
        let problem = try CompiledProblem<Int16>(season: season)
        let state = Construction.run(problem, facts: try SearchFacts(problem: problem), seed: 1).state
        var search = LocalSearch(state: state, seed: 1)
        #expect(!search.screensHard)
        search.run(
            moveLimit: 30_000, acceptance: .annealing, budget: Budget(moveLimit: 30_000, seconds: nil) { 0 },
            shouldStop: { false }, progress: { _ in })
        #expect(search.statistics.screened.reduce(0, +) == 0)
        #expect(search.evaluated > 10_000)
        season.constraintSettings = []
        let weighted = try CompiledProblem<Int16>(season: season)
        #expect(
            LocalSearch(state: SearchState(problem: weighted, facts: try SearchFacts(problem: weighted)), seed: 1)
                .screensHard)
    }
}
