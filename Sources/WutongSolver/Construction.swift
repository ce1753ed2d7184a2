import WutongModel

/// Builds a first schedule greedily, most constrained session first, keeping every hard
/// constraint satisfied: a session goes to the best of the first few candidates that break no
/// hard constraint given the sessions already placed, or stays unplaced with the count of
/// candidates each constraint ruled out.
struct Construction<Stored: TableInteger> {
    struct Result: Sendable {
        /// The constructed schedule, ready for the local search.
        var state: SearchState<Stored>
        /// For each unplaced session, why: how many candidate placements each hard constraint
        /// ruled out, of how many looked at.
        var reasons: [SessionKey: UnplacedReasons]
    }

    let problem: CompiledProblem<Stored>
    var state: SearchState<Stored>
    var random: SeededGenerator
    /// How many hard-feasible candidates to compare before choosing one.
    let sample = 24
    /// At most about this many candidates are examined to explain one unplaced session.
    static var explanationBudget: Int { 20_000 }
    /// Built for a role's list the first time a start lacks partners for it.
    var presentPartners = PresentPartners()
    /// Whether an unplaced session whose sibling was explained with nothing placed since takes
    /// that explanation (false only in tests, to compare with explaining each one).
    var explainsSiblingsOnce = true

    /// - Parameter initial: placements to keep (a baseline), used where they break no hard
    ///   constraint; the other sessions are placed greedily.
    static func run(_ problem: CompiledProblem<Stored>, facts: SearchFacts<Stored>, seed: UInt64) -> Result {
        var construction = Construction(
            problem: problem, state: SearchState(problem: problem, facts: facts), random: SeededGenerator(seed: seed))
        return construction.build(initial: facts.baseline)
    }

    mutating func build(initial: [(venue: Int, start: Int, partners: [Int])?]) -> Result {
        var reasons: [SessionKey: UnplacedReasons] = [:]
        var lastExplained: (activity: Int, placed: Int, reasons: UnplacedReasons)?
        var kept = Set<Int>()
        for session in order() where session < initial.count {
            guard let placement = initial[session] else { continue }
            if let pin = problem.pinned[session],
                pin.venue != placement.venue || pin.start != placement.start
                    || !Set(pin.partners).isSubset(of: Set(placement.partners))
            {
                continue
            }
            let activity = problem.sessionActivity[session]
            if problem.canHold(activity, venue: placement.venue, start: placement.start),
                state.firstHardFailure(session, venue: placement.venue, start: placement.start) == nil,
                placement.partners.allSatisfy({
                    state.partnerFree($0, session: session, venue: placement.venue, start: placement.start)
                })
            {
                state.insert(session, venue: placement.venue, start: placement.start, partners: placement.partners)
                kept.insert(session)
            }
        }
        for session in order() where !kept.contains(session) {
            if let pin = problem.pinned[session] {
                // A pinned session the baseline had where it is keeps the baseline's partners that
                // are still free (its venue may now break a hard constraint; it never moves).
                var preferred: [Int] = []
                if session < initial.count, let placement = initial[session], placement.venue == pin.venue,
                    placement.start == pin.start
                {
                    preferred = placement.partners
                }
                let partners =
                    choosePartners(
                        session, venue: pin.venue, start: pin.start, fixed: pin.partners, preferred: preferred)
                    ?? pin.partners
                state.insert(session, venue: pin.venue, start: pin.start, partners: partners)
                continue
            }
            if !placeGreedily(session) {
                let activity = problem.sessionActivity[session]
                let key = SessionKey(activity: problem.activityIDs[activity], index: problem.sessionIndex[session])
                // What rules out an unplaced session depends only on its activity and on the
                // sessions placed so far, and the construction only adds sessions; so a sibling
                // explained with as many placed has the same reasons. In an over-full season of
                // 10,000 sessions explaining each one was most of the construction.
                if explainsSiblingsOnce, let last = lastExplained, last.activity == activity,
                    last.placed == state.placedCount
                {
                    reasons[key] = last.reasons
                } else {
                    let explained = explain(session)
                    reasons[key] = explained
                    lastExplained = (activity, state.placedCount, explained)
                }
            }
        }
        return Result(state: state, reasons: reasons)
    }

