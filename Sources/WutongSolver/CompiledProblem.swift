import WutongModel

/// A season frozen into dense integer indices for the search: slots, venues, partners,
/// activities and sessions are numbered, names stay at the edges. Immutable and shared by every
/// search of a portfolio.
struct CompiledProblem<Stored: TableInteger>: Sendable {
    let season: Season
    let grid: SlotGrid
    let slotCount: Int
    /// The grid's geometry as plain integers, read on every move.
    let slotsPerDay: Int
    let slotMinutes: Int
    /// Local minute (since 1970-01-01) at which the season's first day's slots begin.
    let firstMinute: Int
    /// Per slot: its first local minute and its day of the season (tables, because the search
    /// asks on every move and integer division is slow).
    let slotMinute: [Int]
    let slotDay: SmallInts<Stored>

    // Venues.
    let venueCount: Int
    /// Per venue, per slot: open (season day, opening hours, no closure). As prefix sums,
    /// `slotCount + 1` entries per venue, so a hold of any length is checked in O(1).
    let venueOpenPrefix: SharedRows<Int32>
    /// Per venue, per slot: inside quiet hours (residential venues only); prefix sums like
    /// `venueOpenPrefix`.
    let venueQuietPrefix: SharedRows<Int32>
    /// Walking minutes between venues, row-major; 16 bits, since a partner-conflict check
    /// reads one entry at random and venues × venues entries must stay in the cache. Walks over
    /// 65,535 minutes are stored as 65,535: the check compares a walk with the gap between two
    /// sessions of one day, which is never that long.
    let walkMinutes: [UInt16]
    /// The venues within the noise distance of each venue, itself left out, flat:
    /// `noiseNearVenues[noiseNearStart[v]..<noiseNearStart[v + 1]]`. An amplified session looks
    /// only at these venues' amplified sessions of its day, however many the street has.
    let noiseNearStart: SmallInts<Stored>
    let noiseNearVenues: SmallInts<Stored>

    // Partners.
    let partnerCount: Int
    /// Per partner, per slot: busy (declared unavailability and imported calendars); prefix sums
    /// like `venueOpenPrefix`.
    let partnerBusyPrefix: SharedRows<Int32>
    /// Per partner: sessions allowed per week (`Stored.max - 1` when unlimited or above it).
    let weeklyLimit: SmallInts<Stored>

    // Activities.
    let activityCount: Int
    let setupSlots: SmallInts<Stored>
    let sessionSlots: SmallInts<Stored>
    let afterStartSlots: SmallInts<Stored>
    let durationMinutes: SmallInts<Stored>
    /// The audience groups of each activity, flat:
    /// `audienceList[audienceStart[a]..<audienceStart[a + 1]]`.
    let audienceStart: SmallInts<Stored>
    let audienceList: SmallInts<Stored>
    let amplified: [Bool]
    let minGapDays: SmallInts<Stored>
    /// Venues passing the hard unary venue constraints (eligibility, capacity, equipment).
    let candidateVenues: [[Int]]
    /// Start slots passing the hard unary time constraints (season days, daily window, audience
    /// and activity windows, forbidden periods), before venue hours.
    let candidateStarts: [[Int]]
    /// `candidateVenues` as flags, per activity and venue; activities with the same candidate
    /// venues share a row (a season has a handful of distinct lists, and activities × venues
    /// flags would not stay in the cache).
    let candidateVenueMask: SharedRows<Bool>
    /// `candidateStarts` as flags, per activity and slot.
    let candidateStartMask: SharedRows<Bool>
    /// `candidateVenues` and `candidateStarts` again, in the layout the moves pick from.
    let candidates: CandidateLists
    /// Per requirement of each activity: how many partners, which may fill it, and the number
    /// of that list of candidates (requirements asking for the same role and the same named
    /// partners share one).
    let requirements: [[(count: Int, candidates: [Int], list: Int)]]
    let predecessors: [[Int]]

    // Sessions.
    let sessionCount: Int
    let sessionActivity: SmallInts<Stored>
    let sessionIndex: [Int]
    /// Sessions are numbered activity by activity: those of activity `a` are
    /// `activityFirstSession[a]..<activityFirstSession[a + 1]`.
    let activityFirstSession: SmallInts<Stored>

    /// The sessions of an activity: its series.
    @inline(__always)
    func sessions(of activity: Int) -> Range<Int> {
        activityFirstSession[activity]..<activityFirstSession[activity + 1]
    }
    /// Pinned sessions: venue and start slot (nil when free).
    let pinned: [(venue: Int, start: Int, partners: [Int])?]

    let venueIDs: [String]
    let partnerIDs: [String]
    let activityIDs: [String]
    /// Whether `quiet-hours` is hard in this season (then venue hours include it).
    let quietIsHard: Bool
}

extension CompiledProblem {
    /// The slots a session of `activity` starting at `start` holds its venue: setup before the
    /// start, the session, teardown after.
    @inline(__always)
    func holdSlots(_ activity: Int, from start: Int) -> Range<Int> {
        start - setupSlots[activity]..<start + afterStartSlots[activity]
    }

    /// Whether activity `activity` can hold `venue` from `start` as far as the venue's own
    /// hours and quiet hours go.
    @inline(__always)
    func venueAllows(_ activity: Int, venue: Int, start: Int) -> Bool {
        let first = start - setupSlots[activity]
        let end = start + afterStartSlots[activity]
        guard first >= 0, end <= slotCount, first / slotsPerDay == (end - 1) / slotsPerDay else {
            return false
        }
        guard Int(venueOpenPrefix[venue, end] - venueOpenPrefix[venue, first]) == end - first else { return false }
        if amplified[activity], quietIsHard, venueQuietPrefix[venue, end] != venueQuietPrefix[venue, first] {
            return false
        }
        return true
    }

    /// The venue-hours part of `venueAllows` alone.
    @inline(__always)
    func venueAllowsIgnoringQuiet(_ activity: Int, venue: Int, start: Int) -> Bool {
        let first = start - setupSlots[activity]
        let end = start + afterStartSlots[activity]
        guard first >= 0, end <= slotCount, first / slotsPerDay == (end - 1) / slotsPerDay else {
            return false
        }
        return Int(venueOpenPrefix[venue, end] - venueOpenPrefix[venue, first]) == end - first
    }

    /// Whether `partner` is busy during any of `slots`.
    @inline(__always)
    func partnerBusy(_ partner: Int, during slots: Range<Int>) -> Bool {
        let first = max(0, slots.lowerBound)
        let end = min(slotCount, slots.upperBound)
        return first < end && partnerBusyPrefix[partner, end] != partnerBusyPrefix[partner, first]
    }

    /// Whether the quiet hours of `venue` overlap `slots`, for holds inside one day.
    @inline(__always)
    func quietOverlap(venue: Int, slots: Range<Int>) -> Bool {
        venueQuietPrefix[venue, slots.upperBound] != venueQuietPrefix[venue, slots.lowerBound]
    }

    /// The first minute (local, since 1970-01-01) of slot `slot`.
    @inline(__always)
    func minute(ofSlot slot: Int) -> Int {
        if slot >= 0, slot < slotCount { return slotMinute[slot] }
        return firstMinute + (slot / slotsPerDay) * 1440 + (slot % slotsPerDay) * slotMinutes
    }

    @inline(__always)
    func day(ofSlot slot: Int) -> Int {
        if slot >= 0, slot < slotCount { return slotDay[slot] }
        return slot / slotsPerDay
    }
}
