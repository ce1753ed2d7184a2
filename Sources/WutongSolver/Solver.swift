import Dispatch
import Synchronization
public import WutongModel

/// What a solve produced: the schedule, its score from the from-scratch scorer, why each
/// unplaced session could not be placed, and how the search went.
public struct SolveResult: Sendable {
    public var schedule: Schedule
    public var report: ScoreReport
    public var reasons: [SessionKey: UnplacedReasons]
    /// The score after construction, before local search.
    public var constructed: Score
    /// The best score the incremental scorer saw; equals `report.score` unless the two scorers
    /// disagree (which the tests rule out).
    public var searched: Score
    /// Moves tried (what `moveLimit` counts) and moves scored (tried moves that were possible).
    public var moves: Int
    public var evaluated: Int
    /// Evaluated moves the acceptance rule kept.
    public var accepted: Int
    /// Times the search went back to its best schedule and perturbed it.
    public var restarts: Int
    /// Whether the search was skipped because the construction placed nothing: no session fits
    /// anywhere even with nothing else placed, so no move could place one.
    public var searchSkipped: Bool
    public var statistics: MoveStatistics
    /// How long compiling the season (twice when it did not fit 16 bits) and building the
    /// first schedule took, in seconds.
    public var constructionSeconds: Double
    /// How long the local search itself ran, in seconds: not the compiling, the construction
    /// or the final rescoring, which grow with the season while a move should not.
    public var searchSeconds: Double
    /// The width of the search's tables in bits: 16 when every number of the season fits,
    /// else 32. The search makes the same moves either way; narrower tables only keep more of
    /// a large season in the cache.
    public var tableBits: Int
}

/// How long and how the search runs. With a move limit and no stop request the result depends
/// only on the season, the busy times and the seed.
public struct SolveOptions: Sendable {
    public var seed: UInt64
    public var moveLimit: Int
    public var baseline: Schedule?
    /// Searches run side by side with seeds seed, seed + 1, …; the best schedule wins (ties go
    /// to the lowest seed), so a move-limited run stays reproducible.
    public var threads: Int
    /// How long the caller will let the search run, in seconds, if it knows; the annealing
    /// schedule spreads its cooling over this or over the move limit, whichever ends first.
    public var timeLimit: Double?
    public var acceptance: Acceptance
    /// In a re-plan: nothing that is not pinned may start before this moment.
    public var notBefore: LocalDateTime?

    public init(
        seed: UInt64 = 1, moveLimit: Int = 2_000_000, baseline: Schedule? = nil, threads: Int = 1,
        timeLimit: Double? = nil, acceptance: Acceptance = .annealing, notBefore: LocalDateTime? = nil
    ) {
        self.seed = seed
        self.moveLimit = moveLimit
        self.baseline = baseline
        self.threads = max(1, threads)
        self.timeLimit = timeLimit
        self.acceptance = acceptance
        self.notBefore = notBefore
    }
}

/// The rule that decides whether the search keeps a move that makes the schedule worse.
public enum Acceptance: String, Sendable, CaseIterable {
    /// Late acceptance hill climbing: no worse than now or than 1,000 moves ago.
    case lateAcceptance = "late"
    /// Simulated annealing cooled over the run's budget (move limit or time limit), in cycles
    /// of which each after the first starts again from the best schedule (`Cooling`). Without a
    /// budget the search falls back to late acceptance.
    case annealing
}

/// One progress report of a running search.
public struct SolveProgress: Sendable {
    public var moves: Int
    public var evaluated: Int
    public var best: Score
    /// Restarts from the best schedule so far.
    public var restarts: Int
}

/// Entry point of the search: construction (most constrained first, every hard constraint
/// kept), then local search with incremental scoring (simulated annealing over the budget, or
/// late acceptance). No I/O: the caller says
/// when to stop and receives progress.
public enum Solver {
    /// A portfolio of `options.threads` searches over one compiled problem. Progress comes from
    /// the first search only.
    public static func solvePortfolio(
        _ season: Season, busy: [String: [LocalPeriod]] = [:], options: SolveOptions = SolveOptions(),
        shouldStop: @escaping @Sendable () -> Bool = { false },
        progress: @escaping @Sendable (SolveProgress) -> Void = { _ in }
    ) -> SolveResult {
        guard options.threads > 1 else {
            return solve(season, busy: busy, options: options, shouldStop: shouldStop, progress: progress)
        }
        let results = Mutex<[SolveResult?]>(Array(repeating: nil, count: options.threads))
        DispatchQueue.concurrentPerform(iterations: options.threads) { index in
            var own = options
            own.seed = options.seed &+ UInt64(index)
            own.threads = 1
            let result = solve(
                season, busy: busy, options: own, shouldStop: shouldStop,
                progress: { if index == 0 { progress($0) } })
            results.withLock { $0[index] = result }
        }
        let all = results.withLock { $0.compactMap { $0 } }
        return all.enumerated().min { ($0.element.report.score, $0.offset) < ($1.element.report.score, $1.offset) }!
            .element
    }

