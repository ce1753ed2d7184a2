import WutongModel

/// A schedule under local search with every constraint's amount kept up to date: a session is
/// taken out (its share subtracted) and put back elsewhere (its new share added), reading only
/// the occupancy lists it touches. `amounts` always equals what `ScheduleScorer` would compute
/// from scratch (tested after thousands of random moves).
struct SearchState {
    let problem: CompiledProblem
    let facts: SearchFacts
    private(set) var venue: [Int]
    private(set) var start: [Int]
    private(set) var partners: [[Int]]
    /// Units of violation per constraint, indexed like `ConstraintID.allCases`.
    private(set) var amounts: [Int]
    private(set) var medium: Int

    // Occupancy lists, flat: entity × dayCount + day (partner weeks: partner × weekCount + week).
    private let dayCount: Int
    private let weekCount: Int
    private let firstWeek: Int
    private var venueDay: [[Int]]
    private var audienceDay: [[Int]]
    private var partnerDay: [[Int]]
    private var amplifiedDay: [[Int]]
    private var partnerWeek: [Int]
    private var partnerLoad: [Int]
    private var activitySessions: [[Int]]
    private var activityDays: [[Int]]
    private var activityDayCount: [Int]
    private var activityVenues: [[Int: Int]]
    private var poolUse: [[Int]]
    private var gridCount: [Int]
    private var placedCount = 0
    private var circleCount: [Int]

    init(problem: CompiledProblem, facts: SearchFacts) {
        self.problem = problem
        self.facts = facts
        venue = Array(repeating: -1, count: problem.sessionCount)
        start = Array(repeating: 0, count: problem.sessionCount)
        partners = Array(repeating: [], count: problem.sessionCount)
        amounts = Array(repeating: 0, count: ConstraintID.allCases.count)
        medium = (0..<problem.sessionCount).reduce(0) { $0 + facts.priority[problem.sessionActivity[$1]] }
        partnerLoad = Array(repeating: 0, count: problem.partnerCount)
        dayCount = max(1, problem.grid.dayCount)
        firstWeek = facts.week(ofSlot: 0)
        weekCount = facts.week(ofSlot: max(0, problem.slotCount - 1)) - firstWeek + 1
        venueDay = Array(repeating: [], count: problem.venueCount * dayCount)
        audienceDay = Array(repeating: [], count: max(1, problem.season.audiences.count) * dayCount)
        partnerDay = Array(repeating: [], count: problem.partnerCount * dayCount)
        amplifiedDay = Array(repeating: [], count: dayCount)
        partnerWeek = Array(repeating: 0, count: problem.partnerCount * max(1, weekCount))
        circleCount = Array(repeating: 0, count: facts.neighbourhoodCount * max(1, facts.monthCount))
        activitySessions = Array(repeating: [], count: problem.activityCount)
        activityDays = Array(repeating: Array(repeating: 0, count: dayCount), count: problem.activityCount)
        activityDayCount = Array(repeating: 0, count: problem.activityCount)
        activityVenues = Array(repeating: [:], count: problem.activityCount)
        poolUse = Array(repeating: Array(repeating: 0, count: problem.slotCount), count: facts.pools.count)
        gridCount = Array(repeating: 0, count: facts.gridShares.count)
        // Totals that do not start at zero with nothing placed.
        amounts[ConstraintID.seriesMinDays.index] = facts.minDistinctDays.reduce(0) { $0 + ($1 ?? 0) }
        amounts[ConstraintID.gridBalance.index] = gridBalance()
        amounts[ConstraintID.walkingCircle.index] = facts.neighbourhoodCount * facts.monthCount
        amounts[ConstraintID.stability.index] = facts.baseline.filter { $0 != nil }.count
    }

    func isPlaced(_ session: Int) -> Bool {
        venue[session] >= 0
    }

    var score: Score {
        var result = Score(medium: medium)
        for (index, amount) in amounts.enumerated() where amount != 0 {
            let cost = amount * facts.weight[index]
            if facts.isHard[index] { result.hard += cost } else { result.soft += cost }
        }
        return result
    }

    // MARK: Moves

