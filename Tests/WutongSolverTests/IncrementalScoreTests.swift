import Testing
import WutongModel

@testable import WutongSolver

/// Random moves on random seasons: the incremental amounts always equal the from-scratch
/// scorer's, constraint by constraint.
@Suite struct IncrementalScoreTests {
    static func season(seed: UInt64) -> Season {
        var season = SyntheticSeason.generate(activities: 24, seed: seed)
        var random = SeededGenerator(seed: seed &* 31)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        season.neighbourhoods = (0..<3).map { index in
            Neighbourhood(
                id: "n\(index)", name: "N", grid: "g1", location: season.venues[pick(season.venues.count)].location)
        }
        for index in season.activities.indices {
            if pick(3) == 0 { season.activities[index].minDistinctDays = min(season.activities[index].sessions, 2) }
            if pick(4) == 0 { season.activities[index].equipment.insert(.sound) }
            if pick(5) == 0 {
                season.activities[index].forbidden = [
                    LocalPeriod(start: LocalDateTime("2027-03-10T00:00")!, end: LocalDateTime("2027-03-20T00:00")!)
                ]
            }
            // Sessions for several audience groups (as an ITC-2007 course shared by curricula).
            if pick(3) == 0 {
                let extra = season.audiences[pick(season.audiences.count)].id
                if !season.activities[index].audiences.contains(extra) {
                    season.activities[index].audiences.append(extra)
                }
            }
            if pick(4) == 0 {
                season.activities[index].windows = [
                    WeeklyWindow(days: [.sat, .sun, .wed], from: TimeOfDay("09:00")!, to: TimeOfDay("21:00")!)
                ]
            }
        }
        season.activities[5].after = [ActivityReference(activity: season.activities[2].id)]
        season.activities[9].after = [
            ActivityReference(activity: season.activities[2].id), ActivityReference(activity: season.activities[4].id),
        ]
        season.partners[0].unavailable = [
            LocalPeriod(start: LocalDateTime("2027-03-01T00:00")!, end: LocalDateTime("2027-04-01T00:00")!)
        ]
        season.equipmentPools = [EquipmentPool(id: "sound", name: "Sound", provides: .sound, count: 1)]
        // Soft levels let the search reach placements the hard unary filters would exclude.
        season.constraintSettings = [
            ConstraintSetting(id: .venueCapacity, level: .soft, weight: 1),
            ConstraintSetting(id: .venueEligibility, level: .soft, weight: 3),
            ConstraintSetting(id: .audienceWindow, level: .soft, weight: 2),
            ConstraintSetting(id: .activityWindow, level: .soft, weight: 2),
            ConstraintSetting(id: .quietHours, level: .soft, weight: 2),
        ]
        return season
    }

    /// Both widths of the search's tables: the solver takes 16 bits for every season these
    /// tests generate, and 32 only for larger numbers, so the 32-bit path is taken here by hand.
    @Test(arguments: [1, 2, 3, 4] as [UInt64], [16, 32])
    func randomMovesKeepIncrementalEqualToFromScratch(seed: UInt64, bits: Int) throws {
        if bits == 16 {
            try Self.checkRandomMoves(on: Self.season(seed: seed), seed: seed, storing: Int16.self)
        } else {
            try Self.checkRandomMoves(on: Self.season(seed: seed), seed: seed, storing: Int32.self)
        }
    }

    /// Every activity amplified, eight venues within the noise distance of one another and four
    /// a kilometre away, over two weeks: `noise-neighbours` counts many pairs, found through the
    /// near venues' lists of amplified sessions.
    @Test(arguments: [5, 6] as [UInt64])
    func randomMovesOnANoisyStreetKeepNoiseNeighboursRight(seed: UInt64) throws {
        var season = Self.season(seed: seed)
        for index in season.activities.indices { season.activities[index].amplified = true }
        let centre = season.venues[0].location
        for index in season.venues.indices {
            let offset = Double(index) * 0.0001
            season.venues[index].location =
                index < 8
                ? Coordinate(latitude: centre.latitude + offset, longitude: centre.longitude)
                : Coordinate(latitude: centre.latitude + 0.01 + offset, longitude: centre.longitude)
        }
        season.calendar.end = LocalDate("2027-03-14")!
        let most = try Self.checkRandomMoves(on: season, seed: seed, storing: Int16.self)
        #expect(most[ConstraintID.noiseNeighbours.index] >= 5, "the street is noisy enough to count pairs")
    }

