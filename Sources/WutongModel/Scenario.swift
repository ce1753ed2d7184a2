/// A named what-if: changes to a season after its schedule was published ("the hall closes in
/// week 6", "rain on Saturday", "a partner drops out"). Applied with `ScenarioApplication`.
public struct Scenario: Hashable, Sendable {
    public var name: String
    /// The season the scenario was written for.
    public var season: String
    public var description: String?
    /// Every session starting before this moment already happened: it is frozen where the
    /// baseline put it, and nothing new may start before it.
    public var now: LocalDateTime?
    public var changes: [ScenarioChange]
    public var source: SourceSpan?

    public init(
        name: String, season: String, description: String? = nil, now: LocalDateTime? = nil,
        changes: [ScenarioChange] = [], source: SourceSpan? = nil
    ) {
        self.name = name
        self.season = season
        self.description = description
        self.now = now
        self.changes = changes
        self.source = source
    }
}

/// One change a scenario makes to its season.
public enum ScenarioChange: Hashable, Sendable {
    /// The venue is closed for the period (added to its closures).
    case closeVenue(venue: String, period: LocalPeriod)
    /// The partner unit cannot take part during the period.
    case partnerUnavailable(partner: String, period: LocalPeriod)
    /// The partner unit leaves the season: it takes part in nothing from now on.
    case removePartner(partner: String, source: SourceSpan?)
    /// The activity is dropped with all its sessions.
    case removeActivity(activity: String, source: SourceSpan?)
    /// Some of the activity's attributes change; nil leaves one as it was.
    case changeActivity(ActivityChange)
    /// A new activity joins the season.
    case addActivity(Activity)
    /// A constraint's level or weight changes (as a season `<constraint>` would set it).
    case setConstraint(ConstraintSetting)
}

/// The attributes `change-activity` may set.
public struct ActivityChange: Hashable, Sendable {
    public var activity: String
    public var sessions: Int?
    public var durationMinutes: Int?
    public var audiences: [String]?
    public var audienceSize: Int?
    public var priority: Int?
    public var source: SourceSpan?

    public init(
        activity: String, sessions: Int? = nil, durationMinutes: Int? = nil, audiences: [String]? = nil,
        audienceSize: Int? = nil, priority: Int? = nil, source: SourceSpan? = nil
    ) {
        self.activity = activity
        self.sessions = sessions
        self.durationMinutes = durationMinutes
        self.audiences = audiences
        self.audienceSize = audienceSize
        self.priority = priority
        self.source = source
    }
}
