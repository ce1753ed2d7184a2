import ArgumentParser
import Foundation
import WutongFormats
import WutongModel
import WutongSolver

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rescore a schedule from scratch against its season.",
        discussion: """
            Validates SCHEDULE (schema and references: season, activities, sessions, venues, \
            partners, pinned sessions), scores it constraint by constraint with the from-scratch \
            scorer and lists every violation, and every unplaced session with why it does not \
            fit into the schedule as it stands: how many of its candidate placements each hard \
            constraint rules out. Partners' busy calendars (<busy-calendar>) count as their \
            unavailability.

            Exit status: 0 when hard = 0 and every session is placed, 1 otherwise, 2 when the \
            season or the schedule cannot be read, 64 for a usage error.
            """
    )

    @Argument(help: "The season file.", completion: .file(extensions: ["xml"]))
    var season: String

    @Argument(help: "The schedule file to check.", completion: .file(extensions: ["xml"]))
    var schedule: String

    @Option(help: "Language of explanations: en or zh-Hans.")
    var lang: LanguageOption = .en

    @Option(help: "Report as text (stdout) or JSON (stdout).")
    var format: OutputFormat = .text

    func run() throws {
        let seasonResult = SeasonLoader.load(path: season, displayName: season)
        guard let loaded = seasonResult.season else {
            for diagnostic in seasonResult.diagnostics { Terminal.standardError(diagnostic.rendered) }
            Terminal.standardError("\(season): the season is not valid; run `wutong validate \(season)`")
            throw ExitCode(2)
        }
        let scheduleResult = ScheduleLoader.load(path: schedule, displayName: schedule, season: loaded)
        for diagnostic in scheduleResult.diagnostics { Terminal.standardError(diagnostic.rendered) }
        guard let plan = scheduleResult.schedule else {
            Terminal.standardError("\(schedule): the schedule cannot be checked")
            throw ExitCode(2)
        }
        let report = ScheduleScorer.score(plan, for: loaded, busy: seasonResult.busy)
        if let claimed = scheduleResult.claimedScore, claimed != report.score {
            Terminal.standardError(
                "\(schedule): warning: the file claims \(claimed) but rescoring gives \(report.score); "
                    + "it was edited or written by another tool")
        }
        let reasons = Solver.explainUnplaced(report.unplaced, in: plan, for: loaded, busy: seasonResult.busy)
        let explanations = Explanations(season: loaded, schedule: plan, language: lang.language)
        switch format {
        case .text:
            Terminal.standardOutput(CheckReport.text(report, reasons: reasons, explanations: explanations))
        case .json:
            Terminal.standardOutput(CheckReport.json(report, reasons: reasons, explanations: explanations))
        }
        if report.score.hard > 0 || !report.unplaced.isEmpty { throw ExitCode(1) }
    }
}

/// Renders the scorer's report for `wutong check`.
enum CheckReport {
    static func text(
        _ report: ScoreReport, reasons: [SessionKey: UnplacedReasons], explanations: Explanations
    ) -> String {
        var lines = ["score: \(report.score)"]
        let broken = report.totals.filter { $0.amount > 0 }
        if broken.isEmpty {
            lines.append("no constraint is violated")
        } else {
            lines.append("constraint                level  weight  amount    cost")
            for total in broken {
                lines.append(
                    total.constraint.rawValue.padding(toLength: 25, withPad: " ", startingAt: 0)
                        + total.level.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
                        + String(total.weight).leftPadded(7) + String(total.amount).leftPadded(8)
                        + String(total.cost).leftPadded(8))
            }
        }
        for violation in report.violations { lines.append("- " + explanations.describe(violation)) }
        for key in report.unplaced {
            lines.append(
                "- unplaced: \(explanations.session(key))"
                    + (reasons[key].map { ": " + explanations.summary($0) } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct JSONReport: Encodable {
        struct ConstraintJSON: Encodable {
            var name: String
            var level: String
            var weight: Int
            var amount: Int
            var cost: Int
        }
        struct ViolationJSON: Encodable {
            var constraint: String
            var amount: Int
            var sessions: [String]
            var venue: String?
            var partner: String?
            var start: String?
            var end: String?
            var subject: String?
            /// The violation in words, in the language of `--lang`.
            var explanation: String
        }
        var score: JSONOutput.Score
        var constraints: [ConstraintJSON]
        var violations: [ViolationJSON]
        var unplaced: [String]
        /// Per unplaced session (`activity#index`): why it does not fit into the schedule.
        var reasons: [String: [JSONOutput.Reason]]
    }

    static func json(
        _ report: ScoreReport, reasons: [SessionKey: UnplacedReasons], explanations: Explanations
    ) -> String {
        let value = JSONReport(
            score: JSONOutput.Score(report.score),
            constraints: report.totals.map {
                .init(
                    name: $0.constraint.rawValue, level: $0.level.rawValue, weight: $0.weight, amount: $0.amount,
                    cost: $0.cost)
            },
            violations: report.violations.map {
                .init(
                    constraint: $0.constraint.rawValue, amount: $0.amount, sessions: $0.sessions.map(\.description),
                    venue: $0.venue, partner: $0.partner,
                    start: $0.minutes.map { LocalDateTime(minuteNumber: $0.lowerBound).description },
                    end: $0.minutes.map { LocalDateTime(minuteNumber: $0.upperBound).description }, subject: $0.subject,
                    explanation: explanations.describe($0))
            },
            unplaced: report.unplaced.map(\.description),
            reasons: Dictionary(
                uniqueKeysWithValues: reasons.map { key, why in
                    (key.description, JSONOutput.Reason.list(why, words: explanations))
                }))
        return StableJSON.text(value)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
