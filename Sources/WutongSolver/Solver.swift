public import WutongModel

/// What a solve produced: the schedule, its score from the from-scratch scorer, and why each
/// unplaced session could not be placed.
public struct SolveResult: Sendable {
    public var schedule: Schedule
    public var report: ScoreReport
    public var reasons: [SessionKey: [(constraint: ConstraintID, candidates: Int)]]
}

/// Entry point of the search. So far it builds the schedule by construction only (most
/// constrained first, every hard constraint kept); local search comes next.
public enum Solver {
    public static func solve(_ season: Season, busy: [String: [LocalPeriod]] = [:], seed: UInt64 = 1) -> SolveResult {
        let problem = CompiledProblem(season: season, busy: busy)
        let built = Construction.run(problem, seed: seed)
        let report = ScheduleScorer.score(built.schedule, for: season, busy: busy)
        return SolveResult(schedule: built.schedule, report: report, reasons: built.reasons)
    }
}