    /// Takes a placed session out, subtracting its share of every constraint.
    mutating func remove(_ session: Int) {
        guard isPlaced(session) else { return }
        contribute(session, sign: -1)
        unlink(session)
        venue[session] = -1
        partners[session] = []
        medium += facts.priority[problem.sessionActivity[session]]
    }

    /// Places an unplaced session, adding its share of every constraint.
    mutating func insert(_ session: Int, venue newVenue: Int, start newStart: Int, partners newPartners: [Int]) {
        precondition(!isPlaced(session))
        venue[session] = newVenue
        start[session] = newStart
        partners[session] = newPartners
        medium -= facts.priority[problem.sessionActivity[session]]
        link(session)
        contribute(session, sign: 1)
    }

    // MARK: Shares

    /// Adds (sign 1, after linking) or subtracts (sign -1, before unlinking) the session's share.
    /// Shares of aggregate constraints are computed as "total with it − total without it".
    private mutating func contribute(_ session: Int, sign: Int) {
        let activity = problem.sessionActivity[session]
        let place = venue[session]
        let slot = start[session]
        let day = problem.day(ofSlot: slot)
        func add(_ id: ConstraintID, _ amount: Int) {
            if amount != 0 { amounts[id.index] += sign * amount }
        }
        // Unary shares.
        add(.venueHours, problem.venueAllowsIgnoringQuiet(activity, venue: place, start: slot) ? 0 : 1)
        add(.venueCapacity, facts.capacityShort[activity * problem.venueCount + place])
        add(.venueEquipment, facts.equipmentMissing[activity * problem.venueCount + place])
        add(.venueEligibility, facts.ineligible[activity * problem.venueCount + place] ? 1 : 0)
        if problem.amplified[activity], facts.residential[place] {
            add(.quietHours, QuietHours.overlap(facts.quiet[place], holdMinutes(session)) ? 1 : 0)
        }
        let begin = problem.minute(ofSlot: slot)
        let end = begin + problem.durationMinutes[activity]
        let audienceWindows = facts.audienceWindows[problem.audience[activity]]
        if !audienceWindows.isEmpty, !Windows.inside(audienceWindows, from: begin, to: end) { add(.audienceWindow, 1) }
        if facts.outsideActivityWindow(activity, from: begin, to: end) { add(.activityWindow, 1) }
        let preferred = facts.preferred[activity]
        if !preferred.isEmpty, !Windows.inside(preferred, from: begin, to: end) { add(.preferredTimes, 1) }
        let own = sessionSlots(session)
        let team = partners[session]
        for (index, partner) in team.enumerated() where !team[..<index].contains(partner) {
            if own.contains(where: { problem.partnerBusy[partner][$0] }) { add(.partnerAvailability, 1) }
        }
        // Pair shares with the sessions placed beside it.
        for other in venueDay[place * dayCount + day]
        where other != session && holdSlots(other).overlaps(holdSlots(session)) {
            add(.venueConflict, 1)
        }
        for other in audienceDay[problem.audience[activity] * dayCount + day]
        where other != session && sessionSlots(other).overlaps(own) {
            add(.audienceConflict, 1)
        }
        if problem.amplified[activity] {
            for other in amplifiedDay[day]
            where other != session && problem.noiseNear[place * problem.venueCount + venue[other]]
                && sessionSlots(other).overlaps(own)
            {
                add(.noiseNeighbours, 1)
            }
        }
        for (index, partner) in partners[session].enumerated() where !partners[session][..<index].contains(partner) {
            for other in partnerDay[partner * dayCount + day]
            where other != session && partnersConflict(session, other) {
                add(.partnerConflict, 1)
            }
        }
        if problem.minGapDays[activity] > 0 {
            for other in activitySessions[activity]
            where other != session && abs(problem.day(ofSlot: start[other]) - day) < problem.minGapDays[activity] {
                add(.seriesSpacing, 1)
            }
        }
        for predecessor in problem.predecessors[activity] {
            for other in activitySessions[predecessor] where exactEnd(other) > begin { add(.precedence, 1) }
        }
        for successor in facts.successors[activity] {
            for other in activitySessions[successor] where exactEnd(session) > problem.minute(ofSlot: start[other]) {
                add(.precedence, 1)
            }
        }
        // Counted shares: the session is linked when sign is 1 and still linked when sign is -1,
        // so "with it" is the current count.
        let week = facts.week(ofSlot: slot)
        for (index, partner) in team.enumerated() where !team[..<index].contains(partner) {
            let count = partnerWeek[partner * weekCount + week - firstWeek]
            if count > problem.weeklyLimit[partner] { add(.partnerWeeklyLimit, 1) }
            if let offered = facts.offered[partner], partnerLoad[partner] > offered { add(.partnerFairness, 1) }
        }
        for pool in facts.poolsUsed(activity, venue: place) {
            for slot in holdSlots(session) where poolUse[pool][slot] > facts.pools[pool].count {
                add(.equipmentPool, 1)
            }
        }
        if let minimum = facts.minDistinctDays[activity], minimum > 0 {
            // Without this session the day is gone if it was its only session.
            let days = activityDayCount[activity]
            let daysWithout = activityDays[activity][day] == 1 ? days - 1 : days
            add(.seriesMinDays, max(0, minimum - days) - max(0, minimum - daysWithout))
        }
        let venues = activityVenues[activity].count
        let venuesWithout = activityVenues[activity][place] == 1 ? venues - 1 : venues
        add(.seriesSameVenue, max(0, venues - 1) - max(0, venuesWithout - 1))
        add(.audienceCompactness, compactnessShare(session))
        if !facts.baseline.isEmpty, let before = facts.baseline[session] {
            let same = before.venue == place && before.start == slot && Set(before.partners) == Set(partners[session])
            // The baseline counts as moved while unplaced; placing it back where it was repairs that.
            add(.stability, same ? -1 : 0)
        }
    }

