import Testing
import WutongModel

@testable import WutongSolver

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
        cooling.update(fraction: 1)
        #expect(abs(cooling.temperature - 0.1) < 1e-9)
        cooling.update(fraction: 0.5)
        #expect(abs(cooling.temperature - (501 * 0.1).squareRoot()) < 1e-9)
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
        #expect(first.restarts == 0, "annealing does not restart")
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
    func annealingMovesKeepIncrementalEqualToFromScratch(seed: UInt64) {
        let season = IncrementalScoreTests.season(seed: seed)
        let problem = CompiledProblem(season: season)
        let built = Construction.run(problem, facts: SearchFacts(problem: problem), seed: seed)
        var search = LocalSearch(state: built.state, seed: seed)
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
        for kind in [MoveKind.relocate, .beside, .partner, .swap, .kempeChain] {
            #expect(search.statistics.evaluated[kind.rawValue] > 0, "\(kind) never tried")
            #expect(search.statistics.accepted[kind.rawValue] > 0, "\(kind) never kept")
        }
    }
}
