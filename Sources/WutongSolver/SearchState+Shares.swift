import WutongModel

/// A session's share of every constraint: what the totals would gain if the session were placed
/// at a venue and start, compared with the same schedule without it. The session's own current
/// placement, if any, is left out of every list and count, so the same function gives the share
/// to add when placing, the share to subtract when removing, and, by difference, the cost of a
/// move before making it.
extension SearchState {
    /// Adds `sign` × the share of `session` at `place` from `slot`, with its current partners;
    /// of the parts that depend on the venue alone or on the start alone, only those in `parts`.
    /// Changes nothing: it is `mutating` only because borrowing the state from a mutating caller
    /// otherwise makes the compiler copy the whole state (every array retained and released) on
    /// each call, which tripled the cost of a move.
    mutating func share(
        _ session: Int, venue place: Int, start slot: Int, sign: Int, parts: ShareParts = .all,
        into tally: inout ShareTally
    ) {
        let activity = problem.sessionActivity[session]
        let day = problem.day(ofSlot: slot)
        let linked = isPlaced(session)
        let oldVenue = venue[session]
        let oldStart = start[session]
        let oldDay = linked ? problem.day(ofSlot: oldStart) : -1
        let own = slot..<slot + problem.sessionSlots[activity]
        let hold = problem.holdSlots(activity, from: slot)
        let begin = problem.minute(ofSlot: slot)
        let end = begin + problem.durationMinutes[activity]

        // Unary shares.
        if !problem.venueAllowsIgnoringQuiet(activity, venue: place, start: slot) { tally.add(.venueHours, sign) }
        if parts.contains(.venueOnly) {
            let short = facts.capacityShort(activity, venue: place)
            if short != 0 { tally.add(.venueCapacity, sign * short) }
            let fit = facts.fit(activity, venue: place)
            if fit.equipmentMissing != 0 { tally.add(.venueEquipment, sign * Int(fit.equipmentMissing)) }
            if fit.ineligible { tally.add(.venueEligibility, sign) }
        }
        if problem.amplified[activity], facts.residential[place], quietOverlap(venue: place, hold: hold) {
            tally.add(.quietHours, sign)
        }
        // The table is read here rather than through `timeFlags`: calling a read-only method from
        // this mutating one made the compiler copy the 1.3 KB of `facts` on every share.
        let flags =
            !parts.contains(.startOnly)
            ? 0
            : slot >= 0 && slot < problem.slotCount
                ? facts.timeFlags[activity, slot]
                : timeFlagsOutsideTheSeason(activity, slot)
        if flags != 0 {
            if flags & TimeFlags.audienceWindow != 0 { tally.add(.audienceWindow, sign) }
            if flags & TimeFlags.activityWindow != 0 { tally.add(.activityWindow, sign) }
            if flags & TimeFlags.preferredTimes != 0 { tally.add(.preferredTimes, sign) }
        }

        // Pair shares with the other sessions placed beside it.
        var other = venueDay.head[place * dayCount + day]
        while other >= 0 {
            if other != session, holdSlots(other).overlaps(hold) { tally.add(.venueConflict, sign) }
            other = venueDay.next[other]
        }
        let audiences =
            parts.contains(.startOnly) ? problem.audienceStart[activity]..<problem.audienceStart[activity + 1] : 0..<0
        for index in audiences {
            var node = audienceDay.head[problem.audienceList[index] * dayCount + day]
            while node >= 0 {
                let other = facts.membershipSession[node]
                if other != session, sessionSlots(other).overlaps(own) { tally.add(.audienceConflict, sign) }
                node = audienceDay.next[node]
            }
        }
        if problem.amplified[activity] {
            for index in problem.noiseNearStart[place]..<problem.noiseNearStart[place + 1] {
                other = amplifiedVenueDay.head[problem.noiseNearVenues[index] * dayCount + day]
                while other >= 0 {
                    if other != session, sessionSlots(other).overlaps(own) { tally.add(.noiseNeighbours, sign) }
                    other = amplifiedVenueDay.next[other]
                }
            }
        }
        let gap = parts.contains(.startOnly) ? problem.minGapDays[activity] : 0
        if gap > 0 {
            for sibling in problem.sessions(of: activity)
            where sibling != session && isPlaced(sibling) && abs(problem.day(ofSlot: start[sibling]) - day) < gap {
                tally.add(.seriesSpacing, sign)
            }
        }
        if parts.contains(.startOnly) {
            for predecessor in problem.predecessors[activity] {
                for earlier in problem.activityFirstSession[predecessor]..<problem.activityFirstSession[predecessor + 1]
                where isPlaced(earlier) && exactEnd(earlier) > begin {
                    tally.add(.precedence, sign)
                }
            }
            for successor in facts.successors[activity] {
                for later in problem.activityFirstSession[successor]..<problem.activityFirstSession[successor + 1]
                where isPlaced(later) && end > problem.minute(ofSlot: start[later]) {
                    tally.add(.precedence, sign)
                }
            }
        }

        // Per partner: availability, conflicts with the partner's other sessions that day, and
        // the weekly and season counts with the session (its current placement discounted).
        let base = facts.teamBase[session]
        let week = facts.week(ofSlot: slot)
        let sameWeek = linked && facts.week(ofSlot: oldStart) == week
        for position in 0..<teamCount[session] where isFirstOccurrence(session, position) {
            partnerShare(
                session, partner: team[base + position], at: place, from: slot, weekDiscount: sameWeek ? 1 : 0,
                loadDiscount: linked ? 1 : 0, sign: sign, parts: parts, into: &tally)
        }

        // Equipment pools: units in use per slot of the hold, with the session.
        let pools = facts.poolRange(activity, venue: place)
        if !pools.isEmpty {
            let inSeason = clamped(hold)
            let oldHold = linked ? clampedHold(session) : 0..<0
            let oldPools = linked ? facts.poolRange(activity, venue: oldVenue) : 0..<0
            for index in pools {
                let pool = facts.poolList[index]
                let alsoBefore = oldPools.contains { facts.poolList[$0] == pool }
                for used in inSeason {
                    let mine = alsoBefore && oldHold.contains(used) ? 1 : 0
                    if poolUse[pool * problem.slotCount + used] - mine + 1 > facts.pools[pool].count {
                        tally.add(.equipmentPool, sign)
                    }
                }
            }
        }

        // Series: distinct days and venues with the session, against without it.
        if parts.contains(.startOnly), case let minimum = facts.minDistinctDays[activity], minimum > 0 {
            let daysWithout =
                activityDayCount[activity]
                - (linked && placedSessions(of: activity, onDay: oldDay, besides: session) == 0 ? 1 : 0)
            let thatDayWithout = placedSessions(of: activity, onDay: day, besides: session)
            let daysWith = daysWithout + (thatDayWithout == 0 ? 1 : 0)
            let share = max(0, minimum - daysWith) - max(0, minimum - daysWithout)
            if share != 0 { tally.add(.seriesMinDays, sign * share) }
        }
        if parts.contains(.venueOnly) {
            let (thereWithout, othersAtOld) = placedSessions(
                of: activity, atVenue: place, andVenue: oldVenue, besides: session)
            let venuesWithout = activityVenueCount[activity] - (linked && othersAtOld == 0 ? 1 : 0)
            let venuesWith = venuesWithout + (thereWithout == 0 ? 1 : 0)
            let venueShare = max(0, venuesWith - 1) - max(0, venuesWithout - 1)
            if venueShare != 0 { tally.add(.seriesSameVenue, sign * venueShare) }
        }
        var compactness = 0
        for index in audiences {
            compactness += compactnessShare(session, own: own, bucket: problem.audienceList[index] * dayCount + day)
        }
        if compactness != 0 { tally.add(.audienceCompactness, sign * compactness) }

        // Season-wide balances.
        if facts.hasGridShares, parts.contains(.venueOnly) {
            let share = gridBalanceShare(place: place, discounting: linked ? oldVenue : -1)
            if share != 0 { tally.add(.gridBalance, sign * share) }
        }
        let month = facts.month(ofSlot: slot)
        let oldMonth = linked ? facts.month(ofSlot: oldStart) : -1
        for neighbourhood in facts.nearNeighbourhoods[place] {
            let key = neighbourhood * facts.monthCount + month
            let mine = linked && oldMonth == month && facts.nearNeighbourhoods[oldVenue].contains(neighbourhood) ? 1 : 0
            // With the session this neighbourhood has something that month; without, maybe not.
            if circleCount[key] - mine == 0 { tally.add(.walkingCircle, -sign) }
        }
        if !facts.baseline.isEmpty, let before = facts.baseline[session], before.venue == place,
            before.start == slot, sameMembers(before.partners, session)
        {
            // The baseline counts as moved while unplaced; placing it back where it was repairs that.
            tally.add(.stability, -sign)
        }
    }

