import Testing
import WutongModel

/// How a re-plan continues the calendar SEQUENCE of what was published.
@Suite struct ScheduleRevisionTests {
    static let start = LocalDateTime("2027-03-06T19:00")!
    static let later = LocalDateTime("2027-03-07T19:00")!

    static func session(
        _ activity: String, _ index: Int, venue: String? = "hall", start: LocalDateTime = start,
        partners: [String] = ["orchestra"], sequence: Int = 0
    ) -> ScheduledSession {
        ScheduledSession(
            activity: activity, index: index,
            placement: venue.map { Placement(venue: $0, start: start, partners: partners) }, sequence: sequence)
    }

    static func sequences(_ schedule: Schedule) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: schedule.sessions.map { ("\($0.activity)#\($0.index)", $0.sequence) })
    }

    @Test func unchangedSessionsKeepTheirSequenceAndMovedOrLeftOnesRaiseIt() {
        let baseline = Schedule(sessions: [
            Self.session("a", 1, sequence: 2), Self.session("a", 2), Self.session("a", 3),
            Self.session("a", 4, sequence: 1),
        ])
        let revised = ScheduleRevision(
            Schedule(sessions: [
                Self.session("a", 1), Self.session("a", 2, start: Self.later), Self.session("a", 3, venue: "lane"),
                Self.session("a", 4, partners: ["choir"]),
            ]),
            baseline: baseline)
        #expect(Self.sequences(revised.schedule) == ["a#1": 2, "a#2": 1, "a#3": 1, "a#4": 2])
        #expect(revised.cancelled.isEmpty)
        #expect(revised.droppedPartners == [SessionKey(activity: "a", index: 4): ["orchestra"]])
    }

    @Test func aSessionNoLongerPlacedIsCancelledWhereItWas() {
        let baseline = Schedule(sessions: [Self.session("a", 1, sequence: 3), Self.session("b", 1)])
        let revised = ScheduleRevision(
            Schedule(sessions: [Self.session("a", 1, venue: nil)]), baseline: baseline)
        #expect(Self.sequences(revised.schedule) == ["a#1": 4])
        #expect(revised.cancelled.map(\.activity) == ["a", "b"])
        #expect(revised.cancelled.map(\.sequence) == [4, 1])
        #expect(revised.cancelled[0].placement == Placement(venue: "hall", start: Self.start, partners: ["orchestra"]))
    }

    @Test func aSessionPlacedAgainAfterACancellationRaisesItOnceMore() {
        let baseline = Schedule(sessions: [
            Self.session("a", 1, venue: nil, sequence: 4), Self.session("a", 2, venue: nil),
            Self.session("a", 3, venue: nil, sequence: 2),
        ])
        let revised = ScheduleRevision(
            Schedule(sessions: [Self.session("a", 1), Self.session("a", 2), Self.session("a", 3, venue: nil)]),
            baseline: baseline)
        // Never published (0) stays 0; still unplaced keeps its number.
        #expect(Self.sequences(revised.schedule) == ["a#1": 5, "a#2": 0, "a#3": 2])
        #expect(revised.cancelled.isEmpty)
    }

    @Test func revisingTwiceAgainstTheSameBaselineGivesTheSameSequences() {
        let baseline = Schedule(sessions: [Self.session("a", 1, sequence: 1), Self.session("a", 2)])
        let plan = Schedule(sessions: [Self.session("a", 1, start: Self.later), Self.session("a", 2, venue: nil)])
        let once = ScheduleRevision(plan, baseline: baseline)
        let twice = ScheduleRevision(once.schedule, baseline: baseline)
        #expect(once == twice)
    }
}
