import Foundation
public import WutongModel

/// One what-if run as a planner reads it (text) and as a script reads it (JSON, Docs/whatif.md):
/// the score before and after, each moved, cancelled, newly placed and unplaced session by its
/// calendar UID, and the partner units concerned.
public struct WhatIfReport: Sendable {
    public var name: String
    public var description: String?
    public var season: Season
    /// The re-plan.
    public var schedule: Schedule
    public var diff: ScheduleDiff
    public var before: ScoreReport
    public var after: ScoreReport
    /// Why each unplaced session could not be placed, in words.
    public var reasons: [SessionKey: [String]]
    public var language: Language

    public init(
        name: String, description: String?, season: Season, schedule: Schedule, diff: ScheduleDiff,
        before: ScoreReport, after: ScoreReport, reasons: [SessionKey: [String]], language: Language = .english
    ) {
        self.name = name
        self.description = description
        self.season = season
        self.schedule = schedule
        self.language = language
        self.diff = diff
        self.before = before
        self.after = after
        self.reasons = reasons
    }

    // MARK: JSON

    struct ScoreJSON: Codable, Hashable {
        var hard: Int
        var medium: Int
        var soft: Int
    }

    struct PlacementJSON: Codable, Hashable {
        var venue: String
        var start: String
        var end: String
        var partners: [String]
    }

    struct ConstraintJSON: Codable, Hashable {
        var name: String
        var level: String
        var weight: Int
        var amount: Int
        var cost: Int
    }

    struct SessionJSON: Codable, Hashable {
        var uid: String
        var activity: String
        var index: Int
        var from: PlacementJSON?
        var to: PlacementJSON?
        var reason: String?
        var reasons: [String]?
    }

    /// The JSON object of one scenario (the `scenarios` array of `wutong whatif --format json`).
    struct ScenarioJSON: Codable, Hashable {
        var name: String
        var description: String?
        var status: String
        var errors: [String]?
        var score: ScoreJSON?
        var before: ScoreJSON?
        var constraints: [ConstraintJSON]?
        var moved: [SessionJSON]?
        var cancelled: [SessionJSON]?
        var placed: [SessionJSON]?
        var unplaced: [SessionJSON]?
        var frozen: [String]?
        var partnersAffected: [String]?

        enum CodingKeys: String, CodingKey {
            case name, description, status, errors, score, before, constraints, moved, cancelled, placed, unplaced
            case frozen
            case partnersAffected = "partners_affected"
        }
    }

    var json: ScenarioJSON {
        let instants = InstantFormat(timeZone: season.calendar.timeZone)
        let durations = Dictionary(
            season.activities.map { ($0.id, $0.durationMinutes) }, uniquingKeysWith: { first, _ in first })
        func placement(_ key: SessionKey, _ placement: Placement) -> PlacementJSON {
            let end = LocalDateTime(minuteNumber: placement.start.minuteNumber + (durations[key.activity] ?? 0))
            return PlacementJSON(
                venue: placement.venue, start: instants?.format(placement.start) ?? placement.start.description,
                end: instants?.format(end) ?? end.description, partners: placement.partners)
        }
        func uid(_ key: SessionKey) -> String {
            CalendarExport.uid(season: season, activity: key.activity, index: key.index)
        }
        return ScenarioJSON(
            name: name, description: description, status: "ok", errors: nil, score: Self.score(after.score),
            before: Self.score(before.score),
            constraints: after.totals.map {
                ConstraintJSON(
                    name: $0.constraint.rawValue, level: $0.level.rawValue, weight: $0.weight, amount: $0.amount,
                    cost: $0.amount * $0.weight)
            },
            moved: diff.moved.map {
                SessionJSON(
                    uid: uid($0.session), activity: $0.session.activity, index: $0.session.index,
                    from: placement($0.session, $0.from), to: placement($0.session, $0.to), reason: $0.reason)
            },
            cancelled: diff.cancelled.map {
                SessionJSON(
                    uid: uid($0.session), activity: $0.session.activity, index: $0.session.index,
                    from: placement($0.session, $0.was), reason: $0.reason)
            },
            placed: diff.placed.map {
                SessionJSON(
                    uid: uid($0.session), activity: $0.session.activity, index: $0.session.index,
                    to: placement($0.session, $0.placement))
            },
            unplaced: diff.unplaced.map {
                SessionJSON(
                    uid: uid($0), activity: $0.activity, index: $0.index, reasons: reasons[$0] ?? [])
            },
            frozen: diff.frozen.map(uid), partnersAffected: diff.partnersAffected)
    }

