import ArgumentParser
import Foundation
import WutongFormats
import WutongModel
import WutongSolver

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan a season: place every session at a venue, a time and with its partners.",
        discussion: """
            Writes OUT/schedule.xml (Docs/schedule-format.md), OUT/report.md and the iCalendar \
            feeds, frab schedule and JSON of `wutong export` in OUT/calendars/, OUT/frab/ and \
            OUT/json/, atomically. \
            The plan is built by construction (most constrained session first, every hard \
            constraint kept), then improved by local search until the time or move limit: \
            simulated annealing cooled over that limit, or late acceptance with --acceptance \
            late. Ctrl-C stops the search and still writes the best plan found. Sessions that \
            cannot be placed are explained. Progress goes to stderr. The same season, seed and \
            --move-limit give the same plan. Partners' busy calendars (<busy-calendar>) block \
            their busy times.

            Exit status: 0 when the plan was written (even with unplaced sessions), 1 when the \
            season is not valid or the files cannot be written, 64 for a usage error.
            """
    )

    @Argument(help: "The season file. Default: the bundled season.", completion: .file(extensions: ["xml"]))
    var season: String?

    @Option(help: "Directory for schedule.xml and report.md.")
    var out: String = "exports"

    @Option(
        parsing: .unconditional,
        help: "Random seed; the same season, seed and move limit give the same plan (default: 1).",
        transform: SeedArgument.parse)
    var seed: UInt64 = 1

    @Option(
        parsing: .unconditional,
        help: "Stop the search after this long: 30, 30s, 2m. Default: 10s, or none with --move-limit.",
        transform: TimeLimit.parse)
    var timeLimit: TimeLimit?

    @Option(parsing: .unconditional, help: "Stop the search after this many moves (for reproducible runs).")
    var moveLimit: Int?

    @Option(
        help:
            "How the search keeps a worsening move: annealing (cooled over the time or move limit) or late (late acceptance)."
    )
    var acceptance: AcceptanceOption = .annealing

    @Option(parsing: .unconditional, help: "Searches to run side by side (different seeds); the best plan wins.")
    var threads: Int = 1

    @Option(
        help: """
            A published schedule to stay close to (stability): re-planning starts from it, calendar \
            SEQUENCEs continue from it, and OUT/updates/ gets the cancellations.
            """)
    var baseline: String?

    @Option(help: "Language of explanations: en or zh-Hans.")
    var lang: LanguageOption = .en

    @Option(help: "Summary as text or JSON (stdout).")
    var format: OutputFormat = .text

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard (moveLimit ?? 0) >= 0 else { throw ValidationError("--move-limit must be 0 or more") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be between 1 and 64") }
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
        let previous = try baseline.map { try Baseline.load($0, for: model, otherwise: "nothing was planned") }
        for conflict in PinnedConflicts.find(in: model) {
            Terminal.standardError("\(display): warning: pinned sessions conflict before any search: \(conflict)")
        }
        let clock = ContinuousClock()
        let started = clock.now
        // A move limit alone makes the run reproducible, so no clock may cut it short.
        let seconds = timeLimit?.seconds ?? (moveLimit == nil ? 10 : nil)
        let limit = seconds.map { Duration.milliseconds(Int64($0 * 1000)) }
        Interrupt.install()
        let meter = ProgressMeter(quiet: quiet, clock: clock, started: started)
        // The first progress line comes from the search; on a large or over-full season the
        // first schedule alone can take a while, so say what is under way.
        let until = [seconds.map { String(format: "%g s", $0) }, moveLimit.map { "\($0) moves" }]
            .compactMap { $0 }.joined(separator: " or ")
        meter.phase(
            "planning \(model.sessionCount) sessions: a first schedule, most constrained session first, "
                + "then the search for \(until)\(threads > 1 ? " (\(threads) searches side by side)" : "")")
        let result = Solver.solvePortfolio(
            model, busy: loaded.busy,
            options: SolveOptions(
                seed: seed, moveLimit: moveLimit ?? Int.max, baseline: previous, threads: threads, timeLimit: seconds,
                acceptance: acceptance.acceptance),
            shouldStop: {
                limit.map { clock.now - started >= $0 } ?? false || Interrupt.requested.load(ordering: .relaxed)
            },
            progress: { meter.report($0) })
        meter.finish()
        if result.searchSkipped {
            meter.phase(
                "no session fits anywhere, even with nothing else placed, so there was nothing to search; "
                    + "report.md says why for each")
        }
        if result.searched != result.report.score {
            // The files carry the from-scratch score, so they stay right; the search's own
            // bookkeeping went wrong, which only a report can get fixed.
            Terminal.standardError(
                "warning: the search's incremental score \(result.searched) differs from the from-scratch score "
                    + "\(result.report.score) (the files carry the latter); this is a bug in Wutong, please report "
                    + "it with this season and seed")
        }
        let elapsed = clock.now - started
        // Against a baseline, the schedule records each session's calendar SEQUENCE so the next
        // re-plan continues from it.
        let planned = previous.map { ScheduleRevision(result.schedule, baseline: $0).schedule } ?? result.schedule
        meter.phase("writing the plan to \(out)/: schedule.xml, report.md, calendars, xCal, frab and JSON")
        let schedulePath = (out as NSString).appendingPathComponent("schedule.xml")
        let reportPath = (out as NSString).appendingPathComponent("report.md")
        try AtomicFile.write(
            ScheduleEncoder.encode(
                planned, for: model, report: result.report, reasons: result.reasons,
                generatedBy: "wutong \(Wutong.configuration.version)"),
            to: schedulePath)
        try AtomicFile.write(
            Array(
                ScheduleReport.markdown(
                    result.schedule, for: model, report: result.report, reasons: result.reasons,
                    language: lang.language
                ).utf8),
            to: reportPath)
        _ = try CalendarFeeds.write(result.schedule, for: model, into: out, baseline: previous)
        _ = try CalendarFeeds.writeFrab(result.schedule, for: model, into: out)
        _ = try CalendarFeeds.writeJSON(result.schedule, for: model, into: out)
        guard !quiet else { return }
        let placed = result.schedule.sessions.filter(\.isPlaced).count
        switch format {
        case .text:
            Terminal.standardOutput(
                "\(display): placed \(placed) of \(model.sessionCount) sessions in "
                    + "\(String(format: "%.2f", Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))) s; "
                    + "score \(result.report.score); wrote \(schedulePath) and \(reportPath)\n")
        case .json:
            let words = Explanations(season: model, schedule: result.schedule, language: lang.language)
            let summary = SummaryJSON(
                placed: placed, sessions: model.sessionCount, score: JSONOutput.Score(result.report.score),
                schedule: schedulePath, report: reportPath,
                unplaced: result.report.unplaced.map { key in
                    SummaryJSON.Unplaced(
                        activity: key.activity, index: key.index,
                        reasons: result.reasons[key].map { JSONOutput.Reason.list($0, words: words) } ?? [])
                })
            Terminal.standardOutput(StableJSON.text(summary))
        }
    }

    /// What `solve --format json` prints.
    private struct SummaryJSON: Encodable {
        struct Unplaced: Encodable {
            var activity: String
            var index: Int
            /// Why it could not be placed, one entry per hard constraint that rules out candidates.
            var reasons: [JSONOutput.Reason]
        }
        var placed: Int
        var sessions: Int
        var score: JSONOutput.Score
        var schedule: String
        var report: String
        var unplaced: [Unplaced]
    }
}
