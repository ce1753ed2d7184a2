public import WutongModel
import XMLSupport

/// The plan as a frab-style `schedule.xml` (the format conference apps such as Giggity and
/// ConfClerk read, as the c3voc schema defines it): days, then venues as rooms, then sessions as
/// events with partner units as persons. Event GUIDs are derived from the session's UID and ids
/// from its activity and number, so both stay the same across re-plans like the calendar UIDs.
public enum FrabExport {
    public static func encode(_ schedule: Schedule, for season: Season, generator: String) -> [UInt8] {
        guard let instants = InstantFormat(timeZone: season.calendar.timeZone) else { return [] }
        let activities = Dictionary(season.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let venues = Dictionary(season.venues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let partners = Dictionary(season.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let projects = Dictionary(season.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let position = Dictionary(
            season.activities.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        let writer = XMLWriter()
        writer.startElement("schedule")
        writer.element("generator", attributes: ["name": "wutong", "version": generator])
        writer.element("version", text: season.id)
        writer.startElement("conference")
        writer.element("title", text: season.name)
        writer.element("acronym", text: acronym(season.id))
        writer.element("start", text: season.calendar.start.description)
        writer.element("end", text: season.calendar.end.description)
        let days = season.calendar.end.dayNumber - season.calendar.start.dayNumber + 1
        writer.element("days", text: String(days))
        writer.element("timeslot_duration", text: clock(season.calendar.slotMinutes))
        writer.element("time_zone_name", text: season.calendar.timeZone)
        writer.endElement()
        // Grouped once: filtering every session for each day and venue took seconds (days ×
        // venues × sessions) on a season of thousands of activities.
        var byVenueAndDay: [VenueDay: [(ScheduledSession, Placement)]] = [:]
        for session in schedule.sessions {
            guard let placement = session.placement else { continue }
            byVenueAndDay[VenueDay(venue: placement.venue, day: placement.start.date.dayNumber), default: []].append(
                (session, placement))
        }
        for offset in 0..<days {
            let date = season.calendar.start.adding(days: offset)
            let midnight = LocalDateTime(date: date, time: TimeOfDay(minutes: 0)!)
            writer.startElement("day")
            writer.attribute("index", String(offset + 1))
            writer.attribute("date", date.description)
            writer.attribute("start", instants.format(midnight))
            writer.attribute("end", instants.format(LocalDateTime(minuteNumber: midnight.minuteNumber + 1440)))
            for venue in season.venues {
                let sessions = (byVenueAndDay[VenueDay(venue: venue.id, day: date.dayNumber)] ?? [])
                    .sorted { ($0.1.start, $0.0.activity, $0.0.index) < ($1.1.start, $1.0.activity, $1.0.index) }
                guard !sessions.isEmpty else { continue }
                writer.startElement("room")
                writer.attribute("name", venue.name)
                writer.attribute("guid", uuid(season.id + "/venue/" + venue.id))
                for (session, placement) in sessions {
                    guard let activity = activities[session.activity] else { continue }
                    let uid = CalendarExport.uid(season: season, activity: activity.id, index: session.index)
                    writer.startElement("event")
                    // Unique and stable while the season keeps its activities: the activity's place
                    // in the season file and the session's number.
                    writer.attribute("id", String((position[activity.id] ?? 0) * 10_000 + session.index))
                    writer.attribute("guid", uuid(uid))
                    writer.element("room", text: venues[placement.venue]?.name ?? placement.venue)
                    writer.element("title", text: activity.name)
                    writer.element("subtitle", text: "#\(session.index)")
                    writer.element("type", text: activity.project == nil ? "practice" : "project-event")
                    writer.element("date", text: instants.format(placement.start))
                    writer.element("start", text: placement.start.time.description)
                    writer.element("duration", text: clock(activity.durationMinutes))
                    writer.element("abstract", text: activity.name)
                    writer.element("track", text: activity.project.map { projects[$0]?.name ?? $0 } ?? "practice")
                    writer.startElement("persons")
                    for partner in placement.partners {
                        writer.element(
                            "person", attributes: ["guid": uuid(season.id + "/partner/" + partner)],
                            text: partners[partner]?.name ?? partner)
                    }
                    writer.endElement()
                    writer.element("language", text: "zh")
                    writer.endElement()
                }
                writer.endElement()
            }
            writer.endElement()
        }
        writer.endElement()
        return writer.finish()
    }

    private struct VenueDay: Hashable {
        let venue: String
        let day: Int
    }

    /// `H:MM` for a number of minutes.
    static func clock(_ minutes: Int) -> String {
        "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + String(minutes % 60)
    }

    /// The schema's acronym: at least four of `[a-z0-9_-]`.
    static func acronym(_ id: String) -> String {
        let kept = String(
            id.lowercased().unicodeScalars.map { scalar -> Character in
                let allowed =
                    ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
                return allowed ? Character(scalar) : "_"
            })
        return kept.count >= 4 ? kept : kept + String(repeating: "_", count: 4 - kept.count)
    }

    /// A deterministic UUID (version 8, "custom") from a name: two FNV-1a hashes.
    static func uuid(_ name: String) -> String {
        let high = fnv(name, seed: 0xCBF2_9CE4_8422_2325)
        var low = fnv(name, seed: 0x8422_2325_CBF2_9CE4)
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
        bytes += (0..<8).map { _ -> UInt8 in
            defer { low <<= 8 }
            return UInt8(truncatingIfNeeded: low >> 56)
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(
                hex[
                    hex.index(
                        hex.startIndex, offsetBy: range.lowerBound)..<hex.index(
                            hex.startIndex, offsetBy: range.upperBound)])
        }
        return parts.joined(separator: "-")
    }

    static func fnv(_ text: String, seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
