import WutongModel

/// Improves a schedule by local search. A move that makes nothing worse is always kept; a
/// worsening one by one of two rules: simulated annealing (kept with probability
/// exp(−Δsoft / T), never when hard or medium get worse, T cooled in cycles over the budget,
/// each later cycle starting again from the best schedule; see `Cooling`) or late-acceptance
/// hill climbing (kept when no worse than the schedule of `historyLength` moves ago). Moves:
/// change a session's venue and start, move it next to another session of its audience (either
/// taking new partners along when one cannot come then), change one of its partners, swap two
/// sessions' placements, shift a Kempe chain of sessions between two start times, bring a
/// split series to one venue, place an unplaced session (into a free spot or taking out what
/// it collides with). Under late acceptance, when the best score
/// has not improved for a while, the search goes back to the best schedule and perturbs it.
/// Every move is scored by its delta on `SearchState`, except that while hard is 0 a relocation
/// or a swap found to break a hard constraint is rejected unscored (`LocalSearch+Screening`);
/// pinned sessions never move; no move allocates.
struct LocalSearch<Stored: TableInteger> {
    struct Progress: Sendable {
        var moves: Int
        var evaluated: Int
        var accepted: Int
        var best: Score
        var current: Score
        var restarts: Int
    }

    var state: SearchState<Stored>
    var random: SeededGenerator
    let problem: CompiledProblem<Stored>
    /// Late-acceptance history. 1,000 beat 400 and 3,000 on the bundled season at 15M moves
    /// (seeds 1–3: mean soft 44.3 against 45.7 and 44.3; 10,000 converged too slowly).
    let historyLength = 1_000
    /// Moves without a new best before the search restarts from the best with a perturbation.
    let stallLimit: Int
    /// The moves per movable session the first annealing cycle takes at least. The bundled
    /// season (172 sessions) reaches its usual scores in about 17 million moves (a 10-second
    /// run: soft 47–53 over seeds 1–6, as with 30 s), a season of 983 sessions is still
    /// improving after 45 million (30 s).
    let cycleMovesPerSession: Int
    private(set) var best: Score
    /// Moves tried (the move limit counts these) and moves actually scored.
    private(set) var moves = 0
    private(set) var evaluated = 0
    private(set) var accepted = 0
    private(set) var restarts = 0
    /// Per kind of move: how many were evaluated and how many accepted.
    private(set) var statistics = MoveStatistics()
    var lastKind = MoveKind.relocate
    let movable: SmallInts<Stored>
    /// Whether moves that break a hard constraint may be rejected unscored while hard is 0
    /// (`relocationBreaksHard`): only when every hard constraint has a weight, so that breaking
    /// one makes the hard score worse.
    let screensHard: Bool
    /// Per activity: whether some role has more candidates than it needs, so a partner change
    /// is possible at all. Without it, the search does not waste a quarter of its moves on
    /// partner changes that cannot happen.
    let partnerChoice: [Bool]
    // The best schedule, flat like `SearchState`; only sessions changed since are copied when
    // a new best is found.
    private var bestVenue: SmallInts<Stored>
    private var bestStart: SmallInts<Stored>
    private var bestTeam: SmallInts<Stored>
    private var bestTeamCount: SmallInts<Stored>
    private var changed: [Int] = []
    private var isChanged: [Bool]

    /// Where `run` stopped: the current score, the late-acceptance history, the move of the
    /// last new best and the annealing temperature.
    private struct Resume {
        var current: Score?
        var history: [Score]
        var lastBest: Int
        var cooling: Cooling
    }
    private var resume = Resume(current: nil, history: [], lastBest: 0, cooling: Cooling())

    var undo = Undo.none
    /// The totals before the last move made in order to be scored, put back if it is rejected.
    var totalsBefore = SearchState<Stored>.Totals()
    /// What the relocation being considered adds to each constraint, added as it is if the
    /// relocation is kept.
    var costed = ShareTally()
    /// Kempe chain members and where they started, reused between moves.
    private var chain: [(session: Int, from: Int)] = []
    /// The sessions the last gathering moved: where each was and where it went.
    var gathered: [(session: Int, venue: Int, start: Int, newVenue: Int, newStart: Int)] = []
    /// The sessions `sendToGrid` is about to send.
    var sending: [Int] = []
    /// The team a relocation taking new partners along gives the session.
    var stagedTeam: [Int] = []
    /// The sessions the last ejecting placement took out, with where they were.
    private var ejected: [(session: Int, venue: Int, start: Int, partners: [Int])] = []
    /// The sessions in the chain being built (Kempe chain, gathering, ejection).
    var inChain: ChainMarks<Stored>

