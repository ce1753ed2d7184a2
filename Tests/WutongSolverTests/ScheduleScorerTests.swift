import Testing
import WutongModel
import WutongSolver

/// The from-scratch scorer on tiny seasons whose costs are worked out by hand.
@Suite struct ScheduleScorerTests {
    static func at(_ text: String) -> LocalDateTime { LocalDateTime(text)! }
    static func time(_ text: String) -> TimeOfDay { TimeOfDay(text)! }

    /// Two halls 360 m apart (a 5-minute walk), a residential lane, two partners, two audiences.
    static func season(_ change: (inout Season) -> Void = { _ in }) -> Season {
        var season = Season(
            id: "tiny", name: "Tiny",
            calendar: SeasonCalendar(
                timeZone: "Asia/Shanghai", start: LocalDate("2027-03-01")!, end: LocalDate("2027-03-31")!,
                slotMinutes: 30,
                dayStart: time("08:00"), dayEnd: time("22:00"),
                blackouts: [Blackout(from: LocalDate("2027-03-08")!, to: LocalDate("2027-03-08")!)]),
            grids: [Grid(id: "north", name: "North"), Grid(id: "south", name: "South")],
            audiences: [
                AudienceGroup(id: "public", name: "Public"),
                AudienceGroup(
                    id: "elderly", name: "Elderly", windows: [WeeklyWindow(from: time("09:00"), to: time("16:30"))]),
            ],
            venues: [
                Venue(
                    id: "hall", name: "Hall", kind: .concertHall, grid: "north", capacity: 150, setting: .indoor,
                    equipment: [.piano], location: Coordinate(latitude: 31.2106, longitude: 121.4472),
                    openingHours: [WeeklyWindow(from: time("09:00"), to: time("22:00"))],
                    closures: [LocalPeriod(start: at("2027-03-15T00:00"), end: at("2027-03-16T00:00"))]),
                Venue(
                    id: "school", name: "School", kind: .schoolHall, grid: "north", capacity: 300, setting: .indoor,
                    location: Coordinate(latitude: 31.2108, longitude: 121.4510)),
                Venue(
                    id: "lane", name: "Lane", kind: .residentialLane, grid: "south", capacity: 40, setting: .outdoor,
                    residential: true, location: Coordinate(latitude: 31.2107, longitude: 121.4473),
                    quietHours: [WeeklyWindow(from: time("20:00"), to: time("08:30"))]),
            ],
            partners: [
                PartnerUnit(id: "band", name: "Band", roles: [.performer], weeklyLimit: 1, offeredSessions: 1),
                PartnerUnit(
                    id: "helpers", name: "Helpers", roles: [.volunteer],
                    unavailable: [LocalPeriod(start: at("2027-03-03T10:00"), end: at("2027-03-03T12:00"))]),
            ],
            activities: [
                Activity(
                    id: "talk", name: "Talk", kind: .practice, durationMinutes: 60, sessions: 2, audiences: ["public"],
                    audienceSize: 50),
                Activity(
                    id: "gig", name: "Gig", kind: .practice, durationMinutes: 60, setupMinutes: 30, sessions: 2,
                    audiences: ["public"], audienceSize: 30, amplified: true, priority: 3),
            ])
        change(&season)
        return season
    }

    static func place(_ activity: String, _ index: Int, _ venue: String, _ start: String, _ partners: [String] = [])
        -> ScheduledSession
    {
        ScheduledSession(
            activity: activity, index: index, placement: Placement(venue: venue, start: at(start), partners: partners))
    }

    static func amount(_ constraint: ConstraintID, _ sessions: [ScheduledSession], season: Season = season()) -> Int {
        ScheduleScorer.score(Schedule(sessions: sessions), for: season).total(constraint)?.amount ?? -1
    }

    @Test func unplacedSessionsCostTheirPriorityInMedium() {
        let report = ScheduleScorer.score(Schedule(unplacedFor: Self.season()), for: Self.season())
        #expect(report.score == Score(hard: 0, medium: 2 * 1 + 2 * 3, soft: 0))
        #expect(report.unplaced.count == 4)
        #expect(report.totals.count == ConstraintID.allCases.count)
    }

