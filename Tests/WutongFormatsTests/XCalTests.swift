import Foundation
import ICalendar
import Testing
import WutongFormats
import WutongModel
import XMLSupport

/// xCal (RFC 6321): golden files of the exports, round trips through our reader for our own
/// feeds and for real-world calendars, the RFC's own example, and bad xCal. (CI validates every
/// exported `.xcs` with `xmllint --relaxng` against the RFC's schema.)
@Suite struct XCalTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let calendarFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ICalendarTests/Fixtures")
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/schemas/xcal")

    /// The calendar without the line numbers its reader recorded.
    static func unlined(_ component: Component) -> Component {
        Component(
            name: component.name,
            properties: component.properties.map {
                ContentLine(name: $0.name, parameters: $0.parameters, value: $0.value)
            },
            components: component.components.map(unlined))
    }

    /// What the RFC 6321 schema keeps of one of our feeds.
    static func registered(_ component: Component) -> Component {
        var result = component
        let calendarLevel: Set = ["VERSION", "PRODID", "CALSCALE", "METHOD"]
        result.properties = component.properties.compactMap { property in
            if component.name == "VCALENDAR" && !calendarLevel.contains(property.name) { return nil }
            var kept = property
            kept.parameters.removeAll { $0.name.hasPrefix("X-") }
            return kept
        }
        result.components = component.components.map(registered)
        return result
    }

    static func read(_ bytes: [UInt8], _ name: String = "test.xcs") throws -> [Component] {
        let result = XCalReader.read(bytes: bytes, fileName: name)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.rendered))")
        return result.calendars.map(unlined)
    }

    @Test func exportsMatchTheirGoldenFiles() throws {
        let (season, schedule) = try CalendarExportTests.minimal()
        for feed in CalendarExport.feeds(schedule, for: season, stamp: CalendarExportTests.stamp) {
            let document = try feed.xcal()
            let golden = Self.fixtures.appendingPathComponent("exports/minimal/xcal/" + document.fileName)
            if ProcessInfo.processInfo.environment["WUTONG_UPDATE_GOLDENS"] == "1" {
                try FileManager.default.createDirectory(
                    at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(document.bytes).write(to: golden)
            }
            #expect(document.bytes == Array(try Data(contentsOf: golden)), "\(document.fileName) differs")
        }
    }

    @Test func everyExportReadsBackToItsCalendar() throws {
        let (season, schedule) = try CalendarExportTests.minimal()
        for feed in CalendarExport.feeds(schedule, for: season, stamp: CalendarExportTests.stamp) {
            let complete = try XCalWriter.encode([feed.calendar])
            #expect(try Self.read(complete) == [feed.calendar], "\(feed.fileName)")
            let published = try feed.xcal()
            #expect(try Self.read(published.bytes) == [Self.registered(feed.calendar)], "\(feed.fileName)")
        }
    }

    @Test(arguments: ["google.ics", "apple.ics", "freebusy.ics", "outlook-no-vtimezone.ics"])
    func realWorldCalendarsSurviveTheRoundTrip(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.calendarFixtures.appendingPathComponent(name)))
        let original = try CalendarParser.parse(bytes).map(Self.unlined)
        let once = try Self.read(try XCalWriter.encode(original))
        // The first trip may only normalise (rule parts in the schema's order, canonical escapes);
        // from then on xCal and back is the identity.
        #expect(try Self.read(try XCalWriter.encode(once)) == once)
        #expect(once.count == original.count)
        for (before, after) in zip(original, once) {
            #expect(Self.describe(before) == Self.describe(after), "\(name)")
        }
    }

    /// Every occurrence a calendar yields, in words: equal descriptions mean the same calendar.
    static func describe(_ calendar: Component) -> [String] {
        guard let zone = ZoneRules(iana: "Asia/Shanghai"),
            let events = try? CalendarEvents(calendar: calendar, horizon: 1_900_000_000),
            let occurrences = try? events.occurrences(before: 1_900_000_000, floatingZone: zone)
        else { return ["unreadable"] }
        return occurrences.map { "\($0.uid) \($0.start) \($0.end) \($0.status) \($0.transparent) \($0.summary)" }
            + events.freeBusy.map { "\($0.uid) \($0.start) \($0.end) \($0.type)" }
            + [String(calendar.properties.count), String(calendar.components.count)]
    }

    @Test func valuesTakeTheirXCalForms() throws {
        let event = Component(
            name: "VEVENT",
            properties: [
                ContentLine(name: "UID", value: "a\\,b\\;c\\nd"),
                ContentLine(name: "DTSTART", parameters: [Parameter("VALUE", ["DATE"])], value: "20270302"),
                ContentLine(name: "DTSTAMP", value: "20270101T000000Z"),
                ContentLine(name: "RRULE", value: "BYDAY=-1FR,MO;FREQ=MONTHLY;UNTIL=20271231T235959Z"),
                ContentLine(name: "EXDATE", parameters: [Parameter("VALUE", ["DATE"])], value: "20270402,20270409"),
                ContentLine(name: "CATEGORIES", value: "a\\,b,c"),
                ContentLine(name: "GEO", value: "31.2;121.4"),
                ContentLine(
                    name: "ATTENDEE", parameters: [Parameter("RSVP", ["TRUE"]), Parameter("X-ROLE", ["host"])],
                    value: "mailto:a@example.org"),
                ContentLine(name: "X-COLOR", value: "red;blue"),
                ContentLine(name: "REQUEST-STATUS", value: "2.0;Success\\; done"),
            ])
        let calendar = Component(
            name: "VCALENDAR",
            properties: [ContentLine(name: "VERSION", value: "2.0"), ContentLine(name: "PRODID", value: "p")],
            components: [
                event,
                Component(
                    name: "VFREEBUSY",
                    properties: [
                        ContentLine(
                            name: "FREEBUSY", parameters: [Parameter("FBTYPE", ["BUSY"])],
                            value: "20270302T100000Z/20270302T120000Z,20270303T100000Z/PT1H")
                    ]),
            ])
        let xml = String(decoding: try XCalWriter.encode([calendar]), as: UTF8.self)
        for fragment in [
            "<text>a,b;c\nd</text>", "<date>2027-03-02</date>", "<freq>MONTHLY</freq>",
            "<until>2027-12-31T23:59:59Z</until>", "<byday>-1FR</byday>", "<byday>MO</byday>",
            "<date>2027-04-09</date>", "<text>a,b</text>", "<latitude>31.2</latitude>", "<boolean>true</boolean>",
            "<x-role>", "<unknown>red;blue</unknown>", "<code>2.0</code>", "<description>Success; done</description>",
            "<end>2027-03-02T12:00:00Z</end>", "<duration>PT1H</duration>",
        ] {
            #expect(xml.contains(fragment), "\(fragment)")
        }
        let back = try Self.read(Array(xml.utf8))
        var expected = calendar
        // The schema's order of rule parts is the one written back.
        expected.components[0].properties[3].value = "FREQ=MONTHLY;UNTIL=20271231T235959Z;BYDAY=-1FR,MO"
        #expect(back == [expected])
    }

    @Test func theRFCExampleReads() throws {
        let bytes = Array(try Data(contentsOf: Self.shared.appendingPathComponent("rfc6321-example-b1.xml")))
        let calendars = try Self.read(bytes)
        let event = try #require(calendars.first?.components.first)
        #expect(
            event.property("DTSTART")
                == ContentLine(name: "DTSTART", parameters: [Parameter("VALUE", ["DATE"])], value: "20081006"))
        #expect(event.property("SUMMARY")?.value == "Planning meeting")
        #expect(event.property("UID")?.value == "4088E990AD89CB3DBB484909")
    }

    @Test(arguments: [
        (
            #"<calendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"/>"#, 1,
            "the root element is <calendar>"
        ),
        (
            #"<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar><properties>"#
                + "\n<dtstart><date-time>2027-13-01T00:00:00</date-time></dtstart></properties></vcalendar></icalendar>",
            2, "is not a valid date-time value"
        ),
        (
            #"<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar><properties>"#
                + "\n\n<summary><words>x</words></summary></properties></vcalendar></icalendar>",
            3, "<words> is not an xCal value type"
        ),
        (
            #"<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar><properties>"#
                + "<tzid>US/Eastern</tzid></properties></vcalendar></icalendar>",
            1, "has no value"
        ),
        (
            #"<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar><properties>"#
                + "<rrule><recur><interval>2</interval></recur></rrule></properties></vcalendar></icalendar>",
            1, "<recur> has no <freq>"
        ),
        (#"<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar>"#, 1, "end of the document"),
    ])
    func badXCalIsReportedWithItsLine(_ xml: String, _ line: Int, _ message: String) {
        let result = XCalReader.read(bytes: Array(xml.utf8), fileName: "bad.xcs")
        #expect(result.hasErrors)
        #expect(result.calendars.isEmpty)
        let diagnostic = result.diagnostics.first { $0.severity == .error }
        #expect(diagnostic?.line == line, "\(result.diagnostics.map(\.rendered))")
        #expect(diagnostic?.message.contains(message) == true, "\(result.diagnostics.map(\.rendered))")
    }

    @Test func aValueOfTheWrongShapeIsRefusedWhenWriting() {
        let calendar = Component(
            name: "VCALENDAR", properties: [ContentLine(name: "DTSTART", value: "tomorrow", line: 7)])
        #expect(throws: ICalError.self) { try XCalWriter.encode([calendar]) }
    }
}
