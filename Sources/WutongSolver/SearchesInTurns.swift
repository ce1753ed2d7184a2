public import WutongModel

/// Searches of several seasons run in turns, each turn timed: how `bench scaling` compares the
/// time a move takes in seasons of different sizes on a machine whose speed drifts by ±30 %
/// from one minute to the next. A round gives every season one turn of a few tens of
/// milliseconds, so a drift lasting longer than a round slows all of them alike and cancels
/// in the ratio of their turns. Each search makes exactly the moves `Solver.solve` makes with
/// the same seed and move limit (`LocalSearch.run` resumes where it stopped).
public enum SearchesInTurns {
    /// One season's search.
    public struct Timed: Sendable {
        public var sessions: Int
        /// The width of the search's tables (`SolveResult.tableBits`).
        public var tableBits: Int
        public var moves: Int
        public var evaluated: Int
        /// The search's own time over every turn, in seconds.
        public var seconds: Double
        /// Per round: the seconds, moves tried and moves evaluated of this season's turn (a
        /// season that reached its move limit early has no turn in the rounds after).
        public var turns: [(seconds: Double, moves: Int, evaluated: Int)]
    }

    /// Compiles and constructs every season, then searches each for `moveLimit` moves (seed
    /// `seed`, simulated annealing over the move limit, as `Solver.solve`), `turn` moves at a
    /// time, round after round: seasons in the given order in even rounds and in reverse in odd
    /// ones, so that none always follows the same one.
    public static func run(
        _ seasons: [(season: Season, busy: [String: [LocalPeriod]])], moveLimit: Int, turn: Int, seed: UInt64
    ) -> [Timed] {
        var searches = seasons.map { prepared($0.season, busy: $0.busy, moveLimit: moveLimit, seed: seed) }
        var timed = searches.map {
            Timed(sessions: $0.sessions, tableBits: $0.tableBits, moves: 0, evaluated: 0, seconds: 0, turns: [])
        }
        let clock = ContinuousClock()
        var round = 0
        while timed.indices.contains(where: { timed[$0].moves < searches[$0].moveLimit }) {
            let order = round % 2 == 0 ? Array(timed.indices) : timed.indices.reversed()
            for index in order where timed[index].moves < searches[index].moveLimit {
                let target = min(searches[index].moveLimit, timed[index].moves + max(1, turn))
                let started = clock.now
                let (moves, evaluated) = searches[index].advance(target)
                let seconds = (clock.now - started).seconds
                timed[index].turns.append((seconds, moves - timed[index].moves, evaluated - timed[index].evaluated))
                timed[index].moves = moves
                timed[index].evaluated = evaluated
                timed[index].seconds += seconds
                // A search that stops short of its target (nothing movable) is done.
                if moves < target { searches[index].moveLimit = moves }
            }
            round += 1
        }
        return timed
    }

    /// A constructed search ready to go on: `advance(n)` runs it until `n` moves in all and
    /// returns its moves tried and evaluated so far.
    private struct Prepared {
        let sessions: Int
        let tableBits: Int
        var moveLimit: Int
        let advance: (Int) -> (moves: Int, evaluated: Int)
    }

    private static func prepared(
        _ season: Season, busy: [String: [LocalPeriod]], moveLimit: Int, seed: UInt64
    ) -> Prepared {
        func attempt<Stored: TableInteger>(_: Stored.Type) throws(TableOverflow) -> Prepared {
            let problem = try CompiledProblem<Stored>(season: season, busy: busy)
            let facts = try SearchFacts(problem: problem, baseline: nil)
            let built = Construction.run(problem, facts: facts, seed: seed)
            var search = LocalSearch(state: built.state, seed: seed)
            let budget = Budget(moveLimit: moveLimit, seconds: nil, elapsed: { 0 })
            // As in `Solver.solve`: with nothing placed there is nothing to search.
            let limit = built.state.placedCount == 0 ? 0 : moveLimit
            return Prepared(
                sessions: problem.sessionCount, tableBits: Stored.bitWidth, moveLimit: limit,
                advance: { target in
                    search.run(
                        moveLimit: target, acceptance: .annealing, budget: budget, shouldStop: { false },
                        progress: { _ in })
                    return (search.moves, search.evaluated)
                })
        }
        return Solver.narrowestTables(
            sixteen: { () throws(TableOverflow) in try attempt(Int16.self) },
            thirtyTwo: { () throws(TableOverflow) in try attempt(Int32.self) })
    }
}
