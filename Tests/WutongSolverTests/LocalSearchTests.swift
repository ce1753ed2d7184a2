import Testing
import WutongModel
import WutongSolver

@Suite struct LocalSearchTests {
    @Test func searchImprovesAndBothScorersAgree() throws {
        let season = try #require(BundledSeason.load())
        let result = Solver.solve(season, options: SolveOptions(seed: 3, moveLimit: 60_000))
        #expect(result.moves == 60_000)
        #expect(result.report.score == result.searched)
        #expect(result.report.score <= result.constructed)
        #expect(result.report.score.soft < result.constructed.soft)
        #expect(result.report.score.hard == 0 && result.report.unplaced.isEmpty)
        let pinned = try #require(result.schedule.sessions.first { $0.activity == "open-day" && $0.index == 2 })
        #expect(pinned.placement?.venue == "pushkin-square")
    }

    /// Each role of a session has a partner of its own, in the order of the activity's roles:
    /// the search reads a team's positions that way, and a partner seated twice would leave a
    /// role empty after a partner change.
    @Test(arguments: [Acceptance.annealing, .lateAcceptance])
    func everyRoleHasAPartnerOfItsOwn(acceptance: Acceptance) throws {
        let season = try #require(BundledSeason.load())
        let result = Solver.solve(season, options: SolveOptions(seed: 1, moveLimit: 150_000, acceptance: acceptance))
        let activities = Dictionary(uniqueKeysWithValues: season.activities.map { ($0.id, $0) })
        let partners = Dictionary(uniqueKeysWithValues: season.partners.map { ($0.id, $0) })
        for session in result.schedule.sessions {
            guard let placement = session.placement, let activity = activities[session.activity] else { continue }
            #expect(Set(placement.partners).count == placement.partners.count, "\(session.activity) #\(session.index)")
            var seat = 0
            for role in activity.roles {
                for _ in 0..<role.count {
                    let partner = seat < placement.partners.count ? partners[placement.partners[seat]] : nil
                    #expect(
                        partner.map(role.admits) == true,
                        "\(session.activity) #\(session.index): seat \(seat) (\(role.role)) has \(partner?.id ?? "nobody")"
                    )
                    seat += 1
                }
            }
        }
    }

    @Test func sameSeedAndMoveLimitGiveTheSameSchedule() throws {
        let season = SyntheticSeason.generate(activities: 40, seed: 5)
        let first = Solver.solve(season, options: SolveOptions(seed: 9, moveLimit: 20_000))
        let second = Solver.solve(season, options: SolveOptions(seed: 9, moveLimit: 20_000))
        #expect(first.schedule == second.schedule)
        #expect(first.report.score == first.searched)
    }

    @Test func stopRequestEndsTheSearchWithTheBestSoFar() {
        let season = SyntheticSeason.generate(activities: 30, seed: 2)
        let result = Solver.solve(season, options: SolveOptions(seed: 1, moveLimit: 10_000_000), shouldStop: { true })
        #expect(result.moves == 0)
        #expect(result.report.score == result.constructed)
    }

    @Test func aBaselineKeepsSessionsWhereTheyWere() throws {
        let season = try #require(BundledSeason.load())
        let first = Solver.solve(season, options: SolveOptions(seed: 1, moveLimit: 20_000))
        let again = Solver.solve(season, options: SolveOptions(seed: 2, moveLimit: 20_000, baseline: first.schedule))
        #expect(again.report.score == again.searched)
        // Re-planning starts from the baseline: nothing moved yet, so the start costs what the
        // baseline cost, and the search only keeps improvements.
        #expect(again.constructed == first.report.score)
        #expect(again.report.score <= first.report.score)
    }
}

@Suite struct PinnedConflictTests {
    @Test func overlappingPinsAreReportedBeforeSearching() throws {
        var season = try #require(BundledSeason.load())
        let open = try #require(season.activities.firstIndex { $0.id == "open-day" })
        let swap = try #require(season.activities.firstIndex { $0.id == "instrument-day" })
        #expect(PinnedConflicts.find(in: season).isEmpty)
        season.activities[swap].pins = [
            PinnedSession(session: 1, venue: "pushkin-square", start: LocalDateTime("2027-05-22T14:00")!)
        ]
        let conflicts = PinnedConflicts.find(in: season)
        #expect(conflicts.contains { $0.hasPrefix("venue-conflict: ") && $0.hasSuffix(" at pushkin-square") })
        #expect(season.activities[open].pins.count == 1)
    }
}

@Suite struct PortfolioTests {
    @Test func aPortfolioIsReproducibleAndAtLeastAsGoodAsItsFirstSearch() {
        let season = SyntheticSeason.generate(activities: 40, seed: 8)
        let options = SolveOptions(seed: 5, moveLimit: 10_000, threads: 3)
        let first = Solver.solvePortfolio(season, options: options)
        let again = Solver.solvePortfolio(season, options: options)
        #expect(first.schedule == again.schedule)
        let single = Solver.solve(season, options: SolveOptions(seed: 5, moveLimit: 10_000))
        #expect(first.report.score <= single.report.score)
        #expect(first.report.score == first.searched)
    }
}
