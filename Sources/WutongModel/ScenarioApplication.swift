/// A scenario applied to a season and its published schedule (the baseline): the season as the
/// scenario leaves it, with every session that already happened pinned where it was; the
/// baseline reduced to the sessions that still exist; why each baseline session's place no
/// longer works; and every problem with the scenario, at its attribute.
public struct ScenarioApplication: Sendable {
    /// Stability weight per moved session in a re-plan, unless the scenario sets its own: far
    /// above any soft gain one move can bring, so only sessions that must move do (a planner
    /// asks for as few changes as possible, then for the best plan among those).
    public static let stabilityWeight = 1_000

    public var season: Season
    /// The published schedule as it was given (the diff is measured against it).
    public var published: Schedule
    /// The scenario's now: nothing new may start before it.
    public var now: LocalDateTime?
    /// The baseline sessions that still exist in `season` (for `stability` and construction).
    public var baseline: Schedule
    /// Baseline sessions that start before the scenario's `now`: pinned, never moved.
    public var frozen: [SessionKey]
    /// Why a baseline session's placement no longer fits: its venue closed, a partner gone or
    /// unavailable, its activity changed or removed.
    public var affected: [SessionKey: String]
    /// Published sessions of activities the scenario changed: their calendar events change even
    /// where their start and venue stay (a new duration), so their SEQUENCE must go up.
    public var retimed: Set<SessionKey> {
        let changed = Set(changedActivities)
        return Set(published.sessions.filter { $0.isPlaced && changed.contains($0.activity) }.map(SessionKey.init))
    }
    /// Activities whose duration or audience `change-activity` changed.
    public var changedActivities: [String]
    /// Activities the scenario removed, so their sessions can still be written as cancelled.
    public var removedActivities: [Activity]
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    /// `season` plus the removed activities: what calendars of the re-plan are written
    /// against, so cancelled sessions of removed activities still have their names and times.
    public var exportSeason: Season {
        var season = season
        season.activities += removedActivities
        return season
    }

    public init(_ scenario: Scenario, season original: Season, baseline published: Schedule) {
        var application = Applier(scenario: scenario, season: original, baseline: published)
        application.run()
        season = application.season
        self.published = published
        now = scenario.now
        baseline = application.baseline
        frozen = application.frozen
        affected = application.affected
        removedActivities = application.removed
        changedActivities = application.changed
        diagnostics = application.diagnostics.sorted()
    }
}

private struct Applier {
    let scenario: Scenario
    let original: Season
    let published: Schedule
    var season: Season
    var baseline = Schedule(sessions: [])
    var frozen: [SessionKey] = []
    var affected: [SessionKey: String] = [:]
    var removed: [Activity] = []
    var changed: [String] = []
    var diagnostics: [Diagnostic] = []
    /// What the scenario added, to tell which baseline sessions it displaced.
    var closures: [(venue: String, period: LocalPeriod)] = []
    var unavailable: [(partner: String, period: LocalPeriod)] = []
    var setsStability = false
    /// Minute numbers of the season's first moment and of the moment after its last day.
    let seasonStart: Int
    let seasonEnd: Int

    init(scenario: Scenario, season: Season, baseline: Schedule) {
        self.scenario = scenario
        original = season
        published = baseline
        self.season = season
        seasonStart = LocalDateTime(date: season.calendar.start, time: .midnight).minuteNumber
        seasonEnd = LocalDateTime(date: season.calendar.end.adding(days: 1), time: .midnight).minuteNumber
    }

    mutating func run() {
        guard scenario.season == original.id else {
            error(
                scenario.source, "season",
                "this scenario is for season '\(scenario.season)', not '\(original.id)'; run it against its own season")
            return
        }
        if let now = scenario.now, now.minuteNumber < seasonStart || now.minuteNumber > seasonEnd {
            error(
                scenario.source, "now",
                "now (\(now)) lies outside the season (\(original.calendar.start)–\(original.calendar.end))")
        }
        for change in scenario.changes { apply(change) }
        freezeThePast()
        if !setsStability {
            season.constraintSettings.append(
                ConstraintSetting(id: .stability, level: .soft, weight: ScenarioApplication.stabilityWeight))
        }
        let keys = Set(
            season.activities.flatMap { activity in
                (1...max(1, activity.sessions)).map { SessionKey(activity: activity.id, index: $0) }
            })
        baseline = Schedule(sessions: published.sessions.filter { keys.contains(SessionKey($0)) })
        markAffected()
        // References and values of what the scenario added or changed; the proofs that an
        // activity can never be placed are left out, since in a what-if that is an outcome to
        // report (its sessions unplaced, with reasons), not an error in the input.
        diagnostics += SeasonValidator.validate(season, feasibility: false).filter {
            scenario.source == nil || $0.location.file == scenario.source?.file
        }
    }

