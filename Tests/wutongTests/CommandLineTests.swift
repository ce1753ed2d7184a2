import Foundation
import Testing
import WutongTestSupport

/// Runs the built `wutong` executable as a user would and checks exit codes and output.
struct CommandLine {
    static let executable: URL = {
        // Tests run from the build products directory, where `wutong` is built beside them.
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidates = [directory, Bundle.main.bundleURL.deletingLastPathComponent()].map {
            $0.appendingPathComponent("wutong")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ arguments: [String], in directory: URL = TestPaths.packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }
}

@Suite(.serialized) struct CommandLineTests {
    static let fixtures = TestPaths.packageRoot.appendingPathComponent("Tests/WutongFormatsTests/Fixtures")

    @Test func validateWithNoArgumentSummarisesTheBundledSeason() throws {
        let result = try CommandLine.run(["validate"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Inputs/hunan-spring-2027/season.xml: season 'hunan-spring-2027'"))
        #expect(result.output.contains("4 grids"))
        #expect(result.output.contains("46 partner units"))
        #expect(result.output.contains("31 practice activities"))
        #expect(result.output.contains("usable slots of 30 minutes"))
    }

    @Test func bundledSeasonIsFoundFromASubdirectory() throws {
        let result = try CommandLine.run(["validate"], in: TestPaths.packageRoot.appendingPathComponent("Docs"))
        #expect(result.status == 0, "\(result.error)")
    }

    @Test func invalidSeasonExitsOneWithEveryDiagnosticOnStandardError() throws {
        let path = Self.fixtures.appendingPathComponent("bad/many-problems.xml").path
        let result = try CommandLine.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        let lines = result.error.split(separator: "\n")
        #expect(lines.filter { $0.contains(": error: ") && $0.hasPrefix("\(path):") }.count == 4)
        #expect(lines.last?.hasSuffix("4 errors; the season is not valid") == true)
    }

    @Test func everyBadFixtureExitsNonZeroWithLocatedErrors() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Self.fixtures.appendingPathComponent("bad").path)
        for name in names where name.hasSuffix(".xml") {
            let result = try CommandLine.run(["validate", "Tests/WutongFormatsTests/Fixtures/bad/\(name)"])
            #expect(result.status == 1, "\(name)")
            let pattern = #/^Tests/WutongFormatsTests/Fixtures/bad/[a-z0-9-]+\.xml:\d+:\d+: error: /#
            #expect(
                result.error.split(separator: "\n").first.map { $0.firstMatch(of: pattern) != nil } == true,
                "\(name): \(result.error)")
        }
    }

