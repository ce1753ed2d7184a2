public import WutongModel
import XMLSupport

/// Writes a schedule file (version 1): the score per constraint, every placed session with its
/// venue, RFC 3339 start and end and partners, and every unplaced session with its reasons.
public enum ScheduleEncoder {
    /// - Parameter reasons: why each unplaced session could not be placed; each constraint's
    ///   count is written as attributes and in English words.
    public static func encode(
        _ schedule: Schedule, for season: Season, report: ScoreReport, reasons: [SessionKey: UnplacedReasons] = [:],
        generatedBy: String? = nil
    ) -> [UInt8] {
        let instants = InstantFormat(timeZone: season.calendar.timeZone)
        let grid = SlotGrid(calendar: season.calendar)
        let activities = Dictionary(season.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let words = Explanations(season: season, schedule: schedule, language: .english)
        let writer = XMLWriter()
        writer.startElement("schedule", namespace: ScheduleSchema.namespace)
        writer.attribute("version", ScheduleSchema.version)
        writer.attribute("season", season.id)
        writer.attribute("time-zone", season.calendar.timeZone)
        if let generatedBy { writer.attribute("generated-by", generatedBy) }
        writer.startElement("score")
        writer.attribute("hard", String(report.score.hard))
        writer.attribute("medium", String(report.score.medium))
        writer.attribute("soft", String(report.score.soft))
        for total in report.totals {
            writer.element(
                "constraint",
                attributes: [
                    "name": total.constraint.rawValue, "level": total.level.rawValue, "weight": String(total.weight),
                    "amount": String(total.amount), "cost": String(total.cost),
                ])
        }
        writer.endElement()
        let ordered = schedule.sessions.sorted { ($0.activity, $0.index) < ($1.activity, $1.index) }
        for session in ordered {
            guard let placement = session.placement, let activity = activities[session.activity] else { continue }
            let end = LocalDateTime(minuteNumber: grid.occupancy(of: activity, startingAt: placement.start).exactEnd)
            writer.startElement("session")
            writer.attribute("activity", session.activity)
            writer.attribute("index", String(session.index))
            writer.attribute("venue", placement.venue)
            writer.attribute("start", instants?.format(placement.start) ?? placement.start.description)
            writer.attribute("end", instants?.format(end) ?? end.description)
            if session.sequence > 0 { writer.attribute("sequence", String(session.sequence)) }
            for partner in placement.partners { writer.element("partner", attributes: ["id": partner]) }
            writer.endElement()
        }
        let placed = Set(ordered.filter(\.isPlaced).map { SessionKey(activity: $0.activity, index: $0.index) })
        let sequences = Dictionary(
            ordered.map { (SessionKey(activity: $0.activity, index: $0.index), $0.sequence) },
            uniquingKeysWith: { first, _ in first })
        for key in report.unplaced where !placed.contains(key) {
            writer.startElement("unplaced")
            writer.attribute("activity", key.activity)
            writer.attribute("index", String(key.index))
            if let sequence = sequences[key], sequence > 0 { writer.attribute("sequence", String(sequence)) }
            if let why = reasons[key] {
                for ruledOut in why.ruledOut {
                    writer.element(
                        "reason",
                        attributes: [
                            "constraint": ruledOut.constraint.rawValue, "candidates": String(ruledOut.candidates),
                            "examined": String(why.examined), "placements": String(why.placements),
                        ],
                        text: words.reason(ruledOut, of: why))
                }
            }
            writer.endElement()
        }
        writer.endElement()
        return writer.finish()
    }
}
