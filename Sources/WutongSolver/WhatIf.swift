public import WutongModel

/// One what-if run: the scenario's season re-solved from the published schedule, keeping what
/// happened (frozen) and what is pinned, moving as little as it can (`stability`), and the diff
/// against the published schedule.
public struct WhatIfResult: Sendable {
    public var solved: SolveResult
    public var diff: ScheduleDiff
    /// The published schedule scored against the original season: the re-plan's "before".
    public var before: ScoreReport
}

public enum WhatIf {
    /// - Parameters:
    ///   - original: the season the baseline was published for (to score the "before").
    ///   - options: seed, limits and acceptance; the baseline and earliest start come from the
    ///     application.
    public static func run(
        _ application: ScenarioApplication, original: Season, busy: [String: [LocalPeriod]] = [:],
        options: SolveOptions, shouldStop: () -> Bool = { false }
    ) -> WhatIfResult {
        var options = options
        options.baseline = application.baseline
        options.notBefore = application.now
        let solved = Solver.solve(application.season, busy: busy, options: options, shouldStop: shouldStop)
        let diff = ScheduleDiff(
            baseline: application.published, revised: solved.schedule, affected: application.affected,
            frozen: application.frozen)
        let before = ScheduleScorer.score(application.published, for: original, busy: busy)
        return WhatIfResult(solved: solved, diff: diff, before: before)
    }
}