    @Test func jsonDiagnosticsAreMachineReadable() throws {
        let result = try CommandLine.run([
            "validate", "--format", "json", "Tests/WutongFormatsTests/Fixtures/bad/duplicate-ids.xml",
        ])
        #expect(result.status == 1)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(entries.count == 2)
        let first = try #require(entries.first)
        #expect(Set(first.keys) == ["file", "line", "column", "severity", "message"])
        #expect(first["file"] as? String == "Tests/WutongFormatsTests/Fixtures/bad/duplicate-ids.xml")
        #expect(first["line"] as? Int == 21)
        #expect(first["severity"] as? String == "error")
        let valid = try CommandLine.run(["validate", "--format", "json"])
        #expect(valid.status == 0)
        let validEntries = try #require(
            try JSONSerialization.jsonObject(with: Data(valid.output.utf8)) as? [[String: Any]])
        #expect(validEntries.allSatisfy { $0["severity"] as? String == "warning" })
    }

    @Test func missingFileIsAnErrorNotACrash() throws {
        let result = try CommandLine.run(["validate", "no/such/season.xml"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("no/such/season.xml:1:1: error: no such file"))
    }

    @Test func generateIsDeterministicAndValid() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.xml").path
        let second = directory.appendingPathComponent("b.xml").path
        #expect(try CommandLine.run(["generate", "--activities", "200", "--seed", "9", "--out", first]).status == 0)
        #expect(try CommandLine.run(["generate", "--activities", "200", "--seed", "9", "--out", second]).status == 0)
        #expect(FileManager.default.contentsEqual(atPath: first, andPath: second))
        let validated = try CommandLine.run(["validate", first])
        #expect(validated.status == 0, "\(validated.error)")
        #expect(validated.output.contains("200 activities"))
        #expect(try CommandLine.run(["generate", "--activities", "0"]).status == 64)
    }

    @Test func solvePlansTheBundledSeasonAndCheckAgrees() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("first").path
        let solved = try CommandLine.run(["solve", "--out", first, "--seed", "4", "--move-limit", "20000"])
        #expect(solved.status == 0, "\(solved.error)")
        #expect(solved.output.contains("placed 172 of 172 sessions"))
        #expect(solved.output.contains("score hard=0 medium=0"))
        #expect(
            solved.error.contains(
                "planning 172 sessions: a first schedule, most constrained session first, then the search for 20000 moves\n"
            ))
        #expect(solved.error.contains("writing the plan to \(first)/: schedule.xml, report.md"))
        let schedule = first + "/schedule.xml"
        let report = try String(contentsOfFile: first + "/report.md", encoding: .utf8)
        #expect(report.contains("## Violations\n\n- "))
        #expect(report.contains("## Plan"))
        let checked = try CommandLine.run(["check", "Inputs/hunan-spring-2027/season.xml", schedule])
        #expect(checked.status == 0, "\(checked.error)")
        #expect(checked.error.isEmpty)
        let second = directory.appendingPathComponent("second").path
        let again = try CommandLine.run(["solve", "--out", second, "--seed", "4", "--move-limit", "20000", "--quiet"])
        #expect(again.status == 0)
        #expect(again.output.isEmpty && again.error.isEmpty)
        #expect(FileManager.default.contentsEqual(atPath: schedule, andPath: second + "/schedule.xml"))
        let third = directory.appendingPathComponent("third").path
        let late = try CommandLine.run([
            "solve", "--out", third, "--seed", "4", "--move-limit", "20000", "--acceptance", "late", "--quiet",
        ])
        #expect(late.status == 0, "\(late.error)")
        #expect(!FileManager.default.contentsEqual(atPath: schedule, andPath: third + "/schedule.xml"))
    }

    @Test func solveWritesTheReportInChineseOnRequest() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.path
        let solved = try CommandLine.run([
            "solve", "--out", out, "--move-limit", "2000", "--lang", "zh-Hans", "--quiet",
        ])
        #expect(solved.status == 0, "\(solved.error)")
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        for heading in ["## 约束", "## 违反情况", "## 未安排的场次", "## 日程"] {
            #expect(report.contains(heading), "report.md lacks \(heading)")
        }
        #expect(report.contains("得分：**硬约束 0"))
    }

    @Test func aSeasonWhereNothingFitsIsSolvedWithReasonsAndFailsTheCheck() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let season = "Tests/WutongFormatsTests/Fixtures/valid/nothing-fits.xml"
        // No move limit: the default 10 s would be spent on a search that cannot place anything.
        let solved = try CommandLine.run(["solve", season, "--out", directory.path])
        #expect(solved.status == 0, "\(solved.error)")
        #expect(solved.output.contains("placed 0 of 3 sessions"))
        #expect(solved.error.contains("no session fits anywhere, even with nothing else placed, so there was nothing"))
        let report = try String(contentsOfFile: directory.path + "/report.md", encoding: .utf8)
        // The three sessions, unplaced for the same reasons, share a line.
        #expect(
            report.contains(
                "- 音乐会 Concert #1, #2, #3: of its 294 candidate placements, partner-availability rules out 294\n"))
        let checked = try CommandLine.run(["check", season, directory.path + "/schedule.xml"])
        #expect(checked.status == 1)
        #expect(checked.output.contains("- unplaced: 音乐会 Concert #3"))
        let schedule = try String(contentsOfFile: directory.path + "/schedule.xml", encoding: .utf8)
        #expect(
            schedule.contains(
                #"<reason constraint="partner-availability" candidates="294" examined="294" placements="294">"#))
        let json = try CommandLine.run([
            "solve", season, "--out", directory.path, "--move-limit", "1000", "--format", "json", "--lang", "zh-Hans",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let unplaced = try #require(object["unplaced"] as? [[String: Any]])
        #expect(unplaced.count == 3)
        let reason = try #require((unplaced.first?["reasons"] as? [[String: Any]])?.first)
        #expect(reason["constraint"] as? String == "partner-availability")
        #expect(reason["candidates"] as? Int == 294 && reason["examined"] as? Int == 294)
        #expect(reason["placements"] as? Int == 294)
        #expect((reason["explanation"] as? String)?.hasSuffix("排除了其 294 个候选安排中的 294 个") == true)
    }

    @Test func solveReplansFromABaseline() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("first").path
        #expect(try CommandLine.run(["solve", "--out", first, "--move-limit", "5000", "--quiet"]).status == 0)
        let second = directory.appendingPathComponent("second").path
        let replanned = try CommandLine.run([
            "solve", "--out", second, "--move-limit", "5000", "--baseline", first + "/schedule.xml",
        ])
        #expect(replanned.status == 0, "\(replanned.error)")
        // Re-planning starts from the baseline and keeps only improvements, stability included.
        func soft(_ path: String) throws -> Int {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let match = try #require(text.firstMatch(of: #/<score hard="0" medium="0" soft="(\d+)">/#))
            return try #require(Int(match.1))
        }
        #expect(try soft(second + "/schedule.xml") <= soft(first + "/schedule.xml"))
        #expect(try String(contentsOfFile: second + "/schedule.xml", encoding: .utf8).contains("name=\"stability\""))
        let missing = try CommandLine.run(["solve", "--out", second, "--baseline", "nowhere.xml"])
        #expect(missing.status == 1)
        #expect(missing.error.contains("nowhere.xml:1:1: error: no such file"))
    }

    @Test func solveRefusesAnInvalidSeasonAndWritesNothing() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out").path
        let result = try CommandLine.run([
            "solve", "Tests/WutongFormatsTests/Fixtures/bad/duplicate-ids.xml", "--out", out,
        ])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try CommandLine.run(["solve", "--seed", "abc"]).status == 64)
        #expect(try CommandLine.run(["solve", "--threads", "0"]).status == 64)
        let rule = try CommandLine.run(["solve", "--acceptance", "greedy"])
        #expect(rule.status == 64)
        #expect(rule.error.contains("annealing"), "the message names the accepted values: \(rule.error)")
        // Negative numbers are values, not unknown flags, and each message says what is wrong.
        let refusals: [([String], String)] = [
            (["--time-limit", "0"], "a time limit must be more than 0 seconds"),
            (["--time-limit", "-5"], "a time limit must be more than 0 seconds"),
            (["--time-limit", "-1.5m"], "a time limit must be more than 0 seconds"),
            (["--time-limit", "soon"], "not a duration; write seconds or minutes"),
            (["--seed", "abc"], "a seed is a whole number from 0"),
            (["--seed", "-1"], "a seed is a whole number from 0"),
            (["--move-limit", "-1"], "--move-limit must be 0 or more"),
            (["--threads", "-2"], "--threads must be between 1 and 64"),
        ]
        for (arguments, message) in refusals {
            for command in [["solve"], ["bench", "solve"]] where command == ["solve"] || arguments[0] == "--time-limit"
            {
                let refused = try CommandLine.run(command + arguments)
                #expect(refused.status == 64, "\(command + arguments)")
                #expect(refused.error.contains(message), "\(command + arguments): \(refused.error)")
            }
        }
        #expect(try CommandLine.run(["whatif", "--time-limit", "-3s"]).error.contains("more than 0 seconds"))
        #expect(
            try CommandLine.run([
                "whatif", "--baseline", "b.xml", "--sweep", "venues", "--jobs", "-1",
            ]).error.contains("--jobs must be between 1 and 64"))
        #expect(
            try CommandLine.run(["generate", "--activities", "-5", "--out", "/dev/null"]).error.contains(
                "--activities must be between 1 and 200000"))
    }

    /// A session left out of a hand-edited schedule is explained against the schedule as it
    /// stands: what rules out its other placements, and how many would fit.
    @Test func checkExplainsASessionLeftOutOfTheSchedule() throws {
        let season = "Tests/WutongFormatsTests/Fixtures/valid/minimal.xml"
        let schedule = "Tests/WutongFormatsTests/Fixtures/schedules/minimal-left-out.xml"
        let text = try CommandLine.run(["check", season, schedule])
        #expect(text.status == 1)
        #expect(
            text.output.contains(
                "- unplaced: 音乐会 Concert #2: of its 600 candidate placements, series-spacing rules out 215, "
                    + "venue-hours 40, venue-conflict 5; 340 would fit\n"), "\(text.output)")
        let json = try CommandLine.run(["check", "--format", "json", season, schedule])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["unplaced"] as? [String] == ["concert#2"])
        let reasons = try #require((object["reasons"] as? [String: Any])?["concert#2"] as? [[String: Any]])
        #expect(reasons.map { $0["constraint"] as? String } == ["series-spacing", "venue-hours", "venue-conflict"])
        #expect(reasons.allSatisfy { $0["examined"] as? Int == 600 && $0["placements"] as? Int == 600 })
        #expect(
            (reasons.first?["explanation"] as? String) == "series-spacing rules out 215 of its 600 candidate placements"
        )
    }

    @Test func checkPassesACleanScheduleAndCatchesADoubleBookedVenue() throws {
        let season = "Tests/WutongFormatsTests/Fixtures/valid/minimal.xml"
        let clean = try CommandLine.run([
            "check", season, "Tests/WutongFormatsTests/Fixtures/schedules/minimal-clean.xml",
        ])
        #expect(clean.status == 0, "\(clean.error)")
        #expect(clean.output.hasPrefix("score: hard=0 medium=0 soft=6\n"))
        let doubled = try CommandLine.run([
            "check", season, "Tests/WutongFormatsTests/Fixtures/schedules/minimal-double-booked.xml",
        ])
        #expect(doubled.status == 1)
        #expect(
            doubled.output.contains(
                "- venue-conflict: 上门探访 Visit #1 and 音乐会 Concert #1 both hold 音乐厅 Hall on 2027-03-06 15:30–16:30"))
        #expect(doubled.output.contains("- partner-conflict: 志愿者 Volunteers is at both 上门探访 Visit #1 (音乐厅 Hall)"))
        let chinese = try CommandLine.run([
            "check", "--lang", "zh-Hans", season,
            "Tests/WutongFormatsTests/Fixtures/schedules/minimal-double-booked.xml",
        ])
        #expect(chinese.output.contains("- 场地冲突：上门探访 Visit 第1场 与 音乐会 Concert 第1场 2027-03-06 15:30–16:30同时占用音乐厅 Hall"))
        let json = try CommandLine.run([
            "check", "--format", "json", season,
            "Tests/WutongFormatsTests/Fixtures/schedules/minimal-double-booked.xml",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["score"] as? [String: Int])?["hard"] == 2)
        #expect((object["constraints"] as? [Any])?.count == 24)
        let violations = try #require(object["violations"] as? [[String: Any]])
        #expect(
            violations.contains {
                ($0["explanation"] as? String)?.hasPrefix("venue-conflict: 上门探访 Visit #1 and 音乐会 Concert #1") == true
            })
    }

    @Test func solveSummarisesAsJSON() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let solved = try CommandLine.run([
            "solve", "--out", directory.path, "--move-limit", "2000", "--format", "json",
        ])
        #expect(solved.status == 0, "\(solved.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(solved.output.utf8)) as? [String: Any])
        #expect(object["placed"] as? Int == 172)
        #expect(object["sessions"] as? Int == 172)
        #expect((object["score"] as? [String: Int])?["hard"] == 0)
        #expect((object["unplaced"] as? [Any])?.isEmpty == true)
        #expect((object["schedule"] as? String)?.hasSuffix("/schedule.xml") == true)
        // Paths as written, as `check` writes them: no `\/`.
        #expect(solved.output.contains("\"schedule\" : \"\(directory.path)/schedule.xml\""))
    }

    @Test func calendarBusyPrintsTheDocumentedJSON() throws {
        let busy = try CommandLine.run([
            "calendar", "busy", "Tests/ICalendarTests/Fixtures/freebusy.ics", "--from", "2027-03-01", "--to",
            "2027-03-04",
        ])
        #expect(busy.status == 0, "\(busy.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(busy.output.utf8)) as? [String: Any])
        #expect(object["timezone"] as? String == "Asia/Shanghai")
        let entries = try #require(object["busy"] as? [[String: String]])
        #expect(entries.map { $0["start"] } == ["2027-03-02T09:00:00+08:00", "2027-03-03T09:00:00+08:00"])
        #expect(entries.first?["end"] == "2027-03-02T11:00:00+08:00")
        #expect(entries.first?["uid"] == "fb-1@example.invalid")
        let inTokyo = try CommandLine.run([
            "calendar", "busy", "Tests/ICalendarTests/Fixtures/freebusy.ics", "--from", "2027-03-01", "--to",
            "2027-03-04",
            "--tz", "Asia/Tokyo",
        ])
        #expect(inTokyo.output.contains("\"2027-03-02T10:00:00+09:00\""))
        let unknownZone = try CommandLine.run([
            "calendar", "busy", "Tests/ICalendarTests/Fixtures/freebusy.ics", "--from", "2027-03-01", "--to",
            "2027-03-04",
            "--tz", "Mars/Olympus",
        ])
        #expect(unknownZone.status == 64)
    }

    @Test func calendarExpandWritesEachFormOfTime() throws {
        let expanded = try CommandLine.run([
            "calendar", "expand", "Tests/ICalendarTests/Fixtures/google.ics", "--from", "2027-03-01", "--to",
            "2027-03-10",
        ])
        #expect(expanded.status == 0, "\(expanded.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(expanded.output.utf8)) as? [String: Any])
        let entries = try #require(object["occurrences"] as? [[String: String]])
        #expect(
            entries.map { $0["start"]! } == [
                "2027-03-02T06:00:00Z", "2027-03-05T14:00:00", "2027-03-08", "2027-03-09T06:00:00Z",
            ])
        #expect(entries[2]["end"] == "2027-03-10")
    }

    @Test func calendarCommandsRefuseBadCalendarsWithTheLine() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.ics").path
        try
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270301T090000Z\r\nRRULE:FREQ=WEEKLY;BYSETPOS=1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try CommandLine.run(["calendar", "expand", path, "--from", "2027-03-01", "--to", "2027-04-01"])
        #expect(refused.status == 1)
        #expect(
            refused.error.contains("bad.ics:5: error: RRULE: BYSETPOS needs another BYxxx rule part to select from"))
        let missing = try CommandLine.run([
            "calendar", "busy", "nowhere.ics", "--from", "2027-03-01", "--to", "2027-04-01",
        ])
        #expect(missing.status == 1)
        #expect(missing.error.contains("nowhere.ics:1: error: no such file"))
        let badDate = try CommandLine.run(["calendar", "busy", path, "--from", "2027-3-1", "--to", "2027-04-01"])
        #expect(badDate.status == 64)
    }

    @Test func exportWritesTheFeedsAndSolveWritesThemToo() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let exported = try CommandLine.run([
            "export", "Tests/WutongFormatsTests/Fixtures/valid/minimal.xml",
            "Tests/WutongFormatsTests/Fixtures/schedules/minimal-clean.xml", "--out", directory.path,
        ])
        #expect(exported.status == 0, "\(exported.error)")
        #expect(exported.output.contains("wrote 7 calendars"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/frab/schedule.xml"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/json/schedule.json"))
        #expect(exported.output.contains("wrote 7 xCal calendars"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/xcal/partner-orchestra.xcs"))
        let onlyJSON = try CommandLine.run([
            "export", "Tests/WutongFormatsTests/Fixtures/valid/minimal.xml",
            "Tests/WutongFormatsTests/Fixtures/schedules/minimal-clean.xml", "--out", directory.path + "/json-only",
            "--format", "json",
        ])
        #expect(onlyJSON.status == 0)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/json-only/calendars"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/calendars").sorted()
        #expect(files.first == "grid-north.ics" && files.count == 7)
        let lint = try CommandLine.run(["calendar", "lint", directory.path + "/calendars/season.ics"])
        #expect(lint.status == 0, "\(lint.output)")
        let replanned = try CommandLine.run([
            "export", "Tests/WutongFormatsTests/Fixtures/valid/minimal.xml",
            "Tests/WutongFormatsTests/Fixtures/schedules/minimal-replanned.xml", "--out", directory.path,
            "--format", "ics", "--baseline", "Tests/WutongFormatsTests/Fixtures/schedules/minimal-clean.xml",
        ])
        #expect(replanned.status == 0, "\(replanned.error)")
        #expect(replanned.output.contains("wrote 2 cancellation and 2 request messages"), "\(replanned.output)")
        let updates = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/updates").sorted()
        #expect(
            updates == [
                "cancel-partner-orchestra.ics", "cancel-partner-volunteers.ics", "request-partner-orchestra.ics",
                "request-partner-volunteers.ics",
            ])
        let season = try String(contentsOfFile: directory.path + "/calendars/season.ics", encoding: .utf8)
        #expect(season.contains("STATUS:CANCELLED"))
        let wrong = try CommandLine.run([
            "export", "Inputs/hunan-spring-2027/season.xml",
            "Tests/WutongFormatsTests/Fixtures/schedules/minimal-clean.xml", "--out", directory.path + "/other",
        ])
        #expect(wrong.status == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/other"))
        let solved = directory.appendingPathComponent("solved").path
        #expect(try CommandLine.run(["solve", "--out", solved, "--move-limit", "1000", "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: solved + "/calendars/season.ics"))
        #expect(FileManager.default.fileExists(atPath: solved + "/calendars/partner-sso.ics"))
        #expect(FileManager.default.fileExists(atPath: solved + "/xcal/partner-sso.xcs"))
    }

    @Test func calendarConvertGoesToXCalAndBackUnchanged() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = "Tests/ICalendarTests/Fixtures/apple.ics"
        let xcal = directory.appendingPathComponent("apple.xcs").path
        let toXCal = try CommandLine.run(["calendar", "convert", original, "--out", xcal])
        #expect(toXCal.status == 0, "\(toXCal.error)")
        #expect(
            try String(contentsOfFile: xcal, encoding: .utf8).contains(
                "<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\">"))
        let back = try CommandLine.run(["calendar", "convert", xcal])
        #expect(back.status == 0, "\(back.error)")
        let reference = try CommandLine.run([
            "calendar", "expand", original, "--from", "2027-01-01", "--to", "2028-01-01",
        ])
        let roundTrip = directory.appendingPathComponent("apple.ics")
        try back.output.write(to: roundTrip, atomically: true, encoding: .utf8)
        let expanded = try CommandLine.run([
            "calendar", "expand", roundTrip.path, "--from", "2027-01-01", "--to", "2028-01-01",
        ])
        #expect(expanded.output == reference.output)
        let bad = directory.appendingPathComponent("bad.xcs")
        try
            "<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"><vcalendar><properties>\n<uid/></properties></vcalendar></icalendar>"
            .write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CommandLine.run(["calendar", "convert", bad.path])
        #expect(refused.status == 1)
        #expect(refused.error.contains("bad.xcs:2:1: error: the property <uid> has no value"), "\(refused.error)")
    }

    @Test func itc2007SolveWritesASolutionThatCheckScoresTheSame() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let instance = "Tests/WutongFormatsTests/Fixtures/ctt/tiny.ctt"
        let solution = directory.appendingPathComponent("tiny.sol").path
        let solved = try CommandLine.run([
            "itc2007", "solve", instance, "--move-limit", "20000", "--out", solution, "--quiet",
        ])
        #expect(solved.status == 0, "\(solved.error)")
        let last = solved.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("hard=0 soft="))
        #expect(solved.output.contains("(RoomCapacity "))
        let checked = try CommandLine.run(["itc2007", "check", instance, solution])
        #expect(checked.status == 0)
        #expect(checked.output.split(separator: "\n").last.map(String.init) == last)
        let again = try CommandLine.run([
            "itc2007", "solve", instance, "--move-limit", "20000", "--out", solution + "2", "--quiet",
        ])
        #expect(again.output.split(separator: "\n").last.map(String.init) == last)
        #expect(
            try String(contentsOfFile: solution, encoding: .utf8)
                == String(contentsOfFile: solution + "2", encoding: .utf8))
        let infeasible = try CommandLine.run([
            "itc2007", "check", instance, "Tests/WutongFormatsTests/Fixtures/ctt/tiny-hard.sol",
        ])
        #expect(infeasible.status == 1)
        #expect(infeasible.output.contains("hard=5 soft=19"))
        let unreadable = try CommandLine.run([
            "itc2007", "check", "Tests/WutongFormatsTests/Fixtures/ctt/bad-negative.ctt", solution,
        ])
        #expect(unreadable.status == 2)
        #expect(unreadable.error.contains("bad-negative.ctt:11:11: error: students -10 is negative"))
        let bench = try CommandLine.run([
            "itc2007", "bench", "Tests/WutongFormatsTests/Fixtures/ctt", "--only", "tiny", "--time-limit", "0.5",
            "--runs", "2", "--format", "csv",
        ])
        #expect(bench.status == 0, "\(bench.error)")
        #expect(bench.output.hasPrefix("instance,hard,min_soft,median_soft,best_known,winner_mean"))
        #expect(bench.output.contains("\ntiny,0,"))
        // Progress reaches standard error even with a CSV table, and each solution is kept.
        #expect(bench.error.contains("[2/2] tiny seed "), "\(bench.error)")
        let kept = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: kept) }
        let later = try CommandLine.run([
            "itc2007", "bench", "Tests/WutongFormatsTests/Fixtures/ctt", "--only", "tiny", "--time-limit", "0.5",
            "--first-seed", "7", "--out", kept.path, "--format", "json",
        ])
        #expect(later.status == 0, "\(later.error)")
        #expect(later.error.contains("[1/1] tiny seed 7: hard=0"), "\(later.error)")
        #expect(FileManager.default.fileExists(atPath: kept.appendingPathComponent("tiny-seed7.sol").path))
        #expect(!FileManager.default.fileExists(atPath: kept.appendingPathComponent("tiny-seed1.sol").path))
        let overflowing = try CommandLine.run([
            "itc2007", "bench", "Tests/WutongFormatsTests/Fixtures/ctt", "--first-seed", "18446744073709551615",
            "--runs", "2",
        ])
        #expect(overflowing.status == 64)
        #expect(overflowing.error.contains("leaves no room for 2 runs"))
    }

    @Test func benchCalendarCountsEventsAndOccurrences() throws {
        let bench = try CommandLine.run([
            "bench", "calendar", "Tests/ICalendarTests/Fixtures/apple.ics", "--repeat", "1",
        ])
        #expect(bench.status == 0, "\(bench.error)")
        #expect(bench.output.contains("1 events, 4 occurrences in the window"))
        #expect(bench.output.contains("read + expand: best "))
    }

    @Test func calendarLintReportsWhatStrictClientsRefuse() throws {
        let clean = try CommandLine.run(["calendar", "lint", "Tests/ICalendarTests/Fixtures/apple.ics"])
        #expect(clean.status == 0, "\(clean.output)")
        let outlook = try CommandLine.run([
            "calendar", "lint", "Tests/ICalendarTests/Fixtures/outlook-no-vtimezone.ics",
        ])
        #expect(outlook.status == 1)
        #expect(
            outlook.output.contains(
                "outlook-no-vtimezone.ics:8: TZID China Standard Time is not defined by a VTIMEZONE"))
        #expect(outlook.output.contains("outlook-no-vtimezone.ics:10: UNTIL must be in UTC"))
    }

    @Test func checkExitsTwoForUnreadableInput() throws {
        let season = "Tests/WutongFormatsTests/Fixtures/valid/minimal.xml"
        let missing = try CommandLine.run(["check", season, "no-such-schedule.xml"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("no-such-schedule.xml:1:1: error: no such file"))
        let badSeason = try CommandLine.run([
            "check", "Tests/WutongFormatsTests/Fixtures/bad/empty.xml",
            "Tests/WutongFormatsTests/Fixtures/schedules/minimal-clean.xml",
        ])
        #expect(badSeason.status == 2)
        let otherSeason = try CommandLine.run([
            "check", "Inputs/hunan-spring-2027/season.xml",
            "Tests/WutongFormatsTests/Fixtures/schedules/minimal-clean.xml",
        ])
        #expect(otherSeason.status == 2)
        #expect(otherSeason.error.contains("this schedule is for season 'minimal', not 'hunan-spring-2027'"))
    }

    @Test func schemaCommandPrintsTheSeasonXSD() throws {
        let result = try CommandLine.run(["schema", "season"])
        #expect(result.status == 0)
        #expect(result.output.contains("targetNamespace=\"urn:wutong:season:1\""))
    }

    @Test func benchParseReportsTimesAndMemory() throws {
        let result = try CommandLine.run(["bench", "parse", "--repeat", "2"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("load (parse + XSD + model + checks): best"))
        #expect(result.output.contains("peak memory"))
    }

    @Test func benchSolveReportsThroughputAndScores() throws {
        let result = try CommandLine.run(["bench", "solve", "--time-limit", "1s"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("hard = 0 with every session placed: at "))
        #expect(result.output.contains("evaluated moves/s"))
        // The search's time is its own: construction and the final rescoring are printed
        // apart, and the three fit in the run.
        func seconds(after prefix: String, before suffix: String) -> Double? {
            result.output.split(separator: "\n").first { $0.hasPrefix(prefix) }
                .flatMap { $0.dropFirst(prefix.count).components(separatedBy: suffix).first }
                .flatMap { Double($0.split(separator: " ").last ?? "") }
        }
        let construction = seconds(after: "construction: hard=0 medium=0 soft=", before: " s (compiling")
        let search = seconds(after: "search: ", before: " s,")
        let rescoring = seconds(after: "best schedule rebuilt and rescored from scratch: ", before: " s")
        let end = seconds(after: "best at ", before: " s (end)")
        #expect(construction != nil && search != nil && rescoring != nil && end != nil, "\(result.output)")
        #expect(result.output.contains(" s, agrees with the search's incremental score\n"), "\(result.output)")
        if let construction, let search, let rescoring, let end {
            // The end is printed to a tenth of a second.
            #expect(construction + search + rescoring <= end + 0.06)
        }
    }

    @Test func benchSolveSaysWhenThereIsNothingToSearch() throws {
        let result = try CommandLine.run([
            "bench", "solve", "Tests/WutongFormatsTests/Fixtures/valid/nothing-fits.xml", "--time-limit", "3s",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("hard = 0 with every session placed: not reached"))
        #expect(
            result.output.contains("last improvement: none (no session fits anywhere, even with nothing else placed"))
        #expect(result.output.contains("search: 0.00 s, 0 moves tried"))
        #expect(!result.output.contains("best at 1 s"), "the run ended before 1 s")
    }

    @Test func benchSolveWithAMoveLimitMakesTheSameMovesOnEveryRun() throws {
        func endScore(_ output: String) -> Substring? {
            output.split(separator: "\n").first { $0.contains("(end): ") }?.split(separator: ":").last
        }
        let first = try CommandLine.run(["bench", "solve", "--move-limit", "200000"])
        let second = try CommandLine.run(["bench", "solve", "--move-limit", "200000"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains(", 200000 moves tried, "))
        #expect(endScore(first.output) != nil)
        #expect(endScore(first.output) == endScore(second.output))
        // The verdict on the plateau is counted in moves, so it is the same on every run too.
        func lastImprovement(_ output: String) -> Substring? {
            output.split(separator: "\n").first { $0.hasPrefix("last improvement at ") }?.split(separator: ",").last
        }
        #expect(lastImprovement(first.output)?.contains("over the second half of the moves)") == true)
        #expect(lastImprovement(first.output) == lastImprovement(second.output))
        let none = try CommandLine.run(["bench", "solve", "--move-limit", "0"])
        #expect(none.status == 64)
        #expect(none.error.contains("--move-limit must be 1 or more"))
    }

    /// Each season makes the moves `bench solve` makes with the same seed and move limit, timed
    /// in turns against the first.
    @Test func benchScalingTimesSeasonsInTurns() throws {
        let minimal = "Tests/WutongFormatsTests/Fixtures/valid/minimal.xml"
        let nothingFits = "Tests/WutongFormatsTests/Fixtures/valid/nothing-fits.xml"
        let result = try CommandLine.run([
            "bench", "scaling", TestPaths.bundledSeason, minimal, nothingFits, "--move-limit", "30000", "--turn",
            "7000", "--seed", "2",
        ])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == "seed 2, 30000 moves tried per season, in turns of 7000: 5 rounds")
        let solved = try CommandLine.run(["bench", "solve", "--move-limit", "30000", "--seed", "2"])
        let evaluated = try #require(
            solved.output.split(separator: "\n").first { $0.hasPrefix("search: ") }?.split(separator: ",")
                .first { $0.hasSuffix(" evaluated") })
        #expect(
            lines.contains {
                $0.hasPrefix("season.xml: 172 sessions, 16-bit search tables: 30000 moves tried,\(evaluated), ")
            })
        #expect(
            lines.contains {
                $0.hasPrefix("  minimal.xml (3 sessions): evaluated ") && $0.contains("× over the whole run")
            })
        #expect(
            lines.contains(
                "nothing-fits.xml: 3 sessions, 16-bit search tables: not searched (no session fits anywhere, even with nothing else placed)"
            ))
        #expect(
            lines.contains(
                "  nothing-fits.xml (3 sessions): not searched (no session fits anywhere, even with nothing else placed)"
            ),
            "\(result.output)")
        let one = try CommandLine.run(["bench", "scaling", minimal])
        #expect(one.status == 64)
        #expect(one.error.contains("give two or more season files to compare"))
        #expect(try CommandLine.run(["bench", "scaling", minimal, minimal, "--turn", "0"]).status == 64)
        let invalid = try CommandLine.run([
            "bench", "scaling", minimal, "Tests/WutongFormatsTests/Fixtures/bad/duplicate-ids.xml",
        ])
        #expect(invalid.status == 1)
        #expect(invalid.error.contains("duplicate-ids.xml: the season is not valid"))
    }

    @Test func helpListsTheCommands() throws {
        let result = try CommandLine.run(["--help"])
        #expect(result.status == 0)
        for command in ["solve", "validate", "check", "generate", "schema", "bench"] {
            #expect(result.output.contains(command))
        }
    }

    /// A published plan of the bundled season, made once per test that needs one: that of the
    /// first seed whose plan uses the Symphony Hall in week 6, which the bundled closure needs
    /// (a change to the search changes which seeds do, so none is fixed here).
    static func publish(into directory: URL) throws -> String {
        let published = directory.appendingPathComponent("published").path
        let week6 = (5...11).map { "venue=\"symphony-hall\" start=\"2027-04-\($0 < 10 ? "0" : "")\($0)T" }
        for seed in 1...20 {
            let solved = try CommandLine.run([
                "solve", "--out", published, "--move-limit", "100000", "--seed", "\(seed)", "--quiet",
            ])
            #expect(solved.status == 0, "\(solved.error)")
            let schedule = try String(contentsOfFile: published + "/schedule.xml", encoding: .utf8)
            if week6.contains(where: schedule.contains) { break }
        }
        return published + "/schedule.xml"
    }

    static let bundledScenarios = "Inputs/hunan-spring-2027/scenarios/"

    @Test func whatifReplansOneScenarioAndWritesTheUpdates() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = try Self.publish(into: directory)
        let out = directory.appendingPathComponent("hall").path
        let result = try CommandLine.run([
            "whatif", "--baseline", baseline, "--scenario", Self.bundledScenarios + "symphony-hall-closed-week-6.xml",
            "--out", out, "--move-limit", "50000",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("symphony-hall-closed-week-6"))
        for file in [
            "schedule.xml", "report.md", "diff.txt", "diff.json", "calendars/season.ics", "xcal/season.xcs",
            "frab/schedule.xml", "json/schedule.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file) missing")
        }
        let diff = try String(contentsOfFile: out + "/diff.txt", encoding: .utf8)
        #expect(diff.hasPrefix("scenario symphony-hall-closed-week-6: "))
        #expect(diff.contains("symphony-hall is closed 2027-04-05T00:00"))
        let updates = try FileManager.default.contentsOfDirectory(atPath: out + "/updates")
        #expect(updates.contains { $0.hasPrefix("request-partner-") })
        // The re-plan is a schedule of the season, and the same command gives the same files.
        let checked = try CommandLine.run(["check", "Inputs/hunan-spring-2027/season.xml", out + "/schedule.xml"])
        #expect(checked.status == 0, "\(checked.output)\(checked.error)")
        let again = directory.appendingPathComponent("again").path
        _ = try CommandLine.run([
            "whatif", "--baseline", baseline, "--scenario", Self.bundledScenarios + "symphony-hall-closed-week-6.xml",
            "--out", again, "--move-limit", "50000", "--quiet",
        ])
        #expect(FileManager.default.contentsEqual(atPath: out + "/schedule.xml", andPath: again + "/schedule.xml"))
        #expect(FileManager.default.contentsEqual(atPath: out + "/diff.json", andPath: again + "/diff.json"))
    }

    @Test func whatifBatchRunsTheGoodScenariosAndReportsTheBadOnes() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = try Self.publish(into: directory)
        let out = directory.appendingPathComponent("batch").path
        let bad = Self.fixtures.appendingPathComponent("scenarios/bad/unknown-venue.xml").path
        let result = try CommandLine.run([
            "whatif", "--baseline", baseline, "--out", out, "--move-limit", "20000", "--jobs", "2", "--format", "json",
            "--scenario", Self.bundledScenarios + "nothing-changes.xml",
            "--scenario", Self.bundledScenarios + "jazz-workshop-joins.xml",
            "--scenario", bad,
            "--scenario", Self.bundledScenarios + "nothing-changes.xml",
        ])
        #expect(result.status == 1)
        #expect(result.error.contains("unknown-venue.xml:3:"))
        #expect(result.error.contains("unknown venue 'symphony-hal'. Maybe you meant 'symphony-hall'?"))
        #expect(result.error.contains("scenario name 'nothing-changes' is already used by"))
        #expect(FileManager.default.fileExists(atPath: out + "/nothing-changes/diff.json"))
        #expect(FileManager.default.fileExists(atPath: out + "/jazz-workshop-joins/calendars/season.ics"))
        #expect(!FileManager.default.fileExists(atPath: out + "/unknown-venue"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["status"] as? String } == ["ok", "ok", "failed", "failed"])
        #expect((scenarios[0]["moved"] as? [Any])?.isEmpty == true)
        #expect((scenarios[1]["placed"] as? [Any])?.count == 4)
        let csv = try String(contentsOfFile: out + "/comparison.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 5)
    }

    @Test func whatifSweepRanksEveryWeekendLost() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let baseline = try Self.publish(into: directory)
        let out = directory.appendingPathComponent("sweep").path
        let result = try CommandLine.run([
            "whatif", "--baseline", baseline, "--sweep", "weekends", "--out", out, "--move-limit", "5000",
            "--jobs", "2", "--format", "csv", "--quiet",
        ])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines.first?.hasPrefix("rank,scenario,status,hard,medium,soft,") == true)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",rain-2027-") })
        #expect(FileManager.default.fileExists(atPath: out + "/ranking.txt"))
        #expect(!FileManager.default.fileExists(atPath: out + "/rain-2027-03-06/calendars"))
    }

    @Test func whatifRefusesWhatItCannotUse() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let other = try CommandLine.run([
            "whatif", "--baseline", "Tests/WutongFormatsTests/Fixtures/schedules/minimal-clean.xml",
            "--scenario", Self.bundledScenarios + "nothing-changes.xml", "--out", directory.path + "/x",
        ])
        #expect(other.status == 1)
        #expect(other.error.contains("this schedule is for season 'minimal', not 'hunan-spring-2027'"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/x"))
        #expect(try CommandLine.run(["whatif", "--baseline", "b.xml"]).status == 64)
        #expect(
            try CommandLine.run([
                "whatif", "--baseline", "b.xml", "--sweep", "venues", "--scenario", "s.xml",
            ]).status == 64)
        #expect(try CommandLine.run(["whatif", "--baseline", "b.xml", "--sweep", "rivers"]).status == 64)
        #expect(
            try CommandLine.run(["whatif", "--baseline", "b.xml", "--sweep", "venues", "--now", "soon"]).status == 64)
    }

    /// Docs/cli.md holds each command's help verbatim; a changed option must change the docs.
    @Test(arguments: [
        [], ["solve"], ["validate"], ["check"], ["export"], ["generate"], ["schema"], ["calendar"],
        ["calendar", "busy"],
        ["calendar", "expand"], ["calendar", "lint"], ["calendar", "convert"], ["itc2007"], ["itc2007", "solve"],
        ["itc2007", "check"],
        ["itc2007", "bench"], ["bench"], ["bench", "parse"],
        ["bench", "solve"], ["bench", "scaling"],
        ["bench", "calendar"], ["whatif"],
    ])
    func helpTextsMatchTheReference(command: [String]) throws {
        let reference = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Docs/cli.md"), encoding: .utf8)
        let help = try CommandLine.run(command + ["--help"])
        #expect(help.status == 0)
        let block = "## `\((["wutong"] + command).joined(separator: " "))`\n\n```text\n\(help.output)```"
        #expect(reference.contains(block), "Docs/cli.md is out of date for \(command); regenerate it from --help")
    }
}