    // MARK: Changes

    private mutating func apply(_ change: ScenarioChange) {
        switch change {
        case .closeVenue(let venue, let period):
            guard let index = venueIndex(venue, period.source, "venue"), check(period) else { return }
            season.venues[index].closures.append(period)
            closures.append((venue, period))
        case .partnerUnavailable(let partner, let period):
            guard let index = partnerIndex(partner, period.source, "partner"), check(period) else { return }
            season.partners[index].unavailable.append(period)
            unavailable.append((partner, period))
        case .removePartner(let partner, let source):
            guard let index = partnerIndex(partner, source, "partner") else { return }
            let from = scenario.now ?? LocalDateTime(minuteNumber: seasonStart)
            // Removed after the season ended: nothing left to take part in.
            guard from.minuteNumber < seasonEnd else { return }
            let period = LocalPeriod(
                start: from, end: LocalDateTime(minuteNumber: seasonEnd), reason: "removed by the scenario",
                source: source)
            season.partners[index].unavailable.append(period)
            unavailable.append((partner, period))
        case .removeActivity(let activity, let source):
            guard let index = activityIndex(activity, source, "activity") else { return }
            if let happened = frozenIndexes(of: activity).first {
                error(
                    source, "activity",
                    "session \(happened) of '\(activity)' starts before now and has happened; "
                        + "a scenario cannot remove it (change the activity's sessions instead)")
                return
            }
            removed.append(season.activities.remove(at: index))
            for other in season.activities.indices {
                season.activities[other].after.removeAll { $0.activity == activity }
            }
        case .changeActivity(let change):
            guard let index = activityIndex(change.activity, change.source, "activity") else { return }
            var activity = season.activities[index]
            if let sessions = change.sessions {
                if let happened = frozenIndexes(of: change.activity).max(), happened > sessions {
                    error(
                        change.source, "sessions",
                        "session \(happened) of '\(change.activity)' starts before now and has happened; "
                            + "the activity keeps at least \(happened) sessions")
                    return
                }
                activity.sessions = sessions
                activity.pins.removeAll { $0.session > sessions }
            }
            if let duration = change.durationMinutes { activity.durationMinutes = duration }
            if let audiences = change.audiences {
                let known = Set(original.audiences.map(\.id))
                for audience in audiences where !known.contains(audience) {
                    let hint = Suggestion.hint(for: audience, in: known.sorted())
                    error(change.source, "audience", "unknown audience group '\(audience)'.\(hint)")
                    return
                }
                activity.audiences = audiences
            }
            if let size = change.audienceSize { activity.audienceSize = size }
            if let priority = change.priority { activity.priority = priority }
            // Problems the changed activity has (a duration no venue is open for, …) point at
            // the scenario's change, not at the season file.
            activity.source = change.source
            season.activities[index] = activity
            // What partner units see of a session: its duration and audience are in the event;
            // its number of sessions and priority are not.
            if change.durationMinutes != nil || change.audiences != nil || change.audienceSize != nil {
                changed.append(change.activity)
            }
        case .addActivity(let activity):
            if season.activities.contains(where: { $0.id == activity.id }) {
                error(
                    activity.source, "id",
                    "the season already has an activity '\(activity.id)'; use change-activity, or another id")
                return
            }
            season.activities.append(activity)
        case .setConstraint(let setting):
            // The scenario's setting replaces the season's (and an earlier one of its own).
            season.constraintSettings.removeAll { $0.id == setting.id }
            season.constraintSettings.append(setting)
            if setting.id == .stability { setsStability = true }
        }
    }

