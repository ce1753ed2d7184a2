import Testing
import WutongModel

/// The validator on seasons built in code, so each rule is seen in isolation.
@Suite struct SeasonValidatorTests {
    static func season(_ change: (inout Season) -> Void = { _ in }) -> Season {
        var season = SyntheticSeason.generate(activities: 6, seed: 7)
        change(&season)
        return season
    }

    @Test func generatedSeasonHasNoProblems() {
        #expect(SeasonValidator.validate(Self.season()).isEmpty)
    }

    @Test func eachRuleReportsItsOwnProblem() {
        let cases: [(String, (inout Season) -> Void)] = [
            ("unknown time zone", { $0.calendar.timeZone = "Europe/Atlantis" }),
            ("ends (", { $0.calendar.end = $0.calendar.start.adding(days: -1) }),
            ("not a whole number of 30-minute slots", { $0.calendar.dayEnd = TimeOfDay(minutes: 21 * 60 + 45)! }),
            ("duplicate venue id", { $0.venues[1].id = $0.venues[0].id }),
            ("unknown grid", { $0.venues[0].grid = "g9" }),
            ("unknown audience group", { $0.activities[0].audiences = ["tourists"] }),
            ("is named twice; name it once", { $0.activities[0].audiences += $0.activities[0].audiences }),
            (
                "cannot come after itself",
                { $0.activities[0].after = [ActivityReference(activity: $0.activities[0].id)] }
            ),
            (
                "precedence cycle",
                {
                    $0.activities[0].after = [ActivityReference(activity: $0.activities[1].id)]
                    $0.activities[1].after = [ActivityReference(activity: $0.activities[0].id)]
                }
            ),
            ("no venue can ever hold", { $0.activities[0].audienceSize = 100_000 }),
            (
                "no partner unit has that role",
                {
                    $0.partners = $0.partners.map {
                        var partner = $0; partner.roles.remove(.medical); return partner
                    }
                    $0.activities[0].roles = [RoleRequirement(role: .medical)]
                }
            ),
            (
                "longer than every window of audience",
                {
                    $0.activities[3].durationMinutes = 120  // office workers: 90-minute lunch and evening windows
                }
            ),
            (
                "lies outside the season",
                {
                    $0.venues[0].closures = [
                        LocalPeriod(start: LocalDateTime("2028-01-01")!, end: LocalDateTime("2028-01-02")!)
                    ]
                }
            ),
            ("asks for 9 distinct days", { $0.activities[0].minDistinctDays = 9 }),
            (
                "there is no session 9 to pin",
                {
                    $0.activities[0].pins = [
                        PinnedSession(session: 9, venue: "v1", start: LocalDateTime("2027-03-02T10:00")!)
                    ]
                }
            ),
            ("more than 100%", { $0.grids[0].targetShare = 90 }),
        ]
        for (expected, change) in cases {
            let diagnostics = SeasonValidator.validate(Self.season(change))
            #expect(
                diagnostics.contains { $0.severity == .error && $0.message.contains(expected) },
                "\(expected): \(diagnostics.map(\.message))")
        }
    }

    @Test func allProblemsAreReportedAtOnce() {
        let diagnostics = SeasonValidator.validate(
            Self.season {
                $0.calendar.timeZone = "Nowhere/Land"
                $0.venues[0].grid = "g9"
                $0.activities[0].audiences = ["tourists"]
            })
        #expect(diagnostics.filter { $0.severity == .error }.count >= 3)
    }
}
