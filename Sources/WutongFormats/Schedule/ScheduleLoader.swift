public import WutongModel
import XMLSupport

/// A schedule file read against its season: the schedule when every reference holds, the score
/// the file claims, and every diagnostic.
public struct ScheduleLoadResult: Sendable {
    public var schedule: Schedule?
    /// The score written in the file, to compare with a rescoring.
    public var claimedScore: Score?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}

/// Reads a schedule file: XML (safely), the schedule XSD, then its references against the
/// season: the season id, activities, session indexes, venues, partners, pinned sessions.
public enum ScheduleLoader {
    static let schema = XMLSchema.embedded(ScheduleSchema.xsd, name: "schedule-1.xsd")

    public static func load(path: String, displayName: String? = nil, season: Season) -> ScheduleLoadResult {
        let name = displayName ?? path
        let result = XMLReader(maximumBytes: SeasonLoader.maximumBytes).read(
            contentsOf: path, displayName: name, schema: schema)
        return build(result, fileName: name, season: season)
    }

    public static func load(bytes: [UInt8], fileName: String, season: Season) -> ScheduleLoadResult {
        build(XMLReader().read(bytes: bytes, fileName: fileName, schema: schema), fileName: fileName, season: season)
    }

    private static func build(_ result: XMLReadResult, fileName: String, season: Season) -> ScheduleLoadResult {
        let xmlDiagnostics = result.diagnostics.map(Diagnostic.init)
        guard let root = result.root else {
            return ScheduleLoadResult(schedule: nil, claimedScore: nil, diagnostics: xmlDiagnostics)
        }
        let rootCheck = RootCheck(
            element: "schedule", namespace: ScheduleSchema.namespace, version: ScheduleSchema.version,
            what: "schedule file")
        if let problem = rootCheck.problem(root, fileName: fileName) {
            return ScheduleLoadResult(schedule: nil, claimedScore: nil, diagnostics: [problem])
        }
        if result.hasErrors {
            return ScheduleLoadResult(schedule: nil, claimedScore: nil, diagnostics: xmlDiagnostics)
        }
        var reader = ScheduleReferenceReader(file: fileName, season: season)
        let schedule = reader.read(root)
        let diagnostics = (xmlDiagnostics + reader.diagnostics).sorted()
        let failed = diagnostics.contains { $0.severity == .error }
        return ScheduleLoadResult(
            schedule: failed ? nil : schedule, claimedScore: reader.claimedScore, diagnostics: diagnostics)
    }
}

/// Builds the `Schedule` from a schema-valid tree and checks every reference against the season.
struct ScheduleReferenceReader {
    let file: String
    let season: Season
    var diagnostics: [Diagnostic] = []
    var claimedScore: Score?

    init(file: String, season: Season) {
        self.file = file
        self.season = season
    }

