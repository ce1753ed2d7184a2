import ArgumentParser
import Foundation
import WutongFormats
import WutongModel
import WutongSolver

struct BenchScaling: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scaling",
        abstract: "Compare the time a search move takes in seasons of different sizes, timed in turns.",
        discussion: """
            Compiles and constructs every SEASON, then searches each for --move-limit moves (seed \
            --seed: the very moves of `bench solve SEASON --move-limit N --seed S`), --turn moves \
            at a time, round after round, so that each season's turns are timed next to the \
            others'. This machine's speed drifts by ±30 % from one minute to the next; a drift that \
            lasts longer than a round slows every season alike and cancels in the ratios.

            Prints per season its sessions, table width, moves tried and evaluated (possible moves, \
            scored; the unit of `bench solve`'s moves per second) and the search's time per move tried \
            and per move evaluated; then each season's time per move against the first season's, over the whole \
            run and as the median and range of the rounds' ratios. A turn that switches seasons \
            first refills the caches; at the default 100,000 moves (tens of milliseconds) that is \
            far below the noise.

            Make the seasons first, e.g. `wutong generate --activities 40 --seed 1 --out \
            /tmp/g40.xml` and `wutong generate --activities 4000 --seed 1 --out /tmp/g4000.xml`.

            Exit status: 0 after a run, 1 when a season is not valid, 64 for a usage error.
            """
    )

    @Argument(help: "Two or more season files; the others are compared with the first.")
    var seasons: [String] = []

    @Option(parsing: .unconditional, help: "Moves to try per season (the same moves on every run).")
    var moveLimit: Int = 3_000_000

    @Option(parsing: .unconditional, help: "Moves per turn.")
    var turn: Int = 100_000

    @Option(parsing: .unconditional, help: "Random seed (default: 1).", transform: SeedArgument.parse)
    var seed: UInt64 = 1

    func validate() throws {
        if seasons.count < 2 { throw ValidationError("give two or more season files to compare") }
        if moveLimit < 1 { throw ValidationError("--move-limit must be 1 or more") }
        if turn < 1 { throw ValidationError("--turn must be 1 or more") }
    }

    func run() throws {
        var loaded: [(season: Season, busy: [String: [LocalPeriod]])] = []
        for path in seasons {
            let result = SeasonLoader.load(path: path)
            guard let season = result.season else {
                Terminal.standardError("\(path): the season is not valid; run `wutong validate`")
                throw ExitCode(1)
            }
            loaded.append((season, result.busy))
        }
        let timed = SearchesInTurns.run(loaded, moveLimit: moveLimit, turn: turn, seed: seed)
        let names = seasons.map { URL(fileURLWithPath: $0).lastPathComponent }
        print("seed \(seed), \(moveLimit) moves tried per season, in turns of \(turn): \(timed[0].turns.count) rounds")
        for (name, season) in zip(names, timed) {
            guard season.evaluated > 0 else {
                print(
                    "\(name): \(season.sessions) sessions, \(season.tableBits)-bit search tables: \(unsearched(season))"
                )
                continue
            }
            print(
                String(
                    format:
                        "%@: %d sessions, %d-bit search tables: %d moves tried, %d evaluated, %.2f s; µs per move: %.3f tried, %.3f evaluated",
                    name, season.sessions, season.tableBits, season.moves, season.evaluated, season.seconds,
                    microseconds(season.seconds, season.moves), microseconds(season.seconds, season.evaluated)))
        }
        let reference = timed[0]
        guard reference.evaluated > 0 else {
            print("\(names[0]): \(unsearched(reference)); nothing to compare with")
            return
        }
        print("time per move against \(names[0]) (\(reference.sessions) sessions), per move evaluated | tried:")
        for (name, season) in zip(names, timed).dropFirst() {
            guard season.evaluated > 0 else {
                print("  \(name) (\(season.sessions) sessions): \(unsearched(season))")
                continue
            }
            let evaluated = ratios(season, reference, \.evaluated)
            let tried = ratios(season, reference, \.moves)
            print(
                String(
                    format:
                        "  %@ (%d sessions): evaluated %.2f× over the whole run, rounds median %.2f (%.2f–%.2f) | tried %.2f×, rounds median %.2f (%.2f–%.2f); %d rounds",
                    name, season.sessions, evaluated.whole, evaluated.median, evaluated.low, evaluated.high,
                    tried.whole, tried.median, tried.low, tried.high, evaluated.rounds))
        }
    }

    /// `season`'s time per move (moves counted by `count`) against `reference`'s: over the whole
    /// run, and the median and range of the rounds in which both had a turn.
    private func ratios(
        _ season: SearchesInTurns.Timed, _ reference: SearchesInTurns.Timed,
        _ count: KeyPath<(seconds: Double, moves: Int, evaluated: Int), Int>
    ) -> (whole: Double, median: Double, low: Double, high: Double, rounds: Int) {
        let whole =
            microseconds(season.seconds, season.turns.reduce(0) { $0 + $1[keyPath: count] })
            / microseconds(reference.seconds, reference.turns.reduce(0) { $0 + $1[keyPath: count] })
        let rounds = zip(reference.turns, season.turns).compactMap { first, other -> Double? in
            guard first[keyPath: count] > 0, other[keyPath: count] > 0, first.seconds > 0 else { return nil }
            return microseconds(other.seconds, other[keyPath: count])
                / microseconds(first.seconds, first[keyPath: count])
        }.sorted()
        guard !rounds.isEmpty else { return (whole, whole, whole, whole, 0) }
        return (whole, rounds[rounds.count / 2], rounds[0], rounds[rounds.count - 1], rounds.count)
    }

    /// Why a season has no evaluated move to time.
    private func unsearched(_ season: SearchesInTurns.Timed) -> String {
        season.moves == 0
            ? "not searched (no session fits anywhere, even with nothing else placed)"
            : "no move tried was possible, none was timed"
    }

    private func microseconds(_ seconds: Double, _ moves: Int) -> Double {
        seconds * 1e6 / Double(max(1, moves))
    }
}
