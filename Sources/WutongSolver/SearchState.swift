import WutongModel

/// A schedule under local search with every constraint's amount kept up to date: a session is
/// taken out (its share subtracted) and put back elsewhere (its new share added), reading only
/// the occupancy lists it touches. `amounts` always equals what `ScheduleScorer` would compute
/// from scratch (tested after thousands of random moves). Everything is in flat arrays and
/// intrusive lists, so a move allocates nothing.
struct SearchState<Stored: TableInteger> {
    let problem: CompiledProblem<Stored>
    let facts: SearchFacts<Stored>
    /// Per session: venue (-1 while unplaced) and start slot.
    private(set) var venue: SmallInts<Stored>
    private(set) var start: SmallInts<Stored>
    /// Partners, flat: session `s` has `teamCount[s]` of them from `facts.teamBase[s]`.
    private(set) var team: SmallInts<Stored>
    private(set) var teamCount: SmallInts<Stored>
    /// Units of violation per constraint, indexed like `ConstraintID.allCases`.
    private(set) var amounts: [Int]
    private(set) var medium: Int
    private(set) var hardTotal = 0
    private(set) var softTotal = 0

    // Occupancy, maintained by `link` and `unlink` (SearchState+Occupancy.swift). Buckets are
    // flat: entity × dayCount + day.
    let dayCount: Int
    var venueDay: BucketLists<Stored>
    var audienceDay: BucketLists<Stored>
    /// Amplified sessions only, in venue × dayCount + day.
    var amplifiedVenueDay: BucketLists<Stored>
    /// Filed by partner position (`facts.teamBase[s] + i`), in partner × dayCount + day.
    var partnerDay: BucketLists<Stored>
    var partnerWeek: SmallInts<Stored>
    var partnerLoad: SmallInts<Stored>
    /// Per activity: the distinct days (counted only where `facts.countsDays`) and venues its
    /// placed sessions use.
    var activityDayCount: SmallInts<Stored>
    var activityVenueCount: SmallInts<Stored>
    var poolUse: SmallInts<Stored>
    var gridCount: SmallInts<Stored>
    var placedCount = 0
    var circleCount: SmallInts<Stored>

    init(problem: CompiledProblem<Stored>, facts: SearchFacts<Stored>) {
        self.problem = problem
        self.facts = facts
        let sessions = problem.sessionCount
        venue = SmallInts(repeating: -1, count: sessions)
        start = SmallInts(repeating: 0, count: sessions)
        team = SmallInts(repeating: -1, count: facts.nodeSession.count)
        teamCount = SmallInts(repeating: 0, count: sessions)
        amounts = Array(repeating: 0, count: ConstraintID.allCases.count)
        medium = (0..<sessions).reduce(0) { $0 + facts.priority[problem.sessionActivity[$1]] }
        dayCount = max(1, problem.grid.dayCount)
        venueDay = BucketLists(buckets: problem.venueCount * dayCount, items: sessions)
        audienceDay = BucketLists(
            buckets: max(1, problem.season.audiences.count) * dayCount, items: facts.membershipSession.count)
        amplifiedVenueDay = BucketLists(buckets: problem.venueCount * dayCount, items: sessions)
        partnerDay = BucketLists(buckets: problem.partnerCount * dayCount, items: facts.nodeSession.count)
        partnerWeek = SmallInts(repeating: 0, count: problem.partnerCount * facts.weekCount)
        partnerLoad = SmallInts(repeating: 0, count: problem.partnerCount)
        activityDayCount = SmallInts(repeating: 0, count: problem.activityCount)
        activityVenueCount = SmallInts(repeating: 0, count: problem.activityCount)
        poolUse = SmallInts(repeating: 0, count: facts.pools.count * problem.slotCount)
        gridCount = SmallInts(repeating: 0, count: facts.gridShares.count)
        circleCount = SmallInts(repeating: 0, count: facts.neighbourhoodCount * max(1, facts.monthCount))
        // Totals that do not start at zero with nothing placed.
        bump(ConstraintID.seriesMinDays.index, facts.minDistinctDays.reduce(0) { $0 + $1 })
        bump(ConstraintID.gridBalance.index, gridBalance())
        bump(ConstraintID.walkingCircle.index, facts.neighbourhoodCount * facts.monthCount)
        bump(ConstraintID.stability.index, facts.baseline.filter { $0 != nil }.count)
    }

    @inline(__always)
    func isPlaced(_ session: Int) -> Bool {
        venue[session] >= 0
    }

