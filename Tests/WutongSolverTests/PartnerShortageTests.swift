import Testing
import WutongModel

@testable import WutongSolver

/// The construction's checks of partners once per start instead of once per venue: a start it
/// skips has no team at any venue, the tables of partners present count right, and unplaced
/// sessions are explained exactly as checking every partner at every venue, for every session,
/// would.
@Suite struct PartnerShortageTests {
    /// The construction of `season()`, ready to ask.
    static func constructed() throws -> Construction<Int16> {
        let problem = try CompiledProblem<Int16>(season: season())
        let built = Construction.run(problem, facts: try SearchFacts(problem: problem), seed: 3)
        return Construction(problem: problem, state: built.state, random: SeededGenerator(seed: 3))
    }

    /// A generated season whose partners are often away (a quarter of them all season, a
    /// quarter in the third week, a quarter half an hour a day) or may come once a week at most
    /// (a quarter), so that many starts lack partners while many sessions are still placed
    /// around them; medical partners are away all season, which leaves the sessions that need
    /// one unplaced.
    static func season() -> Season {
        var season = SyntheticSeason.generate(activities: 50, seed: 11, spread: .city)
        season.calendar.end = LocalDate("2027-03-28")!
        for index in season.partners.indices {
            switch index % 4 {
            case 0:
                season.partners[index].unavailable = [
                    LocalPeriod(start: LocalDateTime("2027-03-01T00:00")!, end: LocalDateTime("2027-06-01T00:00")!)
                ]
            case 1: season.partners[index].weeklyLimit = 1
            case 2:
                season.partners[index].unavailable = [
                    LocalPeriod(start: LocalDateTime("2027-03-15T00:00")!, end: LocalDateTime("2027-03-22T00:00")!)
                ]
            default:
                season.partners[index].weeklyLimit = nil
                // Away half an hour a day, so that a session's length decides whether it meets it.
                season.partners[index].unavailable = (1...28).map { day in
                    let date = "2027-03-\(day < 10 ? "0" : "")\(day)"
                    return LocalPeriod(start: LocalDateTime(date + "T12:00")!, end: LocalDateTime(date + "T12:30")!)
                }
            }
            if season.partners[index].roles.contains(.medical) {
                season.partners[index].unavailable = [
                    LocalPeriod(start: LocalDateTime("2027-03-01T00:00")!, end: LocalDateTime("2027-06-01T00:00")!)
                ]
            }
        }
        return season
    }

    /// A short generated season whose partners are all away: nothing is placed, so every
    /// session is explained one after another.
    static func everyoneAway() -> Season {
        var season = SyntheticSeason.generate(activities: 12, seed: 5)
        season.calendar.end = LocalDate("2027-03-21")!
        for index in season.partners.indices {
            season.partners[index].unavailable = [
                LocalPeriod(start: LocalDateTime("2027-03-01T00:00")!, end: LocalDateTime("2027-06-01T00:00")!)
            ]
        }
        return season
    }

    @Test(arguments: [false, true])
    func siblingsExplainedOnceHaveTheReasonsExplainingEachGives(everyoneAway: Bool) throws {
        let problem = try CompiledProblem<Int16>(season: everyoneAway ? Self.everyoneAway() : Self.season())
        let facts = try SearchFacts(problem: problem)
        func reasons(once: Bool) -> [SessionKey: [String]] {
            var construction = Construction(
                problem: problem, state: SearchState(problem: problem, facts: facts),
                random: SeededGenerator(seed: 3))
            construction.explainsSiblingsOnce = once
            return construction.build(initial: []).reasons.mapValues { why in
                why.ruledOut.map { "\($0.constraint) \($0.candidates)" } + ["\(why.examined) of \(why.placements)"]
            }
        }
        let once = reasons(once: true)
        #expect(once == reasons(once: false))
        let siblings = Dictionary(grouping: once.keys, by: \.activity).values.filter { $0.count > 1 }
        #expect(siblings.count >= 3, "activities with more than one session unplaced")
        if everyoneAway {
            #expect(once.count == problem.sessionCount)
            #expect(Set(once.values).count > 1, "activities are ruled out differently")
        }
    }

