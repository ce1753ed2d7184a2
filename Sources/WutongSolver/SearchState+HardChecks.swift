import WutongModel

/// Questions about one placement: would this venue and start, or this partner, break a hard
/// constraint given the sessions already placed? The construction asks them about sessions not
/// placed yet; the local search about moves it can then reject without scoring them. They
/// change nothing and are `mutating` for the reason given at `share`: asked from the mutating
/// search, a read-only method got a copy of 1.3 KB of the state on every call.
extension SearchState {
    /// The first hard constraint that placing `session` at `venue` from `start` would break,
    /// partners aside; nil if none. The session's own current placement is not in its way.
    /// Neither is `leaving`'s, a session that moves elsewhere in the same move (a swap's other
    /// half): wherever it goes, a constraint broken without it is broken with it too.
    ///
    /// `known` carries the checks that do not depend on the venue, made once for this start by
    /// a caller that asks at every venue (explaining an unplaced session); the search passes
    /// nil, which the inlining folds away.
    @inline(__always)
    mutating func firstHardFailure(
        _ session: Int, venue place: Int, start slot: Int, leaving: Int = -1, knowing known: StartChecks? = nil
    ) -> ConstraintID? {
        assert(known == nil || leaving == -1, "start checks are made with nothing leaving")
        let activity = problem.sessionActivity[session]
        if !problem.venueAllows(activity, venue: place, start: slot) {
            return facts.isHard[ConstraintID.venueHours.index] ? .venueHours : .quietHours
        }
        let day = problem.day(ofSlot: slot)
        let hold = problem.holdSlots(activity, from: slot)
        let own = slot..<slot + problem.sessionSlots[activity]
        if facts.isHard[ConstraintID.venueConflict.index],
            !venueIsFree(place, day: day, during: hold, besides: session, and: leaving)
        {
            return .venueConflict
        }
        if known?.audienceClash ?? audienceClash(session, activity: activity, day: day, during: own, leaving: leaving) {
            return .audienceConflict
        }
        if facts.isHard[ConstraintID.noiseNeighbours.index], problem.amplified[activity] {
            for index in problem.noiseNearStart[place]..<problem.noiseNearStart[place + 1] {
                var other = amplifiedVenueDay.head[problem.noiseNearVenues[index] * dayCount + day]
                while other >= 0 {
                    if other != session, other != leaving, sessionSlots(other).overlaps(own) { return .noiseNeighbours }
                    other = amplifiedVenueDay.next[other]
                }
            }
        }
        if let failure = known.map(\.series)
            ?? seriesFailure(session, activity: activity, day: day, start: slot, leaving: leaving)
        {
            return failure
        }
        if facts.isHard[ConstraintID.equipmentPool.index] {
            let inSeason = clamped(hold)
            for pool in facts.poolsUsed(activity, venue: place) {
                let own = poolDraw(session, pool: pool)
                let others = poolDraw(leaving, pool: pool)
                for used in inSeason {
                    let drawn = poolUse[pool * problem.slotCount + used]
                    if drawn - (own.contains(used) ? 1 : 0) - (others.contains(used) ? 1 : 0) >= facts.pools[pool].count
                    {
                        return .equipmentPool
                    }
                }
            }
        }
        return nil
    }

    /// Whether the session would share the time of another session of one of its audience
    /// groups (`audience-conflict`, where it is hard), whatever its venue. (`mutating` for the
    /// reason given at `seriesFailure`.)
    @inline(__always)
    mutating func audienceClash(_ session: Int, activity: Int, day: Int, during own: Range<Int>, leaving: Int) -> Bool {
        guard facts.isHard[ConstraintID.audienceConflict.index] else { return false }
        for index in problem.audienceStart[activity]..<problem.audienceStart[activity + 1] {
            var node = audienceDay.head[problem.audienceList[index] * dayCount + day]
            while node >= 0 {
                let other = facts.membershipSession[node]
                if other != session, other != leaving, sessionSlots(other).overlaps(own) { return true }
                node = audienceDay.next[node]
            }
        }
        return false
    }