    @Test func venueConflictCountsSetUpAndTearDown() {
        // The gig's set-up (10:30–11:00) overlaps the talk (10:00–11:00) in the hall.
        #expect(
            Self.amount(
                .venueConflict,
                [Self.place("talk", 1, "hall", "2027-03-02T10:00"), Self.place("gig", 1, "hall", "2027-03-02T11:00")])
                == 1)
        #expect(
            Self.amount(
                .venueConflict,
                [Self.place("talk", 1, "hall", "2027-03-02T10:00"), Self.place("gig", 1, "hall", "2027-03-02T11:30")])
                == 0)
        #expect(
            Self.amount(
                .venueConflict,
                [
                    Self.place("talk", 1, "hall", "2027-03-02T10:00"),
                    Self.place("talk", 2, "school", "2027-03-02T10:00"),
                ]) == 0)
    }

    @Test func partnerConflictIncludesWalkingTime() {
        let back = [
            Self.place("talk", 1, "hall", "2027-03-02T10:00", ["band"]),
            Self.place("talk", 2, "school", "2027-03-02T11:00", ["band"]),
        ]
        #expect(Self.amount(.partnerConflict, back) == 1)  // 0 minutes to walk 360 m
        let sameVenue = [
            Self.place("talk", 1, "hall", "2027-03-02T10:00", ["band"]),
            Self.place("talk", 2, "hall", "2027-03-02T11:00", ["band"]),
        ]
        #expect(Self.amount(.partnerConflict, sameVenue) == 0)
        let later = [
            Self.place("talk", 1, "hall", "2027-03-02T10:00", ["band"]),
            Self.place("talk", 2, "school", "2027-03-02T11:30", ["band"]),
        ]
        #expect(Self.amount(.partnerConflict, later) == 0)
    }

    @Test func partnerLimitsAvailabilityAndFairness() {
        let sameWeek = [
            Self.place("talk", 1, "hall", "2027-03-02T10:00", ["band"]),
            Self.place("talk", 2, "hall", "2027-03-07T10:00", ["band"]),
        ]
        #expect(Self.amount(.partnerWeeklyLimit, sameWeek) == 1)  // Tuesday and Sunday of one week
        #expect(Self.amount(.partnerFairness, sameWeek) == 1)  // offered 1
        let twoWeeks = [
            Self.place("talk", 1, "hall", "2027-03-07T10:00", ["band"]),
            Self.place("talk", 2, "hall", "2027-03-09T10:00", ["band"]),
        ]
        #expect(Self.amount(.partnerWeeklyLimit, twoWeeks) == 0)
        #expect(
            Self.amount(.partnerAvailability, [Self.place("talk", 1, "hall", "2027-03-03T11:00", ["helpers"])]) == 1)
        #expect(
            Self.amount(.partnerAvailability, [Self.place("talk", 1, "hall", "2027-03-03T12:00", ["helpers"])]) == 0)
        let busy = ["band": [LocalPeriod(start: Self.at("2027-03-04T09:00"), end: Self.at("2027-03-04T09:30"))]]
        let report = ScheduleScorer.score(
            Schedule(sessions: [Self.place("talk", 1, "hall", "2027-03-04T09:00", ["band"])]), for: Self.season(),
            busy: busy)
        #expect(report.total(.partnerAvailability)?.amount == 1)
    }

    @Test func venueHoursCapacityEquipmentEligibility() {
        #expect(Self.amount(.venueHours, [Self.place("talk", 1, "hall", "2027-03-08T10:00")]) == 1)  // blackout
        #expect(Self.amount(.venueHours, [Self.place("talk", 1, "hall", "2027-03-15T10:00")]) == 1)  // closure
        // off the slot grid
        #expect(Self.amount(.venueHours, [Self.place("talk", 1, "hall", "2027-03-02T10:15")]) == 1)
        // set-up before opening
        #expect(Self.amount(.venueHours, [Self.place("gig", 1, "hall", "2027-03-02T09:00")]) == 1)
        #expect(Self.amount(.venueHours, [Self.place("talk", 1, "school", "2027-03-02T21:30")]) == 1)  // past day end
        #expect(Self.amount(.venueHours, [Self.place("talk", 1, "hall", "2027-03-02T09:00")]) == 0)
        let big = Self.season { $0.activities[0].audienceSize = 200 }
        #expect(Self.amount(.venueCapacity, [Self.place("talk", 1, "hall", "2027-03-02T10:00")], season: big) == 50)
        let needs = Self.season {
            $0.activities[0].equipment = [.piano, .projector, .sound]
            $0.equipmentPools = [EquipmentPool(id: "p", name: "P", provides: .sound, count: 1)]
            $0.activities[0].eligibility = VenueEligibility(kinds: [.schoolHall])
        }
        #expect(Self.amount(.venueEquipment, [Self.place("talk", 1, "hall", "2027-03-02T10:00")], season: needs) == 1)
        #expect(Self.amount(.venueEligibility, [Self.place("talk", 1, "hall", "2027-03-02T10:00")], season: needs) == 1)
        #expect(
            Self.amount(.venueEligibility, [Self.place("talk", 1, "school", "2027-03-02T10:00")], season: needs) == 0)
    }

    @Test func quietHoursReachIntoTheNextMorning() {
        #expect(Self.amount(.quietHours, [Self.place("gig", 1, "lane", "2027-03-02T19:30")]) == 1)  // runs to 20:30
        #expect(Self.amount(.quietHours, [Self.place("gig", 1, "lane", "2027-03-02T09:00")]) == 0)  // set-up from 08:30
        #expect(Self.amount(.quietHours, [Self.place("gig", 1, "lane", "2027-03-02T08:30")]) == 1)  // set-up from 08:00
        #expect(Self.amount(.quietHours, [Self.place("gig", 1, "lane", "2027-03-02T15:00")]) == 0)
        #expect(Self.amount(.quietHours, [Self.place("talk", 1, "lane", "2027-03-02T20:30")]) == 0)  // not amplified
    }

    @Test func windowsAndAudiences() {
        let elders = Self.season {
            $0.activities[0].audiences = ["elderly"]
            $0.activities[0].windows = [WeeklyWindow(days: [.tue], from: Self.time("09:00"), to: Self.time("12:00"))]
            $0.activities[0].forbidden = [
                LocalPeriod(start: Self.at("2027-03-09T00:00"), end: Self.at("2027-03-10T00:00"))
            ]
            $0.activities[0].preferred = [WeeklyWindow(days: [.tue], from: Self.time("10:00"), to: Self.time("11:00"))]
        }
        #expect(Self.amount(.audienceWindow, [Self.place("talk", 1, "hall", "2027-03-02T16:00")], season: elders) == 1)
        #expect(Self.amount(.audienceWindow, [Self.place("talk", 1, "hall", "2027-03-02T15:30")], season: elders) == 0)
        // Wednesday
        #expect(Self.amount(.activityWindow, [Self.place("talk", 1, "hall", "2027-03-03T10:00")], season: elders) == 1)
        // forbidden
        #expect(Self.amount(.activityWindow, [Self.place("talk", 1, "hall", "2027-03-09T10:00")], season: elders) == 1)
        #expect(Self.amount(.activityWindow, [Self.place("talk", 1, "hall", "2027-03-02T10:00")], season: elders) == 0)
        #expect(Self.amount(.preferredTimes, [Self.place("talk", 1, "hall", "2027-03-02T11:00")], season: elders) == 1)
        #expect(Self.amount(.preferredTimes, [Self.place("talk", 1, "hall", "2027-03-02T10:00")], season: elders) == 0)
        let clash = [
            Self.place("talk", 1, "hall", "2027-03-02T10:00"), Self.place("gig", 1, "school", "2027-03-02T10:30"),
        ]
        #expect(Self.amount(.audienceConflict, clash) == 1)
        #expect(Self.amount(.audienceCompactness, clash) == 2)
        let backToBack = [
            Self.place("talk", 1, "hall", "2027-03-02T10:00"), Self.place("gig", 1, "school", "2027-03-02T11:00"),
        ]
        #expect(Self.amount(.audienceConflict, backToBack) == 0)
        #expect(Self.amount(.audienceCompactness, backToBack) == 0)
        // Sessions for several groups: every group's windows apply; a clash counts once per shared
        // group; an isolated session counts in each of its groups.
        let shared = Self.season {
            $0.activities[0].audiences = ["public", "elderly"]
            $0.activities[1].audiences = ["elderly", "public"]
        }
        #expect(Self.amount(.audienceWindow, [Self.place("talk", 1, "hall", "2027-03-02T16:00")], season: shared) == 1)
        #expect(Self.amount(.audienceConflict, clash, season: shared) == 2)
        #expect(Self.amount(.audienceCompactness, clash, season: shared) == 4)
        #expect(Self.amount(.audienceCompactness, backToBack, season: shared) == 0)
        let partly = Self.season { $0.activities[0].audiences = ["public", "elderly"] }
        #expect(Self.amount(.audienceConflict, clash, season: partly) == 1)
        // The talk has no elderly company that day: isolated there, not among the public.
        #expect(Self.amount(.audienceCompactness, backToBack, season: partly) == 1)
    }

    @Test func noiseNeighboursAndEquipmentPools() {
        // hall and lane are about 15 m apart; school is 360 m away.
        let near = [Self.place("gig", 1, "hall", "2027-03-02T10:00"), Self.place("gig", 2, "lane", "2027-03-02T10:00")]
        #expect(Self.amount(.noiseNeighbours, near) == 1)
        let far = [
            Self.place("gig", 1, "hall", "2027-03-02T10:00"), Self.place("gig", 2, "school", "2027-03-02T10:00"),
        ]
        #expect(Self.amount(.noiseNeighbours, far) == 0)
        let pooled = Self.season {
            $0.activities[1].equipment = [.sound]
            $0.activities[1].sessions = 3
            $0.equipmentPools = [EquipmentPool(id: "p", name: "P", provides: .sound, count: 2)]
        }
        // Three holds 09:30–11:00 over one pool of two: short one unit in each of 3 slots.
        let three = [
            Self.place("gig", 1, "hall", "2027-03-02T10:00"), Self.place("gig", 2, "school", "2027-03-02T10:00"),
            Self.place("gig", 3, "lane", "2027-03-02T10:00"),
        ]
        #expect(Self.amount(.equipmentPool, three, season: pooled) == 3)
    }

    @Test func seriesConstraints() {
        let spaced = Self.season {
            $0.activities[0].minGapDays = 7
            $0.activities[0].minDistinctDays = 2
            $0.activities[1].after = [ActivityReference(activity: "talk")]
        }
        let close = [
            Self.place("talk", 1, "hall", "2027-03-02T10:00"), Self.place("talk", 2, "school", "2027-03-05T10:00"),
        ]
        #expect(Self.amount(.seriesSpacing, close, season: spaced) == 1)
        #expect(Self.amount(.seriesSameVenue, close, season: spaced) == 1)
        #expect(Self.amount(.seriesMinDays, close, season: spaced) == 0)
        let sameDay = [
            Self.place("talk", 1, "hall", "2027-03-02T10:00"), Self.place("talk", 2, "hall", "2027-03-02T14:00"),
        ]
        #expect(Self.amount(.seriesMinDays, sameDay, season: spaced) == 1)
        #expect(Self.amount(.seriesSameVenue, sameDay, season: spaced) == 0)
        let early = close + [Self.place("gig", 1, "school", "2027-03-04T10:00")]
        #expect(Self.amount(.precedence, early, season: spaced) == 1)  // before talk #2 ends
        #expect(
            Self.amount(.precedence, close + [Self.place("gig", 1, "school", "2027-03-05T11:00")], season: spaced) == 0)
    }

    @Test func spreadOverGridsAndNeighbourhoods() {
        let balanced = Self.season {
            $0.grids[0].targetShare = 50
            $0.grids[1].targetShare = 50
            $0.neighbourhoods = [
                Neighbourhood(
                    id: "n", name: "N", grid: "south", location: Coordinate(latitude: 31.2107, longitude: 121.4473))
            ]
        }
        let north = [
            Self.place("talk", 1, "hall", "2027-03-02T10:00"), Self.place("talk", 2, "school", "2027-03-03T10:00"),
        ]
        #expect(Self.amount(.gridBalance, north, season: balanced) == 2)  // 2 vs 1 expected, 0 vs 1
        #expect(Self.amount(.walkingCircle, north, season: balanced) == 0)  // March only, the hall is near
        let nothing: [ScheduledSession] = []
        #expect(Self.amount(.walkingCircle, nothing, season: balanced) == 1)
    }

    @Test func stabilityCountsMovedSessions() {
        let baseline = Schedule(sessions: [
            Self.place("talk", 1, "hall", "2027-03-02T10:00"), Self.place("talk", 2, "hall", "2027-03-09T10:00"),
        ])
        let moved = Schedule(sessions: [
            Self.place("talk", 1, "hall", "2027-03-02T10:00"), Self.place("talk", 2, "school", "2027-03-09T10:00"),
        ])
        #expect(ScheduleScorer.score(moved, for: Self.season(), baseline: baseline).total(.stability)?.amount == 1)
        #expect(ScheduleScorer.score(baseline, for: Self.season(), baseline: baseline).total(.stability)?.amount == 0)
    }

    @Test func levelsAndWeightsComeFromTheSeason() {
        let soft = Self.season {
            $0.activities[0].audienceSize = 200
            $0.constraintSettings = [ConstraintSetting(id: .venueCapacity, level: .soft, weight: 2)]
        }
        let report = ScheduleScorer.score(
            Schedule(sessions: [Self.place("talk", 1, "hall", "2027-03-02T10:00")]), for: soft)
        #expect(report.score.hard == 0)
        #expect(report.total(.venueCapacity)?.cost == 100)
        // 3 sessions unplaced (1 + 3 + 3) and the placed one isolated in its audience's day (2).
        #expect(report.score == Score(hard: 0, medium: 7, soft: 100 + 2))
    }
}
