import Foundation
import ICalendar
import Testing
import WutongFormats
import WutongModel
import WutongTestSupport

/// The busy-time policy of issue 4, on real-world shapes of calendar.
@Suite struct BusyCalendarTests {
    static let shanghai = ZoneRules(iana: "Asia/Shanghai")!
    static let march = (
        shanghai.instant(ofWall: ICalDate(year: 2027, month: 3, day: 1).dayNumber * 86_400),
        shanghai.instant(ofWall: ICalDate(year: 2027, month: 4, day: 1).dayNumber * 86_400)
    )

    static func busy(_ path: String) throws -> BusyCalendar {
        try BusyCalendar.read(path: path, zone: shanghai, from: march.0, to: march.1)
    }

    static func fixture(_ name: String) -> String {
        TestPaths.packageRoot.appendingPathComponent("Tests/ICalendarTests/Fixtures/" + name).path
    }

    static func text(_ instant: Int) -> String {
        OccurrenceTime.rfc3339(instant: instant, in: shanghai)
    }

    static func busy(text: String) throws -> BusyCalendar {
        try BusyCalendar.read(bytes: Array(text.utf8), zone: shanghai, from: march.0, to: march.1)
    }

    @Test func aGoogleExportWithUTCTimesFloatingTimesAllDayAndTransparentEvents() throws {
        let read = try Self.busy(Self.fixture("google.ics"))
        let rows = read.busy.map { "\(Self.text($0.start)) \(Self.text($0.end)) \($0.uid)" }
        #expect(
            rows == [
                "2027-03-02T14:00:00+08:00 2027-03-02T17:30:00+08:00 rehearsal-tue@google.com",
                "2027-03-05T14:00:00+08:00 2027-03-05T16:00:00+08:00 floating@google.com",
                "2027-03-08T00:00:00+08:00 2027-03-10T00:00:00+08:00 away@google.com",
                "2027-03-09T14:00:00+08:00 2027-03-09T17:30:00+08:00 rehearsal-tue@google.com",
                "2027-03-16T14:00:00+08:00 2027-03-16T17:30:00+08:00 rehearsal-tue@google.com",
                "2027-03-23T14:00:00+08:00 2027-03-23T17:30:00+08:00 rehearsal-tue@google.com",
                "2027-03-30T14:00:00+08:00 2027-03-30T17:30:00+08:00 rehearsal-tue@google.com",
            ])
        #expect(read.warnings.isEmpty)
    }

    @Test func aFreeBusyReplyIsBusyButForFreePeriods() throws {
        let read = try Self.busy(Self.fixture("freebusy.ics"))
        #expect(
            read.busy.map { Self.text($0.start) } == [
                "2027-03-02T09:00:00+08:00", "2027-03-03T09:00:00+08:00", "2027-03-04T09:00:00+08:00",
                "2027-03-06T09:00:00+08:00",
            ])
        #expect(read.busy[1].end - read.busy[1].start == 3_600)
        #expect(read.warnings.isEmpty)
        let local = try Self.busy(
            text: "BEGIN:VCALENDAR\r\nBEGIN:VFREEBUSY\r\nUID:f\r\n"
                + "FREEBUSY:20270302T010000/20270302T020000,20270303T010000/PT1H\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n")
        #expect(local.busy.count == 2)
        #expect(local.warnings.map(\.line) == [4])
    }

    @Test func theBundledHospitalCalendarDropsItsCancelledOccurrence() throws {
        let path = TestPaths.packageRoot.appendingPathComponent(
            "Inputs/hunan-spring-2027/calendars/ruijin-hospital.ics"
        ).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("STATUS:CANCELLED"))
        let read = try Self.busy(path)
        #expect(!read.busy.isEmpty)
        let cancelled = try #require(text.firstMatch(of: #/RECURRENCE-ID[^:]*:(\d{8})/#)).1
        let day = try #require(ICalDate(basic: String(cancelled)))
        #expect(!read.busy.contains { Self.text($0.start).hasPrefix(day.description) })
    }

    @Test func tentativeIsBusyCancelledAndTransparentAreNotAndCancelMessagesHoldNothing() throws {
        func calendar(_ extra: String, method: String = "PUBLISH") -> String {
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//EN\r\nMETHOD:\(method)\r\nBEGIN:VEVENT\r\nUID:e\r\n"
                + "DTSTAMP:20270101T000000Z\r\nDTSTART:20270302T010000Z\r\nDTEND:20270302T020000Z\r\n\(extra)"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n"
        }
        #expect(try Self.busy(text: calendar("STATUS:TENTATIVE\r\n")).busy.count == 1)
        #expect(try Self.busy(text: calendar("STATUS:CANCELLED\r\n")).busy.isEmpty)
        #expect(try Self.busy(text: calendar("TRANSP:TRANSPARENT\r\n")).busy.isEmpty)
        #expect(try Self.busy(text: calendar("", method: "CANCEL")).busy.isEmpty)
    }

    @Test func theSameUIDTwiceKeepsTheHigherSequenceWithAWarning() throws {
        let text = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//T//EN\r
            BEGIN:VEVENT\r
            UID:twice\r
            SEQUENCE:2\r
            DTSTART:20270302T010000Z\r
            DTEND:20270302T020000Z\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:twice\r
            SEQUENCE:1\r
            DTSTART:20270303T010000Z\r
            DTEND:20270303T020000Z\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let read = try Self.busy(text: text)
        #expect(read.busy.map { Self.text($0.start) } == ["2027-03-02T09:00:00+08:00"])
        #expect(read.warnings.map(\.line) == [10])
    }

    @Test func theBundledSeasonsCalendarsBecomePartnerBusyTime() throws {
        let loaded = SeasonLoader.load(path: TestPaths.bundledSeason)
        #expect(loaded.season != nil)
        #expect(loaded.diagnostics.isEmpty)
        #expect(Set(loaded.busy.keys).count == 7)
        let orchestra = try #require(
            loaded.busy.values.first { $0.contains { $0.reason?.contains("Orchestra rehearsal") == true } })
        #expect(orchestra.count > 10)
    }

    @Test func anUnreadableCalendarMakesTheSeasonInvalidAtItsLine() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let seasonText = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent(
                "Tests/WutongFormatsTests/Fixtures/valid/minimal.xml"),
            encoding: .utf8
        ).replacingOccurrences(
            of: "reason=\"meeting\"/>",
            with: "reason=\"meeting\"/>\n      <busy-calendar href=\"broken.ics\"/>")
        try seasonText.write(to: directory.appendingPathComponent("season.xml"), atomically: true, encoding: .utf8)
        try "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270302T25\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            .write(to: directory.appendingPathComponent("broken.ics"), atomically: true, encoding: .utf8)
        let loaded = SeasonLoader.load(
            path: directory.appendingPathComponent("season.xml").path, displayName: "season.xml")
        #expect(loaded.season == nil)
        #expect(
            loaded.diagnostics.map(\.rendered).contains {
                $0.hasSuffix(
                    "broken.ics:4:1: error: busy calendar of partner 'volunteers' cannot be read safely: DTSTART '20270302T25' is not a valid date or date-time"
                )
            })
    }
}
