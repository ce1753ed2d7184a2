import Testing
import WutongFormats
import WutongModel
import WutongSolver
import WutongTestSupport

@Suite struct ConstructionTests {
    /// The construction keeps every hard constraint, as the independent from-scratch scorer sees it.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func bundledSeasonIsPlacedWithoutHardViolations(seed: UInt64) throws {
        let season = try #require(BundledSeason.load())
        let result = Solver.solve(season, options: SolveOptions(seed: seed, moveLimit: 0))
        #expect(
            result.report.score.hard == 0,
            "\(result.report.violations.filter { season.setting(for: $0.constraint).level == .hard })")
        #expect(result.report.unplaced.isEmpty, "\(result.report.unplaced) \(result.reasons)")
        #expect(result.schedule.sessions.count == season.sessionCount)
    }

    @Test(arguments: [(30, 1), (200, 2)] as [(Int, UInt64)])
    func syntheticSeasonsKeepHardConstraints(activities: Int, seed: UInt64) {
        let season = SyntheticSeason.generate(activities: activities, seed: seed)
        let result = Solver.solve(season, options: SolveOptions(seed: seed, moveLimit: 0))
        #expect(result.report.score.hard == 0)
        #expect(result.report.unplaced.count == result.reasons.count)
    }

    @Test func sameSeedSameSchedule() throws {
        let season = try #require(BundledSeason.load())
        #expect(
            Solver.solve(season, options: SolveOptions(seed: 7, moveLimit: 0)).schedule
                == Solver.solve(season, options: SolveOptions(seed: 7, moveLimit: 0)).schedule)
    }

    @Test func anOverfullSeasonExplainsEveryUnplacedSession() throws {
        var season = SyntheticSeason.generate(activities: 6, seed: 3)
        season.venues = Array(season.venues.prefix(1))
        season.venues[0].capacity = 10_000
        season.venues[0].equipment = Set(Equipment.allCases)
        season.venues[0].openingHours = [WeeklyWindow(days: [.sat], from: TimeOfDay("10:00")!, to: TimeOfDay("12:00")!)]
        for index in season.activities.indices { season.activities[index].eligibility = VenueEligibility() }
        let result = Solver.solve(season, options: SolveOptions(seed: 1, moveLimit: 0))
        #expect(!result.report.unplaced.isEmpty)
        #expect(result.report.score.hard == 0)
        for key in result.report.unplaced {
            let why = try #require(result.reasons[key], "\(key)")
            #expect(!why.ruledOut.isEmpty, "\(key)")
            // A small season: every candidate placement is looked at, and each one that was is
            // ruled out by exactly one constraint (else the session would have been placed).
            #expect(!why.isSampled && why.examined > 0)
            #expect(why.ruledOut.map(\.candidates).reduce(0, +) == why.examined, "\(key): \(why)")
        }
    }

    /// Where nothing fits even on an empty street, no move can place anything: the search is
    /// skipped rather than spinning until its limit. One session that fits is enough to search.
    @Test func aSeasonWhereNothingFitsIsNotSearched() {
        var season = PartnerShortageTests.everyoneAway()
        let nothing = Solver.solve(season, options: SolveOptions(seed: 1, moveLimit: 20_000))
        #expect(nothing.searchSkipped && nothing.moves == 0 && nothing.evaluated == 0)
        #expect(nothing.report.unplaced.count == season.sessionCount)
        #expect(nothing.reasons.count == season.sessionCount)
        // One partner back: the sessions that can use it are placed, and the search runs.
        season.partners[0].unavailable = []
        let some = Solver.solve(season, options: SolveOptions(seed: 1, moveLimit: 20_000))
        #expect(some.report.unplaced.count < season.sessionCount)
        #expect(!some.searchSkipped && some.moves == 20_000)
    }

    @Test func pinnedSessionsStayPut() throws {
        let season = try #require(BundledSeason.load())
        let result = Solver.solve(season, options: SolveOptions(seed: 1, moveLimit: 0))
        let pinned = try #require(result.schedule.sessions.first { $0.activity == "open-day" && $0.index == 2 })
        #expect(pinned.placement?.venue == "pushkin-square")
        #expect(pinned.placement?.start == LocalDateTime("2027-05-22T13:00"))
    }
}

enum BundledSeason {
    static func load() -> Season? {
        SeasonLoader.load(path: TestPaths.bundledSeason).season
    }
}
