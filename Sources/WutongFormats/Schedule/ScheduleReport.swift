public import WutongModel

/// The human report written beside a schedule (`report.md`): the score, what breaks which
/// constraint, why sessions stayed unplaced, and the plan day by day.
public enum ScheduleReport {
    public static func markdown(
        _ schedule: Schedule, for season: Season, report: ScoreReport, reasons: [SessionKey: [String]]
    ) -> String {
        let names = Dictionary(season.activities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let venues = Dictionary(season.venues.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let partners = Dictionary(season.partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let activities = Dictionary(season.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grid = SlotGrid(calendar: season.calendar)
        var lines = [
            "# \(season.name)", "",
            "Score: **hard \(report.score.hard), medium \(report.score.medium), soft \(report.score.soft)** — "
                + "\(schedule.sessions.filter(\.isPlaced).count) of \(season.sessionCount) sessions placed.", "",
            "## Constraints", "",
            "| constraint | level | weight | amount | cost |", "| --- | --- | --- | --- | --- |",
        ]
        for total in report.totals where total.amount > 0 {
            lines.append(
                "| `\(total.constraint.rawValue)` | \(total.level.rawValue) | \(total.weight) | \(total.amount) | \(total.cost) |"
            )
        }
        if report.totals.allSatisfy({ $0.amount == 0 }) { lines.append("| (none violated) | | | | |") }
        lines += ["", "## Unplaced sessions", ""]
        if report.unplaced.isEmpty { lines.append("Every session is placed.") }
        for key in report.unplaced {
            let why = reasons[key].map { $0.joined(separator: "; ") } ?? "not placed"
            lines.append("- \(names[key.activity] ?? key.activity) (#\(key.index)): \(why)")
        }
        lines += [
            "", "## Plan", "", "| date | time | activity | venue | partners |", "| --- | --- | --- | --- | --- |",
        ]
        let placed = schedule.sessions.compactMap { session in session.placement.map { (session, $0) } }
            .sorted { ($0.1.start, $0.0.activity, $0.0.index) < ($1.1.start, $1.0.activity, $1.0.index) }
        for (session, placement) in placed {
            guard let activity = activities[session.activity] else { continue }
            let end = LocalDateTime(minuteNumber: grid.occupancy(of: activity, startingAt: placement.start).exactEnd)
            let who = placement.partners.map { partners[$0] ?? $0 }.joined(separator: ", ")
            lines.append(
                "| \(placement.start.date) \(placement.start.date.weekday.rawValue) | \(placement.start.time)–\(end.time) "
                    + "| \(names[session.activity] ?? session.activity) #\(session.index) "
                    + "| \(venues[placement.venue] ?? placement.venue) | \(who) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