    /// A random move either made at once (undone if rejected) or only proposed: a relocation's
    /// or a partner change's cost is computed without making it; a swap is made once it is
    /// known not to break a hard constraint (`swapBreaksHard`).
    private enum Proposal {
        case impossible
        case applied
        case relocation(session: Int, venue: Int, start: Int)
        case partnerChange(session: Int, position: Int, partner: Int)
        case swap(first: Int, second: Int)
    }

    enum Undo {
        case none
        case partner(session: Int, position: Int, partner: Int)
        case swapped(first: Int, second: Int, firstVenue: Int, firstStart: Int, secondVenue: Int, secondStart: Int)
        case placed(session: Int)
        case chain
        case ejected(session: Int)
        case gathered
    }

    /// `screening: false` scores every move, for tests that compare the two.
    init(
        state: SearchState<Stored>, seed: UInt64, stallLimit: Int? = nil, cycleMovesPerSession: Int = 100_000,
        screening: Bool = true
    ) {
        self.state = state
        problem = state.problem
        random = SeededGenerator(seed: seed ^ 0x5DEE_CE66)
        best = state.score
        movable = SmallInts(bounded: (0..<state.problem.sessionCount).filter { state.problem.pinned[$0] == nil })
        screensHard =
            screening
            && ConstraintID.allCases.allSatisfy {
                !state.facts.isHard[$0.index] || state.facts.hardWeight[$0.index] > 0
            }
        partnerChoice = state.problem.requirements.map { roles in roles.contains { $0.candidates.count > $0.count } }
        bestVenue = state.venue
        bestStart = state.start
        bestTeam = state.team
        bestTeamCount = state.teamCount
        isChanged = Array(repeating: false, count: state.problem.sessionCount)
        inChain = ChainMarks(sessions: state.problem.sessionCount)
        // Restarting often hurt on the bundled season (every 172k moves: mean soft 52.3 against
        // 45.7 without), so the search restarts only when it has long stopped improving.
        self.stallLimit = stallLimit ?? max(5_000_000, 10_000 * movable.count)
        self.cycleMovesPerSession = cycleMovesPerSession
    }

    /// The best schedule found: per session its venue, start slot and partners, or nil.
    func bestPlacements() -> [(venue: Int, start: Int, partners: [Int])?] {
        (0..<problem.sessionCount).map { session in
            guard bestVenue[session] >= 0 else { return nil }
            let base = state.facts.teamBase[session]
            return (bestVenue[session], bestStart[session], Array(bestTeam[base..<base + bestTeamCount[session]]))
        }
    }