    static func score(_ score: Score) -> ScoreJSON {
        ScoreJSON(hard: score.hard, medium: score.medium, soft: score.soft)
    }

    /// `{"scenarios": [...]}` for runs that succeeded (reports) and failed (name → messages), in
    /// the order given.
    public static func json(_ entries: [Result<WhatIfReport, WhatIfFailure>]) -> [UInt8] {
        struct Document: Encodable {
            var scenarios: [ScenarioJSON]
        }
        let scenarios = entries.map { entry -> ScenarioJSON in
            switch entry {
            case .success(let report): return report.json
            case .failure(let failure):
                return ScenarioJSON(name: failure.name, status: "failed", errors: failure.messages)
            }
        }
        return StableJSON.bytes(Document(scenarios: scenarios))
    }

    /// This scenario's JSON object alone (`diff.json`).
    public var jsonBytes: [UInt8] {
        StableJSON.bytes(json)
    }

    // MARK: Text

    /// The diff in words (`diff.txt`).
    public var text: String {
        let names = Dictionary(season.activities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let venues = Dictionary(season.venues.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func session(_ key: SessionKey) -> String {
            "\(names[key.activity] ?? key.activity) #\(key.index)"
        }
        func place(_ placement: Placement) -> String {
            let partners = placement.partners.isEmpty ? "" : " with " + placement.partners.joined(separator: ", ")
            return "\(placement.start) at \(venues[placement.venue] ?? placement.venue)\(partners)"
        }
        var lines = ["scenario \(name)" + (description.map { ": \($0)" } ?? "")]
        lines.append("score: \(before.score) → \(after.score)")
        let stability = after.total(.stability).map { $0.amount } ?? 0
        lines.append(
            "\(diff.moved.count) moved (\(diff.knockOn.count) of them to make room), \(diff.cancelled.count) cancelled, "
                + "\(diff.placed.count) newly placed, \(diff.unplaced.count) unplaced; \(diff.frozen.count) frozen; "
                + "\(diff.partnersAffected.count) partner units affected; stability counts \(stability)")
        if diff.isEmpty { lines.append("nothing changes") }
        if !diff.moved.isEmpty {
            lines.append("")
            lines.append("moved:")
            for move in diff.moved {
                lines.append("- \(session(move.session)): \(place(move.from)) → \(place(move.to))")
                lines.append(
                    "  why: "
                        + (move.reason
                            ?? "its place would still do; it moved to make room for sessions that had to move"))
            }
        }
        if !diff.cancelled.isEmpty {
            lines.append("")
            lines.append("cancelled:")
            for cancellation in diff.cancelled {
                let why = cancellation.reason ?? (reasons[cancellation.session]?.joined(separator: "; ") ?? "")
                lines.append(
                    "- \(session(cancellation.session)), was \(place(cancellation.was))"
                        + (why.isEmpty ? "" : "; \(why)"))
            }
        }
        if !diff.placed.isEmpty {
            lines.append("")
            lines.append("newly placed:")
            for addition in diff.placed { lines.append("- \(session(addition.session)): \(place(addition.placement))") }
        }
        if !diff.unplaced.isEmpty {
            lines.append("")
            lines.append("unplaced:")
            for key in diff.unplaced {
                let why = reasons[key]?.joined(separator: "; ") ?? ""
                lines.append("- \(session(key))" + (why.isEmpty ? "" : ": \(why)"))
            }
        }
        // Frozen sessions (before now) and pinned ones never move, even when a change makes
        // them break a hard constraint; say so rather than leave a bare hard score.
        var fixed = Set(diff.frozen)
        for activity in season.activities {
            for pin in activity.pins { fixed.insert(SessionKey(activity: activity.id, index: pin.session)) }
        }
        let frozenBroken = after.violations.filter { violation in
            after.total(violation.constraint)?.level == .hard && violation.sessions.contains { fixed.contains($0) }
        }
        if !frozenBroken.isEmpty {
            let words = Explanations(season: season, schedule: schedule, language: language)
            lines.append("")
            lines.append("frozen or pinned sessions that break hard constraints (they never move, so they are kept):")
            for violation in frozenBroken { lines.append("- " + words.describe(violation)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A scenario of a batch that could not run, with its messages (`FILE:LINE:COL: error: …`).
public struct WhatIfFailure: Error, Sendable {
    public var name: String
    public var messages: [String]

    public init(name: String, messages: [String]) {
        self.name = name
        self.messages = messages
    }
}
