import Foundation
import Testing
import WutongFormats
import WutongModel
import WutongSolver
import WutongTestSupport

/// What-if runs on the bundled season: scenarios read and applied, minimal-change re-plans,
/// diffs and calendar updates.
@Suite struct WhatIfTests {
    static let scenarios = TestPaths.packageRoot.appendingPathComponent("Inputs/hunan-spring-2027/scenarios")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/scenarios")

    /// The bundled season and a plan of it, as published (the same for every test).
    static let published: (season: Season, busy: [String: [LocalPeriod]], schedule: Schedule) = {
        let loaded = SeasonLoader.load(path: TestPaths.bundledSeason)
        let season = loaded.season!
        // The first seed whose plan uses the Symphony Hall in week 6, which the bundled closure
        // needs (a change to the search changes which seeds do, so none is fixed here).
        let week6 = LocalDateTime("2027-04-05T00:00")!..<LocalDateTime("2027-04-12T00:00")!
        var schedule = Schedule(sessions: [])
        for seed in 1...20 as ClosedRange<UInt64> {
            schedule =
                Solver.solve(season, busy: loaded.busy, options: SolveOptions(seed: seed, moveLimit: 150_000))
                .schedule
            let usesHall = schedule.sessions.contains {
                $0.placement?.venue == "symphony-hall" && week6.contains($0.placement!.start)
            }
            if usesHall { break }
        }
        return (season, loaded.busy, schedule)
    }()

