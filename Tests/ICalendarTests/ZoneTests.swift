import Foundation
import Testing

@testable import ICalendar

@Suite struct ZoneTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
        return [UInt8](try Data(contentsOf: url))
    }

    static func instant(_ text: String) -> Int {
        ICalDateTime(basic: text)!.wallSeconds
    }

    @Test func aVTIMEZONEWithRulesAgreesWithTheIANAZoneAcrossDST() throws {
        let calendar = try #require(try CalendarParser.parse(Self.fixture("apple.ics")).first)
        let resolver = try ZoneResolver(calendar: calendar, horizon: Self.instant("20300101T000000"))
        let own = try #require(resolver.rules(for: "America/New_York"))
        #expect(own.warning == nil)
        let iana = try #require(ZoneRules(iana: "America/New_York"))
        for instant in stride(from: Self.instant("20260101T000000"), to: Self.instant("20290101T000000"), by: 3_600 * 7)
        {
            #expect(own.rules.offset(atInstant: instant) == iana.offset(atInstant: instant), "at \(instant)")
        }
    }

    @Test func aWeeklyEventKeepsItsWallClockTimeAcrossTheChange() throws {
        let calendar = try #require(try CalendarParser.parse(Self.fixture("apple.ics")).first)
        let events = try CalendarEvents(calendar: calendar, horizon: Self.instant("20280101T000000"))
        let occurrences = try events.occurrences(before: Self.instant("20280101T000000"), floatingZone: .utc)
            .sorted { $0.start.wall < $1.start.wall }
        #expect(
            occurrences.map(\.start.rfc3339) == [
                "2027-03-03T09:00:00-05:00", "2027-03-10T09:00:00-05:00", "2027-03-17T09:00:00-04:00",
                "2027-03-24T09:00:00-04:00",
            ])
        #expect(
            occurrences.map { $0.start.instant(floatingZone: .utc) } == [
                Self.instant("20270303T140000"), Self.instant("20270310T140000"), Self.instant("20270317T130000"),
                Self.instant("20270324T130000"),
            ])
        #expect(occurrences.allSatisfy { $0.end.wall - $0.start.wall == 3_600 })
    }

    @Test func skippedAndRepeatedWallTimesFollowTheRFC() throws {
        let zone = try #require(ZoneRules(iana: "America/New_York"))
        // 02:30 does not exist on 2027-03-14: read with the offset before the gap (EST), so 03:30 EDT.
        #expect(zone.instant(ofWall: Self.instant("20270314T023000")) == Self.instant("20270314T073000"))
        // 01:30 happens twice on 2027-11-07: the first, in EDT.
        #expect(zone.instant(ofWall: Self.instant("20271107T013000")) == Self.instant("20271107T053000"))
    }

    @Test func windowsAndMozillaNamesResolveWithAWarningAndUnknownOnesAreRefused() throws {
        let calendar = try #require(try CalendarParser.parse(Self.fixture("outlook-no-vtimezone.ics")).first)
        let events = try CalendarEvents(calendar: calendar, horizon: Self.instant("20280101T000000"))
        #expect(
            events.diagnostics.contains {
                $0.line == 8
                    && $0.message
                        == "TZID China Standard Time has no VTIMEZONE in the file; read as the zone Asia/Shanghai"
            })
        #expect(
            events.diagnostics.contains {
                $0.line == 10 && $0.message == "UNTIL must be in UTC when DTSTART has a zone; read as the zone's time"
            })
        let starts = try events.occurrences(before: Self.instant("20280101T000000"), floatingZone: .utc).map(
            \.start.rfc3339)
        #expect(
            starts.sorted() == [
                "2027-03-02T09:00:00+08:00", "2027-03-09T09:00:00+08:00", "2027-03-16T09:00:00+08:00",
                "2027-03-23T09:00:00+08:00",
            ])
        #expect(events.diagnostics.count == 2)
        #expect(ZoneResolver.known("/mozilla.org/20050126_1/Asia/Shanghai")?.name == "Asia/Shanghai")
        let unknown = try CalendarParser.parse(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Mars/Olympus:20270301T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        #expect(
            throws: ICalError(line: 4, "TZID Mars/Olympus has no VTIMEZONE in the file and is not a known zone name")
        ) {
            try CalendarEvents(calendar: unknown[0], horizon: 0)
        }
    }

    @Test func aMalformedDTSTARTOrAMissingOneIsRefusedWithItsLine() throws {
        let bad = try CalendarParser.parse(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:2027-03-01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        #expect(throws: ICalError(line: 4, "DTSTART '2027-03-01' is not a valid date or date-time")) {
            try CalendarEvents(calendar: bad[0], horizon: 0)
        }
        let missing = try CalendarParser.parse(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        #expect(throws: ICalError(line: 2, "VEVENT 1 has no DTSTART")) {
            try CalendarEvents(calendar: missing[0], horizon: 0)
        }
        let both = try CalendarParser.parse(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20270301T090000Z\r\nRRULE:FREQ=DAILY;COUNT=2;UNTIL=20270310T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        #expect(throws: ICalError(line: 5, "RRULE: the rule has both COUNT and UNTIL, which RFC 5545 forbids")) {
            try CalendarEvents(calendar: both[0], horizon: 0)
        }
    }
}
