import Testing
import WutongModel

@testable import WutongSolver

#if canImport(Darwin)
    import Darwin
#else
    import Glibc
#endif

/// Simulated annealing: the cooling schedule, the budget it cools over, and runs with it.
@Suite struct AcceptanceTests {
    /// Feeds the worsenings 1…1,000 in a scrambled order; none is kept while they calibrate.
    static func calibrated() -> Cooling {
        var cooling = Cooling()
        for step in 0..<1_000 {
            let worsening = (step * 397) % 1_000 + 1
            let kept = cooling.accepts(worsening: worsening, draw: 0)
            #expect(!kept, "kept while calibrating")
        }
        return cooling
    }

    @Test func coolingStartsAtTheMedianWorseningAndEndsAtATenthOfTheSmallest() {
        var cooling = Self.calibrated()
        #expect(cooling.isCalibrated)
        #expect(cooling.temperature == 501)
        cooling.update(fraction: 0.25)
        #expect(abs(cooling.temperature - (501 * 0.1).squareRoot()) < 1e-9, "halfway through the first cycle")
        cooling.update(fraction: 0.5.nextDown)
        #expect(abs(cooling.temperature - 0.1) < 1e-9, "the first cycle ends at half the budget")
        cooling.update(fraction: 1)
        #expect(abs(cooling.temperature - 0.1) < 1e-9, "the last cycle ends with the budget")
    }

    /// The first cycle takes half the budget, each later one half of the rest, the last all of
    /// a rest under a tenth; a later cycle starts at a fifth of the first start temperature.
    @Test func laterCyclesTakeHalfTheRestAndStartAtAFifthOfTheHeat() {
        var cooling = Self.calibrated()
        #expect(cooling.cycle == 0..<0.5)
        let began1 = cooling.update(fraction: 0.3)
        #expect(!began1, "still the first cycle")
        let began2 = cooling.update(fraction: 0.5)
        #expect(began2, "the second cycle begins at half the budget")
        #expect(cooling.cycles == 2)
        #expect(cooling.cycle == 0.5..<0.75)
        #expect(abs(cooling.temperature - 501 * 0.2) < 1e-9)
        let began3 = cooling.update(fraction: 0.625)
        #expect(!began3)
        #expect(abs(cooling.temperature - (501 * 0.2 * 0.1).squareRoot()) < 1e-9)
        let began4 = cooling.update(fraction: 0.95)
        #expect(began4, "a jump past several ends begins one new cycle")
        #expect(cooling.cycles == 5)
        #expect(cooling.cycle == 0.9375..<1)
        let began5 = cooling.update(fraction: 1)
        #expect(!began5, "nothing begins after the last cycle")
        #expect(cooling.cycles == 5)
    }

    /// A first cycle the caller says needs more of the budget takes it; the later ones halve
    /// what is left after it, and a floor of the whole budget leaves one cycle.
    @Test func theFirstCycleTakesAtLeastWhatTheCallerAsks() {
        var cooling = Self.calibrated()
        let early = cooling.update(fraction: 0.6, firstCycleAtLeast: 0.7)
        #expect(!early, "the first cycle runs to 0.7")
        #expect(cooling.cycle == 0..<0.7)
        #expect(abs(cooling.temperature - 501 * pow(0.1 / 501, 0.6 / 0.7)) < 1e-9)
        let began = cooling.update(fraction: 0.7, firstCycleAtLeast: 0.7)
        #expect(began)
        #expect(cooling.cycle == 0.7..<0.85)
        var single = Self.calibrated()
        let never = single.update(fraction: 0.99, firstCycleAtLeast: 1)
        #expect(!never)
        #expect(single.cycles == 1)
        #expect(single.cycle == 0..<1)
    }

    /// Cycles are counted before calibration too, so a search that calibrates late still
    /// restarts where the cycles say.
    @Test func cyclesBeginBeforeCalibration() {
        var cooling = Cooling()
        let began = cooling.update(fraction: 0.6)
        #expect(began)
        #expect(cooling.cycles == 2)
        #expect(cooling.temperature == 0)
    }

    @Test func beforeCalibrationTheTemperatureStaysAtZero() {
        var cooling = Cooling()
        let kept = cooling.accepts(worsening: 3, draw: 0)
        #expect(!kept)
        cooling.update(fraction: 0.5)
        #expect(cooling.temperature == 0)
        #expect(!cooling.isCalibrated)
    }

