import Testing
import WutongModel
import WutongSolver

/// `Solver.explainUnplaced` explains a session left out of a schedule against that schedule.
@Suite struct UnplacedExplanationTests {
    /// Taking one session out of a solved plan: every placement is looked at, and at least one
    /// fits (the one it had).
    @Test func aSessionTakenOutOfAPlanFitsWhereItWas() throws {
        let season = try #require(BundledSeason.load())
        let solved = Solver.solve(season, options: SolveOptions(seed: 1, moveLimit: 20_000))
        #expect(solved.report.unplaced.isEmpty)
        var random = SeededGenerator(seed: 5)
        for _ in 0..<10 {
            var schedule = solved.schedule
            let index = Int(random.next() % UInt64(schedule.sessions.count))
            schedule.sessions[index].placement = nil
            let key = SessionKey(activity: schedule.sessions[index].activity, index: schedule.sessions[index].index)
            let reasons = Solver.explainUnplaced([key], in: schedule, for: season)
            let why = try #require(reasons[key])
            #expect(why.examined == why.placements && why.placements > 0)
            #expect(why.fits >= 1, "\(key): at least where it was: \(why)")
        }
        // Nothing to explain for a placed session or for none.
        #expect(Solver.explainUnplaced([], in: solved.schedule, for: season).isEmpty)
        let placed = SessionKey(
            activity: solved.schedule.sessions[0].activity, index: solved.schedule.sessions[0].index)
        #expect(Solver.explainUnplaced([placed], in: solved.schedule, for: season).isEmpty)
    }

    /// With every partner away, an empty schedule explains every session as the construction did.
    @Test func anEmptyScheduleIsExplainedAsTheConstructionExplainsIt() {
        let season = PartnerShortageTests.everyoneAway()
        let solved = Solver.solve(season, options: SolveOptions(seed: 1, moveLimit: 0))
        let reasons = Solver.explainUnplaced(solved.report.unplaced, in: solved.schedule, for: season)
        #expect(reasons.count == season.sessionCount)
        #expect(reasons == solved.reasons)
    }
}
