/// Whether breaking a constraint makes a schedule invalid (hard) or only worse (soft).
public enum ConstraintLevel: String, CaseIterable, Hashable, Sendable {
    case hard
    case soft
}

/// The constraint catalogue. Raw values are the stable names used in season files,
/// explanations and tests (see Docs/constraints.md).
public enum ConstraintID: String, CaseIterable, Hashable, Sendable, Comparable {
    case venueConflict = "venue-conflict"
    case partnerConflict = "partner-conflict"
    case partnerAvailability = "partner-availability"
    case partnerWeeklyLimit = "partner-weekly-limit"
    case venueHours = "venue-hours"
    case venueCapacity = "venue-capacity"
    case venueEquipment = "venue-equipment"
    case venueEligibility = "venue-eligibility"
    case quietHours = "quiet-hours"
    case audienceWindow = "audience-window"
    case activityWindow = "activity-window"
    case audienceConflict = "audience-conflict"
    case noiseNeighbours = "noise-neighbours"
    case seriesSpacing = "series-spacing"
    case precedence = "precedence"
    case equipmentPool = "equipment-pool"
    case preferredTimes = "preferred-times"
    case seriesMinDays = "series-min-days"
    case seriesSameVenue = "series-same-venue"
    case audienceCompactness = "audience-compactness"
    case gridBalance = "grid-balance"
    case walkingCircle = "walking-circle"
    case partnerFairness = "partner-fairness"
    case stability = "stability"

    public var defaultLevel: ConstraintLevel {
        switch self {
        case .preferredTimes, .seriesMinDays, .seriesSameVenue, .audienceCompactness, .gridBalance, .walkingCircle,
            .partnerFairness, .stability:
            .soft
        default:
            .hard
        }
    }

    /// The default weight: the ITC-2007 (UD2) weights where the catalogue shares a constraint
    /// with it, 1 elsewhere.
    public var defaultWeight: Int {
        switch self {
        case .seriesMinDays: 5
        case .audienceCompactness: 2
        default: 1
        }
    }

    /// One line for help texts and documentation.
    public var summary: String {
        switch self {
        case .venueConflict: "a venue hosts one session at a time"
        case .partnerConflict: "a partner unit is at one session at a time, with walking time between venues"
        case .partnerAvailability: "not when the partner is busy (its imported calendar, declared unavailability)"
        case .partnerWeeklyLimit: "at most the partner's sessions per week"
        case .venueHours:
            "inside the venue's opening hours and the season window, set-up and tear-down included; "
                + "not on blackout days or closures"
        case .venueCapacity: "capacity ≥ expected audience (as soft: 1 per seat short)"
        case .venueEquipment: "the venue has what the activity needs (piano, stage, sound, step-free)"
        case .venueEligibility: "the activity's allowed venues / grids / kinds (indoor only, …)"
        case .quietHours: "no amplified session in a residential venue's quiet hours"
        case .audienceWindow: "the audience group's windows (minors: not in school hours; elderly: daytime)"
        case .activityWindow: "the activity's own allowed days/hours and forbidden periods"
        case .audienceConflict: "sessions for the same audience group do not overlap"
        case .noiseNeighbours: "no two amplified sessions at once within a set distance"
        case .seriesSpacing: "sessions of one activity at least N days apart"
        case .precedence: "all sessions of A end before any of B starts"
        case .equipmentPool: "shared portable equipment in use by at most its count at once"
        case .preferredTimes: "the activity's preferred weekdays / hours"
        case .seriesMinDays: "a series spread over at least k distinct days"
        case .seriesSameVenue: "a series stays at one venue (1 per extra venue)"
        case .audienceCompactness: "no isolated session in an audience group's day"
        case .gridBalance: "sessions spread over the 4 grids as the season asks"
        case .walkingCircle: "every neighbourhood has activities within a 15-minute walk each month"
        case .partnerFairness: "partner load in proportion to what each offered"
        case .stability: "in re-planning: each session moved from the baseline costs; pinned ones never move"
        }
    }

    /// Position in `allCases`, for arrays of per-constraint values. A switch, not a search:
    /// the solver reads it on every move.
    public var index: Int {
        switch self {
        case .venueConflict: 0
        case .partnerConflict: 1
        case .partnerAvailability: 2
        case .partnerWeeklyLimit: 3
        case .venueHours: 4
        case .venueCapacity: 5
        case .venueEquipment: 6
        case .venueEligibility: 7
        case .quietHours: 8
        case .audienceWindow: 9
        case .activityWindow: 10
        case .audienceConflict: 11
        case .noiseNeighbours: 12
        case .seriesSpacing: 13
        case .precedence: 14
        case .equipmentPool: 15
        case .preferredTimes: 16
        case .seriesMinDays: 17
        case .seriesSameVenue: 18
        case .audienceCompactness: 19
        case .gridBalance: 20
        case .walkingCircle: 21
        case .partnerFairness: 22
        case .stability: 23
        }
    }

    public static func < (lhs: ConstraintID, rhs: ConstraintID) -> Bool {
        lhs.index < rhs.index
    }
}

/// A season's override of one constraint's level and/or weight.
public struct ConstraintSetting: Hashable, Sendable {
    public var id: ConstraintID
    public var level: ConstraintLevel
    public var weight: Int
    public var source: SourceSpan?

    public init(id: ConstraintID, level: ConstraintLevel? = nil, weight: Int? = nil, source: SourceSpan? = nil) {
        self.id = id
        self.level = level ?? id.defaultLevel
        self.weight = weight ?? id.defaultWeight
        self.source = source
    }
}
