public import Foundation
public import ICalendar
public import WutongModel

/// The plan as iCalendar feeds that partner units import: one per partner unit, per venue, per
/// grid, and the whole season (`season.ics`). Each session is a VEVENT whose UID depends only on
/// the season, the activity and the session's number, so a re-planned session keeps its UID and
/// clients update it in place.
public enum CalendarExport {
    /// One feed: a file name (safe on any file system whatever the ids hold) and its text.
    public struct Feed: Sendable {
        public var fileName: String
        public var calendar: Component

        /// The feed as iCalendar text (CRLF, folded).
        public var text: String {
            CalendarWriter.write(calendar)
        }

        /// The feed as xCal (RFC 6321), named like the `.ics` with `.xcs`: the same events, less
        /// the calendar extensions the RFC's schema has no room for (Docs/calendars.md).
        public func xcal() throws(ICalError) -> (fileName: String, bytes: [UInt8]) {
            let stem = fileName.hasSuffix(".ics") ? String(fileName.dropLast(4)) : fileName
            return (stem + ".xcs", try XCalWriter.encode([calendar], content: .registeredOnly))
        }
    }

    public static let productID = "-//Hunan Road music street//Wutong//EN"

    /// - Parameters:
    ///   - stamp: the DTSTAMP of every event (when the feed was made).
    ///   - baseline: the schedule partner units were last sent. With it, each event's SEQUENCE
    ///     continues from the baseline's (raised where the time or venue changed), and sessions it
    ///     placed that are no longer placed appear as STATUS:CANCELLED in the feeds that held them.
    ///     Without it, the sequences recorded in `schedule` are used.
    ///   - retimed: sessions whose event changed with the same start and venue (`ScheduleRevision`).
    public static func feeds(
        _ schedule: Schedule, for season: Season, stamp: Date, baseline: Schedule? = nil,
        retimed: Set<SessionKey> = []
    ) -> [Feed] {
        let writer = EventWriter(season: season, stamp: stamp)
        let revision = baseline.map { ScheduleRevision(schedule, baseline: $0, retimed: retimed) }
        let confirmed = (revision?.schedule ?? schedule).sessions.filter(\.isPlaced)
        let entries = (confirmed.map { ($0, false) } + (revision?.cancelled ?? []).map { ($0, true) }).sorted {
            ($0.0.placement!.start, $0.0.activity, $0.0.index) < ($1.0.placement!.start, $1.0.activity, $1.0.index)
        }
        let events = entries.compactMap { session, cancelled in
            writer.event(session, cancelled: cancelled).map { (placement: session.placement!, event: $0) }
        }
        let venueGrid = Dictionary(season.venues.map { ($0.id, $0.grid) }, uniquingKeysWith: { first, _ in first })
        // The events of each partner, venue and grid, in order, gathered in one pass: filtering
        // every event for each of them grew as (partners + venues) × sessions.
        var byPartner: [String: [Int]] = [:]
        var byVenue: [String: [Int]] = [:]
        var byGrid: [String: [Int]] = [:]
        for (index, (placement, _)) in events.enumerated() {
            for (position, partner) in placement.partners.enumerated()
            where !placement.partners[..<position].contains(partner) {
                byPartner[partner, default: []].append(index)
            }
            byVenue[placement.venue, default: []].append(index)
            if let grid = venueGrid[placement.venue] { byGrid[grid, default: []].append(index) }
        }
        var feeds = [
            writer.feed(
                fileName: "season.ics", name: season.name, description: "all sessions", events: events.map(\.event))
        ]
        for partner in season.partners {
            feeds.append(
                writer.feed(
                    fileName: "partner-" + safeName(partner.id) + ".ics", name: "\(season.name) · \(partner.name)",
                    description: "sessions of \(partner.name)",
                    events: (byPartner[partner.id] ?? []).map { events[$0].event }))
        }
        for venue in season.venues {
            feeds.append(
                writer.feed(
                    fileName: "venue-" + safeName(venue.id) + ".ics", name: "\(season.name) · \(venue.name)",
                    description: "sessions at \(venue.name)",
                    events: (byVenue[venue.id] ?? []).map { events[$0].event }))
        }
        for grid in season.grids {
            feeds.append(
                writer.feed(
                    fileName: "grid-" + safeName(grid.id) + ".ics", name: "\(season.name) · \(grid.name)",
                    description: "sessions in \(grid.name)",
                    events: (byGrid[grid.id] ?? []).map { events[$0].event }))
        }
        return feeds
    }

