import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import WutongFormats
import WutongModel
import WutongSolver

struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Re-plan a published schedule under what-if scenarios, with as few changes as possible.",
        discussion: """
            Applies each scenario (Docs/scenario-format.md) to SEASON, keeps every session that \
            starts before the scenario's `now` (frozen) and every pinned one where the baseline \
            has it, and re-solves from the baseline with `stability` weighing 1,000 per moved \
            session, so that only sessions that must move do. For each scenario it writes what \
            `wutong solve` writes (schedule.xml, report.md, calendars/, xcal/, frab/, json/) plus \
            diff.txt and diff.json, and in updates/ a METHOD:REQUEST and a METHOD:CANCEL message \
            per partner unit holding only what changed for them; calendars keep the baseline's \
            UIDs with higher SEQUENCEs. One scenario writes into OUT; several write into \
            OUT/<scenario name>/ and a comparison table (OUT/comparison.txt, .csv, .json). \
            --sweep venues|partners|weekends generates one scenario per venue closed for the \
            season, partner unit removed or weekend of outdoor venues lost to rain, runs them \
            all and ranks them by impact (OUT/<name>/ then holds schedule.xml, report.md and the \
            diff only). A scenario that cannot be read or applied is reported with FILE:LINE:COL \
            and nothing is written for it; the others still run.

            Runs are reproducible: each scenario is solved with --seed and a move limit (default \
            1,000,000 moves) unless --time-limit is given.

            Exit status: 0 when every scenario ran, 1 when one failed or the season or baseline \
            cannot be used, 64 for a usage error.
            """
    )

    enum Sweep: String, ExpressibleByArgument, CaseIterable {
        case venues, partners, weekends

        var kind: ScenarioSweep.Kind {
            switch self {
            case .venues: .venues
            case .partners: .partners
            case .weekends: .weekends
            }
        }
    }

    @Argument(help: "The season file. Default: the bundled season.", completion: .file(extensions: ["xml"]))
    var season: String?

    @Option(help: "The published schedule (schedule.xml) to re-plan from.")
    var baseline: String

    @Option(name: .customLong("scenario"), help: "A scenario file; repeat for a batch.")
    var scenarios: [String] = []

    @Option(help: "Generate and rank one scenario per venue, partner unit or weekend: venues, partners, weekends.")
    var sweep: Sweep?

    @Option(help: "For --sweep: sessions starting before this local date-time (YYYY-MM-DDTHH:MM) are frozen.")
    var now: String?

    @Option(help: "Directory for the results.")
    var out: String = "whatif"

    @Option(parsing: .unconditional, help: "Scenarios to run at a time (one core each).")
    var jobs: Int = 1

    @Option(
        parsing: .unconditional, help: "Random seed of every scenario's search (default: 1).",
        transform: SeedArgument.parse)
    var seed: UInt64 = 1

    @Option(
        parsing: .unconditional,
        help: "Moves per scenario (reproducible). Default: 1000000 unless --time-limit is given.")
    var moveLimit: Int?

    @Option(
        parsing: .unconditional, help: "Search each scenario this long instead: 3, 3s, 1m.", transform: TimeLimit.parse)
    var timeLimit: TimeLimit?

    @Option(
        help: "How the search keeps a worsening move: late (default here: stays near the baseline) or annealing.")
    var acceptance: AcceptanceOption = .late

    @Option(help: "Comparison table on stdout: text, csv or json.")
    var format: TableFormat = .text

    @Option(help: "Language of explanations: en or zh-Hans.")
    var lang: LanguageOption = .en

    @Flag(help: "Print nothing but errors and the table.")
    var quiet = false

    func validate() throws {
        guard scenarios.isEmpty != (sweep == nil) else {
            throw ValidationError("give --scenario (one or more) or --sweep, not both and not neither")
        }
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 64") }
        guard (moveLimit ?? 1) >= 1 else { throw ValidationError("--move-limit must be at least 1") }
        guard moveLimit == nil || timeLimit == nil else {
            throw ValidationError("give --move-limit or --time-limit, not both")
        }
        if let now, LocalDateTime(now) == nil {
            throw ValidationError("--now '\(now)' is not a local date-time such as 2027-04-01T00:00")
        }
        guard now == nil || sweep != nil else { throw ValidationError("--now is for --sweep; scenarios set their own") }
    }

    func run() throws {
        let path = try BundledSeason.resolve(season)
        let display = season ?? BundledSeason.display(path)
        let loaded = SeasonLoader.load(path: path, displayName: display)
        for diagnostic in loaded.diagnostics { Terminal.standardError(diagnostic.rendered) }
        guard let model = loaded.season else {
            Terminal.standardError("\(display): the season is not valid; nothing was planned")
            throw ExitCode(1)
        }
        let published = try Baseline.load(baseline, for: model, otherwise: "nothing was planned")
        var entries: [Entry] = []
        if let sweep {
            let generated = ScenarioSweep.scenarios(sweep.kind, for: model, now: now.flatMap(LocalDateTime.init))
            guard !generated.isEmpty else {
                Terminal.standardError("\(display): the season has nothing to sweep over (\(sweep.rawValue))")
                throw ExitCode(1)
            }
            entries = generated.map { scenario in
                let application = ScenarioApplication(scenario, season: model, baseline: published)
                guard !application.hasErrors else {
                    return .failed(
                        WhatIfFailure(name: scenario.name, messages: application.diagnostics.map(\.rendered)))
                }
                return .ready(application, scenario)
            }
        } else {
            entries = readScenarios(for: model, baseline: published)
        }
        for case .failed(let failure) in entries {
            for message in failure.messages { Terminal.standardError(message) }
        }
        Interrupt.install()
        let reports = solve(entries, season: model, busy: loaded.busy)
        let single = sweep == nil && entries.count == 1
        var results: [Result<WhatIfReport, WhatIfFailure>] = []
        for (entry, solved) in zip(entries, reports) {
            switch entry {
            case .failed(let failure): results.append(.failure(failure))
            case .ready(let application, _):
                guard let (report, reasons) = solved else { continue }
                let folder = single ? out : (out as NSString).appendingPathComponent(report.name)
                try write(report, reasons: reasons, application: application, into: folder, calendars: sweep == nil)
                results.append(.success(report))
            }
        }
        if sweep != nil {
            let ranked = WhatIfComparison.rankedByImpact(results.compactMap { try? $0.get() })
            results = ranked.map { .success($0) } + results.filter { (try? $0.get()) == nil }
        }
        let ranked = sweep != nil
        if !single {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let stem = (out as NSString).appendingPathComponent(ranked ? "ranking" : "comparison")
            try AtomicFile.write(Array(WhatIfComparison.text(results, ranked: ranked).utf8), to: stem + ".txt")
            try AtomicFile.write(Array(WhatIfComparison.csv(results, ranked: ranked).utf8), to: stem + ".csv")
            try AtomicFile.write(WhatIfReport.json(results), to: stem + ".json")
        }
        switch format {
        case .text: Terminal.standardOutput(WhatIfComparison.text(results, ranked: ranked))
        case .csv: Terminal.standardOutput(WhatIfComparison.csv(results, ranked: ranked))
        case .json: Terminal.standardOutput(String(decoding: WhatIfReport.json(results), as: UTF8.self))
        }
        if results.contains(where: { (try? $0.get()) == nil }) { throw ExitCode(1) }
    }

    enum Entry: Sendable {
        case ready(ScenarioApplication, Scenario)
        case failed(WhatIfFailure)
    }

    /// Reads and applies every --scenario; a file that fails, or a name used twice, becomes a
    /// failed entry with its messages.
    private func readScenarios(for model: Season, baseline published: Schedule) -> [Entry] {
        var names: [String: SourceLocation] = [:]
        return scenarios.map { file in
            let read = ScenarioLoader.load(path: file)
            guard let scenario = read.scenario else {
                return .failed(WhatIfFailure(name: file, messages: read.diagnostics.map(\.rendered)))
            }
            let at = scenario.source?.at("name") ?? SourceLocation(file: file, line: 1, column: 1)
            if let first = names[scenario.name] {
                let message = Diagnostic(
                    .error, at: at,
                    "scenario name '\(scenario.name)' is already used by \(first.file):\(first.line):\(first.column); "
                        + "names in a batch must differ (each names its output folder)")
                return .failed(WhatIfFailure(name: scenario.name, messages: [message.rendered]))
            }
            names[scenario.name] = at
            let application = ScenarioApplication(scenario, season: model, baseline: published)
            let problems = (read.diagnostics + application.diagnostics).sorted()
            guard !read.hasErrors, !application.hasErrors else {
                return .failed(WhatIfFailure(name: scenario.name, messages: problems.map(\.rendered)))
            }
            for warning in problems { Terminal.standardError(warning.rendered) }
            return .ready(application, scenario)
        }
    }

    typealias Reasons = [SessionKey: UnplacedReasons]

    /// Solves the ready entries, --jobs at a time; nil for failed ones.
    private func solve(_ entries: [Entry], season model: Season, busy: [String: [LocalPeriod]])
        -> [(WhatIfReport, Reasons)?]
    {
        let results = Mutex<[(WhatIfReport, Reasons)?]>(Array(repeating: nil, count: entries.count))
        let next = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let options = SolveOptions(
            seed: seed, moveLimit: moveLimit ?? (timeLimit == nil ? 1_000_000 : Int.max),
            timeLimit: timeLimit?.seconds, acceptance: acceptance.acceptance)
        let seconds = timeLimit?.seconds
        let language = lang.language
        let ready = entries.filter { if case .ready = $0 { true } else { false } }.count
        let quiet = quiet
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, entries.count))) { _ in
            while true {
                let task = next.add(1, ordering: .relaxed).oldValue
                guard task < entries.count else { return }
                guard case .ready(let application, let scenario) = entries[task] else { continue }
                let clock = ContinuousClock()
                let started = clock.now
                let limit = seconds.map { Duration.milliseconds(Int64($0 * 1000)) }
                let run = WhatIf.run(
                    application, original: model, busy: busy, options: options,
                    shouldStop: {
                        limit.map { clock.now - started >= $0 } ?? false
                            || Interrupt.requested.load(ordering: .relaxed)
                    })
                let words = Explanations(season: application.season, schedule: run.solved.schedule, language: language)
                let reasons = run.solved.reasons.mapValues { words.reasons($0) }
                let report = WhatIfReport(
                    name: scenario.name, description: scenario.description, season: application.exportSeason,
                    schedule: run.solved.schedule, diff: run.diff, before: run.before, after: run.solved.report,
                    reasons: reasons, language: language)
                results.withLock { $0[task] = (report, run.solved.reasons) }
                let done = finished.add(1, ordering: .relaxed).newValue
                if !quiet {
                    Terminal.standardError(
                        "[\(done)/\(ready)] \(scenario.name): \(run.diff.moved.count) moved, "
                            + "\(run.diff.cancelled.count) cancelled, \(run.diff.unplaced.count) unplaced; "
                            + "score \(run.solved.report.score) "
                            + String(format: "(%.1f s)", ProgressMeter.seconds(clock.now - started)))
                }
            }
        }
        return results.withLock { $0 }
    }

    /// Everything `wutong solve` writes, the diff, and (unless a sweep) the calendars and the
    /// per-partner updates.
    private func write(
        _ report: WhatIfReport, reasons: Reasons, application: ScenarioApplication, into folder: String,
        calendars: Bool
    ) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let schedule = report.schedule
        let revised = ScheduleRevision(schedule, baseline: application.published, retimed: application.retimed).schedule
        try AtomicFile.write(
            ScheduleEncoder.encode(
                revised, for: application.season, report: report.after, reasons: reasons,
                generatedBy: "wutong \(Wutong.configuration.version)"),
            to: (folder as NSString).appendingPathComponent("schedule.xml"))
        try AtomicFile.write(
            Array(
                ScheduleReport.markdown(
                    schedule, for: application.season, report: report.after, reasons: reasons,
                    language: report.language
                ).utf8),
            to: (folder as NSString).appendingPathComponent("report.md"))
        try AtomicFile.write(Array(report.text.utf8), to: (folder as NSString).appendingPathComponent("diff.txt"))
        try AtomicFile.write(report.jsonBytes, to: (folder as NSString).appendingPathComponent("diff.json"))
        guard calendars else { return }
        let exportSeason = application.exportSeason
        _ = try CalendarFeeds.write(
            schedule, for: exportSeason, into: folder, baseline: application.published, retimed: application.retimed)
        _ = try CalendarFeeds.writeFrab(schedule, for: exportSeason, into: folder)
        _ = try CalendarFeeds.writeJSON(schedule, for: exportSeason, into: folder)
    }
}
