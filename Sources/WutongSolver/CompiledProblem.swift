public import WutongModel

/// A season frozen into dense integer indices for the search: slots, venues, partners,
/// activities and sessions are numbered, names stay at the edges. Immutable and shared by every
/// search of a portfolio.
public struct CompiledProblem: Sendable {
    public let season: Season
    public let grid: SlotGrid
    public let slotCount: Int

    // Venues.
    public let venueCount: Int
    /// Per venue, per slot: open (season day, opening hours, no closure). As prefix sums, so a
    /// hold of any length is checked in O(1).
    let venueOpenPrefix: [[Int32]]
    /// Per venue, per slot: inside quiet hours (residential venues only).
    let venueQuietPrefix: [[Int32]]
    /// Walking minutes between venues, row-major.
    let walkMinutes: [Int]
    /// Whether two venues are within the noise distance, row-major.
    let noiseNear: [Bool]

    // Partners.
    public let partnerCount: Int
    /// Per partner, per slot: busy (declared unavailability and imported calendars).
    let partnerBusy: [[Bool]]
    let weeklyLimit: [Int]

    // Activities.
    public let activityCount: Int
    let setupSlots: [Int]
    let sessionSlots: [Int]
    let afterStartSlots: [Int]
    let durationMinutes: [Int]
    let audience: [Int]
    let amplified: [Bool]
    let minGapDays: [Int]
    /// Venues passing the hard unary venue constraints (eligibility, capacity, equipment).
    let candidateVenues: [[Int]]
    /// Start slots passing the hard unary time constraints (season days, daily window, audience
    /// and activity windows, forbidden periods), before venue hours.
    let candidateStarts: [[Int]]
    let candidateVenueSet: [Set<Int>]
    let candidateStartSet: [Set<Int>]
    /// Per requirement of each activity: how many partners, and which may fill it.
    let requirements: [[(count: Int, candidates: [Int])]]
    let predecessors: [[Int]]

    // Sessions.
    public let sessionCount: Int
    let sessionActivity: [Int]
    let sessionIndex: [Int]
    /// Pinned sessions: venue and start slot (nil when free).
    let pinned: [(venue: Int, start: Int, partners: [Int])?]

    public let venueIDs: [String]
    public let partnerIDs: [String]
    public let activityIDs: [String]
}

extension CompiledProblem {
    /// Whether activity `activity` can hold `venue` from `start` as far as the venue's own
    /// hours and quiet hours go.
    func venueAllows(_ activity: Int, venue: Int, start: Int) -> Bool {
        let first = start - setupSlots[activity]
        let end = start + afterStartSlots[activity]
        guard first >= 0, end <= slotCount, first / grid.slotsPerDay == (end - 1) / grid.slotsPerDay else {
            return false
        }
        let open = venueOpenPrefix[venue]
        guard Int(open[end] - open[first]) == end - first else { return false }
        if amplified[activity], quietHardLevel {
            let quiet = venueQuietPrefix[venue]
            if quiet[end] != quiet[first] { return false }
        }
        return true
    }

    /// The venue-hours part of `venueAllows` alone.
    func venueAllowsIgnoringQuiet(_ activity: Int, venue: Int, start: Int) -> Bool {
        let first = start - setupSlots[activity]
        let end = start + afterStartSlots[activity]
        guard first >= 0, end <= slotCount, first / grid.slotsPerDay == (end - 1) / grid.slotsPerDay else {
            return false
        }
        let open = venueOpenPrefix[venue]
        return Int(open[end] - open[first]) == end - first
    }

    var quietHardLevel: Bool {
        season.setting(for: .quietHours).level == .hard
    }

    /// The first minute (local, since 1970-01-01) of slot `slot`.
    func minute(ofSlot slot: Int) -> Int {
        (grid.firstDay.dayNumber + slot / grid.slotsPerDay) * 1440 + grid.dayStart.minutes
            + (slot % grid.slotsPerDay) * grid.slotMinutes
    }

    func day(ofSlot slot: Int) -> Int {
        slot / grid.slotsPerDay
    }
}
