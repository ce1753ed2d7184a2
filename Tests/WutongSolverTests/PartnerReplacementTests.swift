import Testing
import WutongModel

@testable import WutongSolver

/// The relocation that takes new partners along when one of the session's partners cannot come
/// to the new time.
@Suite struct PartnerReplacementTests {
    /// Placed sessions of the bundled construction with a choice of partners, each with the first
    /// start at its own venue that its partners alone rule out (at most `limit` of them: the
    /// from-scratch scoring of each is slow in a debug build).
    static func walls(in search: LocalSearch<Int16>, limit: Int = 40) -> [(session: Int, start: Int)] {
        var state = search.state
        let problem = state.problem
        var found: [(session: Int, start: Int)] = []
        for session in search.movable where state.isPlaced(session) {
            let activity = problem.sessionActivity[session]
            guard search.partnerChoice[activity] else { continue }
            let place = state.venue[session]
            for index in 0..<problem.candidates.counts(activity).starts {
                let start = problem.candidates.start(activity, index)
                guard start != state.start[session], problem.canHold(activity, venue: place, start: start),
                    state.firstHardFailure(session, venue: place, start: start) == nil,
                    state.partners(session).contains(where: {
                        !state.partnerFree($0, session: session, venue: place, start: start)
                    })
                else { continue }
                found.append((session, start))
                if found.count == limit { return found }
                break
            }
        }
        return found
    }

    @Test func aPartnerWhoCannotComeIsReplacedAndTheRestStay() throws {
        var (season, _, _, state) = try SeriesGatheringTests.bundledConstruction()
        #expect(state.score.hard == 0)
        let walls = Self.walls(in: LocalSearch(state: state, seed: 1))
        #expect(walls.count > 10, "the bundled construction has starts that only partners rule out")

        var crossed = 0
        for (session, start) in walls {
            var search = LocalSearch(state: state, seed: UInt64(session))
            let place = state.venue[session]
            // The plain relocation breaks a hard constraint: that is the wall.
            let plain = search.state.relocationDelta(session, venue: place, start: start)
            #expect(plain.hard > 0)
            guard let replacing = search.replacementDelta(session, venue: place, start: start) else {
                #expect(search.state.venue.elementsEqual(state.venue) && search.state.team.elementsEqual(state.team))
                continue
            }
            crossed += 1
            #expect(plain.hard + replacing.hard == 0, "new partners cross the wall")
            search.state.relocationTally(session, venue: place, start: start, into: &search.costed)
            search.makeReplacement(session, venue: place, start: start, costed: search.costed)
            let after = search.state
            #expect(after.venue[session] == place && after.start[session] == start)
            #expect(after.score.hard == state.score.hard + plain.hard + replacing.hard)
            #expect(after.score.soft == state.score.soft + plain.soft + replacing.soft, "the cost was known before")
            let old = state.partners(session)
            let new = after.partners(session)
            #expect(new.count == old.count)
            #expect(Set(new).count == new.count, "no partner twice")
            let activity = state.problem.sessionActivity[session]
            for position in old.indices {
                let free = state.partnerFree(old[position], session: session, venue: place, start: start)
                // A partner who can come stays; one who cannot gives way to another of the role.
                #expect(free == (new[position] == old[position]))
                let role = search.state.facts.positionCandidates[search.state.facts.positionStart[activity] + position]
                    .range
                #expect(search.state.facts.roleCandidates[role].contains(new[position]))
            }
            let report = ScheduleScorer.score(after.schedule(), for: season)
            #expect(report.score.hard == 0)
            for total in report.totals {
                #expect(after.amounts[total.constraint.index] == total.amount, "\(total.constraint.rawValue)")
            }
            #expect(after.score == report.score)
        }
        #expect(crossed > 0)
    }

    /// A partner at its weekly limit may still follow its session to another day of the same
    /// week (the session is counted there already), not to another week where the limit is full.
    @Test func aPartnerAtItsWeeklyLimitMayStayWithinTheWeek() throws {
        var season = try #require(BundledSeason.load())
        for index in season.partners.indices { season.partners[index].weeklyLimit = 1 }
        let problem = try CompiledProblem<Int16>(season: season)
        var state = Construction.run(problem, facts: try SearchFacts(problem: problem), seed: 1).state
        var within = 0
        var across = 0
        for session in 0..<problem.sessionCount where state.isPlaced(session) {
            let activity = problem.sessionActivity[session]
            let week = state.facts.week(ofSlot: state.start[session])
            for partner in state.partners(session) {
                for index in 0..<problem.candidates.counts(activity).starts {
                    let start = problem.candidates.start(activity, index)
                    guard !problem.partnerBusy(partner, during: start..<start + problem.sessionSlots[activity]) else {
                        continue
                    }
                    let failure = state.partnerFailure(
                        partner, session: session, venue: state.venue[session], start: start)
                    let full = state.partnerWeek[partner * state.facts.weekCount + state.facts.week(ofSlot: start)] >= 1
                    if state.facts.week(ofSlot: start) == week {
                        #expect(failure != .partnerWeeklyLimit)
                        within += 1
                    } else if full {
                        #expect(failure == .partnerWeeklyLimit)
                        across += 1
                    }
                }
            }
        }
        #expect(within > 100 && across > 100)
    }