    @Test func aStartSkippedForLackOfPartnersHasNoTeamAtAnyVenue() throws {
        var construction = try Self.constructed()
        let problem = construction.problem
        var random = SeededGenerator(seed: 8)
        var skipped = 0
        var kept = 0
        for _ in 0..<1_500 {
            guard let (session, _, slot) = problem.randomSessionAndStart(using: &random) else { continue }
            guard construction.state.startLacksPartnersAtEveryVenue(session, start: slot) else {
                kept += 1
                continue
            }
            skipped += 1
            let teamed = (0..<problem.venueCount).filter {
                construction.choosePartners(session, venue: $0, start: slot, fixed: []) != nil
            }
            #expect(teamed.isEmpty, "session \(session) at slot \(slot) has a team at \(teamed)")
        }
        #expect(skipped > 100, "partners are away often enough")
        #expect(kept > 100)
    }

    @Test func theTablesOfPresentPartnersCountThoseNotAwayAndSkipOnlyStartsThatLackPartners() throws {
        var construction = try Self.constructed()
        let problem = construction.problem
        for activity in 0..<problem.activityCount {
            for requirement in problem.requirements[activity] {
                construction.presentPartners.build(
                    list: requirement.list, candidates: requirement.candidates,
                    slots: problem.sessionSlots[activity], problem: problem)
            }
        }
        var random = SeededGenerator(seed: 12)
        var tooFew = 0
        for _ in 0..<2_000 {
            guard let (session, activity, slot) = problem.randomSessionAndStart(using: &random) else { continue }
            let slots = problem.sessionSlots[activity]
            for requirement in problem.requirements[activity] {
                let present = requirement.candidates.count { !problem.partnerBusy($0, during: slot..<slot + slots) }
                let counted = construction.presentPartners.count(list: requirement.list, slots: slots, start: slot)
                #expect(counted == present, "session \(session), slot \(slot)")
                let answer = construction.presentPartners.tooFew(
                    list: requirement.list, slots: slots, start: slot, needed: requirement.count)
                #expect(answer == (present < requirement.count), "session \(session), slot \(slot)")
            }
            if construction.lacksPartners(session, start: slot) {
                let lacking = construction.state.startLacksPartnersAtEveryVenue(session, start: slot)
                #expect(lacking, "session \(session), slot \(slot)")
            }
            if problem.requirements[activity].contains(where: {
                construction.presentPartners.tooFew(list: $0.list, slots: slots, start: slot, needed: $0.count) == true
            }) {
                tooFew += 1
            }
        }
        #expect(tooFew > 100, "medical partners are away all season")
    }

    @Test func aPartnerRuledOutAtEveryVenueIsRuledOutAtEachForTheSameReason() throws {
        var construction = try Self.constructed()
        let problem = construction.problem
        var random = SeededGenerator(seed: 9)
        var ruledOut: [ConstraintID: Int] = [:]
        for _ in 0..<3_000 {
            let session = Int(random.next() % UInt64(problem.sessionCount))
            let activity = problem.sessionActivity[session]
            let candidates = problem.requirements[activity].flatMap(\.candidates)
            let starts = problem.candidateStarts[activity]
            guard !candidates.isEmpty, !starts.isEmpty else { continue }
            let partner = candidates[Int(random.next() % UInt64(candidates.count))]
            let slot = starts[Int(random.next() % UInt64(starts.count))]
            guard let failure = construction.state.partnerFailureAtEveryVenue(partner, session: session, start: slot)
            else { continue }
            ruledOut[failure, default: 0] += 1
            for venue in 0..<problem.venueCount {
                let there = construction.state.partnerFailure(partner, session: session, venue: venue, start: slot)
                #expect(there == failure, "partner \(partner), session \(session), slot \(slot), venue \(venue)")
            }
        }
        // Each reason that holds at every venue occurs.
        #expect(ruledOut[.partnerAvailability, default: 0] > 50)
        #expect(ruledOut[.partnerWeeklyLimit, default: 0] > 20)
        #expect(ruledOut[.partnerConflict, default: 0] > 0)
    }

    @Test func partnersAreCountedAtAVenueAsCheckingEachThereWould() throws {
        var construction = try Self.constructed()
        let problem = construction.problem
        var random = SeededGenerator(seed: 10)
        var walked = 0
        for _ in 0..<3_000 {
            guard let (session, activity, slot) = problem.randomSessionAndStart(using: &random) else { continue }
            let venue = Int(random.next() % UInt64(problem.venueCount))
            let failures = construction.partnerFailures(session, start: slot)
            var expected = [Int](repeating: 0, count: ConstraintID.allCases.count)
            for partner in problem.requirements[activity].flatMap(\.candidates) {
                if let failure = construction.state.partnerFailure(partner, session: session, venue: venue, start: slot)
                {
                    expected[failure.index] += 1
                }
            }
            let counted = construction.partnerFailureCounts(session, venue: venue, start: slot, knowing: failures)
            #expect(counted == expected, "session \(session), slot \(slot), venue \(venue)")
            if counted != failures.everywhere { walked += 1 }
        }
        #expect(walked > 20, "some partners are ruled out only by the walk from the venue")
    }

