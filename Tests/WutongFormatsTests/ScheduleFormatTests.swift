import Foundation
import Testing
import WutongFormats
import WutongModel
import WutongSolver
import XMLSupport

@Suite struct ScheduleFormatTests {
    static let fixtures = BadInputTests.fixtures
    static var season: Season {
        SeasonLoader.load(path: fixtures.appendingPathComponent("valid/minimal.xml").path).season!
    }

    static func load(_ text: String) -> ScheduleLoadResult {
        ScheduleLoader.load(bytes: Array(text.utf8), fileName: "s.xml", season: season)
    }

    static func document(_ body: String, season: String = "minimal") -> String {
        """
        <schedule xmlns="urn:wutong:schedule:1" version="1" season="\(season)" time-zone="Asia/Shanghai">
        \(body)
        </schedule>
        """
    }

    @Test func instantsCarryTheZoneOffset() throws {
        let format = try #require(InstantFormat(timeZone: "Asia/Shanghai"))
        let local = try #require(LocalDateTime("2027-03-06T19:00"))
        #expect(format.format(local) == "2027-03-06T19:00:00+08:00")
        #expect(format.parse("2027-03-06T11:00:00Z") == local)
        #expect(format.parse("2027-03-06T19:00:00+08:00") == local)
        #expect(format.parse("2027-03-06T12:00:00+01:00") == local)
        #expect(format.parse("2027-03-06T19:00:00") == nil)
        #expect(format.parse("2027-02-30T19:00:00+08:00") == nil)
        let berlin = try #require(InstantFormat(timeZone: "Europe/Berlin"))
        #expect(berlin.format(try #require(LocalDateTime("2027-07-01T12:00"))) == "2027-07-01T12:00:00+02:00")
        #expect(berlin.format(try #require(LocalDateTime("2027-01-01T12:00"))) == "2027-01-01T12:00:00+01:00")
    }

