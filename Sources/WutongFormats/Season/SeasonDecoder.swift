import WutongModel
import XMLSupport

/// Turns a schema-valid season element tree into a `Season`. The schema has already checked
/// the structure; this catches what patterns cannot (a 30 February, an unknown constraint name)
/// and records where every value came from.
struct SeasonDecoder {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func decode(_ root: XMLElement) -> Season {
        let calendarElement = root.child(named: "calendar") ?? root
        let calendar = decodeCalendar(calendarElement)
        let rulesElement = root.child(named: "rules")
        let defaults = SeasonRules()
        let rules = SeasonRules(
            walkingMetresPerMinute: rulesElement.flatMap { int($0, "walking-metres-per-minute") }
                ?? defaults.walkingMetresPerMinute,
            circleMinutes: rulesElement.flatMap { int($0, "circle-minutes") } ?? defaults.circleMinutes,
            noiseDistanceMetres: rulesElement.flatMap { int($0, "noise-distance-metres") }
                ?? defaults.noiseDistanceMetres,
            source: rulesElement.map(span))
        return Season(
            id: root[attribute: "id"] ?? "",
            name: root[attribute: "name"] ?? "",
            calendar: calendar,
            rules: rules,
            grids: items(root, "grids", "grid").map { element in
                Grid(
                    id: string(element, "id"), name: string(element, "name"), goal: element[attribute: "goal"],
                    targetShare: int(element, "target-share"), source: span(element))
            },
            neighbourhoods: items(root, "neighbourhoods", "neighbourhood").map { element in
                Neighbourhood(
                    id: string(element, "id"), name: string(element, "name"), grid: string(element, "grid"),
                    location: coordinate(element), source: span(element))
            },
            audiences: items(root, "audiences", "audience").map { element in
                AudienceGroup(
                    id: string(element, "id"), name: string(element, "name"),
                    windows: element.children(named: "window").compactMap { weeklyWindow($0) }, source: span(element))
            },
            venues: items(root, "venues", "venue").map { decodeVenue($0) },
            partners: items(root, "partners", "partner").map { decodePartner($0) },
            projects: items(root, "projects", "project").map { element in
                Project(
                    id: string(element, "id"), name: string(element, "name"), goal: element[attribute: "goal"],
                    origin: origin(element), source: span(element))
            },
            equipmentPools: items(root, "equipment-pools", "pool").map { element in
                EquipmentPool(
                    id: string(element, "id"), name: string(element, "name"),
                    provides: Equipment(rawValue: string(element, "provides")) ?? .sound,
                    count: int(element, "count") ?? 1,
                    source: span(element))
            },
            activities: (root.child(named: "activities")?.children ?? []).map { decodeActivity($0) },
            constraintSettings: items(root, "constraints", "constraint").compactMap { decodeConstraint($0) },
            source: span(root))
    }

    // MARK: Parts

    private mutating func decodeCalendar(_ element: XMLElement) -> SeasonCalendar {
        SeasonCalendar(
            timeZone: string(element, "time-zone"),
            start: date(element, "start"),
            end: date(element, "end"),
            slotMinutes: int(element, "slot-minutes") ?? 30,
            dayStart: time(element, "day-start"),
            dayEnd: time(element, "day-end"),
            blackouts: element.children(named: "blackout").map { blackout in
                let from = date(blackout, "from")
                return Blackout(
                    from: from, to: blackout.attribute("to") == nil ? from : date(blackout, "to"),
                    reason: blackout[attribute: "reason"], source: span(blackout))
            },
            source: span(element))
    }

