import WutongModel

/// Filing a placed session in the occupancy tables the shares read, and taking it out again.
extension SearchState {
    /// Whether the partner at `position` is the first occurrence of that partner in the team; a
    /// partner named twice counts once.
    @inline(__always)
    func isFirstOccurrence(_ session: Int, _ position: Int) -> Bool {
        let base = facts.teamBase[session]
        let partner = team[base + position]
        var earlier = 0
        while earlier < position {
            if team[base + earlier] == partner { return false }
            earlier += 1
        }
        return true
    }

    mutating func link(_ session: Int) {
        let activity = problem.sessionActivity[session]
        let place = venue[session]
        let day = problem.day(ofSlot: start[session])
        venueDay.file(session, in: place * dayCount + day)
        var membership = facts.membershipBase[session]
        for index in problem.audienceStart[activity]..<problem.audienceStart[activity + 1] {
            audienceDay.file(membership, in: problem.audienceList[index] * dayCount + day)
            membership += 1
        }
        if problem.amplified[activity] { amplifiedVenueDay.file(session, in: place * dayCount + day) }
        let week = facts.week(ofSlot: start[session])
        let base = facts.teamBase[session]
        for position in 0..<teamCount[session] where isFirstOccurrence(session, position) {
            let partner = team[base + position]
            partnerDay.file(base + position, in: partner * dayCount + day)
            partnerWeek[partner * facts.weekCount + week] += 1
            partnerLoad[partner] += 1
        }
        if facts.countsDays[activity], placedSessions(of: activity, onDay: day, besides: session) == 0 {
            activityDayCount[activity] += 1
        }
        if placedSessions(of: activity, atVenue: place, besides: session) == 0 { activityVenueCount[activity] += 1 }
        for pool in facts.poolsUsed(activity, venue: place) {
            for slot in clampedHold(session) { poolUse[pool * problem.slotCount + slot] += 1 }
        }
        placedCount += 1
        if facts.venueGrid[place] >= 0 { gridCount[facts.venueGrid[place]] += 1 }
        let month = facts.month(ofSlot: start[session])
        for neighbourhood in facts.nearNeighbourhoods[place] {
            circleCount[neighbourhood * facts.monthCount + month] += 1
        }
    }

    mutating func unlink(_ session: Int) {
        let activity = problem.sessionActivity[session]
        let place = venue[session]
        let day = problem.day(ofSlot: start[session])
        venueDay.unfile(session, from: place * dayCount + day)
        var membership = facts.membershipBase[session]
        for index in problem.audienceStart[activity]..<problem.audienceStart[activity + 1] {
            audienceDay.unfile(membership, from: problem.audienceList[index] * dayCount + day)
            membership += 1
        }
        if problem.amplified[activity] { amplifiedVenueDay.unfile(session, from: place * dayCount + day) }
        let week = facts.week(ofSlot: start[session])
        let base = facts.teamBase[session]
        for position in 0..<teamCount[session] where isFirstOccurrence(session, position) {
            let partner = team[base + position]
            partnerDay.unfile(base + position, from: partner * dayCount + day)
            partnerWeek[partner * facts.weekCount + week] -= 1
            partnerLoad[partner] -= 1
        }
        if facts.countsDays[activity], placedSessions(of: activity, onDay: day, besides: session) == 0 {
            activityDayCount[activity] -= 1
        }
        if placedSessions(of: activity, atVenue: place, besides: session) == 0 { activityVenueCount[activity] -= 1 }
        for pool in facts.poolsUsed(activity, venue: place) {
            for slot in clampedHold(session) { poolUse[pool * problem.slotCount + slot] -= 1 }
        }
        placedCount -= 1
        if facts.venueGrid[place] >= 0 { gridCount[facts.venueGrid[place]] -= 1 }
        let month = facts.month(ofSlot: start[session])
        for neighbourhood in facts.nearNeighbourhoods[place] {
            circleCount[neighbourhood * facts.monthCount + month] -= 1
        }
    }

    /// Placed sessions of `activity` at `place`, leaving out `session` (-1 leaves out none).
    /// Counted over the activity's own sessions, which lie side by side in every per-session
    /// table, rather than kept per (activity, venue): in a season of thousands of activities
    /// such a table is far larger than the cache, and reading it cost a miss on every move.
    @inline(__always)
    func placedSessions(of activity: Int, atVenue place: Int, besides session: Int) -> Int {
        placedSessions(of: activity, atVenue: place, andVenue: -1, besides: session).first
    }

    /// The same for two venues in one pass; `second` counts nothing when it is -1.
    @inline(__always)
    func placedSessions(of activity: Int, atVenue first: Int, andVenue second: Int, besides session: Int) -> (
        first: Int, second: Int
    ) {
        var atFirst = 0
        var atSecond = 0
        for sibling in problem.sessions(of: activity)
        where sibling != session {
            let at = venue[sibling]
            if at == first { atFirst += 1 }
            if at == second, second >= 0 { atSecond += 1 }
        }
        return (atFirst, atSecond)
    }

    /// Placed sessions of `activity` on `day`, leaving out `session` (-1 leaves out none).
    @inline(__always)
    func placedSessions(of activity: Int, onDay day: Int, besides session: Int) -> Int {
        var count = 0
        for sibling in problem.sessions(of: activity)
        where sibling != session && isPlaced(sibling) && problem.day(ofSlot: start[sibling]) == day {
            count += 1
        }
        return count
    }

    /// The hold's slots that exist in the season (a pin may reach before its first slot).
    @inline(__always)
    func clampedHold(_ session: Int) -> Range<Int> {
        clamped(holdSlots(session))
    }

    /// The slots at which `session`, where it is placed, draws a unit of `pool`: its hold there,
    /// or none (also for no session, -1).
    @inline(__always)
    func poolDraw(_ session: Int, pool: Int) -> Range<Int> {
        guard session >= 0, isPlaced(session),
            facts.poolsUsed(problem.sessionActivity[session], venue: venue[session]).contains(pool)
        else { return 0..<0 }
        return clampedHold(session)
    }

    @inline(__always)
    func clamped(_ slots: Range<Int>) -> Range<Int> {
        let first = max(0, slots.lowerBound)
        return first..<max(first, min(problem.slotCount, slots.upperBound))
    }

    @inline(__always)
    func gridBalance() -> Int {
        var total = 0
        for (index, share) in facts.gridShares.enumerated() {
            guard let share else { continue }
            total += abs(gridCount[index] - (placedCount * share + 50) / 100)
        }
        return total
    }
}