    /// Isolated sessions of the session's audience and day with it, minus without it: the session
    /// itself if it is isolated, less each neighbour that only it keeps company.
    private func compactnessShare(_ session: Int) -> Int {
        let activity = problem.sessionActivity[session]
        let group = audienceDay[problem.audience[activity] * dayCount + problem.day(ofSlot: start[session])]
        func adjacent(_ first: Int, _ second: Int) -> Bool {
            let a = sessionSlots(first)
            let b = sessionSlots(second)
            return a.upperBound == b.lowerBound || b.upperBound == a.lowerBound
        }
        var isolatedItself = true
        var orphaned = 0
        for other in group where other != session && adjacent(session, other) {
            isolatedItself = false
            if !group.contains(where: { $0 != session && $0 != other && adjacent($0, other) }) { orphaned += 1 }
        }
        return (isolatedItself ? 1 : 0) - orphaned
    }

    private func partnersConflict(_ first: Int, _ second: Int) -> Bool {
        if sessionSlots(first).overlaps(sessionSlots(second)) { return true }
        guard venue[first] != venue[second] else { return false }
        let walk = problem.walkMinutes[venue[first] * problem.venueCount + venue[second]]
        let (early, late) = start[first] <= start[second] ? (first, second) : (second, first)
        return problem.minute(ofSlot: start[late]) - exactEnd(early) < walk
    }

    // MARK: Occupancy lists

    private mutating func link(_ session: Int) {
        let activity = problem.sessionActivity[session]
        let place = venue[session]
        let day = problem.day(ofSlot: start[session])
        venueDay[place * dayCount + day].append(session)
        audienceDay[problem.audience[activity] * dayCount + day].append(session)
        if problem.amplified[activity] { amplifiedDay[day].append(session) }
        let week = facts.week(ofSlot: start[session]) - firstWeek
        for (index, partner) in partners[session].enumerated() where !partners[session][..<index].contains(partner) {
            partnerDay[partner * dayCount + day].append(session)
            partnerWeek[partner * weekCount + week] += 1
            partnerLoad[partner] += 1
        }
        activitySessions[activity].append(session)
        if activityDays[activity][day] == 0 { activityDayCount[activity] += 1 }
        activityDays[activity][day] += 1
        activityVenues[activity][place, default: 0] += 1
        for pool in facts.poolsUsed(activity, venue: place) {
            for slot in holdSlots(session) { poolUse[pool][slot] += 1 }
        }
        let balanceBefore = gridBalance()
        placedCount += 1
        if facts.venueGrid[place] >= 0 { gridCount[facts.venueGrid[place]] += 1 }
        amounts[ConstraintID.gridBalance.index] += gridBalance() - balanceBefore
        let month = facts.month(ofSlot: start[session])
        for neighbourhood in facts.nearNeighbourhoods[place] {
            let key = neighbourhood * facts.monthCount + month
            if circleCount[key] == 0 { amounts[ConstraintID.walkingCircle.index] -= 1 }
            circleCount[key] += 1
        }
    }

