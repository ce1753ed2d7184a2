import ArgumentParser
import Foundation
import Synchronization
import WutongFormats
import WutongModel
import WutongSolver

struct ITC2007Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "itc2007",
        abstract: "ITC-2007 curriculum-based course timetabling (.ctt) as an outside benchmark.",
        discussion: """
            Reads competition instances through the natural mapping onto a season (course = \
            activity, room = venue, period = slot, curriculum = audience group, teacher = partner \
            unit) and solves them with the ordinary solver; costs are UD2 (Docs/itc2007.md).
            """,
        subcommands: [ITC2007Solve.self, ITC2007Check.self, ITC2007Bench.self]
    )
}

/// Reading an instance for a command: diagnostics on stderr, exit status `failure` if unreadable.
enum CTTFile {
    static func load(_ path: String, failure: Int32 = 1) throws -> CTTSeason {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            Terminal.standardError("\(path): error: cannot read the file (\(error.localizedDescription))")
            throw ExitCode(failure)
        }
        let parsed = CTTParser.parse(bytes, fileName: path)
        for diagnostic in parsed.diagnostics { Terminal.standardError(diagnostic.rendered) }
        guard let instance = parsed.instance else {
            Terminal.standardError("\(path): the instance cannot be read")
            throw ExitCode(failure)
        }
        return CTTSeason(instance)
    }
}

/// One solve of a mapped instance, its solution written and scored again from the file.
struct ITC2007Run: Sendable {
    var cost: UD2Cost
    /// The cost of the written solution file, read back and scored from scratch; nil if the
    /// file could not be read back (which counts as a disagreement).
    var rescored: UD2Cost?

    /// The figure to print: the rescored one, or the solver's own when there is none.
    var figure: UD2Cost {
        rescored ?? cost
    }
    var solution: String
    var evaluatedPerSecond: Double
    var acceptance: Double

    static func solve(
        _ mapped: CTTSeason, seed: UInt64, threads: Int, seconds: Double?, moveLimit: Int, acceptance: Acceptance,
        progress: @escaping @Sendable (SolveProgress) -> Void = { _ in }
    ) -> ITC2007Run {
        let clock = ContinuousClock()
        let started = clock.now
        let limit = seconds.map { Duration.milliseconds(Int64($0 * 1000)) }
        let result = Solver.solvePortfolio(
            mapped.season,
            options: SolveOptions(
                seed: seed, moveLimit: moveLimit, threads: threads, timeLimit: seconds,
                acceptance: acceptance),
            shouldStop: {
                limit.map { clock.now - started >= $0 } ?? false || Interrupt.requested.load(ordering: .relaxed)
            },
            progress: progress)
        let elapsed = max(1e-9, ProgressMeter.seconds(clock.now - started))
        let solution = CTTSolution.encode(result.schedule, for: mapped)
        // The figure printed is the one the solution file itself scores: read it back and rescore.
        let reread = CTTSolution.decode(Array(solution.utf8), fileName: "solution", for: mapped).schedule
        let rescored = reread.map { UD2Cost(ScheduleScorer.score($0, for: mapped.season)) }
        return ITC2007Run(
            cost: UD2Cost(result.report), rescored: rescored, solution: solution,
            evaluatedPerSecond: Double(result.evaluated) / elapsed,
            acceptance: result.evaluated > 0 ? Double(result.accepted) / Double(result.evaluated) : 0)
    }
}