    var score: Score {
        Score(hard: hardTotal, medium: medium, soft: softTotal)
    }

    /// The session's partners, in requirement order.
    func partners(_ session: Int) -> [Int] {
        let base = facts.teamBase[session]
        return Array(team[base..<base + teamCount[session]])
    }

    /// Adds `delta` units of constraint `index`, keeping the weighted totals in step.
    mutating func bump(_ index: Int, _ delta: Int) {
        amounts[index] += delta
        hardTotal += delta * facts.hardWeight[index]
        softTotal += delta * facts.softWeight[index]
    }

    // MARK: Moves

    /// Takes a placed session out, subtracting its share of every constraint.
    mutating func remove(_ session: Int) {
        guard isPlaced(session) else { return }
        contribute(session, sign: -1)
        unfile(session)
        medium += facts.priority[problem.sessionActivity[session]]
    }

    /// Places an unplaced session, adding its share of every constraint.
    mutating func insert(_ session: Int, venue newVenue: Int, start newStart: Int, partners newPartners: [Int]) {
        file(session, venue: newVenue, start: newStart, partners: newPartners)
        medium -= facts.priority[problem.sessionActivity[session]]
        contribute(session, sign: 1)
    }

    /// Moves a placed session to another venue and start with the same partners.
    mutating func relocate(_ session: Int, venue newVenue: Int, start newStart: Int) {
        contribute(session, sign: -1)
        refile(session, venue: newVenue, start: newStart)
        contribute(session, sign: 1)
    }

    /// What moving a placed session to `newVenue` from `newStart` (same partners) would change the
    /// hard and soft totals by, without making the move. (`mutating` only for the reason given
    /// at `share`.)
    mutating func relocationDelta(_ session: Int, venue newVenue: Int, start newStart: Int) -> (hard: Int, soft: Int) {
        var tally = ShareTally()
        relocationTally(session, venue: newVenue, start: newStart, into: &tally)
        return cost(of: tally)
    }

    /// What moving a placed session to `newVenue` from `newStart` would add to each constraint,
    /// without making the move, written over `tally` (passed in rather than returned: the copy
    /// of a returned tally showed in the profile).
    mutating func relocationTally(
        _ session: Int, venue newVenue: Int, start newStart: Int, into tally: inout ShareTally
    ) {
        // What depends on the venue alone is the same before and after when the venue is kept,
        // and likewise the start: those parts cancel, so neither side computes them.
        var parts = ShareParts.relocation
        if newVenue != venue[session] { parts.insert(.venueOnly) }
        if newStart != start[session] { parts.insert(.startOnly) }
        tally = ShareTally()
        share(session, venue: newVenue, start: newStart, sign: 1, parts: parts, into: &tally)
        share(session, venue: venue[session], start: start[session], sign: -1, parts: parts, into: &tally)
    }

    /// Makes a relocation whose tally `relocationTally` computed in the current state, adding
    /// that tally instead of computing the session's share twice more.
    mutating func relocate(_ session: Int, venue newVenue: Int, start newStart: Int, costed tally: borrowing ShareTally)
    {
        refile(session, venue: newVenue, start: newStart)
        add(tally)
    }

    /// What replacing the partner at `position` of a placed session by `partner` (not in its team)
    /// would change the hard and soft totals by, without making the change; nil when the
    /// partner being replaced also appears at another position. (`mutating` only for the reason
    /// given at `share`.)
    mutating func partnerChangeDelta(_ session: Int, at position: Int, with partner: Int) -> (hard: Int, soft: Int)? {
        let base = facts.teamBase[session]
        let leaving = team[base + position]
        for other in 0..<teamCount[session] where other != position && team[base + other] == leaving { return nil }
        var tally = ShareTally()
        let place = venue[session]
        let slot = start[session]
        partnerShare(
            session, partner: partner, at: place, from: slot, weekDiscount: 0, loadDiscount: 0, sign: 1, into: &tally)
        partnerShare(
            session, partner: leaving, at: place, from: slot, weekDiscount: 1, loadDiscount: 1, sign: -1, into: &tally)
        if !facts.baseline.isEmpty, let before = facts.baseline[session], before.venue == place, before.start == slot {
            let wasSame = sameMembers(before.partners, session)
            team[base + position] = partner
            let isSame = sameMembers(before.partners, session)
            team[base + position] = leaving
            if wasSame != isSame { tally.add(.stability, wasSame ? 1 : -1) }
        }
        return cost(of: tally)
    }

