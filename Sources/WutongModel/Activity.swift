/// What is to be scheduled: an event of a "十个一" project or one of the practice activities
/// ("我为音乐街区做件事"). Each asks for `sessions` sessions of `durationMinutes`.
public struct Activity: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case projectEvent(project: String)
        case practice
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var durationMinutes: Int
    /// Set-up and tear-down hold the venue but not the partners' performance time.
    public var setupMinutes: Int
    public var teardownMinutes: Int
    public var sessions: Int
    /// Sessions of the series at least this many days apart (`series-spacing`).
    public var minGapDays: Int
    /// The series should touch at least this many distinct days (`series-min-days`).
    public var minDistinctDays: Int?
    /// The audience groups the session is for, the main one first (a course shared by several
    /// curricula, a concert for families and pupils): none of their sessions may overlap it,
    /// their windows all apply, and it counts in each group's compactness.
    public var audiences: [String]
    public var audienceSize: Int
    public var equipment: Set<Equipment>
    public var roles: [RoleRequirement]
    public var eligibility: VenueEligibility
    /// Allowed weekly windows (`activity-window`); empty means any time.
    public var windows: [WeeklyWindow]
    public var forbidden: [LocalPeriod]
    public var preferred: [WeeklyWindow]
    /// Activities whose sessions must all end before any session of this one starts.
    public var after: [ActivityReference]
    public var amplified: Bool
    /// Weight of an unplaced session in the medium score.
    public var priority: Int
    public var pins: [PinnedSession]
    public var origin: NameOrigin?
    public var source: SourceSpan?

    public init(
        id: String, name: String, kind: Kind, durationMinutes: Int, setupMinutes: Int = 0, teardownMinutes: Int = 0,
        sessions: Int = 1, minGapDays: Int = 0, minDistinctDays: Int? = nil, audiences: [String], audienceSize: Int,
        equipment: Set<Equipment> = [], roles: [RoleRequirement] = [],
        eligibility: VenueEligibility = VenueEligibility(),
        windows: [WeeklyWindow] = [], forbidden: [LocalPeriod] = [], preferred: [WeeklyWindow] = [],
        after: [ActivityReference] = [], amplified: Bool = false, priority: Int = 1, pins: [PinnedSession] = [],
        origin: NameOrigin? = nil, source: SourceSpan? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.durationMinutes = durationMinutes
        self.setupMinutes = setupMinutes
        self.teardownMinutes = teardownMinutes
        self.sessions = sessions
        self.minGapDays = minGapDays
        self.minDistinctDays = minDistinctDays
        self.audiences = audiences
        self.audienceSize = audienceSize
        self.equipment = equipment
        self.roles = roles
        self.eligibility = eligibility
        self.windows = windows
        self.forbidden = forbidden
        self.preferred = preferred
        self.after = after
        self.amplified = amplified
        self.priority = priority
        self.pins = pins
        self.origin = origin
        self.source = source
    }

    /// Minutes the venue is held per session: set-up, the session itself, tear-down.
    /// The main audience group (named first), for titles and descriptions.
    public var audience: String {
        audiences.first ?? ""
    }

    public var venueMinutes: Int {
        setupMinutes + durationMinutes + teardownMinutes
    }

    public var project: String? {
        if case .projectEvent(let project) = kind { return project }
        return nil
    }
}

/// `count` partner units in `role`; when `candidates` is not empty, only those units may fill it
/// (a concert needs the orchestra, not any performer).
public struct RoleRequirement: Hashable, Sendable {
    public var role: PartnerRole
    public var count: Int
    public var candidates: [String]
    public var source: SourceSpan?

    public init(role: PartnerRole, count: Int = 1, candidates: [String] = [], source: SourceSpan? = nil) {
        self.role = role
        self.count = count
        self.candidates = candidates
        self.source = source
    }

    public func admits(_ partner: PartnerUnit) -> Bool {
        partner.roles.contains(role) && (candidates.isEmpty || candidates.contains(partner.id))
    }
}

/// Which venues an activity may use (`venue-eligibility`); every non-empty list must admit the
/// venue.
public struct VenueEligibility: Hashable, Sendable {
    public var venues: [String]
    public var grids: [String]
    public var kinds: Set<VenueKind>
    public var setting: VenueSetting?
    public var source: SourceSpan?

    public init(
        venues: [String] = [], grids: [String] = [], kinds: Set<VenueKind> = [], setting: VenueSetting? = nil,
        source: SourceSpan? = nil
    ) {
        self.venues = venues
        self.grids = grids
        self.kinds = kinds
        self.setting = setting
        self.source = source
    }

    public func admits(_ venue: Venue) -> Bool {
        (venues.isEmpty || venues.contains(venue.id)) && (grids.isEmpty || grids.contains(venue.grid))
            && (kinds.isEmpty || kinds.contains(venue.kind)) && (setting == nil || setting == venue.setting)
    }
}

public struct ActivityReference: Hashable, Sendable {
    public var activity: String
    public var source: SourceSpan?

    public init(activity: String, source: SourceSpan? = nil) {
        self.activity = activity
        self.source = source
    }
}

/// A session fixed by the planner: it never moves. `session` counts from 1; `start` is when the
/// session itself starts (set-up comes before it); partners not named are chosen by the solver.
public struct PinnedSession: Hashable, Sendable {
    public var session: Int
    public var venue: String
    public var start: LocalDateTime
    public var partners: [String]
    public var source: SourceSpan?

    public init(session: Int, venue: String, start: LocalDateTime, partners: [String] = [], source: SourceSpan? = nil) {
        self.session = session
        self.venue = venue
        self.start = start
        self.partners = partners
        self.source = source
    }
}