struct ITC2007Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve one .ctt instance and write its solution in the competition format.",
        discussion: """
            Writes --out (atomically) with one line '<course> <room> <day> <timeslot>' per lecture, \
            reads that file back, scores it from scratch and prints the UD2 cost per component; the \
            last line is 'hard=H soft=S'. Progress goes to stderr; Ctrl-C stops the search and \
            still writes the best solution.
            """
    )

    @Argument(help: "The .ctt instance.")
    var file: String

    @Option(parsing: .unconditional, help: "How long to search: 300, 300s, 5m.")
    var timeLimit: TimeLimit = TimeLimit(seconds: 60)

    @Option(parsing: .unconditional, help: "Random seed (default: 1).", transform: SeedArgument.parse)
    var seed: UInt64 = 1

    @Option(
        help:
            "How the search keeps a worsening move: annealing (cooled over the time or move limit) or late (late acceptance)."
    )
    var acceptance: AcceptanceOption = .annealing

    @Option(parsing: .unconditional, help: "Searches to run side by side (seeds seed, seed + 1, …); the best wins.")
    var threads: Int = 1

    @Option(
        parsing: .unconditional,
        help: "Stop after this many moves instead (reproducible: same instance, seed and limit, same solution).")
    var moveLimit: Int?

    @Option(help: "The solution file to write.")
    var out: String

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard (moveLimit ?? 1) >= 1 else { throw ValidationError("--move-limit must be at least 1") }
    }

    func run() throws {
        let mapped = try CTTFile.load(file)
        Interrupt.install()
        let clock = ContinuousClock()
        let meter = ProgressMeter(quiet: quiet, clock: clock, started: clock.now)
        let run = ITC2007Run.solve(
            mapped, seed: seed, threads: threads, seconds: moveLimit == nil ? timeLimit.seconds : nil,
            moveLimit: moveLimit ?? Int.max, acceptance: acceptance.acceptance, progress: { meter.report($0) })
        meter.finish()
        try AtomicFile.write(Array(run.solution.utf8), to: out)
        print("\(mapped.instance.name): \(mapped.instance.lectureCount) lectures; wrote \(out)")
        print(run.figure.breakdown)
        if run.rescored != run.cost {
            Terminal.standardError("warning: the solver's own figure was \(run.cost.breakdown)")
        }
        print("hard=\(run.figure.hard) soft=\(run.figure.soft)")
        if run.rescored == nil {
            Terminal.standardError("error: the written solution could not be read back")
            throw ExitCode(1)
        }
    }
}

struct ITC2007Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Score a solution file of a .ctt instance from scratch (UD2).",
        discussion: """
            Prints the UD2 cost per component; the last line is 'hard=H soft=S'. Exit 0 when \
            hard = 0, 1 when the solution violates a hard constraint or leaves lectures out, 2 \
            when either file cannot be read (every problem reported with its line and column).
            """
    )

    @Argument(help: "The .ctt instance.")
    var file: String

    @Argument(help: "The solution file.")
    var solution: String

    func run() throws {
        let mapped = try CTTFile.load(file, failure: 2)
        guard let bytes = FileManager.default.contents(atPath: solution) else {
            Terminal.standardError("\(solution): error: cannot read the file")
            throw ExitCode(2)
        }
        let read = CTTSolution.decode(Array(bytes), fileName: solution, for: mapped)
        for diagnostic in read.diagnostics { Terminal.standardError(diagnostic.rendered) }
        guard let schedule = read.schedule else { throw ExitCode(2) }
        let cost = UD2Cost(ScheduleScorer.score(schedule, for: mapped.season))
        print(cost.breakdown)
        print("hard=\(cost.hard) soft=\(cost.soft)")
        if cost.hard != 0 { throw ExitCode(1) }
    }
}

