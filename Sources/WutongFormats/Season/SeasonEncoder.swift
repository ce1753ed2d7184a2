public import WutongModel
import XMLSupport

/// Writes a `Season` as a version-1 season file. What it writes reads back to the same season
/// (`SeasonLoader`), which the round-trip tests hold it to.
public enum SeasonEncoder {
    public static func encode(_ season: Season) -> [UInt8] {
        let writer = XMLWriter()
        writer.startElement("season", namespace: SeasonSchema.namespace)
        writer.attribute("version", SeasonSchema.version)
        writer.attribute("id", season.id)
        writer.attribute("name", season.name)
        writeCalendar(season.calendar, writer)
        let rules = season.rules
        writer.element(
            "rules",
            attributes: [
                "walking-metres-per-minute": String(rules.walkingMetresPerMinute),
                "circle-minutes": String(rules.circleMinutes),
                "noise-distance-metres": String(rules.noiseDistanceMetres),
            ])
        writer.startElement("grids")
        for grid in season.grids {
            writer.element(
                "grid",
                attributes: [
                    "id": grid.id, "name": grid.name, "goal": grid.goal,
                    "target-share": grid.targetShare.map(String.init),
                ])
        }
        writer.endElement()
        if !season.neighbourhoods.isEmpty {
            writer.startElement("neighbourhoods")
            for place in season.neighbourhoods {
                writer.element(
                    "neighbourhood",
                    attributes: [
                        "id": place.id, "name": place.name, "grid": place.grid,
                        "lat": String(place.location.latitude), "lon": String(place.location.longitude),
                    ])
            }
            writer.endElement()
        }
        writer.startElement("audiences")
        for audience in season.audiences {
            writer.startElement("audience")
            writer.attribute("id", audience.id)
            writer.attribute("name", audience.name)
            for window in audience.windows { writeWindow("window", window, writer) }
            writer.endElement()
        }
        writer.endElement()
        writer.startElement("venues")
        for venue in season.venues { writeVenue(venue, writer) }
        writer.endElement()
        writer.startElement("partners")
        for partner in season.partners { writePartner(partner, writer) }
        writer.endElement()
        writer.startElement("projects")
        for project in season.projects {
            writer.element(
                "project",
                attributes: [
                    "id": project.id, "name": project.name, "goal": project.goal, "origin": project.origin?.rawValue,
                ])
        }
        writer.endElement()
        writer.startElement("equipment-pools")
        for pool in season.equipmentPools {
            writer.element(
                "pool",
                attributes: [
                    "id": pool.id, "name": pool.name, "provides": pool.provides.rawValue, "count": String(pool.count),
                ])
        }
        writer.endElement()
        writer.startElement("activities")
        for activity in season.activities { writeActivity(activity, writer) }
        writer.endElement()
        writer.startElement("constraints")
        for setting in season.constraintSettings {
            writer.element(
                "constraint",
                attributes: [
                    "name": setting.id.rawValue, "level": setting.level.rawValue, "weight": String(setting.weight),
                ])
        }
        writer.endElement()
        writer.endElement()
        return writer.finish()
    }

    private static func writeCalendar(_ calendar: SeasonCalendar, _ writer: XMLWriter) {
        writer.startElement("calendar")
        writer.attribute("time-zone", calendar.timeZone)
        writer.attribute("start", calendar.start.description)
        writer.attribute("end", calendar.end.description)
        writer.attribute("slot-minutes", String(calendar.slotMinutes))
        writer.attribute("day-start", calendar.dayStart.description)
        writer.attribute("day-end", calendar.dayEnd.description)
        for blackout in calendar.blackouts {
            writer.element(
                "blackout",
                attributes: [
                    "from": blackout.from.description,
                    "to": blackout.to == blackout.from ? nil : blackout.to.description,
                    "reason": blackout.reason,
                ])
        }
        writer.endElement()
    }

    private static func writeVenue(_ venue: Venue, _ writer: XMLWriter) {
        writer.startElement("venue")
        writer.attribute("id", venue.id)
        writer.attribute("name", venue.name)
        writer.attribute("kind", venue.kind.rawValue)
        writer.attribute("grid", venue.grid)
        writer.attribute("capacity", String(venue.capacity))
        writer.attribute("setting", venue.setting.rawValue)
        if venue.residential { writer.attribute("residential", "true") }
        if !venue.equipment.isEmpty { writer.attribute("equipment", words(venue.equipment.sorted().map(\.rawValue))) }
        writer.attribute("lat", String(venue.location.latitude))
        writer.attribute("lon", String(venue.location.longitude))
        if let origin = venue.origin { writer.attribute("origin", origin.rawValue) }
        for window in venue.openingHours { writeWindow("open", window, writer) }
        for closure in venue.closures { writePeriod("closed", closure, writer) }
        for quiet in venue.quietHours { writeWindow("quiet", quiet, writer) }
        writer.endElement()
    }

