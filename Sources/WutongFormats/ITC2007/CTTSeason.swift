public import WutongModel

/// An ITC-2007 instance as a Wutong season, through the natural mapping and nothing else: a
/// course is an activity (its lectures are one-slot sessions, its teacher the partner unit it
/// needs, its students its audience size, its curricula its audience groups), a room is a venue,
/// a period is a slot, an unavailability is a forbidden period of the activity. The UD2 weights
/// are constraint settings: `venue-capacity` soft (1 per student short), `series-min-days` (5 per
/// missing day), `audience-compactness` (2 per isolated lecture and curriculum),
/// `series-same-venue` (1 per extra room); every other constraint keeps its default and has
/// nothing to count. The solver knows nothing of ITC-2007.
public struct CTTSeason: Sendable {
    public let instance: CTTInstance
    public let season: Season

    /// The instance's week starts on this Monday; day d of the instance is `firstDay + d`.
    public static let firstDay = LocalDate(year: 2027, month: 3, day: 1)!
    /// Period 0 of each day starts at 08:00; a period is 60 minutes.
    public static let dayStart = TimeOfDay(minutes: 8 * 60)!

    public init(_ instance: CTTInstance) {
        self.instance = instance
        let end = TimeOfDay(minutes: Self.dayStart.minutes + 60 * instance.periodsPerDay)!
        let everyDay = WeeklyWindow(from: Self.dayStart, to: end)
        let place = Coordinate(latitude: 31.2106, longitude: 121.4472)
        var curricula: [String: [String]] = [:]
        for curriculum in instance.curricula {
            for course in curriculum.courses where curricula[course]?.contains(curriculum.id) != true {
                curricula[course, default: []].append(curriculum.id)
            }
        }
        var forbidden: [String: [LocalPeriod]] = [:]
        for rule in instance.unavailability {
            let start = Self.start(day: rule.day, period: rule.period)
            forbidden[rule.course, default: []].append(
                LocalPeriod(start: start, end: LocalDateTime(minuteNumber: start.minuteNumber + 60)))
        }
        var teachers: [String] = []
        var seenTeachers = Set<String>()
        for course in instance.courses where seenTeachers.insert(course.teacher).inserted {
            teachers.append(course.teacher)
        }
        season = Season(
            id: "itc2007", name: instance.name,
            calendar: SeasonCalendar(
                timeZone: "UTC", start: Self.firstDay, end: Self.firstDay.adding(days: instance.days - 1),
                slotMinutes: 60, dayStart: Self.dayStart, dayEnd: end),
            grids: [Grid(id: "campus", name: "Campus")],
            audiences: instance.curricula.map { AudienceGroup(id: $0.id, name: $0.id) },
            venues: instance.rooms.map { room in
                Venue(
                    id: room.id, name: room.id, kind: .schoolHall, grid: "campus", capacity: room.capacity,
                    setting: .indoor, location: place, openingHours: [everyDay])
            },
            partners: teachers.map { PartnerUnit(id: $0, name: $0, roles: [.teacher]) },
            activities: instance.courses.map { course in
                Activity(
                    id: course.id, name: course.id, kind: .practice, durationMinutes: 60, sessions: course.lectures,
                    minDistinctDays: course.minWorkingDays > 0 ? course.minWorkingDays : nil,
                    audiences: curricula[course.id] ?? [], audienceSize: course.students,
                    roles: [RoleRequirement(role: .teacher, count: 1, candidates: [course.teacher])],
                    forbidden: forbidden[course.id] ?? [])
            },
            constraintSettings: [
                ConstraintSetting(id: .venueCapacity, level: .soft, weight: 1),
                ConstraintSetting(id: .seriesMinDays, level: .soft, weight: 5),
                ConstraintSetting(id: .audienceCompactness, level: .soft, weight: 2),
                ConstraintSetting(id: .seriesSameVenue, level: .soft, weight: 1),
            ])
    }

    static func start(day: Int, period: Int) -> LocalDateTime {
        LocalDateTime(date: firstDay.adding(days: day), time: TimeOfDay(minutes: dayStart.minutes + 60 * period)!)
    }

    /// The (day, period) of a placement's start; nil outside the instance's week.
    func period(of start: LocalDateTime) -> (day: Int, period: Int)? {
        let day = start.date.dayNumber - Self.firstDay.dayNumber
        let minutes = start.time.minutes - Self.dayStart.minutes
        guard (0..<instance.days).contains(day), minutes >= 0, minutes % 60 == 0, minutes / 60 < instance.periodsPerDay
        else { return nil }
        return (day, minutes / 60)
    }
}
