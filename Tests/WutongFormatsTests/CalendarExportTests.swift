import Foundation
import ICalendar
import Testing
import WutongFormats
import WutongModel
import XMLSupport

/// The iCalendar feeds of a schedule: golden files, a round trip through our reader, nothing a
/// strict client would trip on, UIDs that survive a re-plan. (CI also reads every exported
/// file with python `icalendar`.)
@Suite struct CalendarExportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let stamp = Date(timeIntervalSince1970: 1_795_000_000)

    static func minimal() throws -> (Season, Schedule) {
        let season = try #require(
            SeasonLoader.load(path: fixtures.appendingPathComponent("valid/minimal.xml").path).season)
        let schedule = try #require(
            ScheduleLoader.load(
                path: fixtures.appendingPathComponent("schedules/minimal-clean.xml").path,
                displayName: "minimal-clean.xml",
                season: season
            ).schedule)
        return (season, schedule)
    }

    @Test func feedsMatchTheirGoldenFiles() throws {
        let (season, schedule) = try Self.minimal()
        let feeds = CalendarExport.feeds(schedule, for: season, stamp: Self.stamp)
        #expect(
            feeds.map(\.fileName) == [
                "season.ics", "partner-orchestra.ics", "partner-volunteers.ics", "venue-hall.ics", "venue-lane.ics",
                "grid-north.ics", "grid-south.ics",
            ])
        for feed in feeds {
            let golden = Self.fixtures.appendingPathComponent("exports/minimal/" + feed.fileName)
            if ProcessInfo.processInfo.environment["WUTONG_UPDATE_GOLDENS"] == "1" {
                try feed.text.write(to: golden, atomically: true, encoding: .utf8)
            }
            #expect(feed.text == (try String(contentsOf: golden, encoding: .utf8)), "\(feed.fileName) differs")
        }
    }

    @Test func feedsReadBackToTheScheduleAndLintClean() throws {
        let (season, schedule) = try Self.minimal()
        let zone = try #require(ZoneRules(iana: "Asia/Shanghai"))
        for feed in CalendarExport.feeds(schedule, for: season, stamp: Self.stamp) {
            let bytes = Array(feed.text.utf8)
            let calendars = try CalendarParser.parse(bytes)
            #expect(CalendarLinter.problems(bytes: bytes, calendars: calendars).isEmpty, "\(feed.fileName)")
            #expect(CalendarWriter.write(calendars[0]) == feed.text)
            let events = try CalendarEvents(calendar: calendars[0], horizon: 2_000_000_000)
            #expect(events.diagnostics.isEmpty)
            guard feed.fileName == "season.ics" else { continue }
            let read = try events.occurrences(before: 2_000_000_000, floatingZone: zone)
            let byUID = Dictionary(read.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
            #expect(read.count == 3)
            for session in schedule.sessions {
                let uid = CalendarExport.uid(season: season, activity: session.activity, index: session.index)
                let occurrence = try #require(byUID[uid])
                #expect(
                    occurrence.start.instant(floatingZone: zone)
                        == (session.placement!.start.minuteNumber * 60 - 8 * 3600))
                #expect(occurrence.status == "CONFIRMED")
            }
            #expect(byUID.values.contains { $0.summary == "音乐会 Concert #2" })
        }
    }

    /// The minimal plan re-planned: concert 1 moved a week, concert 2 dropped, the visit run
    /// without its volunteers.
    static func replanned(_ schedule: Schedule) -> Schedule {
        var replanned = schedule
        for position in replanned.sessions.indices {
            switch (replanned.sessions[position].activity, replanned.sessions[position].index) {
            case ("concert", 1): replanned.sessions[position].placement?.start = LocalDateTime("2027-03-20T19:00")!
            case ("concert", 2): replanned.sessions[position].placement = nil
            default: replanned.sessions[position].placement?.partners = []
            }
        }
        return replanned
    }

    static func golden(_ name: String, _ text: String) throws -> String {
        let golden = fixtures.appendingPathComponent("exports/minimal-replanned/" + name)
        if ProcessInfo.processInfo.environment["WUTONG_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: golden, encoding: .utf8)
    }

    @Test func aReplanAgainstTheBaselineRaisesSequencesAndCancels() throws {
        let (season, schedule) = try Self.minimal()
        let feeds = CalendarExport.feeds(Self.replanned(schedule), for: season, stamp: Self.stamp, baseline: schedule)
        let seasonFeed = try #require(feeds.first)
        #expect(seasonFeed.text == (try Self.golden("season.ics", seasonFeed.text)))
        let events = try CalendarParser.parse(seasonFeed.text)[0].components("VEVENT")
        func event(_ uid: String) -> Component? {
            events.first { $0.property("UID")?.value == uid }
        }
        let moved = try #require(event("minimal-concert-1@wutong"))
        #expect(moved.property("SEQUENCE")?.value == "1" && moved.property("STATUS")?.value == "CONFIRMED")
        #expect(moved.property("DTSTART")?.value == "20270320T190000")
        let cancelled = try #require(event("minimal-concert-2@wutong"))
        #expect(cancelled.property("SEQUENCE")?.value == "1" && cancelled.property("STATUS")?.value == "CANCELLED")
        #expect(cancelled.property("DTSTART")?.value == "20270313T190000")
        let kept = try #require(event("minimal-visit-1@wutong"))
        // Still at its place and time, but its volunteers left: a revision.
        #expect(kept.property("SEQUENCE")?.value == "1" && kept.property("STATUS")?.value == "CONFIRMED")
        // The cancelled concert stays in the orchestra's feed, which still held it.
        let orchestra = try #require(feeds.first { $0.fileName == "partner-orchestra.ics" })
        #expect(orchestra.text.contains("UID:minimal-concert-2@wutong"))
        #expect(orchestra.text.contains("STATUS:CANCELLED"))
        // Without the baseline, nothing is cancelled and nothing raised.
        let plain = CalendarExport.feeds(Self.replanned(schedule), for: season, stamp: Self.stamp)[0].text
        #expect(!plain.contains("CANCELLED") && !plain.contains("SEQUENCE:1"))
    }

    @Test func requestMessagesGoToEachPartnerWithSomethingNew() throws {
        let (season, schedule) = try Self.minimal()
        let replanned = Self.replanned(schedule)
        let messages = CalendarExport.requests(replanned, for: season, stamp: Self.stamp, baseline: schedule)
        // Only concert 1 moved; the visit lost its volunteers (a cancellation, not a request).
        let moved = try #require(replanned.sessions.first { $0.activity == "concert" && $0.index == 1 })
        #expect(messages.map(\.fileName) == moved.placement!.partners.sorted().map { "request-partner-\($0).ics" })
        for message in messages {
            #expect(message.text == (try Self.golden(message.fileName, message.text)))
            let bytes = Array(message.text.utf8)
            let calendar = try CalendarParser.parse(bytes)[0]
            #expect(CalendarLinter.problems(bytes: bytes, calendars: [calendar]).isEmpty)
            #expect(calendar.property("METHOD")?.value == "REQUEST")
            let events = calendar.components("VEVENT")
            #expect(events.map { $0.property("UID")?.value } == ["minimal-concert-1@wutong"])
            #expect(events[0].property("SEQUENCE")?.value == "1")
            #expect(events[0].property("ORGANIZER") != nil)
        }
        #expect(CalendarExport.requests(schedule, for: season, stamp: Self.stamp, baseline: schedule).isEmpty)
        // A session whose event changed in place (its activity got longer) goes out again too,
        // with a higher SEQUENCE.
        let retimed = CalendarExport.requests(
            schedule, for: season, stamp: Self.stamp, baseline: schedule,
            retimed: [SessionKey(activity: "concert", index: 2)])
        #expect(!retimed.isEmpty)
        #expect(
            retimed.allSatisfy { $0.text.contains("UID:minimal-concert-2@wutong") && $0.text.contains("SEQUENCE:1") })
    }

    @Test func cancellationMessagesGoToEachPartnerThatLostASession() throws {
        let (season, schedule) = try Self.minimal()
        let messages = CalendarExport.cancellations(
            Self.replanned(schedule), for: season, stamp: Self.stamp, baseline: schedule)
        #expect(messages.map(\.fileName) == ["cancel-partner-orchestra.ics", "cancel-partner-volunteers.ics"])
        for message in messages {
            #expect(message.text == (try Self.golden(message.fileName, message.text)))
            let bytes = Array(message.text.utf8)
            let calendar = try CalendarParser.parse(bytes)[0]
            #expect(CalendarLinter.problems(bytes: bytes, calendars: [calendar]).isEmpty)
            #expect(calendar.property("METHOD")?.value == "CANCEL")
            #expect(calendar.components("VEVENT").allSatisfy { $0.property("STATUS")?.value == "CANCELLED" })
        }
        let volunteers = try CalendarParser.parse(messages[1].text)[0].components("VEVENT")
        // The dropped concert, and the visit that now runs without them (only them as attendee).
        #expect(volunteers.map { $0.property("UID")?.value } == ["minimal-visit-1@wutong", "minimal-concert-2@wutong"])
        #expect(volunteers[0].properties("ATTENDEE").map(\.value) == ["urn:wutong:partner:volunteers"])
        #expect(
            CalendarExport.cancellations(schedule, for: season, stamp: Self.stamp, baseline: schedule).isEmpty)
    }

    @Test func theUIDOfASessionDoesNotDependOnWhereOrWhenItIs() throws {
        let (season, schedule) = try Self.minimal()
        var moved = schedule
        moved.sessions[0].placement?.start = LocalDateTime("2027-03-20T15:00")!
        moved.sessions[0].placement?.venue = "lane"
        let before = CalendarExport.feeds(schedule, for: season, stamp: Self.stamp)[0].text
        let after = CalendarExport.feeds(moved, for: season, stamp: Self.stamp)[0].text
        #expect(before != after)
        let uid = CalendarExport.uid(season: season, activity: "concert", index: 1)
        #expect(before.contains("UID:" + uid) && after.contains("UID:" + uid))
    }

    @Test func theFrabScheduleMatchesItsGoldenFileAndThePublicSchema() throws {
        let (season, schedule) = try Self.minimal()
        let bytes = FrabExport.encode(schedule, for: season, generator: "test")
        let golden = Self.fixtures.appendingPathComponent("exports/minimal/frab-schedule.xml")
        if ProcessInfo.processInfo.environment["WUTONG_UPDATE_GOLDENS"] == "1" {
            try Data(bytes).write(to: golden)
        }
        #expect(bytes == [UInt8](try Data(contentsOf: golden)))
        // The c3voc schema, where the shared reference data is present (CI has it).
        let xsd = Self.fixtures.appendingPathComponent("../../../../shared/schemas/frab-schedule/schedule.xml.xsd")
        guard let text = try? String(contentsOf: xsd.standardizedFileURL, encoding: .utf8) else { return }
        let schema = try XMLSchema(xsd: text, name: "schedule.xml.xsd")
        let result = XMLReader().read(bytes: bytes, fileName: "schedule.xml", schema: schema)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func theJSONExportMatchesItsGoldenFile() throws {
        let (season, schedule) = try Self.minimal()
        var partial = schedule
        partial.sessions[2].placement = nil
        let bytes = JSONExport.encode(partial, for: season)
        let golden = Self.fixtures.appendingPathComponent("exports/minimal/schedule.json")
        if ProcessInfo.processInfo.environment["WUTONG_UPDATE_GOLDENS"] == "1" {
            try Data(bytes).write(to: golden)
        }
        #expect(bytes == [UInt8](try Data(contentsOf: golden)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect((object["sessions"] as? [Any])?.count == 2)
        #expect((object["unplaced"] as? [[String: Any]])?.first?["uid"] as? String == "minimal-visit-1@wutong")
    }

    @Test func fileNamesAreSafeWhateverTheIDsHold() {
        #expect(CalendarExport.safeName("sso") == "sso")
        #expect(CalendarExport.safeName("../etc/passwd") == "%2E.%2Fetc%2Fpasswd")
        #expect(CalendarExport.safeName("乐团") == "%E4%B9%90%E5%9B%A2")
        #expect(CalendarExport.safeName("a b") != CalendarExport.safeName("a_b"))
        #expect(CalendarExport.safeName("") == "%")
    }
}