    /// Runs until `moveLimit` moves in all or `shouldStop` says so (checked every 256 moves).
    /// A later call goes on where this one stopped, as if the two were one run (with the same
    /// acceptance and budget): `bench scaling` times a search in turns.
    mutating func run(
        moveLimit: Int, acceptance: Acceptance = .lateAcceptance, budget: Budget? = nil, shouldStop: () -> Bool,
        progress: (Progress) -> Void
    ) {
        guard !movable.isEmpty else { return }
        // The loop's own state in locals, the history moved out rather than copied.
        var current = resume.current ?? state.score
        var history = resume.history.isEmpty ? Array(repeating: current, count: historyLength) : resume.history
        resume.history = []
        var lastBest = resume.lastBest
        var cooling = resume.cooling
        defer { resume = Resume(current: current, history: history, lastBest: lastBest, cooling: cooling) }
        let annealing = acceptance == .annealing
        let stallLimit = annealing ? Int.max : self.stallLimit
        while moves < moveLimit {
            if moves & 255 == 0 {
                if shouldStop() { break }
                if moves & 65_535 == 0 { progress(report(current)) }
                if annealing, let budget {
                    let used = budget.fraction(moves: moves)
                    if cooling.update(fraction: used, firstCycleAtLeast: firstCycleShare(used: used)) {
                        current = restartFromBest(perturbing: false)
                        assert(current == best, "a new cycle starts from the best schedule")
                    }
                }
            }
            moves += 1
            if moves - lastBest > stallLimit {
                current = restartFromBest()
                for index in history.indices { history[index] = current }
                lastBest = moves
                continue
            }
            // Nil for a move that breaks a hard constraint while hard is 0: rejected unscored.
            let candidate: Score?
            var proposal = proposeRandomMove()
            let screening = screensHard && current.hard == 0
            // A relocation that takes `stagedTeam` along as its new team.
            var replacing = false
            switch proposal {
            case .impossible:
                continue
            case .applied:
                candidate = state.score
            case .swap(let first, let second):
                if screening, swapBreaksHard(first, second) {
                    candidate = nil
                } else {
                    makeSwap(first, second)
                    proposal = .applied
                    candidate = state.score
                }
            case .relocation(let session, let venue, let start)
            where screening && relocationBreaksHard(session, venue: venue, start: start):
                candidate = nil
            case .relocation(let session, let venue, let start):
                state.relocationTally(session, venue: venue, start: start, into: &costed)
                let delta = state.cost(of: costed)
                // Only partners break a hard constraint here: try taking new ones along.
                if delta.hard > 0, state.partnerHardCost(of: costed) == delta.hard,
                    partnerChoice[problem.sessionActivity[session]],
                    // Screened moves reach here only when they break nothing but partners.
                    let team = replacementDelta(session, venue: venue, start: start, hardChecked: screening)
                {
                    lastKind = .replace
                    replacing = true
                    candidate = Score(
                        hard: current.hard + delta.hard + team.hard, medium: current.medium,
                        soft: current.soft + delta.soft + team.soft)
                } else {
                    candidate = Score(
                        hard: current.hard + delta.hard, medium: current.medium, soft: current.soft + delta.soft)
                }
            case .partnerChange(let session, let position, let partner):
                if let delta = state.partnerChangeDelta(session, at: position, with: partner) {
                    candidate = Score(
                        hard: current.hard + delta.hard, medium: current.medium, soft: current.soft + delta.soft)
                } else {
                    undo = .partner(
                        session: session, position: position,
                        partner: state.team[state.facts.teamBase[session] + position])
                    totalsBefore = state.totals
                    apply(proposal)
                    proposal = .applied
                    candidate = state.score
                }
            }
            evaluated += 1
            statistics.evaluated[lastKind.rawValue] += 1
            let slot = evaluated % historyLength
            let keep: Bool
            if let candidate {
                if candidate <= current {
                    keep = true
                } else if annealing {
                    keep =
                        candidate.hard == current.hard && candidate.medium == current.medium
                        && cooling.accepts(worsening: candidate.soft - current.soft, draw: random.next())
                } else {
                    keep = candidate <= history[slot]
                }
            } else {
                keep = false
                statistics.screened[lastKind.rawValue] += 1
            }
            if keep, let candidate {
                accepted += 1
                statistics.accepted[lastKind.rawValue] += 1
                switch proposal {
                case .applied, .impossible, .swap:
                    break
                case .relocation(let session, let venue, let start) where replacing:
                    makeReplacement(session, venue: venue, start: start, costed: costed)
                    assert(state.score == candidate, "the move's predicted cost must match its applied cost")
                case .relocation(let session, let venue, let start):
                    state.relocate(session, venue: venue, start: start, costed: costed)
                    markChanged(session)
                case .partnerChange:
                    apply(proposal)
                    assert(state.score == candidate, "the move's predicted cost must match its applied cost")
                }
                // Late acceptance compares with scores of up to 1,000 moves ago; once hard or
                // medium has improved, those older scores would let any soft worsening through
                // (a re-plan would then scatter sessions it had no need to move), so the history
                // starts again from here.
                if !annealing, candidate.hard < current.hard || candidate.medium < current.medium {
                    for index in history.indices { history[index] = candidate }
                }
                current = candidate
                if current < best {
                    best = current
                    lastBest = moves
                    saveBest()
                }
            } else if case .applied = proposal {
                revert()
                assert(state.score == current, "a rejected move must leave the schedule as it was")
            }
            if !annealing, current < history[slot] { history[slot] = current }
        }
        progress(report(current))
    }