    /// iTIP cancellation messages (RFC 5546 METHOD:CANCEL), one per partner unit that has
    /// something cancelled against `baseline`: `cancel-partner-<id>.ics` holding each session of
    /// theirs that is no longer placed, and each session that still runs without them (then with
    /// only them as ATTENDEE). Empty when nothing was cancelled.
    public static func cancellations(
        _ schedule: Schedule, for season: Season, stamp: Date, baseline: Schedule, retimed: Set<SessionKey> = []
    ) -> [Feed] {
        let writer = EventWriter(season: season, stamp: stamp)
        let revision = ScheduleRevision(schedule, baseline: baseline, retimed: retimed)
        let revised = Dictionary(
            revision.schedule.sessions.map { (SessionKey(activity: $0.activity, index: $0.index), $0) },
            uniquingKeysWith: { first, _ in first })
        var byPartner: [String: [(start: LocalDateTime, key: SessionKey, event: Component)]] = [:]
        for session in revision.cancelled {
            guard let placement = session.placement, let event = writer.event(session, cancelled: true) else {
                continue
            }
            for partner in placement.partners {
                byPartner[partner, default: []].append(
                    (placement.start, SessionKey(activity: session.activity, index: session.index), event))
            }
        }
        for (key, partners) in revision.droppedPartners {
            guard var session = revised[key], let placement = session.placement else { continue }
            for partner in partners {
                session.placement = Placement(venue: placement.venue, start: placement.start, partners: [partner])
                guard let event = writer.event(session, cancelled: true) else { continue }
                byPartner[partner, default: []].append((placement.start, key, event))
            }
        }
        return season.partners.compactMap { partner in
            guard let events = byPartner[partner.id] else { return nil }
            let ordered = events.sorted { ($0.start, $0.key) < ($1.start, $1.key) }.map(\.event)
            return writer.message(
                fileName: "cancel-partner-" + safeName(partner.id) + ".ics", method: "CANCEL", events: ordered)
        }
    }

    /// iTIP requests (RFC 5546 METHOD:REQUEST), one per partner unit that has something new
    /// against `baseline`: `request-partner-<id>.ics` holding, at their new SEQUENCE, each
    /// session of theirs that moved to another time or venue, that they newly take part in, or
    /// that is newly placed, or whose event changed in place (`retimed`). Sessions that did not change for them are left out; what they lost
    /// is in `cancellations`. Empty when nothing changed.
    public static func requests(
        _ schedule: Schedule, for season: Season, stamp: Date, baseline: Schedule, retimed: Set<SessionKey> = []
    ) -> [Feed] {
        let writer = EventWriter(season: season, stamp: stamp)
        let revision = ScheduleRevision(schedule, baseline: baseline, retimed: retimed)
        let previous = Dictionary(
            baseline.sessions.map { (SessionKey($0), $0.placement) }, uniquingKeysWith: { first, _ in first })
        var byPartner: [String: [(start: LocalDateTime, key: SessionKey, event: Component)]] = [:]
        for session in revision.schedule.sessions {
            guard let placement = session.placement else { continue }
            let key = SessionKey(session)
            let old = previous[key] ?? nil
            let moved =
                old.map { $0.start != placement.start || $0.venue != placement.venue || retimed.contains(key) } ?? true
            let concerned = placement.partners.filter { moved || !(old?.partners.contains($0) ?? false) }
            guard !concerned.isEmpty, let event = writer.event(session) else { continue }
            for partner in concerned {
                byPartner[partner, default: []].append((placement.start, key, event))
            }
        }
        return season.partners.compactMap { partner in
            guard let events = byPartner[partner.id] else { return nil }
            let ordered = events.sorted { ($0.start, $0.key) < ($1.start, $1.key) }.map(\.event)
            return writer.message(
                fileName: "request-partner-" + safeName(partner.id) + ".ics", method: "REQUEST", events: ordered)
        }
    }