    /// Pinned sessions first, then predecessors before successors, then fewest candidates first.
    func order() -> [Int] {
        var depth = [Int](repeating: -1, count: problem.activityCount)
        func level(_ activity: Int, _ seen: Set<Int>) -> Int {
            if depth[activity] >= 0 { return depth[activity] }
            if seen.contains(activity) { return 0 }
            let value = (problem.predecessors[activity].map { level($0, seen.union([activity])) + 1 }.max()) ?? 0
            depth[activity] = value
            return value
        }
        for activity in 0..<problem.activityCount { _ = level(activity, []) }
        return (0..<problem.sessionCount).sorted { first, second in
            let a = problem.sessionActivity[first]
            let b = problem.sessionActivity[second]
            let keyA = (
                problem.pinned[first] == nil ? 1 : 0, depth[a],
                problem.candidateVenues[a].count * problem.candidateStarts[a].count, first
            )
            let keyB = (
                problem.pinned[second] == nil ? 1 : 0, depth[b],
                problem.candidateVenues[b].count * problem.candidateStarts[b].count, second
            )
            return keyA < keyB
        }
    }

    mutating func placeGreedily(_ session: Int) -> Bool {
        let activity = problem.sessionActivity[session]
        var starts = problem.candidateStarts[activity]
        starts.shuffle(using: &random)
        var venues = problem.candidateVenues[activity]
        venues.shuffle(using: &random)
        var best: (cost: Int, venue: Int, start: Int, partners: [Int])?
        var found = 0
        let byLoad = candidatesByLoad(activity)
        search: for start in starts
        where !state.startBreaksHardAtEveryVenue(session, start: start) && !lacksPartners(session, start: start) {
            for venue in venues where state.firstHardFailure(session, venue: venue, start: start) == nil {
                guard let partners = choosePartners(session, venue: venue, start: start, fixed: [], byLoad: byLoad)
                else { continue }
                let cost = state.softEstimate(session, venue: venue, start: start)
                if best == nil || cost < best!.cost { best = (cost, venue, start, partners) }
                found += 1
                if found >= sample { break search }
            }
        }
        guard let best else { return false }
        state.insert(session, venue: best.venue, start: best.start, partners: best.partners)
        return true
    }

    /// The session's whole team, requirement by requirement (the search reads position i of a
    /// team as a seat of the requirement it falls in): first the `fixed` partners a requirement
    /// admits, then the least loaded free candidates; each partner fills one seat only, and fixed
    /// partners no requirement takes come last. Nil if some requirement cannot be filled without
    /// breaking a hard constraint. Candidates are tried in order of load, so only as many are
    /// checked as it takes. (`mutating` only so that calling it from the mutating construction
    /// does not copy the whole state; it changes nothing.)
    /// `preferred` partners (a re-plan's baseline team) are tried first for the seats left.
    /// `byLoad`, when given, is `candidatesByLoad` for the session's activity in the current
    /// state, so a caller trying many places for one session sorts its candidates once.
    mutating func choosePartners(
        _ session: Int, venue: Int, start: Int, fixed: [Int], preferred: [Int] = [], byLoad: [[Int]]? = nil
    ) -> [Int]? {
        let activity = problem.sessionActivity[session]
        var unseated = fixed
        var team: [Int] = []
        let orders = byLoad ?? candidatesByLoad(activity)
        for (index, requirement) in problem.requirements[activity].enumerated() {
            var needed = requirement.count
            for partner in unseated where needed > 0 && requirement.candidates.contains(partner) {
                team.append(partner)
                needed -= 1
            }
            unseated.removeAll { team.contains($0) }
            guard needed > 0 else { continue }
            // The preferred first, then the rest by load; no list of both is made, since a
            // requirement may admit thousands of partners and only the first few are read.
            for list in [preferred.filter { requirement.candidates.contains($0) }, orders[index]] {
                for partner in list where !team.contains(partner) && !unseated.contains(partner) {
                    guard needed > 0 else { break }
                    if state.partnerFree(partner, session: session, venue: venue, start: start) {
                        team.append(partner)
                        needed -= 1
                    }
                }
            }
            guard needed == 0 else { return nil }
        }
        return team + unseated
    }

    /// Each requirement's candidates of `activity`, least loaded first (ties by number): the
    /// order `choosePartners` tries them in, while the state does not change.
    func candidatesByLoad(_ activity: Int) -> [[Int]] {
        let load = state.partnerLoad
        return problem.requirements[activity].map { requirement in
            requirement.candidates.sorted { (load[$0], $0) < (load[$1], $1) }
        }
    }

    /// `SearchState.startLacksPartnersAtEveryVenue`, answered from `presentPartners` where too
    /// few candidates of a role are present at all; the first start found lacking builds the
    /// tables of the session's roles.
    mutating func lacksPartners(_ session: Int, start: Int) -> Bool {
        let activity = problem.sessionActivity[session]
        let slots = problem.sessionSlots[activity]
        let awayIsHard = state.facts.isHard[ConstraintID.partnerAvailability.index]
        if awayIsHard {
            for requirement in problem.requirements[activity]
            where presentPartners.tooFew(list: requirement.list, slots: slots, start: start, needed: requirement.count)
                == true
            {
                return true
            }
        }
        guard state.startLacksPartnersAtEveryVenue(session, start: start) else { return false }
        if awayIsHard {
            for requirement in problem.requirements[activity]
            where !presentPartners.isBuilt(list: requirement.list, slots: slots) {
                presentPartners.build(
                    list: requirement.list, candidates: requirement.candidates, slots: slots, problem: problem)
            }
        }
        return true
    }

