import ArgumentParser
import Foundation
import ICalendar
import WutongFormats
import WutongSolver

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Wutong's performance (see Docs/PERFORMANCE.md).",
        subcommands: [BenchParse.self, BenchSolve.self, BenchScaling.self, BenchCalendar.self]
    )
}

struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Time reading a season: parsing, schema validation, model building and semantic checks.",
        discussion: """
            Loads SEASON --repeat times and prints the fastest and median wall time and the \
            process's peak memory. Generate a large season first, e.g. \
            `wutong generate --activities 10000 --seed 1 --out /tmp/s10k.xml`.
            """
    )

    @Argument(help: "The season file. Default: the bundled season.")
    var season: String?

    @Option(help: "How many times to load it.")
    var `repeat`: Int = 5

    func run() throws {
        let path = try BundledSeason.resolve(season)
        var times: [Double] = []
        var sessions = 0
        for _ in 0..<max(1, `repeat`) {
            let clock = ContinuousClock()
            let start = clock.now
            let result = SeasonLoader.load(path: path)
            let elapsed = clock.now - start
            guard let loaded = result.season else {
                for diagnostic in result.diagnostics.prefix(20) { Terminal.standardError(diagnostic.rendered) }
                throw ExitCode(1)
            }
            sessions = loaded.sessionCount
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        times.sort()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(
            "file: \(BundledSeason.display(path)) (\(String(format: "%.2f", Double(size) / 1_048_576)) MB, \(sessions) sessions)"
        )
        print(
            "load (parse + XSD + model + checks): best \(milliseconds(times.first!)) ms, median \(milliseconds(times[times.count / 2])) ms over \(times.count) runs"
        )
        print("peak memory (VmHWM): \(PeakMemory.megabytes()) MB")
    }

    private func milliseconds(_ seconds: Double) -> String {
        String(format: "%.1f", seconds * 1000)
    }

}

/// The process's peak resident set size, from Linux's /proc.
enum PeakMemory {
    /// Megabytes with one decimal, or "n/a" where /proc is missing.
    static func megabytes() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap({ Double($0) })
        else { return "n/a" }
        return String(format: "%.1f", kilobytes / 1024)
    }
}

struct BenchSolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Measure the solver: moves per second, time to hard = 0, the score over time.",
        discussion: """
            Solves SEASON once for --time-limit or --move-limit (seed --seed) and prints the season's sessions and \
            the width of the search's tables (16 bits when every number of the season fits, else 32), the construction time \
            (compiling the season included) and score, the time at which hard = 0 and every session was placed (as first seen by the \
            search), the best score at 1 s, 5 s and the limit, when the best score last improved \
            (and whether it held over the second half of the run: of the time, or of the moves with \
            --move-limit alone), and for the search alone: moves \
            tried, evaluated (possible moves, judged), accepted, restarts from the best schedule, \
            and evaluated moves per second (the search's own time: not the construction, nor \
            rebuilding and rescoring the best schedule from scratch at the end, which is printed \
            apart, with whether that score agrees with the search's own); then per kind of move, how many were evaluated and \
            accepted, and how many were rejected unscored because they break a hard constraint \
            (while hard is 0; see Docs/architecture.md, "Screening"). Progress is sampled every \
            65,536 moves.

            With --move-limit and no --time-limit every run makes the same moves whatever the \
            machine's speed, so two builds are compared on the same work: run both side by side \
            and compare the search time.

            Exit status: 0 after a run, 1 when the season is not valid, 64 for a usage error, 70 \
            when the from-scratch score of the best schedule differs from the search's incremental \
            score (a bug in Wutong: please report the season and seed).
            """
    )

    @Argument(help: "The season file. Default: the bundled season.")
    var season: String?

    @Option(
        parsing: .unconditional, help: "How long to search: 30, 30s, 2m. Default: 10s, or none with --move-limit.",
        transform: TimeLimit.parse)
    var timeLimit: TimeLimit?

    @Option(parsing: .unconditional, help: "Stop the search after this many moves (the same moves on every run).")
    var moveLimit: Int?

    @Option(
        help:
            "How the search keeps a worsening move: annealing (cooled over the time or move limit) or late (late acceptance)."
    )
    var acceptance: AcceptanceOption = .annealing

    @Option(parsing: .unconditional, help: "Random seed (default: 1).", transform: SeedArgument.parse)
    var seed: UInt64 = 1

    func validate() throws {
        if let moveLimit, moveLimit < 1 { throw ValidationError("--move-limit must be 1 or more") }
    }

    func run() throws {
        let path = try BundledSeason.resolve(season)
        let loaded = SeasonLoader.load(path: path)
        guard let model = loaded.season else {
            Terminal.standardError("\(BundledSeason.display(path)): the season is not valid; run `wutong validate`")
            throw ExitCode(1)
        }
        let clock = ContinuousClock()
        let started = clock.now
        // As in `solve`: a move limit alone must not be cut short by the clock.
        let seconds = timeLimit?.seconds ?? (moveLimit == nil ? 10 : nil)
        let limit = seconds.map { Duration.milliseconds(Int64($0 * 1000)) }
        var samples: [(seconds: Double, moves: Int, best: String)] = []
        var feasibleAt: Double?
        let result = Solver.solve(
            model, busy: loaded.busy,
            options: SolveOptions(
                seed: seed, moveLimit: moveLimit ?? Int.max, timeLimit: seconds, acceptance: acceptance.acceptance),
            shouldStop: { limit.map { clock.now - started >= $0 } ?? false },
            progress: { progress in
                let seconds = ProgressMeter.seconds(clock.now - started)
                if feasibleAt == nil, progress.best.hard == 0, progress.best.medium == 0 { feasibleAt = seconds }
                samples.append((seconds, progress.moves, progress.best.description))
            })
        let total = ProgressMeter.seconds(clock.now - started)
        func best(at mark: Double) -> String {
            samples.last { $0.seconds <= mark + 0.35 }?.best ?? result.constructed.description
        }
        print(
            "season: \(BundledSeason.display(path)) (\(model.sessionCount) sessions, \(result.tableBits)-bit search tables),"
                + " seed \(seed)")
        print(
            String(format: "construction: %@ in %.2f s", result.constructed.description, result.constructionSeconds)
                + " (compiling the season included)")
        print(
            "hard = 0 with every session placed: "
                + (feasibleAt.map { String(format: "at %.2f s", $0) } ?? "not reached"))
        for mark in [1.0, 5.0] where mark < min(seconds ?? total, total) {
            print(String(format: "best at %.0f s: ", mark) + best(at: mark))
        }
        print(String(format: "best at %.1f s (end): ", total) + result.report.score.description)
        let finalBest = result.report.score.description
        let lastImprovement = samples.first { $0.best == finalBest } ?? (0, 0, finalBest)
        // A move limit alone makes the same moves on every run, so its half is counted in moves
        // and the verdict does not depend on how busy the machine was.
        let byMoves = timeLimit == nil && moveLimit != nil
        let stable = byMoves ? lastImprovement.moves <= result.moves / 2 : lastImprovement.seconds <= total / 2
        if result.searchSkipped {
            print("last improvement: none (no session fits anywhere, even with nothing else placed: nothing to search)")
        } else {
            print(
                String(
                    format: "last improvement at %.1f s, move %d (%@ over the second half%@)", lastImprovement.seconds,
                    lastImprovement.moves, stable ? "stable" : "still improving", byMoves ? " of the moves" : ""))
        }
        let searching = max(1e-9, result.searchSeconds)
        print(
            String(
                format: "search: %.2f s, %d moves tried, %d evaluated, %d accepted (%.1f%%), %d restarts",
                searching, result.moves, result.evaluated, result.accepted,
                100 * Double(result.accepted) / Double(max(1, result.evaluated)), result.restarts))
        print(String(format: "evaluated moves/s: %.0f", Double(result.evaluated) / searching))
        // The from-scratch scorer is written apart from the search's incremental one; a benchmark
        // run is a cheap place to catch the two disagreeing, which would be a bug in the search.
        let agreement =
            result.searched == result.report.score
            ? "agrees with the search's incremental score"
            : "DISAGREES with the search's incremental score \(result.searched)"
        print(
            String(
                format: "best schedule rebuilt and rescored from scratch: %.2f s, %@",
                max(0, total - result.constructionSeconds - result.searchSeconds), agreement))
        for kind in MoveKind.allCases where result.statistics.evaluated[kind.rawValue] > 0 {
            let evaluated = result.statistics.evaluated[kind.rawValue]
            let accepted = result.statistics.accepted[kind.rawValue]
            let screened = result.statistics.screened[kind.rawValue]
            print(
                String(
                    format: "  %@: %d evaluated, %d accepted (%.1f%%)%@", kind.name, evaluated, accepted,
                    100 * Double(accepted) / Double(evaluated),
                    screened > 0 ? ", \(screened) rejected unscored (a hard constraint broken)" : ""))
        }
        if result.searched != result.report.score {
            Terminal.standardError(
                "error: the search's incremental score \(result.searched) differs from the from-scratch score "
                    + "\(result.report.score); this is a bug in Wutong, please report it with this season and seed")
            throw ExitCode(70)
        }
    }
}