    /// The stable UID of a session.
    public static func uid(season: Season, activity: String, index: Int) -> String {
        "\(safeName(season.id))-\(safeName(activity))-\(index)@wutong"
    }

    /// Letters, digits, '.', '-' and '_' stay; every other byte is written %XX, so two different
    /// ids never share a file name and none contains a path separator.
    public static func safeName(_ id: String) -> String {
        var result = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: ".") where !result.isEmpty:
                result.append(".")
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result.isEmpty ? "%" : result
    }
}

/// Writes VEVENTs and whole feeds for one season.
struct EventWriter {
    let season: Season
    let stamp: String
    let grid: SlotGrid
    let activities: [String: Activity]
    let venues: [String: Venue]
    let partners: [String: PartnerUnit]
    let projects: [String: Project]
    let audiences: [String: AudienceGroup]
    let timeZone: Component?

    init(season: Season, stamp: Date) {
        self.season = season
        self.stamp = ICalDateTime(wallSeconds: Int(stamp.timeIntervalSince1970), zone: .utc).basic
        grid = SlotGrid(calendar: season.calendar)
        activities = Dictionary(season.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        venues = Dictionary(season.venues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        partners = Dictionary(season.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        projects = Dictionary(season.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        audiences = Dictionary(season.audiences.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let start = Date(timeIntervalSince1970: TimeInterval(season.calendar.start.dayNumber - 366) * 86_400)
        let end = Date(timeIntervalSince1970: TimeInterval(season.calendar.end.dayNumber + 366) * 86_400)
        timeZone = CalendarTimeZone.component(for: season.calendar.timeZone, from: start, to: end)
    }

    /// A subscribed feed: METHOD:PUBLISH with its names and refresh interval.
    func feed(fileName: String, name: String, description: String, events: [Component]) -> CalendarExport.Feed {
        calendar(
            fileName: fileName, method: "PUBLISH",
            naming: [
                ContentLine(name: "NAME", value: TextValue.escape(name)),
                ContentLine(name: "X-WR-CALNAME", value: TextValue.escape(name)),
                ContentLine(name: "DESCRIPTION", value: TextValue.escape(description)),
                ContentLine(name: "X-WR-CALDESC", value: TextValue.escape(description)),
                ContentLine(name: "X-WR-TIMEZONE", value: season.calendar.timeZone),
                ContentLine(name: "REFRESH-INTERVAL", parameters: [Parameter("VALUE", ["DURATION"])], value: "PT12H"),
                ContentLine(name: "X-PUBLISHED-TTL", value: "PT12H"),
            ], events: events)
    }

    /// An iTIP message (RFC 5546): no feed names, just the method, the zone and the events.
    func message(fileName: String, method: String, events: [Component]) -> CalendarExport.Feed {
        calendar(fileName: fileName, method: method, naming: [], events: events)
    }

    private func calendar(fileName: String, method: String, naming: [ContentLine], events: [Component])
        -> CalendarExport.Feed
    {
        var calendar = Component(
            name: "VCALENDAR",
            properties: [
                ContentLine(name: "VERSION", value: "2.0"),
                ContentLine(name: "PRODID", value: CalendarExport.productID),
                ContentLine(name: "CALSCALE", value: "GREGORIAN"),
                ContentLine(name: "METHOD", value: method),
            ] + naming)
        if let timeZone { calendar.components.append(timeZone) }
        calendar.components += events
        return CalendarExport.Feed(fileName: fileName, calendar: calendar)
    }

    /// One session as a VEVENT, confirmed or cancelled; nil for a session the season does not
    /// know.
    func event(_ session: ScheduledSession, cancelled: Bool = false) -> Component? {
        guard let placement = session.placement, let activity = activities[session.activity] else { return nil }
        let zone = [Parameter("TZID", [season.calendar.timeZone])]
        let end = LocalDateTime(minuteNumber: placement.start.minuteNumber + activity.durationMinutes)
        let venue = venues[placement.venue]
        var properties = [
            ContentLine(
                name: "UID", value: CalendarExport.uid(season: season, activity: activity.id, index: session.index)),
            ContentLine(name: "DTSTAMP", value: stamp),
            ContentLine(name: "SEQUENCE", value: String(session.sequence)),
            ContentLine(name: "DTSTART", parameters: zone, value: Self.basic(placement.start)),
            ContentLine(name: "DTEND", parameters: zone, value: Self.basic(end)),
            ContentLine(name: "SUMMARY", value: TextValue.escape("\(activity.name) #\(session.index)")),
            ContentLine(name: "DESCRIPTION", value: TextValue.escape(description(activity, placement))),
            ContentLine(name: "STATUS", value: cancelled ? "CANCELLED" : "CONFIRMED"),
            ContentLine(name: "TRANSP", value: "OPAQUE"),
            ContentLine(
                name: "CATEGORIES",
                value: ([activity.project == nil ? "practice" : "project-event"] + [activity.project].compactMap { $0 })
                    .map(TextValue.escape).joined(separator: ",")),
        ]
        if let venue {
            properties.append(ContentLine(name: "LOCATION", value: TextValue.escape(venue.name)))
            properties.append(
                ContentLine(
                    name: "GEO",
                    value: String(format: "%.6f;%.6f", venue.location.latitude, venue.location.longitude)))
        }
        properties.append(
            ContentLine(
                name: "ORGANIZER", parameters: [Parameter("CN", [season.name])],
                value: "urn:wutong:season:" + CalendarExport.safeName(season.id)))
        for (partner, role) in roles(activity, placement) {
            let name = partners[partner]?.name ?? partner
            properties.append(
                ContentLine(
                    name: "ATTENDEE",
                    parameters: [
                        Parameter("CN", [name]), Parameter("CUTYPE", ["GROUP"]), Parameter("ROLE", ["REQ-PARTICIPANT"]),
                        Parameter("PARTSTAT", ["ACCEPTED"]), Parameter("X-WUTONG-ROLE", [role]),
                    ],
                    value: "urn:wutong:partner:" + CalendarExport.safeName(partner)))
        }
        return Component(name: "VEVENT", properties: properties)
    }

    /// Which role each partner of a placement fills: requirements in order, each taking the
    /// partners it admits until it has its count.
    func roles(_ activity: Activity, _ placement: Placement) -> [(partner: String, role: String)] {
        var remaining = activity.roles.map(\.count)
        return placement.partners.map { id in
            guard let partner = partners[id] else { return (id, "partner") }
            for (index, requirement) in activity.roles.enumerated()
            where remaining[index] > 0 && requirement.admits(partner) {
                remaining[index] -= 1
                return (id, requirement.role.rawValue)
            }
            return (id, "partner")
        }
    }

    func description(_ activity: Activity, _ placement: Placement) -> String {
        var lines: [String] = []
        if let project = activity.project { lines.append("项目 Project: \(projects[project]?.name ?? project)") }
        lines.append("活动 Activity: \(activity.name)")
        if let audience = audiences[activity.audience] {
            lines.append("受众 Audience: \(audience.name) (\(activity.audienceSize))")
        }
        for (partner, role) in roles(activity, placement) {
            lines.append("合作单位 Partner: \(partners[partner]?.name ?? partner) — \(role)")
        }
        return lines.joined(separator: "\n")
    }

    static func basic(_ time: LocalDateTime) -> String {
        ICalDateTime(wallSeconds: time.minuteNumber * 60, zone: .floating).basic
    }
}
