import Testing
import WutongModel
import WutongTestSupport

@testable import WutongSolver

/// The search's tables hold 16-bit numbers when every number of the season fits and 32-bit ones
/// otherwise; the width changes what stays in the cache, never a move.
@Suite struct TableWidthTests {
    /// The bundled season, with one partner's weekly limit above what 16 bits hold (stored as
    /// the largest 16-bit number, which no count can reach): the same schedule from the same
    /// moves at either width.
    @Test func bothWidthsMakeTheSameMoves() throws {
        var season = try #require(BundledSeason.load())
        let partner = try #require(season.partners.indices.first)
        season.partners[partner].weeklyLimit = 100_000
        let options = SolveOptions(seed: 2, moveLimit: 60_000)
        let narrow = try Solver.solve(season, busy: [:], options: options, storing: Int16.self)
        let wide = try Solver.solve(season, busy: [:], options: options, storing: Int32.self)
        #expect(narrow.tableBits == 16)
        #expect(wide.tableBits == 32)
        #expect(narrow.schedule == wide.schedule)
        #expect(narrow.report.score == wide.report.score)
        #expect(narrow.evaluated == wide.evaluated)
        #expect(narrow.accepted == wide.accepted)
        #expect(narrow.searched == narrow.report.score)
        #expect(Solver.solve(season, options: options).tableBits == 16, "every number fits 16 bits")
    }

    /// A priority beyond 16 bits: the solver compiles the season again with 32 bits, and solves
    /// it as a 32-bit solve would.
    @Test func aNumberBeyondSixteenBitsTakesThirtyTwo() throws {
        var season = try #require(BundledSeason.load())
        season.activities[0].priority = 40_000
        #expect(throws: TableOverflow(value: 40_000)) {
            try SearchFacts(problem: try CompiledProblem<Int16>(season: season))
        }
        let options = SolveOptions(seed: 1, moveLimit: 20_000)
        let chosen = Solver.solve(season, options: options)
        let wide = try Solver.solve(season, busy: [:], options: options, storing: Int32.self)
        #expect(chosen.tableBits == 32)
        #expect(chosen.schedule == wide.schedule)
        #expect(chosen.report.score == wide.report.score)
    }

    /// The numbers that bound every count the search keeps are checked before any of the work.
    @Test func tooManySessionsForSixteenBitsAreRefusedAtOnce() throws {
        var season = try #require(BundledSeason.load())
        let before = season.activities.reduce(0) { $0 + $1.sessions }
        season.activities[0].sessions += 40_000
        #expect(throws: TableOverflow(value: before + 40_000)) { try CompiledProblem<Int16>(season: season) }
        #expect(try CompiledProblem<Int32>(season: season).sessionCount == before + 40_000)
    }
}