    /// The partners' failures at one start that hold at every venue, counted per constraint
    /// (`ConstraintID.index`), and the candidates left to check venue by venue (each once per
    /// requirement naming it).
    struct PartnerFailuresAtStart {
        var everywhere: [Int]
        var open: [Int]

        /// The constraint counted most (ties go to the one listed first); partner-conflict if none.
        static func most(_ counts: [Int]) -> ConstraintID {
            guard let most = counts.max(), most > 0 else { return .partnerConflict }
            return ConstraintID.allCases[counts.firstIndex(of: most)!]
        }
    }

    mutating func partnerFailures(_ session: Int, start: Int) -> PartnerFailuresAtStart {
        var result = PartnerFailuresAtStart(
            everywhere: Array(repeating: 0, count: ConstraintID.allCases.count), open: [])
        for requirement in problem.requirements[problem.sessionActivity[session]] {
            for partner in requirement.candidates {
                if let failure = state.partnerFailureAtEveryVenue(partner, session: session, start: start) {
                    result.everywhere[failure.index] += 1
                } else {
                    result.open.append(partner)
                }
            }
        }
        return result
    }

    /// How many of the session's partner candidates each constraint rules out at `venue` (a
    /// partner named by two requirements counts twice): the failures common to every venue plus
    /// the open candidates' failures there.
    mutating func partnerFailureCounts(
        _ session: Int, venue: Int, start: Int, knowing failures: PartnerFailuresAtStart
    ) -> [Int] {
        var counts = failures.everywhere
        for partner in failures.open {
            if let failure = state.partnerFailure(partner, session: session, venue: venue, start: start) {
                counts[failure.index] += 1
            }
        }
        return counts
    }

    /// Why a session could not be placed: for every candidate (venue, start), or for an evenly
    /// spread sample of them on a large season, the first hard constraint it breaks.
    mutating func explain(_ session: Int) -> UnplacedReasons {
        let activity = problem.sessionActivity[session]
        let venues = problem.candidateVenues[activity]
        let starts = problem.candidateStarts[activity]
        if venues.isEmpty {
            return UnplacedReasons([.init(.venueEligibility, candidates: 0)], examined: 0, placements: 0)
        }
        if starts.isEmpty {
            return UnplacedReasons([.init(.activityWindow, candidates: 0)], examined: 0, placements: 0)
        }
        var counts = [Int](repeating: 0, count: ConstraintID.allCases.count)
        // Large seasons: look at an evenly spread sample of starts, so explaining stays cheap;
        // rounding the step up keeps the sample within the budget and one start's venues.
        let step = (starts.count * venues.count + Self.explanationBudget - 1) / Self.explanationBudget
        let sampled = stride(from: 0, to: starts.count, by: step).map { starts[$0] }
        let byLoad = candidatesByLoad(activity)
        for start in sampled {
            // Worked out once per start, not per venue: at thousands of venues per start, the
            // partners' checks that do not depend on the venue dominated explaining.
            let lacking = lacksPartners(session, start: start)
            var failures: PartnerFailuresAtStart?
            var shortageAtEveryVenue: ConstraintID?
            let checks = state.startChecks(session, start: start)
            for venue in venues {
                if let failure = state.firstHardFailure(session, venue: venue, start: start, knowing: checks) {
                    counts[failure.index] += 1
                } else if lacking
                    || choosePartners(session, venue: venue, start: start, fixed: [], byLoad: byLoad) == nil
                {
                    if failures == nil {
                        failures = partnerFailures(session, start: start)
                        if failures!.open.isEmpty {
                            shortageAtEveryVenue = PartnerFailuresAtStart.most(failures!.everywhere)
                        }
                    }
                    let shortage =
                        shortageAtEveryVenue
                        ?? PartnerFailuresAtStart.most(
                            partnerFailureCounts(session, venue: venue, start: start, knowing: failures!))
                    counts[shortage.index] += 1
                }
            }
        }
        let ruledOut = zip(ConstraintID.allCases, counts).filter { $0.1 > 0 }.map {
            UnplacedReasons.RuledOut($0, candidates: $1)
        }
        return UnplacedReasons(
            ruledOut.sorted { ($1.candidates, $0.constraint) < ($0.candidates, $1.constraint) },
            examined: sampled.count * venues.count, placements: starts.count * venues.count)
    }
}