    /// The share of the budget the first annealing cycle takes at least: its moves at the pace
    /// so far (exactly, under a move limit; the whole budget before the first move).
    private func firstCycleShare(used: Double) -> Double {
        guard moves > 0, used > 0 else { return 1 }
        return min(1, Double(cycleMovesPerSession) * Double(movable.count) * used / Double(moves))
    }

    private func report(_ current: Score) -> Progress {
        Progress(
            moves: moves, evaluated: evaluated, accepted: accepted, best: best, current: current, restarts: restarts)
    }

    // MARK: Best schedule

    mutating func markChanged(_ session: Int) {
        if !isChanged[session] {
            isChanged[session] = true
            changed.append(session)
        }
    }

    private mutating func saveBest() {
        for session in changed {
            bestVenue[session] = state.venue[session]
            bestStart[session] = state.start[session]
            bestTeamCount[session] = state.teamCount[session]
            let base = state.facts.teamBase[session]
            for position in 0..<state.teamCount[session] {
                bestTeam[base + position] = state.team[base + position]
            }
            isChanged[session] = false
        }
        changed.removeAll(keepingCapacity: true)
    }

    /// Puts back the best schedule (only the sessions changed since) and, when `perturbing`,
    /// shakes it with a few unconditional random moves, so the search leaves the basin it was
    /// stuck in. A new annealing cycle does not shake it: its own heat does that.
    private mutating func restartFromBest(perturbing: Bool = true) -> Score {
        restarts += 1
        let differing = changed
        for session in differing where state.isPlaced(session) { state.remove(session) }
        for session in differing where bestVenue[session] >= 0 {
            let base = state.facts.teamBase[session]
            state.insert(
                session, venue: bestVenue[session], start: bestStart[session],
                partners: Array(bestTeam[base..<base + bestTeamCount[session]]))
        }
        for session in differing { isChanged[session] = false }
        changed.removeAll(keepingCapacity: true)
        let strength = perturbing ? max(3, movable.count / 50) : 0
        for _ in 0..<strength { apply(proposeRandomMove()) }
        return state.score
    }

    // MARK: Moves

    /// Makes a proposed move (applied moves are already made).
    private mutating func apply(_ proposal: Proposal) {
        switch proposal {
        case .impossible, .applied:
            break
        case .relocation(let session, let venue, let start):
            state.relocate(session, venue: venue, start: start)
            markChanged(session)
        case .partnerChange(let session, let position, let partner):
            state.replacePartner(session, at: position, with: partner)
            markChanged(session)
        case .swap(let first, let second):
            makeSwap(first, second)
            undo = .none
        }
    }

    mutating func pick(_ count: Int) -> Int {
        Int(random.next() % UInt64(count))
    }

    /// Picks one random move: a relocation is proposed; the others are applied with how to undo
    /// them recorded.
    private mutating func proposeRandomMove() -> Proposal {
        let session = movable[pick(movable.count)]
        var kind = pick(20)
        if (10..<15).contains(kind), !partnerChoice[problem.sessionActivity[session]] {
            // The same proportions among the other kinds of move.
            kind = pick(15)
            if kind >= 10 { kind += 5 }
        }
        let applied: Bool
        if !state.isPlaced(session) {
            if kind < 10 {
                lastKind = .place
                applied = place(session)
            } else {
                lastKind = .eject
                applied = placeEjecting(session)
            }
        } else if kind < 2 {
            lastKind = .beside
            return proposeBeside(session)
        } else if kind == 9, state.activityVenueCount[problem.sessionActivity[session]] > 1 {
            lastKind = .gather
            applied = gatherSeries(session, balancingGrids: state.facts.hasGridShares && pick(2) == 0)
        } else if kind < 10 {
            lastKind = .relocate
            return proposeRelocation(session)
        } else if kind < 15 {
            lastKind = .partner
            return proposePartnerChange(session)
        } else if kind < 18 {
            lastKind = .swap
            return proposeSwap(session, movable[pick(movable.count)])
        } else {
            lastKind = .kempeChain
            return kempeChain(session)
        }
        return applied ? .applied : .impossible
    }