    private mutating func decodeVenue(_ element: XMLElement) -> Venue {
        Venue(
            id: string(element, "id"), name: string(element, "name"),
            kind: VenueKind(rawValue: string(element, "kind")) ?? .communityCentre,
            grid: string(element, "grid"), capacity: int(element, "capacity") ?? 0,
            setting: VenueSetting(rawValue: string(element, "setting")) ?? .indoor,
            residential: bool(element, "residential"),
            equipment: Set(list(element, "equipment").compactMap(Equipment.init(rawValue:))),
            location: coordinate(element),
            openingHours: element.children(named: "open").compactMap { weeklyWindow($0) },
            closures: element.children(named: "closed").compactMap { period($0) },
            quietHours: element.children(named: "quiet").compactMap { weeklyWindow($0, allowWrap: true) },
            origin: origin(element), source: span(element))
    }

    private mutating func decodePartner(_ element: XMLElement) -> PartnerUnit {
        PartnerUnit(
            id: string(element, "id"), name: string(element, "name"),
            roles: Set(list(element, "roles").compactMap(PartnerRole.init(rawValue:))),
            weeklyLimit: int(element, "weekly-limit"), offeredSessions: int(element, "offered-sessions"),
            homeVenues: list(element, "home-venues"),
            unavailable: element.children(named: "unavailable").compactMap { period($0) },
            busyCalendars: element.children(named: "busy-calendar").map {
                CalendarReference(path: string($0, "href"), source: span($0))
            },
            origin: origin(element), source: span(element))
    }

    mutating func decodeActivity(_ element: XMLElement) -> Activity {
        let kind: Activity.Kind =
            element.name == "event" || element.name == "add-event"
            ? .projectEvent(project: string(element, "project")) : .practice
        let allowed = element.child(named: "allowed")
        return Activity(
            id: string(element, "id"), name: string(element, "name"), kind: kind,
            durationMinutes: int(element, "duration") ?? 60,
            setupMinutes: int(element, "setup") ?? 0, teardownMinutes: int(element, "teardown") ?? 0,
            sessions: int(element, "sessions") ?? 1, minGapDays: int(element, "min-gap-days") ?? 0,
            minDistinctDays: int(element, "min-distinct-days"),
            audiences: list(element, "audience"), audienceSize: int(element, "audience-size") ?? 1,
            equipment: Set(list(element, "equipment").compactMap(Equipment.init(rawValue:))),
            roles: element.children(named: "needs").map {
                RoleRequirement(
                    role: PartnerRole(rawValue: string($0, "role")) ?? .performer, count: int($0, "count") ?? 1,
                    candidates: list($0, "partners"), source: span($0))
            },
            eligibility: allowed.map {
                VenueEligibility(
                    venues: list($0, "venues"), grids: list($0, "grids"),
                    kinds: Set(list($0, "kinds").compactMap(VenueKind.init(rawValue:))),
                    setting: $0[attribute: "setting"].flatMap(VenueSetting.init(rawValue:)), source: span($0))
            } ?? VenueEligibility(),
            windows: element.children(named: "window").compactMap { weeklyWindow($0) },
            forbidden: element.children(named: "forbidden").compactMap { period($0) },
            preferred: element.children(named: "preferred").compactMap { weeklyWindow($0) },
            after: element.children(named: "after").map {
                ActivityReference(activity: string($0, "activity"), source: span($0))
            },
            amplified: bool(element, "amplified"), priority: int(element, "priority") ?? 1,
            pins: element.children(named: "pin").compactMap { pin in
                guard let start = LocalDateTime(string(pin, "start")), start.time.minutes < 1440 else {
                    report(pin, "start", "'\(string(pin, "start"))' is not a date and time that exists")
                    return nil
                }
                return PinnedSession(
                    session: int(pin, "session") ?? 1, venue: string(pin, "venue"), start: start,
                    partners: list(pin, "partners"), source: span(pin))
            },
            origin: origin(element), source: span(element))
    }