    /// The hard series constraint the session would break starting at `slot` (spacing from
    /// its siblings, precedence), whatever its venue; nil if none. Changes nothing: `mutating`
    /// only because the compiler, not inlining it, copied the whole state (1,400 bytes) to
    /// borrow it from the mutating `firstHardFailure`, on every screened move.
    @inline(__always)
    mutating func seriesFailure(_ session: Int, activity: Int, day: Int, start slot: Int, leaving: Int) -> ConstraintID?
    {
        let siblings = problem.sessions(of: activity)
        let gap = problem.minGapDays[activity]
        if facts.isHard[ConstraintID.seriesSpacing.index], gap > 0,
            siblings.contains(where: {
                $0 != session && $0 != leaving && isPlaced($0) && abs(problem.day(ofSlot: start[$0]) - day) < gap
            })
        {
            return .seriesSpacing
        }
        if facts.isHard[ConstraintID.precedence.index] {
            let begin = problem.minute(ofSlot: slot)
            for predecessor in problem.predecessors[activity] {
                let earlier = problem.activityFirstSession[predecessor]..<problem.activityFirstSession[predecessor + 1]
                if earlier.contains(where: { $0 != leaving && isPlaced($0) && exactEnd($0) > begin }) {
                    return .precedence
                }
            }
            let end = begin + problem.durationMinutes[activity]
            for successor in facts.successors[activity] {
                let later = problem.activityFirstSession[successor]..<problem.activityFirstSession[successor + 1]
                if later.contains(where: { $0 != leaving && isPlaced($0) && problem.minute(ofSlot: start[$0]) < end }) {
                    return .precedence
                }
            }
        }
        return nil
    }

    /// What `firstHardFailure` checks whatever the venue, for one start.
    struct StartChecks {
        /// Whether another session of one of its audience groups overlaps it (`audience-conflict`, where hard).
        var audienceClash: Bool
        /// The series or precedence constraint the start breaks, if any.
        var series: ConstraintID?
    }

    /// The checks of `firstHardFailure` that do not depend on the venue, made once for a start.
    mutating func startChecks(_ session: Int, start slot: Int) -> StartChecks {
        let activity = problem.sessionActivity[session]
        let day = problem.day(ofSlot: slot)
        let own = slot..<slot + problem.sessionSlots[activity]
        return StartChecks(
            audienceClash: audienceClash(session, activity: activity, day: day, during: own, leaving: -1),
            series: seriesFailure(session, activity: activity, day: day, start: slot, leaving: -1))
    }

    /// Whether the session breaks a hard constraint by starting at `slot` at any venue at all
    /// (an audience conflict, series spacing, precedence): the construction asks once per start
    /// instead of once per venue, since a start taken by the session's audience fails at every
    /// one of thousands of venues.
    mutating func startBreaksHardAtEveryVenue(_ session: Int, start slot: Int) -> Bool {
        let activity = problem.sessionActivity[session]
        let day = problem.day(ofSlot: slot)
        let own = slot..<slot + problem.sessionSlots[activity]
        return audienceClash(session, activity: activity, day: day, during: own, leaving: -1)
            || seriesFailure(session, activity: activity, day: day, start: slot, leaving: -1) != nil
    }

    /// The first hard constraint `partner` would break by joining the session at `venue` from
    /// `start`, or by staying with it when it moves there; nil if none.
    @inline(__always)
    mutating func partnerFailure(_ partner: Int, session: Int, venue place: Int, start slot: Int) -> ConstraintID? {
        let activity = problem.sessionActivity[session]
        let own = slot..<slot + problem.sessionSlots[activity]
        if let failure = partnerTimeFailure(partner, session: session, start: slot, during: own) { return failure }
        if facts.isHard[ConstraintID.partnerConflict.index] {
            let begin = problem.minute(ofSlot: slot)
            let end = begin + problem.durationMinutes[activity]
            var node = partnerDay.head[partner * dayCount + problem.day(ofSlot: slot)]
            while node >= 0 {
                let other = facts.nodeSession[node]
                node = partnerDay.next[node]
                if other != session, conflict(at: place, from: begin, to: end, own: own, with: other) {
                    return .partnerConflict
                }
            }
        }
        return nil
    }

