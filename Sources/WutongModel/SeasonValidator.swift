import Foundation

/// Semantic checks after the schema: everything a schema cannot see (references, duplicates,
/// dates against the season, time zones) and the cheap proofs that an activity can never be
/// placed. Reports every problem at once, each at the attribute to change.
public struct SeasonValidator {
    let season: Season
    var diagnostics: [Diagnostic] = []

    /// - Parameter feasibility: also prove activities placeable at all (a venue that could
    ///   ever hold them, a window long enough, a partner for every role).
    public static func validate(_ season: Season, feasibility: Bool = true) -> [Diagnostic] {
        var validator = SeasonValidator(season: season)
        validator.checkCalendar()
        validator.checkIdentifiers()
        validator.checkGridsAndPlaces()
        validator.checkPartners()
        validator.checkActivityReferences()
        validator.checkPrecedenceCycles()
        if feasibility { validator.checkActivityFeasibility() }
        validator.checkPins()
        return validator.diagnostics.sorted()
    }

    // MARK: Reporting

    mutating func error(_ source: SourceSpan?, _ attribute: String, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location(source, attribute), message))
    }

    mutating func warning(_ source: SourceSpan?, _ attribute: String, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location(source, attribute), message))
    }

    func location(_ source: SourceSpan?, _ attribute: String) -> SourceLocation {
        source?.at(attribute) ?? season.source?.location ?? SourceLocation(file: "season", line: 1, column: 1)
    }

    // MARK: Calendar

    mutating func checkCalendar() {
        let calendar = season.calendar
        if TimeZone(identifier: calendar.timeZone) == nil {
            let hint = Suggestion.hint(for: calendar.timeZone, in: TimeZone.knownTimeZoneIdentifiers)
            error(
                calendar.source, "time-zone",
                "unknown time zone '\(calendar.timeZone)'; use an IANA name such as 'Asia/Shanghai'.\(hint)")
        }
        if calendar.end < calendar.start {
            error(calendar.source, "end", "the season ends (\(calendar.end)) before it starts (\(calendar.start))")
        } else if calendar.end.dayNumber - calendar.start.dayNumber >= 366 {
            error(
                calendar.source, "end",
                "the season runs \(calendar.end.dayNumber - calendar.start.dayNumber + 1) days; a season is at most 366 days"
            )
        }
        if calendar.dayEnd <= calendar.dayStart {
            error(
                calendar.source, "day-end",
                "the daily window ends (\(calendar.dayEnd)) before it starts (\(calendar.dayStart))")
        } else if (calendar.dayEnd.minutes - calendar.dayStart.minutes) % calendar.slotMinutes != 0 {
            error(
                calendar.source, "slot-minutes",
                "the daily window \(calendar.dayStart)–\(calendar.dayEnd) is not a whole number of \(calendar.slotMinutes)-minute slots; "
                    + "move day-start or day-end, or choose another slot length")
        }
        for blackout in calendar.blackouts {
            if blackout.to < blackout.from {
                error(blackout.source, "to", "this blackout ends (\(blackout.to)) before it starts (\(blackout.from))")
            }
            if blackout.to < calendar.start || blackout.from > calendar.end {
                error(
                    blackout.source, "from",
                    "blackout \(blackout.from)–\(blackout.to) lies outside the season (\(calendar.start)–\(calendar.end))"
                )
            }
        }
        let grid = SlotGrid(calendar: calendar)
        if calendar.end >= calendar.start, grid.usableDays.allSatisfy({ !$0 }) {
            error(calendar.source, "start", "every day of the season is a blackout day; nothing can be scheduled")
        }
    }

    /// A period must be well-formed and overlap the season.
    mutating func checkPeriod(_ period: LocalPeriod, what: String) {
        let calendar = season.calendar
        if period.end <= period.start {
            error(period.source, "to", "\(what) (\(period)) is empty or ends before it starts")
            return
        }
        let seasonStart = LocalDateTime(date: calendar.start, time: .midnight)
        let seasonEnd = LocalDateTime(date: calendar.end.adding(days: 1), time: .midnight)
        if period.end <= seasonStart || period.start >= seasonEnd {
            error(
                period.source, "from", "\(what) \(period) lies outside the season (\(calendar.start)–\(calendar.end))")
        }
    }

    mutating func checkWindow(_ window: WeeklyWindow, what: String) {
        if window.to <= window.from {
            error(window.source, "to", "\(what) ends (\(window.to)) before it starts (\(window.from))")
        }
    }

    // MARK: Identifiers

    mutating func checkIdentifiers() {
        checkUnique(season.grids.map { ($0.id, $0.source) }, kind: "grid")
        checkUnique(season.neighbourhoods.map { ($0.id, $0.source) }, kind: "neighbourhood")
        checkUnique(season.audiences.map { ($0.id, $0.source) }, kind: "audience group")
        checkUnique(season.venues.map { ($0.id, $0.source) }, kind: "venue")
        checkUnique(season.partners.map { ($0.id, $0.source) }, kind: "partner unit")
        checkUnique(season.projects.map { ($0.id, $0.source) }, kind: "project")
        checkUnique(season.equipmentPools.map { ($0.id, $0.source) }, kind: "equipment pool")
        checkUnique(season.activities.map { ($0.id, $0.source) }, kind: "activity")
        var seen = Set<ConstraintID>()
        for setting in season.constraintSettings where !seen.insert(setting.id).inserted {
            warning(setting.source, "name", "constraint '\(setting.id.rawValue)' is set twice; the last setting wins")
        }
    }

    mutating func checkUnique(_ items: [(String, SourceSpan?)], kind: String) {
        var first: [String: SourceSpan?] = [:]
        for (id, source) in items {
            if let earlier = first[id] {
                let line = earlier.map { " (first defined on line \($0.line))" } ?? ""
                error(source, "id", "duplicate \(kind) id '\(id)'\(line); every \(kind) needs its own id")
            } else {
                first[id] = source
            }
        }
    }

    /// Reports `id` unless it names one of `known`.
    mutating func checkReference(
        _ id: String, to known: Set<String>, kind: String, _ source: SourceSpan?, _ attribute: String
    ) {
        guard !known.contains(id) else { return }
        if let closest = Suggestion.closest(to: id, in: known.sorted()) {
            error(source, attribute, "unknown \(kind) '\(id)'. Maybe you meant '\(closest)'?")
        } else {
            error(source, attribute, "unknown \(kind) '\(id)'; define it or correct the id")
        }
    }

    // MARK: Grids, places, audiences

    mutating func checkGridsAndPlaces() {
        let gridIDs = Set(season.grids.map(\.id))
        let shares = season.grids.compactMap(\.targetShare).reduce(0, +)
        if shares > 100, let grid = season.grids.first(where: { $0.targetShare != nil }) {
            error(grid.source, "target-share", "the grids' target shares add up to \(shares)%, more than 100%")
        }
        for neighbourhood in season.neighbourhoods {
            checkReference(neighbourhood.grid, to: gridIDs, kind: "grid", neighbourhood.source, "grid")
        }
        for audience in season.audiences {
            for window in audience.windows { checkWindow(window, what: "the window of audience '\(audience.id)'") }
        }
        for venue in season.venues {
            checkReference(venue.grid, to: gridIDs, kind: "grid", venue.source, "grid")
            for window in venue.openingHours { checkWindow(window, what: "the opening hours of '\(venue.id)'") }
            for closure in venue.closures { checkPeriod(closure, what: "the closure of '\(venue.id)'") }
            for quiet in venue.quietHours where quiet.from == quiet.to {
                error(quiet.source, "to", "quiet hours of '\(venue.id)' start and end at the same time")
            }
            if !venue.quietHours.isEmpty, !venue.residential {
                warning(
                    venue.quietHours.first?.source, "from",
                    "venue '\(venue.id)' has quiet hours but is not residential; they apply only to residential venues")
            }
        }
    }

    // MARK: Partners

    mutating func checkPartners() {
        let venueIDs = Set(season.venues.map(\.id))
        for partner in season.partners {
            for home in partner.homeVenues {
                checkReference(home, to: venueIDs, kind: "venue", partner.source, "home-venues")
            }
            for period in partner.unavailable { checkPeriod(period, what: "the unavailability of '\(partner.id)'") }
            if partner.weeklyLimit == 0 {
                warning(
                    partner.source, "weekly-limit",
                    "partner '\(partner.id)' has a weekly limit of 0 and can never take part")
            }
        }
    }
}

extension Int {
    /// "4 h 30 min", "45 min".
    var durationText: String {
        let hours = self / 60
        let minutes = self % 60
        if hours == 0 { return "\(minutes) min" }
        return minutes == 0 ? "\(hours) h" : "\(hours) h \(minutes) min"
    }
}
