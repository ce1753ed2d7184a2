/// Gathering a split series at one venue, and, with grid shares set, sending sessions back to
/// the grid it left: the one move of the search that changes many sessions' venues at once.
extension LocalSearch {
    /// Moves every session of the series at the session's venue to the venue of another of its
    /// sessions, each at its own time where it may be held there then and at a random candidate
    /// start otherwise; a session in the way there trades venues with it. `series-same-venue`
    /// counts venues, so moving the sessions one at a time gains nothing until the last has
    /// moved, and a random move rarely finds the venue free at each of their times: on the
    /// bundled season every plan that ended 2 points above the best had one series split over
    /// two venues this way. Impossible when a session that would move is pinned or of the same
    /// series, when one may not be held at its new venue, or when more than 16 would move.
    ///
    /// When `balancingGrids`, each session the gathering takes into another grid without one
    /// coming back sends another session the other way (see `sendToGrid`): with grid shares set,
    /// the gathering alone costs as much in `grid-balance` as it saves, and the plans of the
    /// bundled season that ended 2 points above the best were each held there by that trade.
    mutating func gatherSeries(_ session: Int, balancingGrids: Bool = false) -> Bool {
        let activity = problem.sessionActivity[session]
        let from = state.venue[session]
        let siblings = problem.sessions(of: activity)
        let to = state.venue[siblings.lowerBound + pick(siblings.count)]
        guard to >= 0, to != from else { return false }
        gathered.removeAll(keepingCapacity: true)
        inChain.clear()
        let startCount = problem.candidates.counts(activity).starts
        for member in siblings where state.venue[member] == from {
            guard problem.pinned[member] == nil else { return false }
            var start = state.start[member]
            if !problem.canHold(activity, venue: to, start: start) {
                start = problem.candidates.start(activity, pick(startCount))
                guard problem.canHold(activity, venue: to, start: start) else { return false }
            }
            inChain.insert(member)
            gathered.append((member, from, state.start[member], to, start))
        }
        let movers = gathered.count
        for index in 0..<movers {
            let start = gathered[index].newStart
            let hold = problem.holdSlots(activity, from: start)
            var other = state.venueDay.head[to * state.dayCount + problem.day(ofSlot: start)]
            while other >= 0 {
                if !inChain.contains(other), state.holdSlots(other).overlaps(hold) {
                    let otherActivity = problem.sessionActivity[other]
                    let otherStart = state.start[other]
                    guard otherActivity != activity, problem.pinned[other] == nil,
                        problem.canHold(otherActivity, venue: from, start: otherStart)
                    else { return false }
                    inChain.insert(other)
                    gathered.append((other, to, otherStart, from, otherStart))
                }
                other = state.venueDay.next[other]
            }
            if gathered.count > 16 { return false }
        }
        totalsBefore = state.totals
        for move in gathered {
            state.relocate(move.session, venue: move.newVenue, start: move.newStart)
            markChanged(move.session)
        }
        undo = .gathered
        let fromGrid = state.facts.venueGrid[from]
        let toGrid = state.facts.venueGrid[to]
        if balancingGrids, fromGrid != toGrid, fromGrid >= 0, toGrid >= 0 {
            // Movers came into `to`'s grid, the sessions in their way went out of it; when more
            // went out than came in, nothing is sent.
            var surplus = min(Self.sendLimit, max(0, 2 * movers - gathered.count))
            while surplus > 0 {
                let sent = sendToGrid(fromGrid, outOf: toGrid, atMost: surplus)
                if sent == 0 { break }
                surplus -= sent
            }
        }
        return true
    }

    /// Moves sessions of grid `source` that the gathering has not moved, at most `limit`, to
    /// a free venue of grid `target` at their own times, recorded in `gathered` so they are
    /// undone with the rest; returns how many went. Nearly every session belongs to a series,
    /// and sending one away from its siblings costs what the gathering won, so what is sent is
    /// every session of a series held at one venue: a whole series, or the part of a split
    /// one, which then uses no more venues (and one fewer when it joins its siblings, which are
    /// preferred). The first of up to `sendScan` sessions, looked at from a random one on,
    /// whose part fits goes; when none does, the first that can go alone, splitting its series.
    private mutating func sendToGrid(_ target: Int, outOf source: Int, atMost limit: Int) -> Int {
        var fallback: (session: Int, venue: Int)?
        let first = pick(movable.count)
        for step in 0..<min(movable.count, Self.sendScan) {
            let session = movable[(first + step) % movable.count]
            let here = state.venue[session]
            guard here >= 0, !inChain.contains(session), state.facts.venueGrid[here] == source else { continue }
            let partTried = collectPart(of: session) && sending.count <= limit
            if partTried {
                let venue = freeVenue(for: sending, inGrid: target)
                if venue >= 0 {
                    for member in sending { send(member, to: venue) }
                    return sending.count
                }
            }
            // A part of the session alone that found no venue would find none as the fallback.
            if fallback == nil, !(partTried && sending.count == 1) {
                sending.removeAll(keepingCapacity: true)
                sending.append(session)
                let venue = freeVenue(for: sending, inGrid: target)
                if venue >= 0 { fallback = (session, venue) }
            }
        }
        guard let fallback else { return 0 }
        send(fallback.session, to: fallback.venue)
        return 1
    }