    /// `partnerFailure`'s checks that do not look at the venue, in its order: the partner is busy,
    /// or at its weekly limit.
    @inline(__always)
    mutating func partnerTimeFailure(_ partner: Int, session: Int, start slot: Int, during own: Range<Int>)
        -> ConstraintID?
    {
        if facts.isHard[ConstraintID.partnerAvailability.index], problem.partnerBusy(partner, during: own) {
            return .partnerAvailability
        }
        if facts.isHard[ConstraintID.partnerWeeklyLimit.index] {
            let week = facts.week(ofSlot: slot)
            // A partner staying with a session that moves within the week is counted there already.
            let counted =
                isPlaced(session) && facts.week(ofSlot: start[session]) == week && hasPartner(session, partner)
            if partnerWeek[partner * facts.weekCount + week] - (counted ? 1 : 0) >= problem.weeklyLimit[partner] {
                return .partnerWeeklyLimit
            }
        }
        return nil
    }

    /// What `partnerFailure` answers for `partner` at every venue alike: it is busy, at its
    /// weekly limit, or at another session during the same slots; nil when only the walk from
    /// some venue could still rule it out.
    mutating func partnerFailureAtEveryVenue(_ partner: Int, session: Int, start slot: Int) -> ConstraintID? {
        let own = slot..<slot + problem.sessionSlots[problem.sessionActivity[session]]
        if let failure = partnerTimeFailure(partner, session: session, start: slot, during: own) { return failure }
        if facts.isHard[ConstraintID.partnerConflict.index] {
            var node = partnerDay.head[partner * dayCount + problem.day(ofSlot: slot)]
            while node >= 0 {
                let other = facts.nodeSession[node]
                node = partnerDay.next[node]
                if other != session, sessionSlots(other).overlaps(own) { return .partnerConflict }
            }
        }
        return nil
    }

    /// Whether some partner requirement of the session cannot be filled from `start` at any
    /// venue: fewer of its candidates than it needs escape `partnerFailureAtEveryVenue`. The
    /// construction asks once per start instead of trying every candidate at every venue, which
    /// in a season of 10,043 sessions whose partners were all away took more than ten minutes.
    mutating func startLacksPartnersAtEveryVenue(_ session: Int, start slot: Int) -> Bool {
        for requirement in problem.requirements[problem.sessionActivity[session]] {
            var possible = 0
            for partner in requirement.candidates where possible < requirement.count {
                if partnerFailureAtEveryVenue(partner, session: session, start: slot) == nil { possible += 1 }
            }
            if possible < requirement.count { return true }
        }
        return false
    }

    /// Whether `partner` is one of the session's partners.
    mutating func hasPartner(_ session: Int, _ partner: Int) -> Bool {
        let base = facts.teamBase[session]
        for position in 0..<teamCount[session] where team[base + position] == partner { return true }
        return false
    }

    @inline(__always)
    mutating func partnerFree(_ partner: Int, session: Int, venue: Int, start: Int) -> Bool {
        partnerFailure(partner, session: session, venue: venue, start: start) == nil
    }

    /// A cheap guess at the soft cost of a placement, to choose among hard-feasible candidates:
    /// preferred times, staying at the series' venue, and a new day for the series.
    @inline(__always)
    func softEstimate(_ session: Int, venue place: Int, start slot: Int) -> Int {
        let activity = problem.sessionActivity[session]
        var cost = 0
        if timeFlags(activity, slot) & TimeFlags.preferredTimes != 0 { cost += 2 }
        let day = problem.day(ofSlot: slot)
        if activityVenueCount[activity] > (placedSessions(of: activity, atVenue: place, besides: -1) > 0 ? 1 : 0) {
            cost += 1
        }
        if placedSessions(of: activity, onDay: day, besides: -1) > 0 { cost += 5 }
        // An activity others must follow goes early, leaving them room at the end.
        if !facts.successors[activity].isEmpty { cost += day / 7 }
        return cost
    }
}

extension SearchState {
    /// Whether no placed session but `session` (and `also`) holds `venue` during any slot of
    /// `hold` on `day`.
    func venueIsFree(_ venue: Int, day: Int, during hold: Range<Int>, besides session: Int, and also: Int = -1)
        -> Bool
    {
        var other = venueDay.head[venue * dayCount + day]
        while other >= 0 {
            if other != session, other != also, holdSlots(other).overlaps(hold) { return false }
            other = venueDay.next[other]
        }
        return true
    }
}
