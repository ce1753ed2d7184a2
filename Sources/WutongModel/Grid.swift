/// One of the street's four grids (网格). `targetShare` is the percentage of sessions the season
/// asks this grid to host (`grid-balance`); nil leaves it unconstrained.
public struct Grid: Hashable, Sendable {
    public var id: String
    public var name: String
    public var goal: String?
    public var targetShare: Int?
    public var source: SourceSpan?

    public init(id: String, name: String, goal: String? = nil, targetShare: Int? = nil, source: SourceSpan? = nil) {
        self.id = id
        self.name = name
        self.goal = goal
        self.targetShare = targetShare
        self.source = source
    }
}

/// A residential neighbourhood that should have activities within a short walk each month
/// (`walking-circle`, the 15-minute civic-education practice circle).
public struct Neighbourhood: Hashable, Sendable {
    public var id: String
    public var name: String
    public var grid: String
    public var location: Coordinate
    public var source: SourceSpan?

    public init(id: String, name: String, grid: String, location: Coordinate, source: SourceSpan? = nil) {
        self.id = id
        self.name = name
        self.grid = grid
        self.location = location
        self.source = source
    }
}

/// An audience group (minors, elderly, office workers, the public) and the weekly windows in
/// which its sessions may run; no windows means any time the season allows.
public struct AudienceGroup: Hashable, Sendable {
    public var id: String
    public var name: String
    public var windows: [WeeklyWindow]
    public var source: SourceSpan?

    public init(id: String, name: String, windows: [WeeklyWindow] = [], source: SourceSpan? = nil) {
        self.id = id
        self.name = name
        self.windows = windows
        self.source = source
    }
}

/// A "十个一" project: a named series of events with a goal.
public struct Project: Hashable, Sendable {
    public var id: String
    public var name: String
    public var goal: String?
    public var origin: NameOrigin?
    public var source: SourceSpan?

    public init(id: String, name: String, goal: String? = nil, origin: NameOrigin? = nil, source: SourceSpan? = nil) {
        self.id = id
        self.name = name
        self.goal = goal
        self.origin = origin
        self.source = source
    }
}

/// Portable equipment shared by all sessions (two sound systems, a piano on wheels): a session at
/// a venue without the equipment it needs takes one unit from a pool that provides it.
public struct EquipmentPool: Hashable, Sendable {
    public var id: String
    public var name: String
    public var provides: Equipment
    public var count: Int
    public var source: SourceSpan?

    public init(id: String, name: String, provides: Equipment, count: Int, source: SourceSpan? = nil) {
        self.id = id
        self.name = name
        self.provides = provides
        self.count = count
        self.source = source
    }
}