    /// A random candidate venue and start that is open, with random partners for every role.
    private mutating func randomPlacement(_ activity: Int) -> (venue: Int, start: Int, partners: [Int])? {
        let counts = problem.candidates.counts(activity)
        guard counts.venues > 0, counts.starts > 0 else { return nil }
        let venue = problem.candidates.venue(activity, pick(counts.venues))
        let start = problem.candidates.start(activity, pick(counts.starts))
        guard problem.venueAllows(activity, venue: venue, start: start) else { return nil }
        var partners: [Int] = []
        for requirement in problem.requirements[activity] {
            var options = requirement.candidates
            for _ in 0..<requirement.count where !options.isEmpty {
                partners.append(options.remove(at: pick(options.count)))
            }
        }
        return (venue, start, partners)
    }

    private mutating func place(_ session: Int) -> Bool {
        guard let (venue, start, partners) = randomPlacement(problem.sessionActivity[session]) else { return false }
        totalsBefore = state.totals
        state.insert(session, venue: venue, start: start, partners: partners)
        markChanged(session)
        undo = .placed(session: session)
        return true
    }

    /// Places an unplaced session at a random candidate and takes out the sessions it would
    /// collide with (the venue's, its audience groups', its partners'; at most three, none
    /// pinned). With equal priorities the plan keeps as many sessions as before, so the search
    /// can walk through crowded times to a plan that holds them all, rather than wait for a
    /// free spot that may not exist.
    private mutating func placeEjecting(_ session: Int) -> Bool {
        let activity = problem.sessionActivity[session]
        guard let (place, slot, partners) = randomPlacement(activity) else { return false }
        let day = problem.day(ofSlot: slot)
        let hold = problem.holdSlots(activity, from: slot)
        let own = slot..<slot + problem.sessionSlots[activity]
        let begin = problem.minute(ofSlot: slot)
        let end = begin + problem.durationMinutes[activity]
        inChain.clear()
        chain.removeAll(keepingCapacity: true)
        func block(_ other: Int) -> Bool {
            guard !inChain.contains(other) else { return true }
            guard problem.pinned[other] == nil, chain.count < 3 else { return false }
            inChain.insert(other)
            chain.append((other, state.start[other]))
            return true
        }
        var other = state.venueDay.head[place * state.dayCount + day]
        while other >= 0 {
            if state.holdSlots(other).overlaps(hold), !block(other) { return false }
            other = state.venueDay.next[other]
        }
        for index in problem.audienceStart[activity]..<problem.audienceStart[activity + 1] {
            var node = state.audienceDay.head[problem.audienceList[index] * state.dayCount + day]
            while node >= 0 {
                let member = state.facts.membershipSession[node]
                if state.sessionSlots(member).overlaps(own), !block(member) { return false }
                node = state.audienceDay.next[node]
            }
        }
        for partner in partners {
            var node = state.partnerDay.head[partner * state.dayCount + day]
            while node >= 0 {
                let colleague = state.facts.nodeSession[node]
                if state.conflict(at: place, from: begin, to: end, own: own, with: colleague), !block(colleague) {
                    return false
                }
                node = state.partnerDay.next[node]
            }
        }
        ejected.removeAll(keepingCapacity: true)
        totalsBefore = state.totals
        for (member, _) in chain {
            ejected.append((member, state.venue[member], state.start[member], state.partners(member)))
            state.remove(member)
            markChanged(member)
        }
        state.insert(session, venue: place, start: slot, partners: partners)
        markChanged(session)
        undo = .ejected(session: session)
        return true
    }