    public static func solve(
        _ season: Season, busy: [String: [LocalPeriod]] = [:], options: SolveOptions = SolveOptions(),
        shouldStop: () -> Bool = { false }, progress: (SolveProgress) -> Void = { _ in }
    ) -> SolveResult {
        // A 16-bit attempt that fails counts in the construction time of the 32-bit solve.
        let compiling = ContinuousClock.now
        return narrowestTables(
            sixteen: { () throws(TableOverflow) in
                try solve(
                    season, busy: busy, options: options, storing: Int16.self, compilingSince: compiling,
                    shouldStop: shouldStop, progress: progress)
            },
            thirtyTwo: { () throws(TableOverflow) in
                try solve(
                    season, busy: busy, options: options, storing: Int32.self, compilingSince: compiling,
                    shouldStop: shouldStop, progress: progress)
            })
    }

    /// `solve` with the search's tables in `Stored`; tests call it to take either width.
    /// - Throws: `TableOverflow`, before any search, when a number of the season does not fit.
    static func solve<Stored: TableInteger>(
        _ season: Season, busy: [String: [LocalPeriod]], options: SolveOptions, storing: Stored.Type,
        compilingSince compiling: ContinuousClock.Instant = .now, shouldStop: () -> Bool = { false },
        progress: (SolveProgress) -> Void = { _ in }
    ) throws(TableOverflow) -> SolveResult {
        let clock = ContinuousClock()
        let problem = try CompiledProblem<Stored>(season: season, busy: busy, notBefore: options.notBefore)
        let facts = try SearchFacts(problem: problem, baseline: options.baseline)
        let built = Construction.run(problem, facts: facts, seed: options.seed)
        let constructed = built.state.score
        var search = LocalSearch(state: built.state, seed: options.seed)
        func seconds(since instant: ContinuousClock.Instant) -> Double {
            (clock.now - instant).seconds
        }
        let constructionSeconds = seconds(since: compiling)
        let started = clock.now
        func elapsed() -> Double { seconds(since: started) }
        let budget = Budget(moveLimit: options.moveLimit, seconds: options.timeLimit, elapsed: elapsed)
        let acceptance = budget.isBounded ? options.acceptance : .lateAcceptance
        // A construction that placed nothing found no place for any session on an empty street:
        // every candidate breaks a hard constraint that involves no other session, so no move can
        // place one, and the search would only spin until its limit.
        let searchSkipped = built.state.placedCount == 0
        let moveLimit = searchSkipped ? 0 : options.moveLimit
        search.run(moveLimit: moveLimit, acceptance: acceptance, budget: budget, shouldStop: shouldStop) {
            progress(SolveProgress(moves: $0.moves, evaluated: $0.evaluated, best: $0.best, restarts: $0.restarts))
        }
        let searchSeconds = elapsed()
        var final = SearchState(problem: problem, facts: facts)
        for (session, placement) in search.bestPlacements().enumerated() {
            if let placement {
                final.insert(session, venue: placement.venue, start: placement.start, partners: placement.partners)
            }
        }
        let schedule = final.schedule()
        let report = ScheduleScorer.score(schedule, for: season, baseline: options.baseline, busy: busy)
        let unplaced = Set(report.unplaced)
        return SolveResult(
            schedule: schedule, report: report, reasons: built.reasons.filter { unplaced.contains($0.key) },
            constructed: constructed, searched: final.score, moves: search.moves, evaluated: search.evaluated,
            accepted: search.accepted, restarts: search.restarts, searchSkipped: searchSkipped,
            statistics: search.statistics,
            constructionSeconds: constructionSeconds, searchSeconds: searchSeconds, tableBits: Stored.bitWidth)
    }
}
