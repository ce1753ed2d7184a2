public enum VenueKind: String, CaseIterable, Hashable, Sendable {
    case concertHall = "concert-hall"
    case schoolHall = "school-hall"
    case outdoorPlaza = "outdoor-plaza"
    case streetCorner = "street-corner"
    case shopFront = "shop-front"
    case market
    case residentialCourtyard = "residential-courtyard"
    case residentialLane = "residential-lane"
    case officeLobby = "office-lobby"
    case communityCentre = "community-centre"
    case library
    case museum
    case heritageHouse = "heritage-house"
}

public enum VenueSetting: String, CaseIterable, Hashable, Sendable {
    case indoor
    case outdoor
}

public enum Equipment: String, CaseIterable, Hashable, Sendable, Comparable {
    case piano
    case stage
    case sound
    case projector
    case lighting
    case stepFree = "step-free"

    public static func < (lhs: Equipment, rhs: Equipment) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A place an event can run.
public struct Venue: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: VenueKind
    public var grid: String
    public var capacity: Int
    public var setting: VenueSetting
    /// Residential venues keep quiet hours for amplified sessions (`quiet-hours`).
    public var residential: Bool
    public var equipment: Set<Equipment>
    public var location: Coordinate
    /// Weekly opening hours; empty means open whenever the season's daily window allows.
    public var openingHours: [WeeklyWindow]
    public var closures: [LocalPeriod]
    /// Daily times when amplified sessions may not run; a window may cross midnight.
    public var quietHours: [WeeklyWindow]
    public var origin: NameOrigin?
    public var source: SourceSpan?

    public init(
        id: String, name: String, kind: VenueKind, grid: String, capacity: Int, setting: VenueSetting,
        residential: Bool = false, equipment: Set<Equipment> = [], location: Coordinate,
        openingHours: [WeeklyWindow] = [], closures: [LocalPeriod] = [], quietHours: [WeeklyWindow] = [],
        origin: NameOrigin? = nil, source: SourceSpan? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.grid = grid
        self.capacity = capacity
        self.setting = setting
        self.residential = residential
        self.equipment = equipment
        self.location = location
        self.openingHours = openingHours
        self.closures = closures
        self.quietHours = quietHours
        self.origin = origin
        self.source = source
    }
}