    /// Every how many starts explaining looks at, worked out apart from `Construction.explain`:
    /// the fewest that keep the sample within the budget.
    static func sampleStep(placements: Int) -> Int {
        Int((Double(placements) / Double(Construction<Int16>.explanationBudget)).rounded(.up))
    }

    /// Explaining the simple way: every candidate (venue, start) of the sample, every partner
    /// checked at every venue.
    static func explainedOneByOne(_ construction: inout Construction<Int16>, session: Int) -> [ConstraintID: Int] {
        let problem = construction.problem
        let activity = problem.sessionActivity[session]
        let starts = problem.candidateStarts[activity]
        let venues = problem.candidateVenues[activity]
        let step = Self.sampleStep(placements: starts.count * venues.count)
        var counts: [ConstraintID: Int] = [:]
        for start in stride(from: 0, to: starts.count, by: step).map({ starts[$0] }) {
            for venue in venues {
                if let failure = construction.state.firstHardFailure(session, venue: venue, start: start) {
                    counts[failure, default: 0] += 1
                    continue
                }
                guard construction.choosePartners(session, venue: venue, start: start, fixed: []) == nil else {
                    continue
                }
                var partners: [ConstraintID: Int] = [:]
                for requirement in problem.requirements[activity] {
                    for partner in requirement.candidates {
                        if let failure = construction.state.partnerFailure(
                            partner, session: session, venue: venue, start: start)
                        {
                            partners[failure, default: 0] += 1
                        }
                    }
                }
                let most = partners.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? .partnerConflict
                counts[most, default: 0] += 1
            }
        }
        return counts
    }

    @Test func unplacedSessionsAreExplainedAsCheckingEveryPartnerAtEveryVenueWould() throws {
        var construction = try Self.constructed()
        let problem = construction.problem
        let unplaced = (0..<problem.sessionCount).filter { !construction.state.isPlaced($0) }
        #expect(
            unplaced.count >= 10,
            "\(unplaced.count) unplaced: partners are away often enough to leave sessions unplaced")
        var byPartners = 0
        for session in unplaced {
            let activity = problem.sessionActivity[session]
            let explained = construction.explain(session)
            let expected = Self.explainedOneByOne(&construction, session: session)
            #expect(
                Dictionary(uniqueKeysWithValues: explained.ruledOut.map { ($0.constraint, $0.candidates) }) == expected)
            let (starts, venues) = (problem.candidateStarts[activity].count, problem.candidateVenues[activity].count)
            let step = Self.sampleStep(placements: starts * venues)
            #expect(explained.placements == starts * venues)
            #expect(explained.examined == (starts + step - 1) / step * venues)
            #expect(explained.ruledOut.map(\.candidates).reduce(0, +) == explained.examined, "each one ruled out once")
            if explained.ruledOut.contains(where: { $0.constraint == .partnerAvailability }) { byPartners += 1 }
        }
        #expect(byPartners > 0)
    }

    /// A session with more candidate placements than explaining looks at is explained over an
    /// evenly spread sample of about that many, and says so.
    @Test func aLargeSessionIsExplainedOverASampleOfItsPlacements() throws {
        let problem = try CompiledProblem<Int16>(season: SyntheticSeason.generate(activities: 400, seed: 3))
        var construction = Construction(
            problem: problem, state: SearchState(problem: problem, facts: try SearchFacts(problem: problem)),
            random: SeededGenerator(seed: 1))
        let placements = { (session: Int) in
            let activity = problem.sessionActivity[session]
            return problem.candidateStarts[activity].count * problem.candidateVenues[activity].count
        }
        let session = try #require((0..<problem.sessionCount).max { placements($0) < placements($1) })
        let venues = problem.candidateVenues[problem.sessionActivity[session]].count
        try #require(placements(session) > 2 * Construction<Int16>.explanationBudget)
        let explained = construction.explain(session)
        #expect(explained.isSampled && explained.placements == placements(session))
        #expect(explained.examined.isMultiple(of: venues), "every venue at each start looked at")
        #expect(explained.examined > Construction<Int16>.explanationBudget / 2)
        #expect(explained.examined <= Construction<Int16>.explanationBudget + venues)
        #expect(explained.ruledOut.map(\.candidates).reduce(0, +) <= explained.examined)
    }
}