    private mutating func proposeRelocation(_ session: Int) -> Proposal {
        let activity = problem.sessionActivity[session]
        let (venueCount, startCount) = problem.candidates.counts(activity)
        guard venueCount > 0, startCount > 0 else { return .impossible }
        // A third of the moves keep the venue (a new time), a third keep the time (a new venue),
        // a third change both: changing one at a time keeps what is good about the placement
        // (a venue the series already uses, a time next to its audience's other sessions).
        let keep = pick(3)
        let current = (venue: state.venue[session], start: state.start[session])
        var venue =
            keep == 0 && problem.candidateVenueMask[activity, current.venue]
            ? current.venue : problem.candidates.venue(activity, pick(venueCount))
        if keep == 1, pick(2) == 0 {
            // Half of the venue changes go to a venue another session of the series uses, which
            // a random venue rarely is (`series-same-venue`).
            let siblings = problem.sessions(of: activity)
            let sibling = siblings.lowerBound + pick(siblings.count)
            if state.isPlaced(sibling), problem.candidateVenueMask[activity, state.venue[sibling]] {
                venue = state.venue[sibling]
            }
        }
        let start =
            keep == 1 && problem.candidateStartMask[activity, current.start]
            ? current.start : problem.candidates.start(activity, pick(startCount))
        guard problem.venueAllows(activity, venue: venue, start: start),
            venue != state.venue[session] || start != state.start[session]
        else { return .impossible }
        return .relocation(session: session, venue: venue, start: start)
    }

    /// A new start right before or right after another session of one of the session's audience
    /// groups, the venue kept when it may be: groups want their sessions back to back
    /// (`audience-compactness`), and a random start rarely lands next to another.
    private mutating func proposeBeside(_ session: Int) -> Proposal {
        let activity = problem.sessionActivity[session]
        let groups = problem.audienceStart[activity]..<problem.audienceStart[activity + 1]
        guard !groups.isEmpty else { return proposeRelocation(session) }
        let group = problem.audienceList[groups.lowerBound + pick(groups.count)]
        let members = state.facts.audienceMemberStart[group]..<state.facts.audienceMemberStart[group + 1]
        let other = state.facts.audienceMembers[members.lowerBound + pick(members.count)]
        guard other != session, state.isPlaced(other) else { return .impossible }
        let start =
            pick(2) == 0
            ? state.start[other] - problem.sessionSlots[activity]
            : state.start[other] + problem.sessionSlots[problem.sessionActivity[other]]
        guard start >= 0, start < problem.slotCount, start != state.start[session],
            problem.candidateStartMask[activity, start]
        else { return .impossible }
        var venue = state.venue[session]
        if !problem.venueAllows(activity, venue: venue, start: start) {
            venue = problem.candidates.venue(activity, pick(problem.candidates.counts(activity).venues))
            guard problem.venueAllows(activity, venue: venue, start: start) else { return .impossible }
        }
        return .relocation(session: session, venue: venue, start: start)
    }

    private mutating func proposePartnerChange(_ session: Int) -> Proposal {
        let activity = problem.sessionActivity[session]
        let count = state.teamCount[session]
        guard count > 0 else { return .impossible }
        let position = pick(count)
        let slot = state.facts.positionStart[activity] + position
        guard slot < state.facts.positionStart[activity + 1] else { return .impossible }
        let candidates = state.facts.positionCandidates[slot]
        guard candidates.count > 1 else { return .impossible }
        let replacement = state.facts.roleCandidates[candidates.lowerBound + pick(candidates.count)]
        if state.hasPartner(session, replacement) { return .impossible }
        return .partnerChange(session: session, position: position, partner: replacement)
    }

    /// Two placed sessions trading venue and start, each allowed at the other's.
    private mutating func proposeSwap(_ first: Int, _ second: Int) -> Proposal {
        guard first != second, state.isPlaced(first), state.isPlaced(second) else { return .impossible }
        let a = (venue: state.venue[first], start: state.start[first])
        let b = (venue: state.venue[second], start: state.start[second])
        guard a != b,
            problem.canHold(problem.sessionActivity[first], venue: b.venue, start: b.start),
            problem.canHold(problem.sessionActivity[second], venue: a.venue, start: a.start)
        else { return .impossible }
        return .swap(first: first, second: second)
    }

