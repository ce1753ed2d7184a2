import WutongModel

extension ScheduleScorer {
    mutating func scoreTimes() {
        let audiences = Dictionary(season.audiences.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for session in placed {
            let activity = session.activity
            let start = session.occupancy.session.lowerBound
            let end = session.occupancy.exactEnd
            if activity.audiences.contains(where: { id in
                audiences[id].map { !$0.windows.isEmpty && !inside($0.windows, from: start, to: end) } ?? false
            }) {
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
        // A session is in the day of each of its audience groups: two sessions sharing two groups
        // conflict twice, and a session counts in each group's compactness.
        var byAudienceDay: [DayKey: [PlacedSession]] = [:]
        for session in placed {
            for audience in Set(session.activity.audiences) {
                byAudienceDay[DayKey(id: audience, day: session.date), default: []].append(session)
            }
        }
        for group in byAudienceDay.values {
            for first in group.indices {
                for second in group.indices where second > first {
                    let (a, b) =
                        group[first].occupancy.session.lowerBound <= group[second].occupancy.session.lowerBound
                        ? (group[first], group[second]) : (group[second], group[first])
                    guard a.occupancy.session.overlaps(b.occupancy.session) else { continue }
                    violations.append(
                        Violation(
                            .audienceConflict, sessions: [a.key, b.key],
                            minutes: b.occupancy.session.clamped(to: a.occupancy.session)))
                }
            }
        }
        // audience-compactness: a session with no session of its audience group right before or
        // right after it on the same day is isolated.
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
