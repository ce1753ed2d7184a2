extension SeasonValidator {
    mutating func checkActivityReferences() {
        let projects = Set(season.projects.map(\.id))
        let audiences = Set(season.audiences.map(\.id))
        let venues = Set(season.venues.map(\.id))
        let grids = Set(season.grids.map(\.id))
        let activities = Set(season.activities.map(\.id))
        let seasonDays = season.calendar.end.dayNumber - season.calendar.start.dayNumber + 1
        let partners = PartnerFacts(season.partners)
        for activity in season.activities {
            if let project = activity.project {
                checkReference(project, to: projects, kind: "project", activity.source, "project")
            }
            for audience in activity.audiences {
                checkReference(audience, to: audiences, kind: "audience group", activity.source, "audience")
            }
            var named = Set<String>()
            for audience in activity.audiences where !named.insert(audience).inserted {
                error(activity.source, "audience", "the audience group '\(audience)' is named twice; name it once")
            }
            for venue in activity.eligibility.venues {
                checkReference(venue, to: venues, kind: "venue", activity.eligibility.source, "venues")
            }
            for grid in activity.eligibility.grids {
                checkReference(grid, to: grids, kind: "grid", activity.eligibility.source, "grids")
            }
            for predecessor in activity.after {
                checkReference(predecessor.activity, to: activities, kind: "activity", predecessor.source, "activity")
                if predecessor.activity == activity.id {
                    error(predecessor.source, "activity", "activity '\(activity.id)' cannot come after itself")
                }
            }
            for window in activity.windows { checkWindow(window, what: "an allowed window of '\(activity.id)'") }
            for window in activity.preferred { checkWindow(window, what: "a preferred window of '\(activity.id)'") }
            for period in activity.forbidden { checkPeriod(period, what: "a forbidden period of '\(activity.id)'") }
            if let minDays = activity.minDistinctDays, minDays > activity.sessions {
                error(
                    activity.source, "min-distinct-days",
                    "'\(activity.id)' asks for \(minDays) distinct days but has only \(activity.sessions) sessions")
            }
            if activity.sessions > 1, (activity.sessions - 1) * activity.minGapDays >= seasonDays {
                error(
                    activity.source, "min-gap-days",
                    "\(activity.sessions) sessions of '\(activity.id)' at least \(activity.minGapDays) days apart need "
                        + "\((activity.sessions - 1) * activity.minGapDays + 1) days; the season has \(seasonDays)")
            }
            checkRoles(of: activity, partners: partners)
        }
    }

    /// Partner units by id and how many can take each role, computed once for all activities.
    struct PartnerFacts {
        var roles: [String: Set<PartnerRole>] = [:]
        var available: Set<String> = []
        var countByRole: [PartnerRole: Int] = [:]

        init(_ partners: [PartnerUnit]) {
            for partner in partners {
                // A duplicated id is reported on its own; both units still count for their roles.
                roles[partner.id, default: []].formUnion(partner.roles)
                if partner.weeklyLimit != 0 {
                    available.insert(partner.id)
                    for role in partner.roles { countByRole[role, default: 0] += 1 }
                }
            }
        }
    }

    mutating func checkRoles(of activity: Activity, partners: PartnerFacts) {
        for requirement in activity.roles {
            var able = 0
            if requirement.candidates.isEmpty {
                able = partners.countByRole[requirement.role] ?? 0
            }
            for candidate in Set(requirement.candidates).sorted() {
                if let roles = partners.roles[candidate] {
                    if !roles.contains(requirement.role) {
                        error(
                            requirement.source, "partners",
                            "partner '\(candidate)' is named for the role \(requirement.role.rawValue) of '\(activity.id)' "
                                + "but does not have that role")
                    } else if partners.available.contains(candidate) {
                        able += 1
                    }
                } else {
                    checkReference(
                        candidate, to: Set(partners.roles.keys), kind: "partner unit", requirement.source, "partners")
                }
            }
            if able == 0, requirement.candidates.isEmpty {
                error(
                    requirement.source, "role",
                    "'\(activity.id)' needs a \(requirement.role.rawValue), but no partner unit has that role; "
                        + "add the role to a partner or drop the requirement")
            } else if able < requirement.count {
                let among = requirement.candidates.isEmpty ? "" : " of the partners it names"
                error(
                    requirement.source, requirement.candidates.isEmpty ? "count" : "partners",
                    "'\(activity.id)' needs \(requirement.count) partner unit\(requirement.count == 1 ? "" : "s") in the role "
                        + "\(requirement.role.rawValue), but only \(able)\(among) can fill it")
            }
        }
    }

    mutating func checkPrecedenceCycles() {
        let byID = Dictionary(season.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        var reported = Set<String>()
        func visit(_ id: String, path: [String], validator: inout SeasonValidator) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = path[(path.firstIndex(of: id) ?? 0)...] + [id]
                if reported.insert(id).inserted, let activity = byID[id] {
                    validator.error(
                        activity.after.first?.source ?? activity.source, "activity",
                        "precedence cycle: \(cycle.joined(separator: " → ")) — no order can satisfy it")
                }
                return
            }
            state[id] = 1
            for predecessor in byID[id]?.after ?? []
            where byID[predecessor.activity] != nil && predecessor.activity != id {
                visit(predecessor.activity, path: path + [id], validator: &validator)
            }
            state[id] = 2
        }
        for activity in season.activities { visit(activity.id, path: [], validator: &self) }
    }

    mutating func checkPins() {
        let venues = Set(season.venues.map(\.id))
        let partners = Set(season.partners.map(\.id))
        let calendar = season.calendar
        for activity in season.activities {
            var pinned = Set<Int>()
            for pin in activity.pins {
                if pin.session < 1 || pin.session > activity.sessions {
                    error(
                        pin.source, "session",
                        "'\(activity.id)' has sessions 1–\(activity.sessions); there is no session \(pin.session) to pin"
                    )
                } else if !pinned.insert(pin.session).inserted {
                    error(pin.source, "session", "session \(pin.session) of '\(activity.id)' is pinned twice")
                }
                checkReference(pin.venue, to: venues, kind: "venue", pin.source, "venue")
                for partner in pin.partners {
                    checkReference(partner, to: partners, kind: "partner unit", pin.source, "partners")
                }
                if pin.start.date < calendar.start || pin.start.date > calendar.end {
                    error(
                        pin.source, "start",
                        "pinned start \(pin.start) lies outside the season (\(calendar.start)–\(calendar.end))")
                } else if calendar.isBlackout(pin.start.date) {
                    error(pin.source, "start", "pinned start \(pin.start) falls on a blackout day")
                } else if pin.start.time.minutes - activity.setupMinutes < calendar.dayStart.minutes
                    || pin.start.time.minutes + activity.durationMinutes + activity.teardownMinutes
                        > calendar.dayEnd.minutes
                    || (pin.start.time.minutes - calendar.dayStart.minutes) % calendar.slotMinutes != 0
                {
                    error(
                        pin.source, "start",
                        "pinned start \(pin.start) must be on a \(calendar.slotMinutes)-minute slot boundary, with set-up, "
                            + "session and tear-down inside the daily window \(calendar.dayStart)–\(calendar.dayEnd)")
                }
            }
        }
    }
}