    /// What giving a placed session the team `newTeam` (same length, no partner twice) would
    /// change the hard and soft totals by once it has moved to `place` from `slot` with its
    /// current team, computed before either change is made; so a relocation's cost plus this is
    /// the cost of the relocation taking the new team along. Each replaced partner's share is
    /// as `replacePartner` would compute it after the relocation: the leaving partner's week
    /// count holds the session there only when the move stays in the same week.
    mutating func teamChangeDelta(_ session: Int, venue place: Int, start slot: Int, team newTeam: [Int]) -> (
        hard: Int, soft: Int
    ) {
        let base = facts.teamBase[session]
        let sameWeek = facts.week(ofSlot: start[session]) == facts.week(ofSlot: slot)
        var tally = ShareTally()
        for (position, partner) in newTeam.enumerated() where team[base + position] != partner {
            partnerShare(
                session, partner: partner, at: place, from: slot, weekDiscount: 0, loadDiscount: 0, sign: 1,
                into: &tally)
            partnerShare(
                session, partner: team[base + position], at: place, from: slot, weekDiscount: sameWeek ? 1 : 0,
                loadDiscount: 1, sign: -1, into: &tally)
        }
        if !facts.baseline.isEmpty, let before = facts.baseline[session], before.venue == place, before.start == slot {
            let wasSame = sameMembers(before.partners, session)
            let isSame = Self.sameMembers(before.partners, newTeam)
            if wasSame != isSame { tally.add(.stability, wasSame ? 1 : -1) }
        }
        return cost(of: tally)
    }

    /// Adds (sign 1) or subtracts (sign -1) the session's share at its current placement.
    mutating func contribute(_ session: Int, sign: Int) {
        var tally = ShareTally()
        share(session, venue: venue[session], start: start[session], sign: sign, into: &tally)
        add(tally)
    }

    /// A tally's weighted hard and soft cost.
    @inline(__always)
    func cost(of tally: borrowing ShareTally) -> (hard: Int, soft: Int) {
        var hard = 0
        var soft = 0
        var touched = tally.touched
        while touched != 0 {
            let index = touched.trailingZeroBitCount
            touched &= touched - 1
            let amount = tally.amounts.span[index]
            hard += amount * facts.hardWeight[index]
            soft += amount * facts.softWeight[index]
        }
        return (hard, soft)
    }

    /// The part of a tally's weighted hard cost that partners break (`partner-availability`,
    /// `partner-weekly-limit`, `partner-conflict`).
    @inline(__always)
    func partnerHardCost(of tally: borrowing ShareTally) -> Int {
        let availability = ConstraintID.partnerAvailability.index
        let weekly = ConstraintID.partnerWeeklyLimit.index
        let conflict = ConstraintID.partnerConflict.index
        let amounts = tally.amounts.span
        var hard = amounts[availability] * facts.hardWeight[availability]
        hard += amounts[weekly] * facts.hardWeight[weekly]
        hard += amounts[conflict] * facts.hardWeight[conflict]
        return hard
    }

    /// Adds a tally's amounts to the totals.
    private mutating func add(_ tally: borrowing ShareTally) {
        var touched = tally.touched
        while touched != 0 {
            let index = touched.trailingZeroBitCount
            touched &= touched - 1
            bump(index, tally.amounts[index])
        }
    }

    /// Replaces the partner at `position` of a placed session. Only the partner's own share
    /// changes (busy times, conflicts, weekly and season counts, stability), so only that is
    /// recomputed, unless a partner appears twice in the team, where the whole share is.
    mutating func replacePartner(_ session: Int, at position: Int, with partner: Int) {
        let base = facts.teamBase[session]
        let leaving = team[base + position]
        var named = 0
        for other in 0..<teamCount[session] where team[base + other] == leaving || team[base + other] == partner {
            named += 1
        }
        guard isPlaced(session), named == 1 else {
            contribute(session, sign: -1)
            unlink(session)
            team[base + position] = partner
            link(session)
            contribute(session, sign: 1)
            return
        }
        let place = venue[session]
        let slot = start[session]
        let bucket = problem.day(ofSlot: slot)
        let week = facts.week(ofSlot: slot)
        let before = facts.baseline.isEmpty ? nil : facts.baseline[session]
        let wasSame = before.map { $0.venue == place && $0.start == slot && sameMembers($0.partners, session) } ?? false
        var tally = ShareTally()
        partnerShare(
            session, partner: leaving, at: place, from: slot, weekDiscount: 1, loadDiscount: 1, sign: -1, into: &tally)
        partnerDay.unfile(base + position, from: leaving * dayCount + bucket)
        partnerWeek[leaving * facts.weekCount + week] -= 1
        partnerLoad[leaving] -= 1
        team[base + position] = partner
        partnerDay.file(base + position, in: partner * dayCount + bucket)
        partnerWeek[partner * facts.weekCount + week] += 1
        partnerLoad[partner] += 1
        partnerShare(
            session, partner: partner, at: place, from: slot, weekDiscount: 1, loadDiscount: 1, sign: 1, into: &tally)
        let isSame = before.map { $0.venue == place && $0.start == slot && sameMembers($0.partners, session) } ?? false
        // The baseline counts a session as moved unless it is where it was with the same team.
        if wasSame != isSame { tally.add(.stability, wasSame ? 1 : -1) }
        add(tally)
    }