    @Test func writtenSchedulesReadBackAndValidate() throws {
        let season = Self.season
        let schedule = Schedule(sessions: [
            ScheduledSession(
                activity: "concert", index: 1,
                placement: Placement(
                    venue: "hall", start: LocalDateTime("2027-03-06T19:00")!, partners: ["orchestra", "volunteers"]),
                sequence: 2),
            ScheduledSession(activity: "concert", index: 2, sequence: 1),
            ScheduledSession(
                activity: "visit", index: 1,
                placement: Placement(venue: "lane", start: LocalDateTime("2027-03-02T10:00")!, partners: ["volunteers"])
            ),
        ])
        let report = ScheduleScorer.score(schedule, for: season)
        let bytes = ScheduleEncoder.encode(
            schedule, for: season, report: report,
            reasons: [
                SessionKey(activity: "concert", index: 2): UnplacedReasons(
                    [.init(.venueConflict, candidates: 30), .init(.partnerAvailability, candidates: 12)],
                    examined: 42, placements: 42)
            ],
            generatedBy: "test")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("start=\"2027-03-06T19:00:00+08:00\" end=\"2027-03-06T21:00:00+08:00\""))
        #expect(
            text.contains(
                #"<reason constraint="venue-conflict" candidates="30" examined="42" placements="42">"#
                    + "venue-conflict rules out 30 of its 42 candidate placements</reason>"))
        #expect(text.contains(#"<reason constraint="partner-availability" candidates="12""#))
        // The calendar SEQUENCE is written where it is not 0, on placed and unplaced sessions.
        #expect(text.contains("end=\"2027-03-06T21:00:00+08:00\" sequence=\"2\""))
        #expect(text.contains("<unplaced activity=\"concert\" index=\"2\" sequence=\"1\">"))
        #expect(text.components(separatedBy: "sequence=").count == 3)
        let loaded = ScheduleLoader.load(bytes: bytes, fileName: "w.xml", season: season)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.rendered))")
        #expect(loaded.claimedScore == report.score)
        let reread = try #require(loaded.schedule)
        #expect(Set(reread.sessions) == Set(schedule.sessions))
        #expect(ScheduleScorer.score(reread, for: season) == report)
    }

    @Test func referencesAreCheckedAgainstTheSeason() {
        let cases: [(String, String)] = [
            (
                #"<session activity="concrt" index="1" venue="hall" start="2027-03-06T19:00:00+08:00" end="2027-03-06T21:00:00+08:00"/>"#,
                "unknown activity 'concrt'. Maybe you meant 'concert'?"
            ),
            (
                #"<session activity="concert" index="3" venue="hall" start="2027-03-06T19:00:00+08:00" end="2027-03-06T21:00:00+08:00"/>"#,
                "there is no session 3"
            ),
            (
                #"<session activity="concert" index="1" venue="hal" start="2027-03-06T19:00:00+08:00" end="2027-03-06T21:00:00+08:00"/>"#,
                "unknown venue 'hal'. Maybe you meant 'hall'?"
            ),
            (
                #"<session activity="concert" index="1" venue="hall" start="2027-03-06T19:00:00+08:00" end="2027-03-06T21:00:00+08:00"><partner id="nobody"/></session>"#,
                "unknown partner unit 'nobody'"
            ),
            (
                #"<session activity="concert" index="1" venue="hall" start="2027-03-06T19:00:00+08:00" end="2027-03-06T21:00:00+08:00"/><unplaced activity="concert" index="1"/>"#,
                "appears twice"
            ),
            (
                #"<session activity="concert" index="1" venue="hall" start="2027-02-31T19:00:00+08:00" end="2027-03-06T21:00:00+08:00"/>"#,
                "not a date and time that exists"
            ),
        ]
        for (body, message) in cases {
            let result = Self.load(Self.document(body))
            #expect(result.schedule == nil, "\(message)")
            #expect(
                result.diagnostics.contains { $0.severity == .error && $0.message.contains(message) },
                "\(result.diagnostics.map(\.rendered))")
        }
    }

    @Test func aScheduleOfAnotherSeasonIsRefused() {
        let result = Self.load(Self.document("", season: "autumn-2027"))
        #expect(result.schedule == nil)
        #expect(result.diagnostics.first?.message.contains("for season 'autumn-2027', not 'minimal'") == true)
        #expect(result.diagnostics.first?.location.line == 1)
    }

    @Test func aMovedPinnedSessionIsAnError() throws {
        let url = Self.fixtures.appendingPathComponent("valid/minimal.xml")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "<allowed kinds=\"concert-hall\"/>",
            with:
                "<allowed kinds=\"concert-hall\"/>\n      <pin session=\"1\" venue=\"hall\" start=\"2027-03-06T19:00\"/>"
        )
        let pinned = try #require(SeasonLoader.load(bytes: Array(text.utf8), fileName: "p.xml").season)
        let body =
            #"<session activity="concert" index="1" venue="hall" start="2027-03-07T19:00:00+08:00" end="2027-03-07T21:00:00+08:00"/>"#
        let result = ScheduleLoader.load(bytes: Array(Self.document(body).utf8), fileName: "s.xml", season: pinned)
        #expect(result.diagnostics.contains { $0.message.contains("is pinned at 'hall' 2027-03-06T19:00") })
    }

    @Test func aMismatchedEndIsAWarningOnly() {
        let body =
            #"<session activity="visit" index="1" venue="lane" start="2027-03-02T10:00:00+08:00" end="2027-03-02T12:00:00+08:00"/>"#
        let result = Self.load(Self.document(body))
        #expect(result.schedule != nil)
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    @Test func aNegativeSequenceIsASchemaError() {
        let body = #"<unplaced activity="concert" index="2" sequence="-1"/>"#
        let result = Self.load(Self.document(body))
        #expect(result.schedule == nil)
        #expect(
            result.diagnostics.contains { $0.message.contains("sequence") }, "\(result.diagnostics.map(\.rendered))")
    }

    @Test func wrongRootAndSchemaViolationsAreReported() {
        #expect(
            Self.load("<schedule xmlns=\"urn:other\" version=\"1\"/>").diagnostics.first?.message.contains(
                "namespace 'urn:other'") == true)
        let body = #"<session activity="concert" index="0" venue="hall" start="tomorrow" end="later"/>"#
        let result = Self.load(Self.document(body))
        #expect(result.schedule == nil)
        #expect(result.diagnostics.filter { $0.severity == .error }.count >= 2)
    }

    @Test func handEditedFixturesScoreAsExpected() throws {
        let clean = ScheduleLoader.load(
            path: Self.fixtures.appendingPathComponent("schedules/minimal-clean.xml").path, season: Self.season)
        let report = ScheduleScorer.score(try #require(clean.schedule), for: Self.season)
        #expect(report.score.hard == 0 && report.unplaced.isEmpty)
        let doubled = ScheduleLoader.load(
            path: Self.fixtures.appendingPathComponent("schedules/minimal-double-booked.xml").path, season: Self.season)
        let broken = ScheduleScorer.score(try #require(doubled.schedule), for: Self.season)
        #expect(broken.total(.venueConflict)?.amount == 1)
        #expect(broken.violations.contains { $0.constraint == .venueConflict && $0.venue == "hall" })
    }
}
