public import WutongModel

/// The human report written beside a schedule (`report.md`), in English or Simplified Chinese:
/// the score, each constraint's total, every violation in words, why sessions stayed unplaced,
/// and the plan day by day.
public enum ScheduleReport {
    public static func markdown(
        _ schedule: Schedule, for season: Season, report: ScoreReport,
        reasons: [SessionKey: UnplacedReasons], language: Language = .english
    ) -> String {
        let english = language == .english
        let words = Explanations(season: season, schedule: schedule, language: language)
        let names = Dictionary(season.activities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let venues = Dictionary(season.venues.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let partners = Dictionary(season.partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let activities = Dictionary(season.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grid = SlotGrid(calendar: season.calendar)
        let placedCount = schedule.sessions.filter(\.isPlaced).count
        let score = report.score
        var lines = [
            "# \(season.name)", "",
            english
                ? "Score: **hard \(score.hard), medium \(score.medium), soft \(score.soft)** — "
                    + "\(placedCount) of \(season.sessionCount) sessions placed."
                : "得分：**硬约束 \(score.hard)，中 \(score.medium)，软约束 \(score.soft)** —— "
                    + "共 \(season.sessionCount) 场，已安排 \(placedCount) 场。",
            "",
            english ? "## Constraints" : "## 约束", "",
            english ? "| constraint | level | weight | amount | cost |" : "| 约束 | 级别 | 权重 | 数量 | 代价 |",
            "| --- | --- | --- | --- | --- |",
        ]
        for total in report.totals where total.amount > 0 {
            let name =
                english
                ? "`\(total.constraint.rawValue)`" : "\(words.name(total.constraint))（`\(total.constraint.rawValue)`）"
            lines.append(
                "| \(name) | \(total.level.rawValue) | \(total.weight) | \(total.amount) | \(total.cost) |")
        }
        if report.totals.allSatisfy({ $0.amount == 0 }) {
            lines.append(english ? "| (none violated) | | | | |" : "| （无违反） | | | | |")
        }
        if !report.violations.isEmpty {
            lines += ["", english ? "## Violations" : "## 违反情况", ""]
            for violation in report.violations { lines.append("- " + words.describe(violation)) }
        }
        lines += ["", english ? "## Unplaced sessions" : "## 未安排的场次", ""]
        if report.unplaced.isEmpty { lines.append(english ? "Every session is placed." : "所有场次均已安排。") }
        // Sessions of one activity unplaced for the same reasons share a line: an over-full season
        // leaves whole series unplaced, and a line per session buried the ones that differ.
        var groups: [(keys: [SessionKey], why: UnplacedReasons?)] = []
        for key in report.unplaced {
            if let last = groups.last, last.keys[0].activity == key.activity, last.why == reasons[key] {
                groups[groups.count - 1].keys.append(key)
            } else {
                groups.append(([key], reasons[key]))
            }
        }
        for group in groups {
            let why = group.why.map { words.summary($0) } ?? (english ? "not placed" : "未安排")
            lines.append("- \(words.sessions(group.keys))\(english ? ": " : "：")\(why)")
        }
        lines += [
            "", english ? "## Plan" : "## 日程", "",
            english ? "| date | time | activity | venue | partners |" : "| 日期 | 时间 | 活动 | 场地 | 合作单位 |",
            "| --- | --- | --- | --- | --- |",
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
