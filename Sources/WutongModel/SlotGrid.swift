/// The season's time cut into equal slots: day `d` (from the season's first day) and slot `k`
/// within the daily window map to slot index `d * slotsPerDay + k`. The one place that does
/// this arithmetic.
public struct SlotGrid: Hashable, Sendable {
    public let firstDay: LocalDate
    public let dayCount: Int
    public let slotMinutes: Int
    public let dayStart: TimeOfDay
    public let slotsPerDay: Int
    /// False on blackout days.
    public let usableDays: [Bool]

    public init(calendar: SeasonCalendar) {
        firstDay = calendar.start
        dayCount = max(0, calendar.end.dayNumber - calendar.start.dayNumber + 1)
        slotMinutes = max(1, calendar.slotMinutes)
        dayStart = calendar.dayStart
        slotsPerDay = max(0, (calendar.dayEnd.minutes - calendar.dayStart.minutes) / slotMinutes)
        usableDays = (0..<dayCount).map { !calendar.isBlackout(calendar.start.adding(days: $0)) }
    }

    public var slotCount: Int {
        dayCount * slotsPerDay
    }

    /// Slots on days that are not blacked out.
    public var usableSlotCount: Int {
        usableDays.filter { $0 }.count * slotsPerDay
    }

    public func date(ofDay day: Int) -> LocalDate {
        firstDay.adding(days: day)
    }

    /// The local start time of `slot`.
    public func start(of slot: Int) -> LocalDateTime {
        let day = slot / slotsPerDay
        let minutes = dayStart.minutes + (slot % slotsPerDay) * slotMinutes
        return LocalDateTime(date: date(ofDay: day), time: TimeOfDay(minutes: minutes)!)
    }

    /// Whole slots needed to cover `minutes`.
    public func slots(covering minutes: Int) -> Int {
        (minutes + slotMinutes - 1) / slotMinutes
    }

    /// The stretches a session of `activity` starting at `start` occupies, in whole slots:
    /// the venue is held from set-up to tear-down; the session itself (audience, partners) runs
    /// from `start`. Set-up is rounded up to whole slots before the start, the session with its
    /// tear-down to whole slots after it.
    public func occupancy(of activity: Activity, startingAt start: LocalDateTime) -> SessionOccupancy {
        let begin = start.minuteNumber
        let setup = slots(covering: activity.setupMinutes) * slotMinutes
        let session = slots(covering: activity.durationMinutes) * slotMinutes
        let afterStart = slots(covering: activity.durationMinutes + activity.teardownMinutes) * slotMinutes
        return SessionOccupancy(
            hold: begin - setup..<begin + afterStart, session: begin..<begin + session,
            exactEnd: begin + activity.durationMinutes)
    }

    /// The venue slots an activity holds per session (set-up, session and tear-down, rounded
    /// as in `occupancy(of:startingAt:)`), in minutes.
    public func holdMinutes(of activity: Activity) -> Int {
        (slots(covering: activity.setupMinutes) + slots(covering: activity.durationMinutes + activity.teardownMinutes))
            * slotMinutes
    }
}

/// Minute ranges (local clock, minutes since 1970-01-01) one placed session occupies.
public struct SessionOccupancy: Hashable, Sendable {
    /// When the venue is held: set-up, session, tear-down.
    public var hold: Range<Int>
    /// When the session runs, rounded up to whole slots (audience, partners, sound).
    public var session: Range<Int>
    /// The minute the session itself ends, unrounded (walking time starts here).
    public var exactEnd: Int
}
