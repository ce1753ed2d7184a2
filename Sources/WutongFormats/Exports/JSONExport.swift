import Foundation
public import WutongModel

/// The plan as JSON for scripts and web pages (`DIR/json/schedule.json`, Docs/calendars.md):
/// the season, every placed session with its calendar UID, times in RFC 3339, venue with
/// coordinates and partner units with their roles, and the sessions left unplaced.
public enum JSONExport {
    struct Document: Encodable {
        struct SeasonInfo: Encodable {
            var id: String
            var name: String
            var timezone: String
            var start: String
            var end: String
        }
        struct Venue: Encodable {
            var id: String
            var name: String
            var latitude: Double
            var longitude: Double
        }
        struct Partner: Encodable {
            var id: String
            var name: String
            var role: String
        }
        struct Session: Encodable {
            var uid: String
            var activity: String
            var index: Int
            var title: String
            var project: String?
            var audience: String
            var start: String
            var end: String
            var venue: Venue
            var partners: [Partner]
        }
        struct Unplaced: Encodable {
            var uid: String
            var activity: String
            var index: Int
        }
        var season: SeasonInfo
        var sessions: [Session]
        var unplaced: [Unplaced]
    }

    public static func encode(_ schedule: Schedule, for season: Season) -> [UInt8] {
        guard let instants = InstantFormat(timeZone: season.calendar.timeZone) else { return [] }
        let writer = EventWriter(season: season, stamp: Date(timeIntervalSince1970: 0))
        var sessions: [Document.Session] = []
        var unplaced: [Document.Unplaced] = []
        let ordered = schedule.sessions.sorted {
            ($0.placement?.start ?? LocalDateTime(minuteNumber: Int.max / 2), $0.activity, $0.index)
                < ($1.placement?.start ?? LocalDateTime(minuteNumber: Int.max / 2), $1.activity, $1.index)
        }
        for session in ordered {
            guard let activity = writer.activities[session.activity] else { continue }
            let uid = CalendarExport.uid(season: season, activity: activity.id, index: session.index)
            guard let placement = session.placement, let venue = writer.venues[placement.venue] else {
                unplaced.append(.init(uid: uid, activity: activity.id, index: session.index))
                continue
            }
            sessions.append(
                .init(
                    uid: uid, activity: activity.id, index: session.index, title: activity.name,
                    project: activity.project, audience: activity.audience, start: instants.format(placement.start),
                    end: instants.format(
                        LocalDateTime(minuteNumber: placement.start.minuteNumber + activity.durationMinutes)),
                    venue: .init(
                        id: venue.id, name: venue.name, latitude: venue.location.latitude,
                        longitude: venue.location.longitude),
                    partners: writer.roles(activity, placement).map {
                        .init(id: $0.partner, name: writer.partners[$0.partner]?.name ?? $0.partner, role: $0.role)
                    }))
        }
        let document = Document(
            season: .init(
                id: season.id, name: season.name, timezone: season.calendar.timeZone,
                start: season.calendar.start.description, end: season.calendar.end.description),
            sessions: sessions, unplaced: unplaced)
        return StableJSON.bytes(document)
    }
}
