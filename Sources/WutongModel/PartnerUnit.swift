public enum PartnerRole: String, CaseIterable, Hashable, Sendable, Comparable {
    case performer
    case teacher
    case host
    case volunteer
    case medical
    case logistics

    public static func < (lhs: PartnerRole, rhs: PartnerRole) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A regional unit (区域单位) that performs, teaches, hosts, volunteers or supports.
public struct PartnerUnit: Hashable, Sendable {
    public var id: String
    public var name: String
    public var roles: Set<PartnerRole>
    /// At most this many sessions in one week (Monday to Sunday); nil means no limit.
    public var weeklyLimit: Int?
    /// Sessions the unit offered for the season (`partner-fairness`); nil means no offer stated.
    public var offeredSessions: Int?
    public var homeVenues: [String]
    public var unavailable: [LocalPeriod]
    /// Paths of the unit's busy calendars (.ics), relative to the season file.
    public var busyCalendars: [CalendarReference]
    public var origin: NameOrigin?
    public var source: SourceSpan?

    public init(
        id: String, name: String, roles: Set<PartnerRole>, weeklyLimit: Int? = nil, offeredSessions: Int? = nil,
        homeVenues: [String] = [], unavailable: [LocalPeriod] = [], busyCalendars: [CalendarReference] = [],
        origin: NameOrigin? = nil, source: SourceSpan? = nil
    ) {
        self.id = id
        self.name = name
        self.roles = roles
        self.weeklyLimit = weeklyLimit
        self.offeredSessions = offeredSessions
        self.homeVenues = homeVenues
        self.unavailable = unavailable
        self.busyCalendars = busyCalendars
        self.origin = origin
        self.source = source
    }
}

public struct CalendarReference: Hashable, Sendable {
    public var path: String
    public var source: SourceSpan?

    public init(path: String, source: SourceSpan? = nil) {
        self.path = path
        self.source = source
    }
}