    /// Moves the session to another start and, in turn, every session of the same length that
    /// shares an audience or a partner with a moved one at the time it moves to, back to the
    /// first time: the two start times trade their conflicting sessions, venues kept. Impossible
    /// when the chain reaches a pinned session, one of another length or at another start, one
    /// that may not start or is not open at its new time, or grows past 12 sessions. A chain of
    /// the session alone is a relocation, scored without being made.
    private mutating func kempeChain(_ session: Int) -> Proposal {
        let activity = problem.sessionActivity[session]
        let startCount = problem.candidates.counts(activity).starts
        guard startCount > 1 else { return .impossible }
        let here = state.start[session]
        let there = problem.candidates.start(activity, pick(startCount))
        guard there != here else { return .impossible }
        let length = problem.sessionSlots[activity]
        inChain.clear()
        chain.removeAll(keepingCapacity: true)
        chain.append((session, here))
        inChain.insert(session)
        var next = 0
        while next < chain.count {
            let member = chain[next].session
            next += 1
            let memberActivity = problem.sessionActivity[member]
            let target = state.start[member] == here ? there : here
            guard problem.candidateStartMask[memberActivity, target],
                problem.venueAllows(memberActivity, venue: state.venue[member], start: target)
            else { return .impossible }
            guard collectBlockers(of: member, at: target, length: length, times: (here, there)) else {
                return .impossible
            }
            if chain.count > 12 { return .impossible }
        }
        if chain.count == 1 { return .relocation(session: session, venue: state.venue[session], start: there) }
        totalsBefore = state.totals
        for (member, from) in chain {
            state.relocate(member, venue: state.venue[member], start: from == here ? there : here)
            markChanged(member)
        }
        undo = .chain
        return .applied
    }

    /// Adds to the chain every session that would share an audience or a partner with `member`
    /// at `target`; false if one of them cannot join.
    private mutating func collectBlockers(of member: Int, at target: Int, length: Int, times: (Int, Int)) -> Bool {
        let activity = problem.sessionActivity[member]
        let own = target..<target + length
        let day = problem.day(ofSlot: target)
        for index in problem.audienceStart[activity]..<problem.audienceStart[activity + 1] {
            var node = state.audienceDay.head[problem.audienceList[index] * state.dayCount + day]
            while node >= 0 {
                if !admit(state.facts.membershipSession[node], overlapping: own, length: length, times: times) {
                    return false
                }
                node = state.audienceDay.next[node]
            }
        }
        let base = state.facts.teamBase[member]
        for position in 0..<state.teamCount[member] {
            var node = state.partnerDay.head[state.team[base + position] * state.dayCount + day]
            while node >= 0 {
                if !admit(state.facts.nodeSession[node], overlapping: own, length: length, times: times) {
                    return false
                }
                node = state.partnerDay.next[node]
            }
        }
        return true
    }

    private mutating func admit(_ other: Int, overlapping own: Range<Int>, length: Int, times: (Int, Int)) -> Bool {
        guard !inChain.contains(other), state.sessionSlots(other).overlaps(own) else { return true }
        guard problem.pinned[other] == nil, problem.sessionSlots[problem.sessionActivity[other]] == length,
            state.start[other] == times.0 || state.start[other] == times.1
        else { return false }
        inChain.insert(other)
        chain.append((other, state.start[other]))
        return true
    }

    /// Undoes a rejected move that was made: the placements are re-filed in the occupancy
    /// tables and the totals from before the move put back, no share recomputed.
    private mutating func revert() {
        switch undo {
        case .none:
            return
        case .partner(let session, let position, let partner):
            state.refileTeam(session, at: position, with: partner)
        case .swapped(let first, let second, let firstVenue, let firstStart, let secondVenue, let secondStart):
            state.refile(first, venue: firstVenue, start: firstStart)
            state.refile(second, venue: secondVenue, start: secondStart)
        case .placed(let session):
            state.unfile(session)
        case .chain:
            for (member, from) in chain { state.refile(member, venue: state.venue[member], start: from) }
        case .gathered:
            for move in gathered { state.refile(move.session, venue: move.venue, start: move.start) }
        case .ejected(let session):
            state.unfile(session)
            for (member, venue, start, partners) in ejected {
                state.file(member, venue: venue, start: start, partners: partners)
            }
        }
        state.restore(totalsBefore)
        undo = .none
    }
}

extension CompiledProblem {
    /// Whether a session of `activity` may be placed at `venue` from `start` at all (candidate
    /// venue and start, venue hours).
    @inline(__always)
    func canHold(_ activity: Int, venue: Int, start: Int) -> Bool {
        candidateVenueMask[activity, venue] && candidateStartMask[activity, start]
            && venueAllows(activity, venue: venue, start: start)
    }
}
