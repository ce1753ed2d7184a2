import WutongModel

extension ScheduleScorer {
    mutating func scoreSeries() {
        var byActivity: [String: [PlacedSession]] = [:]
        for session in placed { byActivity[session.activity.id, default: []].append(session) }
        for activity in season.activities {
            let sessions = byActivity[activity.id] ?? []
            if activity.minGapDays > 0 {
                for (a, b) in pairs(of: sessions, groupedBy: { $0.activity.id })
                where abs(a.date.dayNumber - b.date.dayNumber) < activity.minGapDays {
                    violations.append(Violation(.seriesSpacing, sessions: [a.key, b.key]))
                }
            }
            for predecessor in activity.after {
                for first in byActivity[predecessor.activity] ?? [] {
                    for second in sessions where first.occupancy.exactEnd > second.occupancy.session.lowerBound {
                        violations.append(Violation(.precedence, sessions: [first.key, second.key]))
                    }
                }
            }
            if let minimum = activity.minDistinctDays {
                let days = Set(sessions.map(\.date)).count
                if days < minimum {
                    violations.append(
                        Violation(.seriesMinDays, amount: minimum - days, sessions: sessions.map(\.key).sorted()))
                }
            }
            let venueCount = Set(sessions.map(\.venue.id)).count
            if venueCount > 1 {
                violations.append(
                    Violation(.seriesSameVenue, amount: venueCount - 1, sessions: sessions.map(\.key).sorted()))
            }
        }
    }

    /// grid-balance and walking-circle: how the placed sessions spread over the street.
    mutating func scoreSpread() {
        let total = placed.count
        for grid in season.grids {
            guard let share = grid.targetShare else { continue }
            let count = placed.filter { $0.venue.grid == grid.id }.count
            let expected = (total * share + 50) / 100
            if count != expected {
                violations.append(Violation(.gridBalance, amount: abs(count - expected), subject: grid.id))
            }
        }
        let radius = Double(season.rules.walkingMetresPerMinute * season.rules.circleMinutes)
        let months = seasonMonths()
        for neighbourhood in season.neighbourhoods {
            let near = placed.filter { $0.venue.location.metres(to: neighbourhood.location) <= radius }
            for month in months where !near.contains(where: { ($0.date.year, $0.date.month) == month }) {
                let first = LocalDate(year: month.0, month: month.1, day: 1)!.dayNumber * 1440
                violations.append(Violation(.walkingCircle, minutes: first..<first + 1440, subject: neighbourhood.id))
            }
        }
    }

    func seasonMonths() -> [(Int, Int)] {
        var months: [(Int, Int)] = []
        var date = season.calendar.start
        while date <= season.calendar.end {
            if months.last.map({ $0 != (date.year, date.month) }) ?? true { months.append((date.year, date.month)) }
            date = date.adding(days: 1)
        }
        return months
    }

    /// stability: every session the baseline placed costs 1 if it is now elsewhere, at another
    /// time, with other partners, or unplaced.
    mutating func scoreStability(against baseline: Schedule, schedule: Schedule) {
        var current: [SessionKey: Placement] = [:]
        for session in schedule.sessions {
            if let placement = session.placement {
                current[SessionKey(activity: session.activity, index: session.index)] = placement
            }
        }
        let durations = Dictionary(
            season.activities.map { ($0.id, $0.durationMinutes) }, uniquingKeysWith: { first, _ in first })
        for session in baseline.sessions {
            guard let before = session.placement else { continue }
            let key = SessionKey(activity: session.activity, index: session.index)
            let now = current[key]
            if now?.venue != before.venue || now?.start != before.start
                || Set(now?.partners ?? []) != Set(before.partners)
            {
                let duration = durations[session.activity] ?? 0
                let was = before.start.minuteNumber..<before.start.minuteNumber + duration
                violations.append(Violation(.stability, sessions: [key], venue: before.venue, minutes: was))
            }
        }
    }
}