    mutating func decodeConstraint(_ element: XMLElement) -> ConstraintSetting? {
        let name = string(element, "name")
        guard let id = ConstraintID(rawValue: name) else {
            let hint = Suggestion.hint(for: name, in: ConstraintID.allCases.map(\.rawValue))
            report(element, "name", "unknown constraint '\(name)'; the catalogue is in Docs/constraints.md.\(hint)")
            return nil
        }
        return ConstraintSetting(
            id: id, level: element[attribute: "level"].flatMap(ConstraintLevel.init(rawValue:)),
            weight: int(element, "weight"), source: span(element))
    }

    // MARK: Values

    private func items(_ root: XMLElement, _ container: String, _ name: String) -> [XMLElement] {
        root.child(named: container)?.children(named: name) ?? []
    }

    func span(_ element: XMLElement) -> SourceSpan {
        var attributes: [String: SourceSpan.Position] = [:]
        for attribute in element.attributes {
            attributes[attribute.name] = SourceSpan.Position(
                line: attribute.position.line, column: attribute.position.column)
        }
        return SourceSpan(
            file: file, line: element.position.line, column: element.position.column, attributes: attributes)
    }

    mutating func report(_ element: XMLElement, _ attribute: String, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: span(element).at(attribute), message))
    }

    private func string(_ element: XMLElement, _ name: String) -> String {
        element[attribute: name]?.trimmingSpaces ?? ""
    }

    private func list(_ element: XMLElement, _ name: String) -> [String] {
        (element[attribute: name] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private func int(_ element: XMLElement, _ name: String) -> Int? {
        element[attribute: name].flatMap { Int($0.trimmingSpaces) }
    }

    private func bool(_ element: XMLElement, _ name: String) -> Bool {
        let value = string(element, name)
        return value == "true" || value == "1"
    }

    private func origin(_ element: XMLElement) -> NameOrigin? {
        element[attribute: "origin"].flatMap { NameOrigin(rawValue: $0.trimmingSpaces) }
    }

    private func coordinate(_ element: XMLElement) -> Coordinate {
        Coordinate(
            latitude: Double(string(element, "lat")) ?? 0, longitude: Double(string(element, "lon")) ?? 0)
    }

    private mutating func date(_ element: XMLElement, _ name: String) -> LocalDate {
        let text = string(element, name)
        if let date = LocalDate(text) { return date }
        report(element, name, "'\(text)' is not a date that exists (write YYYY-MM-DD)")
        return LocalDate(dayNumber: 0)
    }

    private mutating func time(_ element: XMLElement, _ name: String) -> TimeOfDay {
        let text = string(element, name)
        if let time = TimeOfDay(text) { return time }
        report(element, name, "'\(text)' is not a time of day (write HH:MM)")
        return .midnight
    }

    private mutating func weeklyWindow(_ element: XMLElement, allowWrap: Bool = false) -> WeeklyWindow? {
        let days = list(element, "days").compactMap(Weekday.init(rawValue:))
        let window = WeeklyWindow(
            days: days.isEmpty ? Set(Weekday.allCases) : Set(days), from: time(element, "from"),
            to: time(element, "to"),
            source: span(element))
        return window
    }

    /// A bare date as `from` is the start of that day; as `to`, the end of it.
    mutating func period(_ element: XMLElement) -> LocalPeriod? {
        let fromText = string(element, "from")
        let toText = string(element, "to")
        guard let from = LocalDateTime(fromText) else {
            report(element, "from", "'\(fromText)' is not a date or date-time that exists")
            return nil
        }
        guard var to = LocalDateTime(toText) else {
            report(element, "to", "'\(toText)' is not a date or date-time that exists")
            return nil
        }
        if !toText.utf8.contains(UInt8(ascii: "T")) {
            to = LocalDateTime(date: to.date.adding(days: 1), time: .midnight)
        }
        return LocalPeriod(start: from, end: to, reason: element[attribute: "reason"], source: span(element))
    }
}

extension String {
    var trimmingSpaces: String {
        // Almost every value is already trimmed; check the bytes before touching characters.
        func isSpace(_ byte: UInt8?) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        if !isSpace(utf8.first), !isSpace(utf8.last) { return self }
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