    /// A start that breaks a hard constraint of its own (here another session at the venue) is
    /// not crossed by new partners, even where a partner could not come either.
    @Test func aWallThatIsNotPartnersIsLeftStanding() throws {
        var (_, problem, _, state) = try SeriesGatheringTests.bundledConstruction()
        var search = LocalSearch(state: state, seed: 1)
        var declined = 0
        for session in search.movable where state.isPlaced(session) {
            let activity = problem.sessionActivity[session]
            guard search.partnerChoice[activity] else { continue }
            for other in search.movable where other != session && state.isPlaced(other) {
                let (place, start) = (state.venue[other], state.start[other])
                guard problem.canHold(activity, venue: place, start: start),
                    state.partners(session).contains(where: {
                        !state.partnerFree($0, session: session, venue: place, start: start)
                    })
                else { continue }
                #expect(state.firstHardFailure(session, venue: place, start: start) != nil)
                let replacing = search.replacementDelta(session, venue: place, start: start)
                #expect(replacing == nil)
                declined += 1
                if declined == 20 { return }
            }
        }
        Issue.record("too few sessions to try")
    }

    /// The cost of a new team, known before the move, is what relocating and then replacing the
    /// partners one by one costs — for any team, free or not, and with a baseline whose place
    /// the move goes back to (`stability` counts the team there), in both directions.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aNewTeamCostsWhatMakingItCosts(seed: UInt64) throws {
        let (season, problem, _, built) = try SeriesGatheringTests.bundledConstruction()
        let baseline = built.schedule()
        var state = SearchState(problem: problem, facts: try SearchFacts(problem: problem, baseline: baseline))
        for session in 0..<problem.sessionCount where built.isPlaced(session) {
            state.insert(
                session, venue: built.venue[session], start: built.start[session], partners: built.partners(session))
        }
        let search = LocalSearch(state: state, seed: seed)
        var random = SeededGenerator(seed: seed)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        let chosen = search.movable.filter { search.partnerChoice[problem.sessionActivity[$0]] }
        var backToBaseline = 0
        for round in 0..<300 {
            let session = chosen[pick(chosen.count)]
            let activity = problem.sessionActivity[session]
            let at = state.facts.baseline[session]
            var place = state.venue[session]
            var start = state.start[session]
            if pick(3) == 0, let at, at.venue != place || at.start != start {
                (place, start) = (at.venue, at.start)
                backToBaseline += 1
            } else {
                let counts = problem.candidates.counts(activity)
                place = problem.candidates.venue(activity, pick(counts.venues))
                start = problem.candidates.start(activity, pick(counts.starts))
            }
            guard problem.canHold(activity, venue: place, start: start),
                place != state.venue[session] || start != state.start[session]
            else { continue }
            var team = state.partners(session)
            guard Set(team).count == team.count else { continue }
            for position in team.indices where pick(2) == 0 {
                let role = search.state.facts.roleCandidates[
                    search.state.facts.positionCandidates[search.state.facts.positionStart[activity] + position].range]
                let standIn = role[role.startIndex + pick(role.count)]
                if !team.contains(standIn) { team[position] = standIn }
            }
            if let at, at.venue == place, at.start == start, pick(2) == 0 {
                // Back to the baseline's own team where the roles allow it.
                let original = at.partners
                if original.count == team.count, Set(original).count == original.count { team = original }
            }
            let before = state.score
            let relocation = state.relocationDelta(session, venue: place, start: start)
            let change = state.teamChangeDelta(session, venue: place, start: start, team: team)
            state.relocate(session, venue: place, start: start)
            let base = state.facts.teamBase[session]
            for position in team.indices where state.team[base + position] != team[position] {
                state.replacePartner(session, at: position, with: team[position])
            }
            #expect(state.score.hard - before.hard == relocation.hard + change.hard, "seed \(seed), round \(round)")
            #expect(state.score.soft - before.soft == relocation.soft + change.soft, "seed \(seed), round \(round)")
        }
        #expect(backToBaseline > 20)
        let report = ScheduleScorer.score(state.schedule(), for: season, baseline: baseline)
        for total in report.totals {
            #expect(state.amounts[total.constraint.index] == total.amount, "\(total.constraint.rawValue)")
        }
        #expect(state.amounts[ConstraintID.stability.index] > 0)
    }
}