    @Test func atTheStartATypicalWorseningIsKeptAboutAThirdOfTheTime() {
        var cooling = Self.calibrated()
        cooling.update(fraction: 0)
        var random = SeededGenerator(seed: 4)
        let kept = (0..<20_000).filter { _ in cooling.accepts(worsening: 501, draw: random.next()) }.count
        // exp(-1) = 0.368
        #expect((7_000...7_700).contains(kept), "kept \(kept) of 20,000")
        cooling.update(fraction: 1)
        let late = (0..<20_000).filter { _ in cooling.accepts(worsening: 1, draw: random.next()) }.count
        // exp(-10) = 0.0000454: about one in 20,000.
        #expect(late <= 5, "at the end a worsening of 1 was kept \(late) times in 20,000")
    }

    @Test func theBudgetIsTheLargerShareOfMovesAndTime() {
        let moves = Budget(moveLimit: 1_000, seconds: nil) { 1_000 }
        #expect(moves.isBounded)
        #expect(moves.fraction(moves: 250) == 0.25)
        let time = Budget(moveLimit: Int.max, seconds: 10) { 4 }
        #expect(time.isBounded)
        #expect(time.fraction(moves: 1_000_000) == 0.4)
        let both = Budget(moveLimit: 1_000, seconds: 10) { 4 }
        #expect(both.fraction(moves: 800) == 0.8)
        #expect(both.fraction(moves: 100) == 0.4)
        #expect(both.fraction(moves: 5_000) == 1)
        let none = Budget(moveLimit: Int.max, seconds: nil) { 100 }
        #expect(!none.isBounded)
        #expect(none.fraction(moves: 1_000_000) == 0)
    }

    @Test func annealingWithAMoveLimitIsReproducibleAndScoresAgree() {
        let season = SyntheticSeason.generate(activities: 40, seed: 5)
        let options = SolveOptions(seed: 4, moveLimit: 30_000, acceptance: .annealing)
        let first = Solver.solve(season, options: options)
        let second = Solver.solve(season, options: options)
        #expect(first.schedule == second.schedule)
        #expect(first.report.score == first.searched)
        #expect(first.report.score < first.constructed)
        #expect(first.restarts == 0, "30,000 moves are too few for more than one cycle")
        let late = Solver.solve(season, options: SolveOptions(seed: 4, moveLimit: 30_000, acceptance: .lateAcceptance))
        #expect(late.schedule != first.schedule, "the two rules take different paths")
    }

    /// With neither a move limit nor a time limit there is nothing to cool over: the search runs
    /// late acceptance, move for move.
    @Test func annealingWithoutABudgetFallsBackToLateAcceptance() {
        let season = SyntheticSeason.generate(activities: 30, seed: 3)
        func run(_ acceptance: Acceptance) -> SolveResult {
            var checks = 0
            return Solver.solve(
                season, options: SolveOptions(seed: 2, moveLimit: Int.max, acceptance: acceptance),
                shouldStop: {
                    checks += 1
                    return checks > 40
                })
        }
        let annealing = run(.annealing)
        let late = run(.lateAcceptance)
        #expect(annealing.moves == late.moves)
        #expect(annealing.schedule == late.schedule)
        #expect(annealing.accepted == late.accepted)
    }

    /// Annealing's moves keep the incremental totals equal to the from-scratch scorer's, and
    /// every kind of move is both tried and kept.
    @Test(arguments: [5, 8] as [UInt64])
    func annealingMovesKeepIncrementalEqualToFromScratch(seed: UInt64) throws {
        let season = IncrementalScoreTests.season(seed: seed)
        let problem = try CompiledProblem<Int16>(season: season)
        let built = Construction.run(problem, facts: try SearchFacts(problem: problem), seed: seed)
        // Cycles of at least 10 moves per session: the later ones start from the best schedule.
        var search = LocalSearch(state: built.state, seed: seed, cycleMovesPerSession: 10)
        let budget = Budget(moveLimit: 40_000, seconds: nil) { 0 }
        for round in 1...4 {
            search.run(
                moveLimit: round * 10_000, acceptance: .annealing, budget: budget, shouldStop: { false },
                progress: { _ in })
            let report = ScheduleScorer.score(search.state.schedule(), for: season)
            for total in report.totals {
                #expect(
                    search.state.amounts[total.constraint.index] == total.amount,
                    "seed \(seed), after \(search.moves) moves: \(total.constraint.rawValue)")
            }
            #expect(search.state.score == report.score)
        }
        #expect(search.restarts > 0, "new cycles went back to the best schedule")
        for kind in [MoveKind.relocate, .beside, .partner, .swap, .kempeChain, .gather, .replace] {
            #expect(search.statistics.evaluated[kind.rawValue] > 0, "\(kind) never tried")
            #expect(search.statistics.accepted[kind.rawValue] > 0, "\(kind) never kept")
        }
    }
}