    /// Pins every baseline session that starts before `now` where the baseline put it.
    private mutating func freezeThePast() {
        guard let now = scenario.now else { return }
        let positions = Dictionary(
            season.activities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for session in published.sessions {
            guard let placement = session.placement, placement.start < now,
                let position = positions[session.activity], session.index <= season.activities[position].sessions
            else { continue }
            frozen.append(SessionKey(session))
            season.activities[position].pins.removeAll { $0.session == session.index }
            season.activities[position].pins.append(
                PinnedSession(
                    session: session.index, venue: placement.venue, start: placement.start,
                    partners: placement.partners, source: scenario.source))
        }
        frozen.sort()
    }

    private func frozenIndexes(of activity: String) -> [Int] {
        guard let now = scenario.now else { return [] }
        return published.sessions.filter { $0.activity == activity && ($0.placement?.start).map { $0 < now } == true }
            .map(\.index)
    }

    /// Why each baseline session's place no longer fits the scenario's season.
    private mutating func markAffected() {
        let activities = Dictionary(
            season.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let changedActivities = Set(changed)
        let frozenKeys = Set(frozen)
        for session in published.sessions {
            guard let placement = session.placement else { continue }
            let key = SessionKey(session)
            guard !frozenKeys.contains(key) else { continue }
            guard let activity = activities[session.activity] else {
                affected[key] = "its activity was removed"
                continue
            }
            guard session.index <= activity.sessions else {
                affected[key] = "its activity now has \(activity.sessions) sessions"
                continue
            }
            if changedActivities.contains(session.activity) {
                affected[key] = "its activity changed"
                continue
            }
            let start = placement.start.minuteNumber
            let venueHold = start - activity.setupMinutes..<start + activity.durationMinutes + activity.teardownMinutes
            let own = start..<start + activity.durationMinutes
            if let closure = closures.first(where: { $0.venue == placement.venue && overlaps($0.period, venueHold) }) {
                affected[key] = "\(closure.venue) is closed \(closure.period.start)–\(closure.period.end)"
            } else if let gone = unavailable.first(where: {
                placement.partners.contains($0.partner) && overlaps($0.period, own)
            }) {
                affected[key] = "\(gone.partner) is unavailable \(gone.period.start)–\(gone.period.end)"
            }
        }
    }

    // MARK: Checks

    private func overlaps(_ period: LocalPeriod, _ range: Range<Int>) -> Bool {
        period.start.minuteNumber < range.upperBound && range.lowerBound < period.end.minuteNumber
    }

    private mutating func check(_ period: LocalPeriod) -> Bool {
        guard period.start < period.end else {
            error(period.source, "to", "the period ends (\(period.end)) before it starts (\(period.start))")
            return false
        }
        guard period.end.minuteNumber > seasonStart, period.start.minuteNumber < seasonEnd else {
            error(
                period.source, period.start.minuteNumber >= seasonEnd ? "from" : "to",
                "the period \(period.start)–\(period.end) lies outside the season "
                    + "(\(original.calendar.start)–\(original.calendar.end))")
            return false
        }
        return true
    }

    private mutating func venueIndex(_ id: String, _ source: SourceSpan?, _ attribute: String) -> Int? {
        if let index = season.venues.firstIndex(where: { $0.id == id }) { return index }
        unknown("venue", id, season.venues.map(\.id), source, attribute)
        return nil
    }

    private mutating func partnerIndex(_ id: String, _ source: SourceSpan?, _ attribute: String) -> Int? {
        if let index = season.partners.firstIndex(where: { $0.id == id }) { return index }
        unknown("partner unit", id, season.partners.map(\.id), source, attribute)
        return nil
    }

    private mutating func activityIndex(_ id: String, _ source: SourceSpan?, _ attribute: String) -> Int? {
        if let index = season.activities.firstIndex(where: { $0.id == id }) { return index }
        unknown("activity", id, season.activities.map(\.id), source, attribute)
        return nil
    }

    private mutating func unknown(
        _ kind: String, _ id: String, _ known: [String], _ source: SourceSpan?, _ attribute: String
    ) {
        let hint = Suggestion.closest(to: id, in: known).map { " Maybe you meant '\($0)'?" }
        error(source, attribute, "unknown \(kind) '\(id)'.\(hint ?? " It is not in the season.")")
    }

    private mutating func error(_ source: SourceSpan?, _ attribute: String, _ message: String) {
        let location =
            source?.at(attribute) ?? scenario.source?.location ?? SourceLocation(file: "scenario", line: 1, column: 1)
        diagnostics.append(Diagnostic(.error, at: location, message))
    }
}

extension SessionKey {
    public init(_ session: ScheduledSession) {
        self.init(activity: session.activity, index: session.index)
    }
}