    /// What one partner adds by taking part in the session at `place` from `slot`: being busy,
    /// conflicts with the partner's other sessions that day, and the weekly and season counts.
    /// The discounts remove the session's own current count from the week and the season. The
    /// busy times and the weekly count depend on the start alone; the season count on neither
    /// venue nor start (`.placementFree`), so a relocation leaves it out.
    @inline(__always)
    mutating func partnerShare(
        _ session: Int, partner: Int, at place: Int, from slot: Int, weekDiscount: Int, loadDiscount: Int,
        sign: Int, parts: ShareParts = .all, into tally: inout ShareTally
    ) {
        let activity = problem.sessionActivity[session]
        let own = slot..<slot + problem.sessionSlots[activity]
        let begin = problem.minute(ofSlot: slot)
        let end = begin + problem.durationMinutes[activity]
        let timed = parts.contains(.startOnly)
        if timed, problem.partnerBusy(partner, during: own) { tally.add(.partnerAvailability, sign) }
        var node = partnerDay.head[partner * dayCount + problem.day(ofSlot: slot)]
        while node >= 0 {
            let colleague = facts.nodeSession[node]
            if colleague != session, conflict(at: place, from: begin, to: end, own: own, with: colleague) {
                tally.add(.partnerConflict, sign)
            }
            node = partnerDay.next[node]
        }
        if timed,
            partnerWeek[partner * facts.weekCount + facts.week(ofSlot: slot)] - weekDiscount + 1
                > problem.weeklyLimit[partner]
        {
            tally.add(.partnerWeeklyLimit, sign)
        }
        if parts.contains(.placementFree), let offered = facts.offered[partner],
            partnerLoad[partner] - loadDiscount + 1 > offered
        {
            tally.add(.partnerFairness, sign)
        }
    }