    /// Venues on two continents: a walk between them takes longer than the 65,535 minutes the
    /// compiled table holds, which stores it as 65,535. Partners with two sessions a day, one
    /// on each continent, still conflict, as the scorer (which computes the walk itself) says.
    @Test(arguments: [7, 8] as [UInt64])
    func randomMovesBetweenContinentsKeepPartnerConflictsRight(seed: UInt64) throws {
        var season = Self.season(seed: seed)
        for index in season.venues.indices where index % 2 == 1 {
            season.venues[index].location = Coordinate(latitude: -23.55, longitude: -46.63)
        }
        season.calendar.end = LocalDate("2027-03-07")!
        let problem = try CompiledProblem<Int16>(season: season)
        #expect(problem.walkMinutes.contains(UInt16.max), "some walk is clamped")
        let most = try Self.checkRandomMoves(on: season, seed: seed, storing: Int16.self)
        #expect(most[ConstraintID.partnerConflict.index] >= 1, "partners meet both continents on one day")
    }

    /// Random relocations, partner changes, removals and placements, each costed move checked
    /// against its cost once made, and every total against the scorer every 150 rounds. Returns
    /// the largest amount of each constraint seen at those checks.
    @discardableResult
    static func checkRandomMoves<Stored: TableInteger>(
        on season: Season, seed: UInt64, storing: Stored.Type
    ) throws -> [Int] {
        var most = Array(repeating: 0, count: ConstraintID.allCases.count)
        let problem = try CompiledProblem<Stored>(season: season)
        var random = SeededGenerator(seed: seed)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(max(1, count))) }
        // A baseline from a first random state, for `stability`.
        var scratch = SearchState(problem: problem, facts: try SearchFacts(problem: problem))
        func randomPlacement(_ state: SearchState<Stored>, _ session: Int) -> (Int, Int, [Int])? {
            let activity = problem.sessionActivity[session]
            let venues = problem.candidateVenues[activity]
            let starts = problem.candidateStarts[activity].filter { start in
                venues.contains { problem.venueAllowsIgnoringQuiet(activity, venue: $0, start: start) }
            }
            guard !venues.isEmpty, !starts.isEmpty else { return nil }
            let start = starts[pick(starts.count)]
            let open = venues.filter { problem.venueAllowsIgnoringQuiet(activity, venue: $0, start: start) }
            var partners: [Int] = []
            for requirement in problem.requirements[activity] {
                for _ in 0..<requirement.count where !requirement.candidates.isEmpty {
                    partners.append(requirement.candidates[pick(requirement.candidates.count)])
                }
            }
            return (open[pick(open.count)], start, partners)
        }
        for session in 0..<problem.sessionCount where pick(3) > 0 {
            if let (venue, start, partners) = randomPlacement(scratch, session) {
                scratch.insert(session, venue: venue, start: start, partners: partners)
            }
        }
        let baseline = scratch.schedule()
        var state = SearchState(problem: problem, facts: try SearchFacts(problem: problem, baseline: baseline))
        for round in 0..<3_000 {
            let session = pick(problem.sessionCount)
            if state.isPlaced(session), pick(2) == 0, let placement = randomPlacement(state, session) {
                // A relocation costed before it is made costs what making it costs. A third keep
                // the venue and a third the start, whose parts the delta leaves out as cancelling.
                let keep = pick(3)
                let venue = keep == 0 ? state.venue[session] : placement.0
                let start = keep == 1 ? state.start[session] : placement.1
                guard venue != state.venue[session] || start != state.start[session] else { continue }
                let before = state.score
                let predicted = state.relocationDelta(session, venue: venue, start: start)
                state.relocate(session, venue: venue, start: start)
                #expect(state.score.hard - before.hard == predicted.hard, "seed \(seed), round \(round): hard delta")
                #expect(state.score.soft - before.soft == predicted.soft, "seed \(seed), round \(round): soft delta")
            } else if state.isPlaced(session), pick(2) == 0, state.teamCount[session] > 0 {
                // So does a partner change.
                let position = pick(state.teamCount[session])
                let replacement = pick(problem.partnerCount)
                guard !state.partners(session).contains(replacement) else { continue }
                let before = state.score
                if let predicted = state.partnerChangeDelta(session, at: position, with: replacement) {
                    state.replacePartner(session, at: position, with: replacement)
                    #expect(state.score.hard - before.hard == predicted.hard, "seed \(seed), round \(round): hard")
                    #expect(state.score.soft - before.soft == predicted.soft, "seed \(seed), round \(round): soft")
                }
            } else {
                if state.isPlaced(session) { state.remove(session) }
                if pick(5) > 0, let (venue, start, partners) = randomPlacement(state, session) {
                    state.insert(session, venue: venue, start: start, partners: partners)
                }
            }
            guard round % 150 == 149 else { continue }
            let report = ScheduleScorer.score(state.schedule(), for: season, baseline: baseline)
            for total in report.totals {
                #expect(
                    state.amounts[total.constraint.index] == total.amount,
                    "seed \(seed), round \(round): \(total.constraint.rawValue) incremental \(state.amounts[total.constraint.index]) vs from scratch \(total.amount)"
                )
            }
            #expect(state.score == report.score)
            for index in most.indices { most[index] = max(most[index], state.amounts[index]) }
        }
        return most
    }

    /// The search's own moves (relocations costed in advance, partner changes, swaps, Kempe
    /// chains, restarts with perturbation) leave the incremental totals equal to the scorer's.
    @Test(arguments: [5, 6] as [UInt64], [16, 32])
    func searchMovesKeepIncrementalEqualToFromScratch(seed: UInt64, bits: Int) throws {
        if bits == 16 {
            try Self.checkSearchMoves(seed: seed, storing: Int16.self)
        } else {
            try Self.checkSearchMoves(seed: seed, storing: Int32.self)
        }
    }

    static func checkSearchMoves<Stored: TableInteger>(seed: UInt64, storing: Stored.Type) throws {
        let season = Self.season(seed: seed)
        let problem = try CompiledProblem<Stored>(season: season)
        let facts = try SearchFacts(problem: problem)
        let built = Construction.run(problem, facts: facts, seed: seed)
        var search = LocalSearch(state: built.state, seed: seed, stallLimit: 2_000)
        for round in 1...4 {
            search.run(moveLimit: round * 5_000, shouldStop: { false }, progress: { _ in })
            let report = ScheduleScorer.score(search.state.schedule(), for: season)
            for total in report.totals {
                #expect(
                    search.state.amounts[total.constraint.index] == total.amount,
                    "seed \(seed), after \(search.moves) moves: \(total.constraint.rawValue)")
            }
            #expect(search.state.score == report.score)
        }
        #expect(search.restarts > 0)
    }

    /// A season with more sessions than room: the search keeps trying to place the rest, by
    /// free spots and by taking out what collides. Every kind of move must keep the totals right
    /// and a rejected one must leave the plan as it was (asserted inside the search).
    @Test func anOverfullSeasonExercisesEveryPlacingMove() throws {
        var season = Self.season(seed: 7)
        season.calendar.end = season.calendar.start.adding(days: 2)
        let problem = try CompiledProblem<Int16>(season: season)
        let facts = try SearchFacts(problem: problem)
        let built = Construction.run(problem, facts: facts, seed: 7)
        #expect(built.state.score.medium > 0)
        var search = LocalSearch(state: built.state, seed: 7, stallLimit: 50_000)
        search.run(moveLimit: 40_000, shouldStop: { false }, progress: { _ in })
        #expect(search.statistics.evaluated[MoveKind.eject.rawValue] > 0)
        #expect(search.statistics.accepted[MoveKind.eject.rawValue] > 0)
        let report = ScheduleScorer.score(search.state.schedule(), for: season)
        #expect(search.state.score == report.score)
        #expect(search.best.medium <= built.state.score.medium)
    }
}