struct ITC2007Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Solve every .ctt instance of a folder K times and compare with the published results.",
        discussion: """
            Runs each instance of DIR (sorted by name) with seeds 1…K (or from --first-seed) for \
            --time-limit each, --jobs runs at a time (each run single-threaded unless --threads), \
            with a line on standard error as each run ends. Every run's solution is read back and \
            scored again from scratch, and with --out written as soon as the run ends; a run whose rescored cost differs \
            from the solver's own is reported and makes the exit status 1. Prints per instance: \
            the worst hard cost, min and median soft, the best known cost and the winner's mean \
            from the published tables (Docs/itc2007.md), median / best known, evaluated moves per \
            second and the share of evaluated moves accepted; then how many instances reach hard \
            = 0 in every run and a median at or below the winner's mean. --format csv or json for \
            scripts.
            """
    )

    @Argument(help: "Folder of .ctt files, e.g. ../shared/bench/itc2007/instances.")
    var directory: String

    @Option(parsing: .unconditional, help: "How long each run searches: 300, 300s, 5m.")
    var timeLimit: TimeLimit = TimeLimit(seconds: 300)

    @Option(parsing: .unconditional, help: "Runs per instance, with seeds 1…K (from --first-seed).")
    var runs: Int = 1

    @Option(
        parsing: .unconditional,
        help: "The seed of each instance's first run, so a long bench can be split into sittings (default: 1).",
        transform: SeedArgument.parse)
    var firstSeed: UInt64 = 1

    @Option(
        help:
            "How the search keeps a worsening move: annealing (cooled over the time or move limit) or late (late acceptance)."
    )
    var acceptance: AcceptanceOption = .annealing

    @Option(parsing: .unconditional, help: "Searches per run, side by side (a portfolio).")
    var threads: Int = 1

    @Option(parsing: .unconditional, help: "Runs at a time (one core each).")
    var jobs: Int = 1

    @Option(help: "Only instances whose file name contains this (e.g. comp0).")
    var only: String?

    @Option(help: "Folder to keep every run's solution file in (<instance>-seed<k>.sol).")
    var out: String?

    @Option(help: "Output: text, csv or json.")
    var format: TableFormat = .text

    func validate() throws {
        guard runs >= 1, threads >= 1, jobs >= 1 else {
            throw ValidationError("--runs, --threads and --jobs must be at least 1")
        }
        guard firstSeed <= UInt64.max - UInt64(runs) else {
            throw ValidationError("--first-seed \(firstSeed) leaves no room for \(runs) runs")
        }
    }

    struct Row: Sendable {
        var instance: String
        var costs: [UD2Cost]
        var agreed: Bool
        var movesPerSecond: Double
        var acceptance: Double
    }

    func run() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".ctt") && (only.map($0.contains) ?? true) }.sorted()
        guard !names.isEmpty else {
            Terminal.standardError("\(directory): no .ctt files")
            throw ExitCode(1)
        }
        let instances = try names.map { name in
            (
                name: String(name.dropLast(4)),
                mapped: try CTTFile.load((directory as NSString).appendingPathComponent(name))
            )
        }
        if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        Interrupt.install()
        let firstSeed = firstSeed
        let tasks = instances.indices.flatMap { instance in
            (0..<runs).map { (instance, firstSeed + UInt64($0)) }
        }
        let results = Mutex<[ITC2007Run?]>(Array(repeating: nil, count: tasks.count))
        let writeFailure = Mutex<String?>(nil)
        let next = Atomic<Int>(0)
        let seconds = timeLimit.seconds
        let threads = threads
        let total = tasks.count
        let finished = Atomic<Int>(0)
        let out = out
        DispatchQueue.concurrentPerform(iterations: min(jobs, tasks.count)) { _ in
            while true {
                let task = next.add(1, ordering: .relaxed).oldValue
                guard task < tasks.count else { return }
                let (instance, seed) = tasks[task]
                let run = ITC2007Run.solve(
                    instances[instance].mapped, seed: seed, threads: threads, seconds: seconds, moveLimit: Int.max,
                    acceptance: acceptance.acceptance)
                results.withLock { $0[task] = run }
                // Each solution is kept as soon as its run ends, so an interrupted bench loses
                // only the runs still going.
                if let out {
                    let path = (out as NSString).appendingPathComponent("\(instances[instance].name)-seed\(seed).sol")
                    do {
                        try AtomicFile.write(Array(run.solution.utf8), to: path)
                    } catch {
                        writeFailure.withLock { $0 = $0 ?? "\(path): \(error)" }
                    }
                }
                let done = finished.add(1, ordering: .relaxed).newValue
                // Progress goes to standard error, so it never mixes with a CSV or JSON table.
                Terminal.standardError(
                    "[\(done)/\(total)] \(instances[instance].name) seed \(seed): "
                        + "hard=\(run.figure.hard) soft=\(run.figure.soft)")
            }
        }
        if let failure = writeFailure.withLock({ $0 }) {
            Terminal.standardError("error: could not write a solution file: \(failure)")
            throw ExitCode(1)
        }
        let all = results.withLock { $0 }
        var rows: [Row] = []
        for (index, instance) in instances.enumerated() {
            let own = tasks.indices.filter { tasks[$0].0 == index }.compactMap { all[$0] }
            rows.append(
                Row(
                    instance: instance.name, costs: own.map(\.figure),
                    agreed: own.allSatisfy { $0.rescored == $0.cost },
                    movesPerSecond: own.map(\.evaluatedPerSecond).reduce(0, +) / Double(max(1, own.count)),
                    acceptance: own.map(\.acceptance).reduce(0, +) / Double(max(1, own.count))))
        }
        print(Self.render(rows, format: format, seconds: seconds, runs: runs), terminator: "")
        if rows.contains(where: { !$0.agreed }) {
            Terminal.standardError("error: a rescored solution disagrees with the solver's own cost")
            throw ExitCode(1)
        }
    }

    static func median(_ values: [Int]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return Double(sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
    }

    static func render(_ rows: [Row], format: TableFormat, seconds: Double, runs: Int) -> String {
        struct Line {
            var instance: String
            var hard: Int
            var minimum: Int
            var median: Double
            var best: Int?
            var winner: Double?
            var ratio: Double?
            var movesPerSecond: Double
            var acceptance: Double
        }
        let lines = rows.map { row -> Line in
            let reference = ITC2007References.byInstance[row.instance]
            let median = median(row.costs.map(\.soft))
            return Line(
                instance: row.instance, hard: row.costs.map(\.hard).max() ?? 0,
                minimum: row.costs.map(\.soft).min() ?? 0, median: median, best: reference?.bestKnown,
                winner: reference?.winnerMean,
                ratio: reference.map {
                    $0.bestKnown > 0 ? median / Double($0.bestKnown) : (median == 0 ? 1 : .infinity)
                },
                movesPerSecond: row.movesPerSecond, acceptance: row.acceptance)
        }
        func number(_ value: Double?, _ digits: Int = 1) -> String {
            guard let value else { return "–" }
            return value.isFinite ? String(format: "%.\(digits)f", value) : "inf"
        }
        let feasible = lines.filter { $0.hard == 0 }.count
        let atWinner = lines.filter { line in line.hard == 0 && line.winner.map { line.median <= $0 } ?? false }.count
        let ratios = lines.compactMap(\.ratio).filter(\.isFinite)
        let meanRatio = ratios.isEmpty ? nil : ratios.reduce(0, +) / Double(ratios.count)
        switch format {
        case .csv:
            var text =
                "instance,hard,min_soft,median_soft,best_known,winner_mean,median_over_best,moves_per_s,accepted\n"
            for line in lines {
                text +=
                    [
                        line.instance, String(line.hard), String(line.minimum), number(line.median),
                        line.best.map(String.init) ?? "", line.winner.map { number($0) } ?? "",
                        line.ratio.map { number($0, 3) } ?? "", String(Int(line.movesPerSecond)),
                        number(line.acceptance, 4),
                    ].joined(separator: ",") + "\n"
            }
            return text
        case .json:
            let objects = lines.map { line -> [String: Any] in
                var object: [String: Any] = [
                    "instance": line.instance, "hard": line.hard, "min_soft": line.minimum, "median_soft": line.median,
                    "moves_per_s": Int(line.movesPerSecond), "accepted": line.acceptance,
                ]
                if let best = line.best { object["best_known"] = best }
                if let winner = line.winner { object["winner_mean"] = winner }
                if let ratio = line.ratio, ratio.isFinite { object["median_over_best"] = ratio }
                return object
            }
            var summary: [String: Any] = [
                "seconds_per_run": seconds, "runs": runs, "instances": lines.count, "hard_zero_every_run": feasible,
                "median_at_or_below_winner": atWinner,
            ]
            if let meanRatio { summary["mean_median_over_best"] = meanRatio }
            let data =
                (try? JSONSerialization.data(
                    withJSONObject: ["instances": objects, "summary": summary], options: [.sortedKeys, .prettyPrinted]))
                ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        case .text:
            var text = String(format: "ITC-2007 track 3 (UD2), %g s per run, %d run(s) per instance\n", seconds, runs)
            text +=
                "instance  hard  min soft  median soft  best known  winner mean  median/best  moves/s  accepted\n"
            for line in lines {
                func right(_ value: String, _ width: Int) -> String {
                    String(repeating: " ", count: max(0, width - value.count)) + value
                }
                text += line.instance.padding(toLength: 8, withPad: " ", startingAt: 0)
                text += right(String(line.hard), 6) + right(String(line.minimum), 10)
                text += right(number(line.median), 13) + right(line.best.map(String.init) ?? "–", 12)
                text += right(number(line.winner), 13) + right(number(line.ratio, 2), 13)
                text += right(String(format: "%.0fk", line.movesPerSecond / 1000), 9)
                text += right(String(format: "%.1f%%", line.acceptance * 100), 10) + "\n"
            }
            text += "hard = 0 in every run: \(feasible) of \(lines.count) instances\n"
            text += "median at or below the winner's mean: \(atWinner) of \(lines.count)\n"
            text += "mean of median / best known: \(number(meanRatio, 2))\n"
            return text
        }
    }
}