    static var bundledScenarioNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted()
    }

    static func load(_ url: URL) throws -> Scenario {
        let read = ScenarioLoader.load(path: url.path, displayName: url.lastPathComponent)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.rendered))")
        return try #require(read.scenario)
    }

    static func run(_ scenario: Scenario, moves: Int = 150_000) -> (ScenarioApplication, WhatIfResult) {
        let application = ScenarioApplication(scenario, season: published.season, baseline: published.schedule)
        let result = WhatIf.run(
            application, original: published.season, busy: published.busy,
            options: SolveOptions(seed: 3, moveLimit: moves, acceptance: .lateAcceptance))
        return (application, result)
    }

    @Test func theBundledSeasonHasAtLeastFiveScenarios() {
        #expect(Self.bundledScenarioNames.count >= 5)
    }

    @Test(arguments: bundledScenarioNames)
    func everyBundledScenarioRunsAndKeepsWhatMustStay(file: String) throws {
        let scenario = try Self.load(Self.scenarios.appendingPathComponent(file))
        #expect(file == scenario.name + ".xml", "the file is named after its scenario")
        let (application, result) = Self.run(scenario)
        #expect(application.diagnostics.isEmpty, "\(application.diagnostics.map(\.rendered))")
        #expect(result.solved.report.score == result.solved.searched)
        let after = Dictionary(
            result.solved.schedule.sessions.map { (SessionKey($0), $0.placement) }, uniquingKeysWith: { a, _ in a })
        let before = Dictionary(
            Self.published.schedule.sessions.map { (SessionKey($0), $0.placement) }, uniquingKeysWith: { a, _ in a })
        for key in application.frozen {
            #expect(after[key] == before[key], "\(file): frozen \(key) moved")
        }
        if let now = scenario.now {
            for move in result.diff.moved {
                #expect(move.to.start >= now, "\(file): \(move.session) moved into the past")
            }
            for addition in result.diff.placed { #expect(addition.placement.start >= now) }
        }
        // Every change is accounted for: a session that had to move says why; one that moved to
        // make room is listed as such.
        for move in result.diff.moved where move.reason == nil {
            #expect(result.diff.knockOn.contains(move))
        }
        // Nothing is lost: the re-plan keeps at least as many sessions placed as the scenario
        // allows (no session is dropped for soft gains).
        #expect(result.solved.report.score.hard == 0, "\(file): \(result.solved.report.score)")
    }

    @Test func aScenarioThatTouchesNothingMovesNothing() throws {
        let scenario = try Self.load(Self.scenarios.appendingPathComponent("nothing-changes.xml"))
        let (application, result) = Self.run(scenario)
        #expect(result.diff.isEmpty)
        #expect(result.diff.partnersAffected.isEmpty)
        // The calendars are the published ones byte for byte (DTSTAMP fixed here).
        let stamp = Date(timeIntervalSince1970: 1_800_000_000)
        let published = CalendarExport.feeds(Self.published.schedule, for: Self.published.season, stamp: stamp)
        let replanned = CalendarExport.feeds(
            result.solved.schedule, for: application.exportSeason, stamp: stamp, baseline: Self.published.schedule)
        #expect(published.map(\.fileName) == replanned.map(\.fileName))
        for (old, new) in zip(published, replanned) { #expect(old.text == new.text, "\(old.fileName) changed") }
        #expect(
            CalendarExport.requests(
                result.solved.schedule, for: application.exportSeason, stamp: stamp, baseline: Self.published.schedule
            ).isEmpty)
        #expect(
            CalendarExport.cancellations(
                result.solved.schedule, for: application.exportSeason, stamp: stamp, baseline: Self.published.schedule
            ).isEmpty)
    }

    /// The published plan has sessions in the Symphony Hall in week 6; closing it moves exactly
    /// those, each with the closure as its reason.
    @Test func closingOneVenueForOneWeekMovesOnlyItsSessions() throws {
        let scenario = try Self.load(Self.scenarios.appendingPathComponent("symphony-hall-closed-week-6.xml"))
        let (application, result) = Self.run(scenario)
        let closed = LocalDateTime("2027-04-05T00:00")!..<LocalDateTime("2027-04-12T00:00")!
        let there = Set(
            Self.published.schedule.sessions.filter {
                $0.placement?.venue == "symphony-hall" && closed.contains($0.placement!.start)
            }.map(SessionKey.init))
        try #require(!there.isEmpty, "the published plan must use the hall in week 6 for this test to mean anything")
        #expect(Set(application.affected.keys) == there)
        let changed = Set(result.diff.moved.map(\.session) + result.diff.cancelled.map(\.session))
        #expect(changed == there, "moved or cancelled \(changed.sorted()), expected \(there.sorted())")
        #expect(result.diff.knockOn.isEmpty)
        for move in result.diff.moved {
            #expect(move.reason?.hasPrefix("symphony-hall is closed 2027-04-05T00:00") == true)
            #expect(move.to.venue != "symphony-hall" || !closed.contains(move.to.start))
        }
    }

    @Test func frozenSessionsNeverMoveEvenWhenThatBreaksTheRest() throws {
        let published = Self.published.schedule
        // A session in the first half of the season, at a venue then closed for the whole season.
        let victim = try #require(
            published.sessions.filter { $0.placement.map { $0.start < LocalDateTime("2027-04-01T00:00")! } ?? false }
                .min { ($0.placement!.start, $0.activity) < ($1.placement!.start, $1.activity) })
        let venue = victim.placement!.venue
        let scenario = Scenario(
            name: "closed-after-the-fact", season: Self.published.season.id, now: LocalDateTime("2027-04-01T00:00"),
            changes: [
                .closeVenue(
                    venue: venue,
                    period: LocalPeriod(
                        start: LocalDateTime("2027-03-01T00:00")!, end: LocalDateTime("2027-06-01T00:00")!))
            ])
        let (application, result) = Self.run(scenario)
        #expect(application.frozen.contains(SessionKey(victim)))
        let kept = result.solved.schedule.sessions.first { SessionKey($0) == SessionKey(victim) }
        #expect(kept?.placement == victim.placement)
        #expect(result.solved.report.score.hard > 0, "the frozen session breaks venue-hours and stays")
        let report = WhatIfReport(
            name: scenario.name, description: nil, season: application.exportSeason,
            schedule: result.solved.schedule, diff: result.diff, before: result.before, after: result.solved.report,
            reasons: [:])
        #expect(report.text.contains("frozen or pinned sessions that break hard constraints"))
        #expect(!result.diff.moved.contains { $0.session == SessionKey(victim) })
    }

    /// The bundled open day #2 is pinned at Pushkin square on 22 May; rain that day closes the
    /// square. The session stays, with its venue, time and partners, and the diff says why the
    /// plan now breaks a hard constraint.
    @Test func aPinnedSessionKeepsItsPlaceAndPartnersWhenItsVenueCloses() throws {
        let scenario = Scenario(
            name: "rain-on-the-open-day", season: Self.published.season.id,
            changes: [
                .closeVenue(
                    venue: "pushkin-square",
                    period: LocalPeriod(
                        start: LocalDateTime("2027-05-22T00:00")!, end: LocalDateTime("2027-05-23T00:00")!))
            ])
        let (application, result) = Self.run(scenario, moves: 20_000)
        let open = SessionKey(activity: "open-day", index: 2)
        #expect(!result.diff.moved.contains { $0.session == open })
        #expect(!result.diff.cancelled.contains { $0.session == open })
        #expect(result.solved.report.score.hard > 0)
        let report = WhatIfReport(
            name: scenario.name, description: nil, season: application.exportSeason,
            schedule: result.solved.schedule, diff: result.diff, before: result.before, after: result.solved.report,
            reasons: [:])
        #expect(report.text.contains("frozen or pinned sessions that break hard constraints"))
        #expect(report.text.contains("venue-hours"))
    }

    @Test func removingAnActivityOrSessionsCancelsThem() throws {
        let scenario = Scenario(
            name: "smaller", season: Self.published.season.id,
            changes: [
                .removeActivity(activity: "instrument-care", source: nil),
                .changeActivity(ActivityChange(activity: "spring-concert", sessions: 4)),
            ])
        let (application, result) = Self.run(scenario, moves: 20_000)
        #expect(application.removedActivities.map(\.id) == ["instrument-care"])
        let cancelled = Set(result.diff.cancelled.map(\.session))
        for index in 1...2 { #expect(cancelled.contains(SessionKey(activity: "instrument-care", index: index))) }
        for index in 5...6 { #expect(cancelled.contains(SessionKey(activity: "spring-concert", index: index))) }
        let stamp = Date(timeIntervalSince1970: 1_800_000_000)
        let messages = CalendarExport.cancellations(
            result.solved.schedule, for: application.exportSeason, stamp: stamp, baseline: Self.published.schedule)
        let text = messages.map(\.text).joined()
        #expect(text.contains("METHOD:CANCEL"))
        #expect(text.contains("UID:hunan-spring-2027-instrument-care-1@wutong"))
        #expect(text.contains("UID:hunan-spring-2027-spring-concert-6@wutong"))
    }

    @Test func requestsCarryOnlyWhatChangedForEachPartner() throws {
        let scenario = try Self.load(Self.scenarios.appendingPathComponent("jazz-workshop-joins.xml"))
        let (application, result) = Self.run(scenario)
        // How many of the four workshops fit depends on the published plan (one search's), so
        // the request is checked against those that did; the band performs at every one.
        let placed = result.diff.placed.filter { $0.session.activity == "jazz-workshop" }
        #expect(placed.count >= 3, "\(result.diff.unplaced)")
        #expect(placed.allSatisfy { $0.placement.partners.contains("street-jazz-band") })
        let stamp = Date(timeIntervalSince1970: 1_800_000_000)
        let requests = CalendarExport.requests(
            result.solved.schedule, for: application.exportSeason, stamp: stamp, baseline: Self.published.schedule)
        let band = try #require(requests.first { $0.fileName == "request-partner-street-jazz-band.ics" })
        #expect(band.text.contains("METHOD:REQUEST"))
        let workshops = band.text.components(separatedBy: "UID:hunan-spring-2027-jazz-workshop-").count - 1
        let moves = result.diff.moved.filter {
            $0.to.partners.contains("street-jazz-band")
                && ($0.to.start != $0.from.start || $0.to.venue != $0.from.venue
                    || !$0.from.partners.contains("street-jazz-band"))
        }.count
        #expect(workshops == placed.count)
        #expect(band.text.components(separatedBy: "BEGIN:VEVENT").count - 1 == placed.count + moves)
        // A partner with nothing new gets no request.
        let concerned = Set(result.diff.placed.flatMap(\.placement.partners) + result.diff.moved.flatMap(\.to.partners))
        for request in requests {
            let id = String(request.fileName.dropFirst("request-partner-".count).dropLast(4))
            #expect(concerned.contains(id), "\(request.fileName) holds nothing that changed")
        }
    }

    @Test func theWhatIfJSONHasTheDocumentedShape() throws {
        let scenario = try Self.load(Self.scenarios.appendingPathComponent("symphony-hall-closed-week-6.xml"))
        let (application, result) = Self.run(scenario, moves: 20_000)
        let report = WhatIfReport(
            name: scenario.name, description: scenario.description, season: application.exportSeason,
            schedule: result.solved.schedule, diff: result.diff, before: result.before, after: result.solved.report,
            reasons: [:])
        let bytes = WhatIfReport.json([
            .success(report), .failure(WhatIfFailure(name: "broken", messages: ["x:1:1: error: y"])),
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 2)
        let first = scenarios[0]
        #expect(first["name"] as? String == "symphony-hall-closed-week-6")
        #expect(first["status"] as? String == "ok")
        let score = try #require(first["score"] as? [String: Int])
        #expect(score["hard"] == result.solved.report.score.hard && score["soft"] == result.solved.report.score.soft)
        let moved = try #require(first["moved"] as? [[String: Any]])
        #expect(moved.count == result.diff.moved.count)
        if let move = moved.first {
            #expect((move["uid"] as? String)?.hasSuffix("@wutong") == true)
            let from = try #require(move["from"] as? [String: Any])
            #expect((from["start"] as? String)?.hasSuffix("+08:00") == true)
            #expect(from["venue"] as? String == "symphony-hall")
            #expect(move["to"] is [String: Any])
        }
        for key in ["cancelled", "placed", "unplaced"] { #expect(first[key] is [[String: Any]], "\(key)") }
        #expect(scenarios[1]["status"] as? String == "failed")
        #expect(scenarios[1]["errors"] as? [String] == ["x:1:1: error: y"])
    }

    // MARK: Sweeps

    @Test func sweepsMakeOneScenarioPerLoss() {
        let season = Self.published.season
        #expect(ScenarioSweep.scenarios(.venues, for: season).count == season.venues.count)
        #expect(ScenarioSweep.scenarios(.partners, for: season).count == season.partners.count)
        let weekends = ScenarioSweep.scenarios(.weekends, for: season)
        // Spring 2027 has 13 weekends from 6 March to 29 May; Qingming (3–5 April) and Labour Day
        // (1–5 May) black out two of them whole.
        #expect(weekends.count == 11)
        #expect(!weekends.contains { $0.name == "rain-2027-04-03" || $0.name == "rain-2027-05-01" })
        #expect(weekends.first?.name == "rain-2027-03-06")
        let outdoor = season.venues.filter { $0.setting == .outdoor }.count
        #expect(weekends.allSatisfy { $0.changes.count == outdoor })
        let later = ScenarioSweep.scenarios(.weekends, for: season, now: LocalDateTime("2027-05-01T00:00"))
        #expect(
            later.first?.name == "rain-2027-05-08", "the weekend of Labour Day is a blackout; earlier ones are past")
        for scenario in ScenarioSweep.scenarios(.partners, for: season).prefix(3) {
            #expect(!ScenarioApplication(scenario, season: season, baseline: Self.published.schedule).hasErrors)
        }
    }

    // MARK: Bad input

    static var badFixtureNames: [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("bad").path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test(arguments: badFixtureNames)
    func badScenarioIsRefusedWithItsGoldenDiagnostics(name: String) throws {
        let display = "bad/\(name).xml"
        let read = ScenarioLoader.load(path: Self.fixtures.appendingPathComponent(display).path, displayName: display)
        var diagnostics = read.diagnostics
        if let scenario = read.scenario {
            let application = ScenarioApplication(
                scenario, season: Self.published.season, baseline: Self.published.schedule)
            diagnostics += application.diagnostics
        }
        #expect(diagnostics.contains { $0.severity == .error }, "\(name) was accepted")
        for diagnostic in diagnostics {
            #expect(diagnostic.location.file == display)
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
        }
        let rendered = diagnostics.sorted().map(\.rendered).joined(separator: "\n") + "\n"
        let golden = Self.fixtures.appendingPathComponent("bad/\(name).expected")
        if ProcessInfo.processInfo.environment["WUTONG_UPDATE_GOLDENS"] == "1" {
            try rendered.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(rendered == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func theDocumentedExampleIsValid() throws {
        let doc = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Docs/scenario-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```xml\n"))
        let end = try #require(doc[start.upperBound...].range(of: "```"))
        let read = ScenarioLoader.load(
            bytes: Array(doc[start.upperBound..<end.lowerBound].utf8), fileName: "example.xml")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.rendered))")
        let scenario = try #require(read.scenario)
        #expect(scenario.changes.count == 6)
        let application = ScenarioApplication(
            scenario, season: Self.published.season, baseline: Self.published.schedule)
        #expect(application.diagnostics.isEmpty, "\(application.diagnostics.map(\.rendered))")
        #expect(!application.frozen.isEmpty)
    }

    @Test func theScenarioSchemaTakesTheActivityFromTheSeasonSchema() {
        #expect(ScenarioSchema.xsd.contains(#"<xs:complexType name="activity">"#))
        #expect(ScenarioSchema.xsd.contains(#"<xs:simpleType name="constraintName">"#))
        #expect(ScenarioSchema.xsd.contains("targetNamespace=\"urn:wutong:scenario:1\""))
        #expect(!ScenarioSchema.xsd.contains("urn:wutong:season:1"))
    }
}