    mutating func read(_ root: XMLElement) -> Schedule {
        let seasonID = root[attribute: "season"] ?? ""
        if seasonID != season.id {
            error(
                root, "season",
                "this schedule is for season '\(seasonID)', not '\(season.id)'; check it against its own season file")
            return Schedule(sessions: [])
        }
        if let zone = root[attribute: "time-zone"], zone != season.calendar.timeZone {
            warning(
                root, "time-zone",
                "the schedule says time zone '\(zone)' but the season uses '\(season.calendar.timeZone)'; "
                    + "times are read by their offsets")
        }
        if let score = root.child(named: "score") {
            claimedScore = Score(
                hard: Int(score[attribute: "hard"] ?? "") ?? 0, medium: Int(score[attribute: "medium"] ?? "") ?? 0,
                soft: Int(score[attribute: "soft"] ?? "") ?? 0)
        }
        guard let instants = InstantFormat(timeZone: season.calendar.timeZone) else { return Schedule(sessions: []) }
        let activities = Dictionary(season.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let venues = Set(season.venues.map(\.id))
        let partners = Set(season.partners.map(\.id))
        let grid = SlotGrid(calendar: season.calendar)
        var seen: [SessionKey: Int] = [:]
        var sessions: [ScheduledSession] = []
        for element in root.children where element.name == "session" || element.name == "unplaced" {
            let activityID = element[attribute: "activity"] ?? ""
            let index = Int(element[attribute: "index"] ?? "") ?? 0
            guard let activity = activities[activityID] else {
                let hint = Suggestion.closest(to: activityID, in: activities.keys.sorted()).map {
                    " Maybe you meant '\($0)'?"
                }
                error(element, "activity", "unknown activity '\(activityID)'.\(hint ?? " It is not in the season.")")
                continue
            }
            guard index <= activity.sessions else {
                error(
                    element, "index", "'\(activityID)' has \(activity.sessions) sessions; there is no session \(index)")
                continue
            }
            let key = SessionKey(activity: activityID, index: index)
            if let line = seen[key] {
                error(element, "index", "session \(index) of '\(activityID)' appears twice (first on line \(line))")
                continue
            }
            seen[key] = element.position.line
            // The schema bounds it; a file read without the schema still cannot go negative.
            let sequence = max(0, Int(element[attribute: "sequence"] ?? "") ?? 0)
            guard element.name == "session" else {
                sessions.append(ScheduledSession(activity: activityID, index: index, sequence: sequence))
                continue
            }
            var valid = true
            let venue = element[attribute: "venue"] ?? ""
            if !venues.contains(venue) {
                let hint = Suggestion.closest(to: venue, in: venues.sorted()).map { " Maybe you meant '\($0)'?" }
                error(element, "venue", "unknown venue '\(venue)'.\(hint ?? " It is not in the season.")")
                valid = false
            }
            let partnerIDs = element.children(named: "partner").compactMap { $0[attribute: "id"] }
            for (partnerElement, id) in zip(element.children(named: "partner"), partnerIDs) where !partners.contains(id)
            {
                let hint = Suggestion.closest(to: id, in: partners.sorted()).map { " Maybe you meant '\($0)'?" }
                error(partnerElement, "id", "unknown partner unit '\(id)'.\(hint ?? " It is not in the season.")")
                valid = false
            }
            guard let start = instants.parse(element[attribute: "start"] ?? "") else {
                error(element, "start", "'\(element[attribute: "start"] ?? "")' is not a date and time that exists")
                continue
            }
            let expectedEnd = LocalDateTime(minuteNumber: grid.occupancy(of: activity, startingAt: start).exactEnd)
            if let end = instants.parse(element[attribute: "end"] ?? ""), end != expectedEnd {
                warning(
                    element, "end",
                    "the end does not match the start plus the activity's \(activity.durationMinutes) minutes "
                        + "(expected \(instants.format(expectedEnd))); the end is ignored")
            }
            if let pin = activity.pins.first(where: { $0.session == index }),
                pin.venue != venue || pin.start != start || !Set(pin.partners).isSubset(of: Set(partnerIDs))
            {
                error(
                    element, "start",
                    "session \(index) of '\(activityID)' is pinned at '\(pin.venue)' \(pin.start); "
                        + "a schedule may not move a pinned session")
            }
            guard valid else { continue }
            sessions.append(
                ScheduledSession(
                    activity: activityID, index: index,
                    placement: Placement(venue: venue, start: start, partners: partnerIDs), sequence: sequence))
        }
        return Schedule(sessions: sessions)
    }

    private mutating func error(_ element: XMLElement, _ attribute: String, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location(element, attribute), message))
    }

    private mutating func warning(_ element: XMLElement, _ attribute: String, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location(element, attribute), message))
    }

    private func location(_ element: XMLElement, _ attribute: String) -> SourceLocation {
        let position = element.attribute(attribute)?.position ?? element.position
        return SourceLocation(file: file, line: position.line, column: position.column)
    }
}
