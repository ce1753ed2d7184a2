/// The counts `wutong validate` prints for a valid season.
public struct SeasonSummary: Hashable, Sendable, Codable {
    public var grids: Int
    public var venues: Int
    public var partners: Int
    public var projects: Int
    public var activities: Int
    public var projectEvents: Int
    public var practiceActivities: Int
    public var sessions: Int
    public var days: Int
    public var blackoutDays: Int
    public var slots: Int
    public var slotMinutes: Int

    public init(_ season: Season) {
        let grid = SlotGrid(calendar: season.calendar)
        grids = season.grids.count
        venues = season.venues.count
        partners = season.partners.count
        projects = season.projects.count
        activities = season.activities.count
        projectEvents = season.activities.filter { $0.project != nil }.count
        practiceActivities = activities - projectEvents
        sessions = season.sessionCount
        days = grid.dayCount
        blackoutDays = grid.usableDays.filter { !$0 }.count
        slots = grid.usableSlotCount
        slotMinutes = grid.slotMinutes
    }
}