struct BenchCalendar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Time reading a calendar: parsing and expanding every event over a window.",
        discussion: """
            Reads FILE --repeat times — content lines, components, time zones, events, every \
            occurrence from each DTSTART up to --to — and prints the fastest and median wall \
            time, the number of events and of occurrences starting in the window, and the \
            process's peak memory. Nothing is printed per occurrence. Make a large calendar with \
            `python3 Tests/Interop/make_big_calendar.py /tmp/big.ics 50000`.
            """
    )

    @Argument(help: "The .ics file.")
    var file: String

    @Option(help: "First day of the window (YYYY-MM-DD).")
    var from: DateOption = DateOption(argument: "2027-01-01")!

    @Option(help: "Day after the window (YYYY-MM-DD).")
    var to: DateOption = DateOption(argument: "2028-01-01")!

    @Option(help: "How many times to read it.")
    var `repeat`: Int = 5

    func run() throws {
        let clock = ContinuousClock()
        var times: [Double] = []
        var counts = (events: 0, occurrences: 0)
        let windowStart = from.date.dayNumber * 86_400
        let windowEnd = to.date.dayNumber * 86_400
        for _ in 0..<max(1, self.repeat) {
            let started = clock.now
            do {
                let bytes = try CalendarFile.bytes(path: file)
                counts = (0, 0)
                for calendar in try CalendarParser.parse(bytes) where calendar.name == "VCALENDAR" {
                    let events = try CalendarEvents(calendar: calendar, horizon: windowEnd + 2 * 86_400)
                    counts.events += events.events.count
                    counts.occurrences += try events.occurrences(before: windowEnd, floatingZone: .utc).filter {
                        $0.start.wall >= windowStart
                    }.count
                }
            } catch {
                throw calendarFailure(file, error)
            }
            times.append(ProgressMeter.seconds(clock.now - started))
        }
        times.sort()
        print("calendar: \(file), \(counts.events) events, \(counts.occurrences) occurrences in the window")
        print(
            String(
                format: "read + expand: best %.1f ms, median %.1f ms over %d runs; peak memory %@ MB",
                times[0] * 1000, times[times.count / 2] * 1000, times.count, PeakMemory.megabytes()))
    }
}
