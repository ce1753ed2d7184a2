import WutongModel

/// What the search's scoring needs beyond the compiled problem, computed once per season:
/// per (activity, venue) unary costs, windows, weights, months, neighbourhood reach.
struct SearchFacts<Stored: TableInteger>: Sendable {
    let isHard: [Bool]
    /// Per constraint: its weight where it is hard (else 0), and where it is soft (else 0).
    let hardWeight: [Int]
    let softWeight: [Int]
    let priority: SmallInts<Stored>
    /// Per activity and venue, equal rows shared; read through `fit`.
    let venueFit: SharedRows<VenueFit>
    /// People expected per activity and seats per venue, for `capacityShort`.
    private let audienceSize: [Int32]
    private let venueCapacity: [Int32]
    let residential: [Bool]
    let quiet: [[WeeklyWindow]]
    let successors: [[Int]]
    let offered: [Int?]
    let pools: [(item: Equipment, count: Int)]
    /// The pool lists sessions draw on, each distinct list stored once: see `poolRange`.
    let poolList: SmallInts<Stored>
    /// Per activity: its minimum of distinct days, 0 when it has none.
    let minDistinctDays: SmallInts<Stored>
    /// Per activity: whether it has a minimum of distinct days, the only reason to count them.
    let countsDays: [Bool]
    let venueGrid: SmallInts<Stored>
    /// Per activity and grid: its candidate venues in that grid.
    let gridCandidates: GridCandidates
    let gridShares: [Int?]
    let hasGridShares: Bool
    /// Per activity and slot: the time-only soft checks a session starting there fails
    /// (`TimeFlags`); activities with the same windows share a row.
    let timeFlags: SharedRows<UInt8>
    /// Per day of the season: its Monday-to-Sunday week, counted from the season's first week.
    let weekOfDay: SmallInts<Stored>
    let weekCount: Int
    /// `weekOfDay` and the month index per slot, read on every move.
    private let weekOfSlot: SmallInts<Stored>
    private let monthOfSlot: SmallInts<Stored>
    /// Partner positions of every session, flat: session `s` has room for `teamCapacity[s]`
    /// partners from `teamBase[s]`; `nodeSession` maps a position back to its session.
    let teamBase: SmallInts<Stored>
    let teamCapacity: SmallInts<Stored>
    let nodeSession: SmallInts<Stored>
    /// Audience memberships of every session, flat: session `s` is filed in its activity's
    /// audience groups from `membershipBase[s]` in their order; `membershipSession` maps a
    /// membership back to its session.
    let membershipBase: SmallInts<Stored>
    let membershipSession: SmallInts<Stored>
    let nearNeighbourhoods: [[Int]]
    let neighbourhoodCount: Int
    let monthCount: Int
    private let monthOfDay: SmallInts<Stored>
    private let slotsPerDay: Int
    private let firstDayNumber: Int
    /// Per session: its baseline placement (venue, start slot, partners), for `stability`.
    let baseline: [(venue: Int, start: Int, partners: [Int])?]

    /// Per activity and partner position (`positionStart[activity] + position`): the range of
    /// `roleCandidates` that may fill it. Flat, because the nested requirement lists cost three
    /// dependent reads per partner change in a season too large for the cache. Equal lists are
    /// stored once: most activities needing a role share its list, and one copy per activity
    /// (activities × partners) would not stay in the cache.
    let positionStart: SmallInts<Stored>
    let positionCandidates: [SmallRange<Stored>]
    let roleCandidates: SmallInts<Stored>
    /// The sessions of each audience group, flat:
    /// `audienceMembers[audienceMemberStart[g]..<audienceMemberStart[g + 1]]`.
    let audienceMemberStart: SmallInts<Stored>
    let audienceMembers: SmallInts<Stored>