    private mutating func unlink(_ session: Int) {
        let activity = problem.sessionActivity[session]
        let place = venue[session]
        let day = problem.day(ofSlot: start[session])
        Self.removeFirst(session, from: &venueDay[place * dayCount + day])
        Self.removeFirst(session, from: &audienceDay[problem.audience[activity] * dayCount + day])
        if problem.amplified[activity] { Self.removeFirst(session, from: &amplifiedDay[day]) }
        let week = facts.week(ofSlot: start[session]) - firstWeek
        for (index, partner) in partners[session].enumerated() where !partners[session][..<index].contains(partner) {
            Self.removeFirst(session, from: &partnerDay[partner * dayCount + day])
            partnerWeek[partner * weekCount + week] -= 1
            partnerLoad[partner] -= 1
        }
        Self.removeFirst(session, from: &activitySessions[activity])
        activityDays[activity][day] -= 1
        if activityDays[activity][day] == 0 { activityDayCount[activity] -= 1 }
        activityVenues[activity][place, default: 0] -= 1
        if activityVenues[activity][place] == 0 { activityVenues[activity][place] = nil }
        for pool in facts.poolsUsed(activity, venue: place) {
            for slot in holdSlots(session) { poolUse[pool][slot] -= 1 }
        }
        let balanceBefore = gridBalance()
        placedCount -= 1
        if facts.venueGrid[place] >= 0 { gridCount[facts.venueGrid[place]] -= 1 }
        amounts[ConstraintID.gridBalance.index] += gridBalance() - balanceBefore
        let month = facts.month(ofSlot: start[session])
        for neighbourhood in facts.nearNeighbourhoods[place] {
            let key = neighbourhood * facts.monthCount + month
            circleCount[key] -= 1
            if circleCount[key] == 0 { amounts[ConstraintID.walkingCircle.index] += 1 }
        }
    }

    /// Order within an occupancy list does not matter: swap the last element into the hole.
    private static func removeFirst(_ session: Int, from list: inout [Int]) {
        if let index = list.firstIndex(of: session) {
            list.swapAt(index, list.count - 1)
            list.removeLast()
        }
    }

    private func gridBalance() -> Int {
        facts.gridShares.enumerated().reduce(0) { total, entry in
            guard let share = entry.element else { return total }
            return total + abs(gridCount[entry.offset] - (placedCount * share + 50) / 100)
        }
    }

    // MARK: Geometry

    func holdSlots(_ session: Int) -> Range<Int> {
        let activity = problem.sessionActivity[session]
        return start[session] - problem.setupSlots[activity]..<start[session] + problem.afterStartSlots[activity]
    }

    func sessionSlots(_ session: Int) -> Range<Int> {
        start[session]..<start[session] + problem.sessionSlots[problem.sessionActivity[session]]
    }

    func holdMinutes(_ session: Int) -> Range<Int> {
        let slots = holdSlots(session)
        return problem.minute(ofSlot: slots.lowerBound)..<problem.minute(ofSlot: slots.lowerBound) + slots.count
            * problem.grid.slotMinutes
    }

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
                        partners: partners[session].map { problem.partnerIDs[$0] }) : nil
                return ScheduledSession(
                    activity: problem.activityIDs[problem.sessionActivity[session]],
                    index: problem.sessionIndex[session],
                    placement: placement)
            })
    }
}