    /// The time-only flags of a start, read from the table inside the season.
    @inline(__always)
    func timeFlags(_ activity: Int, _ slot: Int) -> UInt8 {
        guard slot >= 0, slot < problem.slotCount else { return timeFlagsOutsideTheSeason(activity, slot) }
        return facts.timeFlags[activity, slot]
    }

    /// Kept out of line: inlined, its copy of the problem was made on every call, inside the
    /// season too.
    @inline(never)
    func timeFlagsOutsideTheSeason(_ activity: Int, _ slot: Int) -> UInt8 {
        TimeFlags.Checks(problem: problem, activity: activity).flags(startMinute: problem.minute(ofSlot: slot))
    }

    /// Whether a hold at `place` overlaps its quiet hours.
    @inline(__always)
    func quietOverlap(venue place: Int, hold: Range<Int>) -> Bool {
        let perDay = problem.slotsPerDay
        if hold.lowerBound >= 0, hold.upperBound <= problem.slotCount, !hold.isEmpty,
            hold.lowerBound / perDay == (hold.upperBound - 1) / perDay
        {
            return problem.quietOverlap(venue: place, slots: hold)
        }
        let first = problem.minute(ofSlot: hold.lowerBound)
        return QuietHours.overlap(facts.quiet[place], first..<first + hold.count * problem.slotMinutes)
    }

    /// Whether `partners` and the session's team name the same partners, as sets.
    @inline(__always)
    func sameMembers(_ partners: [Int], _ session: Int) -> Bool {
        Self.sameMembers(partners, team[facts.teamBase[session]..<facts.teamBase[session] + teamCount[session]])
    }

    /// Whether two teams name the same partners, as sets.
    @inline(__always)
    static func sameMembers(_ partners: [Int], _ members: some Collection<Int>) -> Bool {
        partners.allSatisfy { members.contains($0) } && members.allSatisfy { partners.contains($0) }
    }

    /// Isolated sessions of the audience's day with the session at `own`, minus without it: the
    /// session itself if it is isolated, less each neighbour that only it keeps company.
    @inline(__always)
    func compactnessShare(_ session: Int, own: Range<Int>, bucket: Int) -> Int {
        var isolatedItself = true
        var orphaned = 0
        var node = audienceDay.head[bucket]
        while node >= 0 {
            let other = facts.membershipSession[node]
            let slots = sessionSlots(other)
            if other != session, own.upperBound == slots.lowerBound || slots.upperBound == own.lowerBound {
                isolatedItself = false
                var company = false
                var thirdNode = audienceDay.head[bucket]
                while thirdNode >= 0, !company {
                    let third = facts.membershipSession[thirdNode]
                    if third != session, third != other {
                        let near = sessionSlots(third)
                        company = near.upperBound == slots.lowerBound || slots.upperBound == near.lowerBound
                    }
                    thirdNode = audienceDay.next[thirdNode]
                }
                if !company { orphaned += 1 }
            }
            node = audienceDay.next[node]
        }
        return (isolatedItself ? 1 : 0) - orphaned
    }

    /// Whether a partner could not be both at `place` from `begin` to `end` and at `other`:
    /// the sessions overlap, or the walk between the venues does not fit between them.
    @inline(__always)
    func conflict(at place: Int, from begin: Int, to end: Int, own: Range<Int>, with other: Int) -> Bool {
        if sessionSlots(other).overlaps(own) { return true }
        let there = venue[other]
        guard there != place else { return false }
        let walk = Int(problem.walkMinutes[place * problem.venueCount + there])
        let otherBegin = problem.minute(ofSlot: start[other])
        return otherBegin >= begin ? otherBegin - end < walk : begin - exactEnd(other) < walk
    }

    /// Grid balance with a session at `place` minus without it; `discounting` is the venue the
    /// session occupies now (-1 if none), left out of both.
    @inline(__always)
    func gridBalanceShare(place: Int, discounting oldVenue: Int) -> Int {
        let placedWithout = placedCount - (oldVenue >= 0 ? 1 : 0)
        let oldGrid = oldVenue >= 0 ? facts.venueGrid[oldVenue] : -1
        let newGrid = facts.venueGrid[place]
        var with = 0
        var without = 0
        for (grid, share) in facts.gridShares.enumerated() {
            guard let share else { continue }
            let countWithout = gridCount[grid] - (grid == oldGrid ? 1 : 0)
            without += abs(countWithout - (placedWithout * share + 50) / 100)
            with += abs(countWithout + (grid == newGrid ? 1 : 0) - ((placedWithout + 1) * share + 50) / 100)
        }
        return with - without
    }
}
