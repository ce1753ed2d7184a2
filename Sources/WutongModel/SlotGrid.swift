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
}
