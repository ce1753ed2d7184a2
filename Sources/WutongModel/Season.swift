/// A season to plan: everything the solver needs, as plain values. Built from a season file by
/// `WutongFormats`, checked by `SeasonValidator`.
public struct Season: Hashable, Sendable {
    public var id: String
    public var name: String
    public var calendar: SeasonCalendar
    public var rules: SeasonRules
    public var grids: [Grid]
    public var neighbourhoods: [Neighbourhood]
    public var audiences: [AudienceGroup]
    public var venues: [Venue]
    public var partners: [PartnerUnit]
    public var projects: [Project]
    public var equipmentPools: [EquipmentPool]
    public var activities: [Activity]
    public var constraintSettings: [ConstraintSetting]
    public var source: SourceSpan?

    public init(
        id: String, name: String, calendar: SeasonCalendar, rules: SeasonRules = SeasonRules(), grids: [Grid] = [],
        neighbourhoods: [Neighbourhood] = [], audiences: [AudienceGroup] = [], venues: [Venue] = [],
        partners: [PartnerUnit] = [], projects: [Project] = [], equipmentPools: [EquipmentPool] = [],
        activities: [Activity] = [], constraintSettings: [ConstraintSetting] = [], source: SourceSpan? = nil
    ) {
        self.id = id
        self.name = name
        self.calendar = calendar
        self.rules = rules
        self.grids = grids
        self.neighbourhoods = neighbourhoods
        self.audiences = audiences
        self.venues = venues
        self.partners = partners
        self.projects = projects
        self.equipmentPools = equipmentPools
        self.activities = activities
        self.constraintSettings = constraintSettings
        self.source = source
    }

    /// The effective level and weight of every constraint: the season's override or the default.
    public func setting(for id: ConstraintID) -> ConstraintSetting {
        constraintSettings.last { $0.id == id } ?? ConstraintSetting(id: id)
    }

    public var sessionCount: Int {
        activities.reduce(0) { $0 + $1.sessions }
    }
}

/// The season's dates, zone and daily hours. `end` is the last day of the season (inclusive).
public struct SeasonCalendar: Hashable, Sendable {
    public var timeZone: String
    public var start: LocalDate
    public var end: LocalDate
    public var slotMinutes: Int
    public var dayStart: TimeOfDay
    public var dayEnd: TimeOfDay
    public var blackouts: [Blackout]
    public var source: SourceSpan?

    public init(
        timeZone: String, start: LocalDate, end: LocalDate, slotMinutes: Int, dayStart: TimeOfDay, dayEnd: TimeOfDay,
        blackouts: [Blackout] = [], source: SourceSpan? = nil
    ) {
        self.timeZone = timeZone
        self.start = start
        self.end = end
        self.slotMinutes = slotMinutes
        self.dayStart = dayStart
        self.dayEnd = dayEnd
        self.blackouts = blackouts
        self.source = source
    }

    public func isBlackout(_ date: LocalDate) -> Bool {
        blackouts.contains { $0.from <= date && date <= $0.to }
    }
}

/// Days on which nothing is scheduled (public holidays), `from` through `to` inclusive.
public struct Blackout: Hashable, Sendable {
    public var from: LocalDate
    public var to: LocalDate
    public var reason: String?
    public var source: SourceSpan?

    public init(from: LocalDate, to: LocalDate, reason: String? = nil, source: SourceSpan? = nil) {
        self.from = from
        self.to = to
        self.reason = reason
        self.source = source
    }
}

/// Distances and speeds behind the walking constraints.
public struct SeasonRules: Hashable, Sendable {
    /// Walking speed for the 15-minute circle and for partners moving between venues.
    public var walkingMetresPerMinute: Int
    public var circleMinutes: Int
    /// Two amplified sessions closer than this disturb each other (`noise-neighbours`).
    public var noiseDistanceMetres: Int
    public var source: SourceSpan?

    public init(
        walkingMetresPerMinute: Int = 80, circleMinutes: Int = 15, noiseDistanceMetres: Int = 150,
        source: SourceSpan? = nil
    ) {
        self.walkingMetresPerMinute = walkingMetresPerMinute
        self.circleMinutes = circleMinutes
        self.noiseDistanceMetres = noiseDistanceMetres
        self.source = source
    }
}

/// Whether a name comes from the source article or is an illustrative stand-in.
public enum NameOrigin: String, CaseIterable, Hashable, Sendable {
    case article
    case illustrative
}