    /// - Throws: `TableOverflow` when a number does not fit `Stored`, among them the numbers of
    ///   partner positions and audience memberships, which bound the counts the search keeps.
    init(problem: CompiledProblem<Stored>, baseline: Schedule? = nil) throws(TableOverflow) {
        let season = problem.season
        let settings = ConstraintID.allCases.map { season.setting(for: $0) }
        isHard = settings.map { $0.level == .hard }
        hardWeight = settings.map { $0.level == .hard ? $0.weight : 0 }
        softWeight = settings.map { $0.level == .hard ? 0 : $0.weight }
        priority = try SmallInts(season.activities.map(\.priority))
        let pooledItems = Set(season.equipmentPools.filter { $0.count > 0 }.map(\.provides))
        var poolItems: [Int] = []
        var poolListStart: [[Int]: Int] = [[]: 0]
        pools = season.equipmentPools.map { ($0.provides, $0.count) }
        let equipmentPools = season.equipmentPools
        let venues = season.venues
        venueFit = SharedRows(
            keys: season.activities.map(VenueNeeds.init), width: max(1, problem.venueCount)
        ) { needs in
            let row = venues.map { venue in
                let drawn = equipmentPools.indices.filter {
                    let item = equipmentPools[$0].provides
                    return needs.equipment.contains(item) && !venue.equipment.contains(item)
                }
                let start =
                    poolListStart[drawn]
                    ?? {
                        poolListStart[drawn] = poolItems.count
                        poolItems += drawn
                        return poolItems.count - drawn.count
                    }()
                return VenueFit(
                    equipmentMissing: needs.equipment.subtracting(venue.equipment).subtracting(pooledItems).count,
                    ineligible: !needs.eligibility.admits(venue), pools: start..<start + drawn.count)
            }
            return row.isEmpty ? [VenueFit(equipmentMissing: 0, ineligible: false, pools: 0..<0)] : row
        }
        audienceSize = season.activities.map { Int32(clamping: $0.audienceSize) }
        venueCapacity = season.venues.map { Int32(clamping: $0.capacity) }
        poolList = try SmallInts(poolItems)
        residential = season.venues.map(\.residential)
        quiet = season.venues.map(\.quietHours)
        var followers = Array(repeating: [Int](), count: problem.activityCount)
        for (activity, predecessors) in problem.predecessors.enumerated() {
            for predecessor in predecessors { followers[predecessor].append(activity) }
        }
        successors = followers
        offered = season.partners.map(\.offeredSessions)
        minDistinctDays = try SmallInts(season.activities.map { $0.minDistinctDays ?? 0 })
        countsDays = minDistinctDays.map { $0 > 0 }
        let gridIndex = Dictionary(
            season.grids.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        venueGrid = try SmallInts(season.venues.map { gridIndex[$0.grid] ?? -1 })
        gridCandidates = GridCandidates(
            candidateVenues: problem.candidateVenues, venueGrid: Array(venueGrid), gridCount: season.grids.count)
        gridShares = season.grids.map(\.targetShare)
        hasGridShares = gridShares.contains { $0 != nil }
        let radius = Double(season.rules.walkingMetresPerMinute * season.rules.circleMinutes)
        nearNeighbourhoods = season.venues.map { venue in
            season.neighbourhoods.indices.filter {
                season.neighbourhoods[$0].location.metres(to: venue.location) <= radius
            }
        }
        neighbourhoodCount = season.neighbourhoods.count
        var months: [Int] = []
        var keys: [Int] = []
        for day in 0..<problem.grid.dayCount {
            let date = problem.grid.date(ofDay: day)
            let key = date.year * 12 + date.month
            if keys.last != key { keys.append(key) }
            months.append(keys.count - 1)
        }
        monthOfDay = try SmallInts(months)
        monthCount = keys.count
        slotsPerDay = max(1, problem.grid.slotsPerDay)
        firstDayNumber = problem.grid.firstDay.dayNumber
        let firstDay = problem.grid.firstDay.dayNumber
        let weekNumbers = (0..<max(1, problem.grid.dayCount)).map { Self.weekNumber(ofDayNumber: firstDay + $0) }
        weekOfDay = try SmallInts(weekNumbers.map { $0 - weekNumbers[0] })
        weekCount = (weekOfDay.last ?? 0) + 1
        timeFlags = TimeFlags.rows(problem: problem)
        weekOfSlot = try SmallInts(
            (0..<problem.slotCount).map { [weekOfDay, slotsPerDay] in weekOfDay[$0 / slotsPerDay] })
        monthOfSlot = try SmallInts((0..<problem.slotCount).map { [months, slotsPerDay] in months[$0 / slotsPerDay] })
        var placements = [(venue: Int, start: Int, partners: [Int])?](repeating: nil, count: problem.sessionCount)
        if let baseline {
            let venueIndex = Dictionary(
                problem.venueIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let partnerIndex = Dictionary(
                problem.partnerIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            var sessionIndex: [String: Int] = [:]
            for session in 0..<problem.sessionCount {
                sessionIndex[
                    "\(problem.activityIDs[problem.sessionActivity[session]])#\(problem.sessionIndex[session])"] =
                    session
            }
            for scheduled in baseline.sessions {
                guard let placement = scheduled.placement,
                    let session = sessionIndex["\(scheduled.activity)#\(scheduled.index)"],
                    let venue = venueIndex[placement.venue]
                else { continue }
                let day = placement.start.date.dayNumber - firstDayNumber
                let slot =
                    day * slotsPerDay + (placement.start.time.minutes - problem.grid.dayStart.minutes)
                    / problem.grid.slotMinutes
                placements[session] = (venue, slot, placement.partners.compactMap { partnerIndex[$0] })
            }
        }
        self.baseline = problem.sessionCount > 0 && baseline != nil ? placements : []
        var bases: [Int] = []
        var capacities: [Int] = []
        var owners: [Int] = []
        for session in 0..<problem.sessionCount {
            let activity = problem.sessionActivity[session]
            let required = problem.requirements[activity].reduce(0) { $0 + $1.count }
            let capacity = max(
                required + (problem.pinned[session]?.partners.count ?? 0),
                self.baseline.isEmpty ? 0 : self.baseline[session]?.partners.count ?? 0)
            bases.append(owners.count)
            capacities.append(capacity)
            owners += repeatElement(session, count: capacity)
        }
        // One more than the positions: a partner's count of a week is compared after adding one
        // (`CompiledProblem.weeklyLimit`).
        try Stored.check(owners.count + 1)
        teamBase = try SmallInts(bases)
        teamCapacity = try SmallInts(capacities)
        nodeSession = try SmallInts(owners)
        var memberships: [Int] = []
        var members: [Int] = []
        for session in 0..<problem.sessionCount {
            let activity = problem.sessionActivity[session]
            memberships.append(members.count)
            members += repeatElement(
                session, count: problem.audienceStart[activity + 1] - problem.audienceStart[activity])
        }
        try Stored.check(members.count + 1)
        membershipBase = try SmallInts(memberships)
        membershipSession = try SmallInts(members)
        var starts = [0]
        var ranges: [SmallRange<Stored>] = []
        var lists = ListStore()
        for roles in problem.requirements {
            for role in roles {
                let first = Int(lists.offset(of: role.candidates))
                let range = try SmallRange<Stored>(first..<first + role.candidates.count)
                ranges += repeatElement(range, count: role.count)
            }
            starts.append(ranges.count)
        }
        positionStart = try SmallInts(starts)
        positionCandidates = ranges
        roleCandidates = try SmallInts(lists.cells.map { Int($0) })
        var groups = Array(repeating: [Int](), count: (problem.audienceList.max() ?? -1) + 1)
        for session in 0..<problem.sessionCount {
            let activity = problem.sessionActivity[session]
            for index in problem.audienceStart[activity]..<problem.audienceStart[activity + 1] {
                groups[problem.audienceList[index]].append(session)
            }
        }
        audienceMemberStart = try SmallInts(groups.reduce(into: [0]) { $0.append($0.last! + $1.count) })
        audienceMembers = try SmallInts(groups.flatMap { $0 })
    }

    /// The slice of `poolList` for a session of `activity` at `venue`.
    @inline(__always)
    func poolRange(_ activity: Int, venue: Int) -> Range<Int> {
        fit(activity, venue: venue).pools
    }

    /// What a session of `activity` gets wrong at `venue` whatever else is placed.
    @inline(__always)
    func fit(_ activity: Int, venue: Int) -> VenueFit {
        venueFit[activity, venue]
    }

    /// People of `activity` without a seat at `venue`.
    @inline(__always)
    func capacityShort(_ activity: Int, venue: Int) -> Int {
        max(0, Int(audienceSize[activity]) - Int(venueCapacity[venue]))
    }

    /// Sessions of `activity` at `venue` draw on these pools.
    @inline(__always)
    func poolsUsed(_ activity: Int, venue: Int) -> Slice<SmallInts<Stored>> {
        poolList[poolRange(activity, venue: venue)]
    }

    /// Monday-to-Sunday week of a day number (1970-01-01 was a Thursday).
    static func weekNumber(ofDayNumber day: Int) -> Int {
        let shifted = day + 3
        return shifted >= 0 ? shifted / 7 : -((-shifted + 6) / 7)
    }

    /// The week of a slot, counted from the season's first week.
    @inline(__always)
    func week(ofSlot slot: Int) -> Int {
        weekOfSlot[slot]
    }

    /// Index of the calendar month of a slot among the season's months.
    @inline(__always)
    func month(ofSlot slot: Int) -> Int {
        monthOfSlot[slot]
    }
}