    /// How many sessions `sendToGrid` looks at, at most.
    static var sendScan: Int { 256 }
    /// How many sessions one gathering sends back, at most.
    static var sendLimit: Int { 8 }

    /// Puts in `sending` every session of the session's series held at its venue; false when
    /// one of them is pinned or already moved by this gathering.
    private mutating func collectPart(of session: Int) -> Bool {
        let activity = problem.sessionActivity[session]
        let here = state.venue[session]
        sending.removeAll(keepingCapacity: true)
        for sibling in problem.sessions(of: activity)
        where state.venue[sibling] == here {
            guard !inChain.contains(sibling), problem.pinned[sibling] == nil else { return false }
            sending.append(sibling)
        }
        return true
    }

    /// A random candidate venue of `grid` that may hold each of `sessions` (of one series) at
    /// its own time and is free then, one where another session of the series is held when
    /// there is such a venue; -1 when there is none. A grid of at most `venuesSampled`
    /// candidates is read whole. In a larger one, the series' own venues are looked at, then
    /// up to `venuesSampled` random candidates, the first that fits going: reading every
    /// venue made this the one part of a move that grew with the number of venues (18 % of the search's
    /// time at 41,600 sessions), and a free venue is nearly always among the first few.
    mutating func freeVenue(for sessions: [Int], inGrid grid: Int) -> Int {
        let activity = problem.sessionActivity[sessions[0]]
        let series = problem.sessions(of: activity)
        let candidates = state.facts.gridCandidates
        let count = candidates.count(activity, grid: grid)
        var chosen = -1
        var seen = 0
        if count <= Self.venuesSampled {
            var besideSiblings = false
            for index in 0..<count {
                let venue = candidates.venue(activity, grid: grid, index)
                guard mayHold(sessions, at: venue) else { continue }
                let beside = series.contains { state.venue[$0] == venue }
                if beside, !besideSiblings {
                    besideSiblings = true
                    seen = 0
                } else if beside != besideSiblings {
                    continue
                }
                seen += 1
                if pick(seen) == 0 { chosen = venue }
            }
            return chosen
        }
        for sibling in series {
            let venue = state.venue[sibling]
            guard venue >= 0, state.facts.venueGrid[venue] == grid,
                !series[series.lowerBound..<sibling].contains(where: { state.venue[$0] == venue }),
                mayHold(sessions, at: venue)
            else { continue }
            seen += 1
            if pick(seen) == 0 { chosen = venue }
        }
        if chosen >= 0 { return chosen }
        for _ in 0..<Self.venuesSampled {
            let venue = candidates.venue(activity, grid: grid, pick(count))
            if mayHold(sessions, at: venue) { return venue }
        }
        return -1
    }

    /// How many candidate venues of a grid `freeVenue` reads whole, and at most how many it
    /// draws from a larger grid.
    static var venuesSampled: Int { 16 }

    /// Whether `venue` may hold each of `sessions`, all of one activity, at its own time, and
    /// is free then.
    private mutating func mayHold(_ sessions: [Int], at venue: Int) -> Bool {
        sessions.allSatisfy { session in
            let slot = state.start[session]
            return problem.canHold(problem.sessionActivity[session], venue: venue, start: slot)
                && state.venueIsFree(
                    venue, day: problem.day(ofSlot: slot), during: state.holdSlots(session), besides: session)
        }
    }

    private mutating func send(_ session: Int, to venue: Int) {
        let here = state.venue[session]
        let slot = state.start[session]
        inChain.insert(session)
        gathered.append((session, here, slot, venue, slot))
        state.relocate(session, venue: venue, start: slot)
        markChanged(session)
    }
}
