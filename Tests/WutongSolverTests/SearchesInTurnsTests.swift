import Testing
import WutongModel
import WutongTestSupport

@testable import WutongSolver

/// `bench scaling` times searches in turns; a search run in turns must make the very moves of
/// one run, or the turns would time other work than `bench solve` does.
@Suite struct SearchesInTurnsTests {
    /// One search run to its limit at once, the other in turns of 997 moves (not a multiple of
    /// the 256 moves between checks), with restarts from the best (late acceptance with a short
    /// stall limit) or cooling cycles (annealing over the move limit, short first cycle) in
    /// between.
    @Test(arguments: [Acceptance.lateAcceptance, .annealing])
    func aSearchResumedInTurnsMakesTheMovesOfOneRun(acceptance: Acceptance) throws {
        let season = SyntheticSeason.generate(activities: 40, seed: 5)
        let problem = try CompiledProblem<Int16>(season: season)
        let facts = try SearchFacts(problem: problem)
        let built = Construction.run(problem, facts: facts, seed: 3)
        let limit = 40_000
        let budget = Budget(moveLimit: limit, seconds: nil, elapsed: { 0 })
        var whole = LocalSearch(state: built.state, seed: 3, stallLimit: 2_000, cycleMovesPerSession: 10)
        whole.run(moveLimit: limit, acceptance: acceptance, budget: budget, shouldStop: { false }, progress: { _ in })
        var inTurns = LocalSearch(state: built.state, seed: 3, stallLimit: 2_000, cycleMovesPerSession: 10)
        var turns = 0
        while inTurns.moves < limit {
            inTurns.run(
                moveLimit: min(limit, inTurns.moves + 997), acceptance: acceptance, budget: budget,
                shouldStop: { false }, progress: { _ in })
            turns += 1
        }
        #expect(turns == 41)
        #expect(whole.restarts > 1, "the test should cross restarts or cycles")
        #expect(inTurns.moves == whole.moves)
        #expect(inTurns.evaluated == whole.evaluated)
        #expect(inTurns.accepted == whole.accepted)
        #expect(inTurns.restarts == whole.restarts)
        #expect(inTurns.best == whole.best)
        #expect(inTurns.state.score == whole.state.score)
        #expect(placements(inTurns) == placements(whole))
    }

    /// Each season's search in `SearchesInTurns` makes the moves `Solver.solve` makes with the
    /// same seed and move limit, and its turns add up to them; a season where nothing fits is
    /// not searched, as in `Solver.solve`.
    @Test func turnsMakeTheMovesOfSolve() throws {
        let small = SyntheticSeason.generate(activities: 20, seed: 2)
        let larger = SyntheticSeason.generate(activities: 60, seed: 2)
        let nothingFits = PartnerShortageTests.everyoneAway()
        let timed = SearchesInTurns.run(
            [(small, [:]), (larger, [:]), (nothingFits, [:])], moveLimit: 20_000, turn: 3_000, seed: 4)
        for (season, measured) in zip([small, larger], timed) {
            let solved = Solver.solve(season, options: SolveOptions(seed: 4, moveLimit: 20_000))
            #expect(measured.sessions == season.sessionCount)
            #expect(measured.tableBits == 16)
            #expect(measured.moves == 20_000)
            #expect(measured.evaluated == solved.evaluated)
            #expect(measured.turns.map(\.moves) == [3_000, 3_000, 3_000, 3_000, 3_000, 3_000, 2_000])
            #expect(measured.turns.reduce(0) { $0 + $1.evaluated } == solved.evaluated)
            #expect(abs(measured.turns.reduce(0) { $0 + $1.seconds } - measured.seconds) < 1e-9)
        }
        #expect(timed[2].moves == 0 && timed[2].turns.isEmpty)
    }

    private func placements(_ search: LocalSearch<Int16>) -> [String] {
        search.bestPlacements().map { placement in
            placement.map { "\($0.venue)@\($0.start):\($0.partners)" } ?? "unplaced"
        }
    }
}