    // MARK: Geometry

    @inline(__always)
    func holdSlots(_ session: Int) -> Range<Int> {
        problem.holdSlots(problem.sessionActivity[session], from: start[session])
    }

    @inline(__always)
    func sessionSlots(_ session: Int) -> Range<Int> {
        start[session]..<start[session] + problem.sessionSlots[problem.sessionActivity[session]]
    }

    @inline(__always)
    func exactEnd(_ session: Int) -> Int {
        problem.minute(ofSlot: start[session]) + problem.durationMinutes[problem.sessionActivity[session]]
    }
}

extension SearchState {
    /// The current assignment as a model schedule.
    func schedule() -> Schedule {
        Schedule(
            sessions: (0..<problem.sessionCount).map { session in
                let placement =
                    isPlaced(session)
                    ? Placement(
                        venue: problem.venueIDs[venue[session]], start: problem.grid.start(of: start[session]),
                        partners: partners(session).map { problem.partnerIDs[$0] }) : nil
                return ScheduledSession(
                    activity: problem.activityIDs[problem.sessionActivity[session]],
                    index: problem.sessionIndex[session],
                    placement: placement)
            })
    }
}

/// Filing without scoring: the moves above score and file; undoing a move that was made in order
/// to be scored (a swap, a Kempe chain, a placement) when the search rejects it only files.
/// Most such moves are rejected, and recomputing every share on the way back cost as much as
/// making the move; instead the totals saved before the move are put back and only the
/// occupancy tables are re-filed.
extension SearchState {
    /// Every total a share changes: the amount per constraint and the weighted sums.
    struct Totals {
        var amounts = InlineArray<24, Int>(repeating: 0)
        var medium = 0
        var hard = 0
        var soft = 0
    }

    /// `mutating` for the reason given at `share`: read from the mutating search, the getter got
    /// a copy of 1.3 KB of the state on every move made.
    var totals: Totals {
        mutating get {
            var saved = Totals()
            for index in amounts.indices { saved.amounts[index] = amounts[index] }
            saved.medium = medium
            saved.hard = hardTotal
            saved.soft = softTotal
            return saved
        }
    }

    /// Puts back totals saved before a move, once the move's placements are undone.
    mutating func restore(_ saved: Totals) {
        for index in amounts.indices { amounts[index] = saved.amounts[index] }
        medium = saved.medium
        hardTotal = saved.hard
        softTotal = saved.soft
    }

    /// Moves a placed session in the occupancy tables, its totals untouched.
    mutating func refile(_ session: Int, venue newVenue: Int, start newStart: Int) {
        unlink(session)
        venue[session] = newVenue
        start[session] = newStart
        link(session)
    }

    /// Takes a placed session out of the occupancy tables, its totals untouched.
    mutating func unfile(_ session: Int) {
        unlink(session)
        venue[session] = -1
        teamCount[session] = 0
    }

    /// Files an unplaced session in the occupancy tables, its totals untouched.
    mutating func file(_ session: Int, venue newVenue: Int, start newStart: Int, partners: [Int]) {
        precondition(!isPlaced(session))
        precondition(partners.count <= facts.teamCapacity[session], "more partners than the session has room for")
        venue[session] = newVenue
        start[session] = newStart
        let base = facts.teamBase[session]
        for (offset, partner) in partners.enumerated() { team[base + offset] = partner }
        teamCount[session] = partners.count
        link(session)
    }

    /// Puts a partner back at `position` of a placed session in the occupancy tables, its totals
    /// untouched.
    mutating func refileTeam(_ session: Int, at position: Int, with partner: Int) {
        unlink(session)
        team[facts.teamBase[session] + position] = partner
        link(session)
    }
}