    private static func writePartner(_ partner: PartnerUnit, _ writer: XMLWriter) {
        writer.startElement("partner")
        writer.attribute("id", partner.id)
        writer.attribute("name", partner.name)
        writer.attribute("roles", words(partner.roles.sorted().map(\.rawValue)))
        if let limit = partner.weeklyLimit { writer.attribute("weekly-limit", String(limit)) }
        if let offered = partner.offeredSessions { writer.attribute("offered-sessions", String(offered)) }
        if !partner.homeVenues.isEmpty { writer.attribute("home-venues", words(partner.homeVenues)) }
        if let origin = partner.origin { writer.attribute("origin", origin.rawValue) }
        for period in partner.unavailable { writePeriod("unavailable", period, writer) }
        for calendar in partner.busyCalendars { writer.element("busy-calendar", attributes: ["href": calendar.path]) }
        writer.endElement()
    }

    private static func writeActivity(_ activity: Activity, _ writer: XMLWriter) {
        switch activity.kind {
        case .projectEvent(let project):
            writer.startElement("event")
            writer.attribute("project", project)
        case .practice:
            writer.startElement("practice")
        }
        writer.attribute("id", activity.id)
        writer.attribute("name", activity.name)
        writer.attribute("duration", String(activity.durationMinutes))
        if activity.setupMinutes > 0 { writer.attribute("setup", String(activity.setupMinutes)) }
        if activity.teardownMinutes > 0 { writer.attribute("teardown", String(activity.teardownMinutes)) }
        writer.attribute("sessions", String(activity.sessions))
        if activity.minGapDays > 0 { writer.attribute("min-gap-days", String(activity.minGapDays)) }
        if let days = activity.minDistinctDays { writer.attribute("min-distinct-days", String(days)) }
        writer.attribute("audience", activity.audiences.joined(separator: " "))
        writer.attribute("audience-size", String(activity.audienceSize))
        if !activity.equipment.isEmpty {
            writer.attribute("equipment", words(activity.equipment.sorted().map(\.rawValue)))
        }
        if activity.amplified { writer.attribute("amplified", "true") }
        if activity.priority != 1 { writer.attribute("priority", String(activity.priority)) }
        if let origin = activity.origin { writer.attribute("origin", origin.rawValue) }
        for role in activity.roles {
            writer.element(
                "needs",
                attributes: [
                    "role": role.role.rawValue, "count": role.count == 1 ? nil : String(role.count),
                    "partners": role.candidates.isEmpty ? nil : words(role.candidates),
                ])
        }
        let allowed = activity.eligibility
        if !allowed.venues.isEmpty || !allowed.grids.isEmpty || !allowed.kinds.isEmpty || allowed.setting != nil {
            writer.element(
                "allowed",
                attributes: [
                    "venues": allowed.venues.isEmpty ? nil : words(allowed.venues),
                    "grids": allowed.grids.isEmpty ? nil : words(allowed.grids),
                    "kinds": allowed.kinds.isEmpty ? nil : words(allowed.kinds.map(\.rawValue).sorted()),
                    "setting": allowed.setting?.rawValue,
                ])
        }
        for window in activity.windows { writeWindow("window", window, writer) }
        for period in activity.forbidden { writePeriod("forbidden", period, writer) }
        for window in activity.preferred { writeWindow("preferred", window, writer) }
        for predecessor in activity.after { writer.element("after", attributes: ["activity": predecessor.activity]) }
        for pin in activity.pins {
            writer.element(
                "pin",
                attributes: [
                    "session": String(pin.session), "venue": pin.venue, "start": pin.start.description,
                    "partners": pin.partners.isEmpty ? nil : words(pin.partners),
                ])
        }
        writer.endElement()
    }

    private static func writeWindow(_ name: String, _ window: WeeklyWindow, _ writer: XMLWriter) {
        let days = window.days.count == 7 ? nil : words(window.days.sorted().map(\.rawValue))
        writer.element(name, attributes: ["days": days, "from": window.from.description, "to": window.to.description])
    }

    /// Periods are written as date-times, so they read back exactly.
    private static func writePeriod(_ name: String, _ period: LocalPeriod, _ writer: XMLWriter) {
        writer.element(
            name, attributes: ["from": period.start.description, "to": period.end.description, "reason": period.reason])
    }

    private static func words(_ items: [String]) -> String {
        items.joined(separator: " ")
    }
}
