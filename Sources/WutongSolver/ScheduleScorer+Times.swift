import WutongModel

extension ScheduleScorer {
    mutating func scoreTimes() {
        let audiences = Dictionary(season.audiences.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for session in placed {
            let activity = session.activity
            let start = session.occupancy.session.lowerBound
            let end = session.occupancy.exactEnd
            if let audience = audiences[activity.audience], !audience.windows.isEmpty,
                !inside(audience.windows, from: start, to: end)
            {
                violations.append(Violation(.audienceWindow, sessions: [session.key], minutes: start..<end))
            }
            if (!activity.windows.isEmpty && !inside(activity.windows, from: start, to: end))
                || activity.forbidden.contains(where: { minutes($0).overlaps(start..<end) })
            {
                violations.append(Violation(.activityWindow, sessions: [session.key], minutes: start..<end))
            }
            if !activity.preferred.isEmpty, !inside(activity.preferred, from: start, to: end) {
                violations.append(Violation(.preferredTimes, sessions: [session.key], minutes: start..<end))
            }
        }
        for (a, b) in pairs(of: placed, groupedBy: { DayKey(id: $0.activity.audience, day: $0.date) })
        where a.occupancy.session.overlaps(b.occupancy.session) {
            violations.append(
                Violation(
                    .audienceConflict, sessions: [a.key, b.key],
                    minutes: b.occupancy.session.clamped(to: a.occupancy.session)))
        }
        // audience-compactness: a session with no session of its audience group right before or
        // right after it on the same day is isolated.
        var byAudienceDay: [DayKey: [PlacedSession]] = [:]
        for session in placed {
            byAudienceDay[DayKey(id: session.activity.audience, day: session.date), default: []].append(session)
        }
        for group in byAudienceDay.values {
            for session in group {
                let range = session.occupancy.session
                let adjacent = group.contains { other in
                    other.key != session.key
                        && (other.occupancy.session.upperBound == range.lowerBound
                            || other.occupancy.session.lowerBound == range.upperBound)
                }
                if !adjacent {
                    violations.append(Violation(.audienceCompactness, sessions: [session.key], minutes: range))
                }
            }
        }
    }
}
