import Foundation
import Testing
import WutongFormats
import WutongModel
import WutongSolver
import WutongTestSupport

/// Every constraint is explained in its own words, in English and in Simplified Chinese, naming
/// the sessions, venue, partner unit, time and numbers of the violation.
@Suite struct ExplanationTests {
    static let season = SeasonLoader.load(path: TestPaths.bundledSeason).season!
    static let concert = SessionKey(activity: "instrument-care", index: 1)
    static let reading = SessionKey(activity: "score-reading", index: 2)
    static let evening =
        LocalDateTime("2027-04-10T19:00")!.minuteNumber..<LocalDateTime("2027-04-10T21:00")!.minuteNumber

    static let care2 = SessionKey(activity: "instrument-care", index: 2)
    static let lesson = SessionKey(activity: "public-music-class", index: 1)

    /// A violation of `constraint` with the entities the scorer gives it (ScheduleScorer).
    static func violation(_ constraint: ConstraintID) -> Violation {
        let hall = "symphony-hall"
        let league = "youth-league"
        return switch constraint {
        case .venueConflict, .noiseNeighbours:
            Violation(constraint, sessions: [concert, reading], venue: hall, minutes: evening)
        case .partnerConflict: Violation(constraint, sessions: [concert, reading], partner: league, minutes: evening)
        case .partnerAvailability: Violation(constraint, sessions: [concert], partner: league, minutes: evening)
        case .partnerWeeklyLimit, .partnerFairness:
            Violation(constraint, amount: 2, sessions: [concert, reading], partner: league)
        case .venueHours, .quietHours, .stability:
            Violation(constraint, sessions: [concert], venue: hall, minutes: evening)
        case .venueCapacity: Violation(constraint, amount: 30, sessions: [concert], venue: hall)
        case .venueEquipment:
            Violation(constraint, amount: 2, sessions: [concert], venue: hall, subject: "piano,sound")
        case .venueEligibility: Violation(constraint, sessions: [concert], venue: hall)
        case .audienceWindow, .activityWindow, .preferredTimes, .audienceCompactness:
            Violation(constraint, sessions: [concert], minutes: evening)
        case .audienceConflict: Violation(constraint, sessions: [concert, reading], minutes: evening)
        case .seriesSpacing, .seriesSameVenue: Violation(constraint, amount: 1, sessions: [concert, care2])
        case .precedence: Violation(constraint, sessions: [concert, reading])
        case .seriesMinDays: Violation(constraint, amount: 3, sessions: [lesson])
        case .equipmentPool:
            Violation(constraint, amount: 1, sessions: [concert, reading], minutes: evening, subject: "portable-sound")
        case .gridBalance: Violation(constraint, amount: 3, subject: "grid-fuxing")
        case .walkingCircle: Violation(constraint, minutes: evening, subject: "shanxin")
        }
    }

    static func schedule() -> Schedule {
        let at = { (venue: String, time: String) in
            Placement(venue: venue, start: LocalDateTime(time)!, partners: ["youth-league"])
        }
        return Schedule(sessions: [
            ScheduledSession(
                activity: concert.activity, index: concert.index, placement: at("symphony-hall", "2027-04-10T19:00")),
            ScheduledSession(
                activity: reading.activity, index: reading.index, placement: at("wukang-mansion", "2027-04-10T19:00")),
        ])
    }

    @Test(arguments: ConstraintID.allCases)
    func eachConstraintHasItsOwnSentenceInBothLanguages(constraint: ConstraintID) {
        let english = Explanations(season: Self.season, schedule: Self.schedule(), language: .english)
        let chinese = Explanations(season: Self.season, schedule: Self.schedule(), language: .simplifiedChinese)
        let violation = Self.violation(constraint)
        let inEnglish = english.describe(violation)
        let inChinese = chinese.describe(violation)
        #expect(inEnglish.hasPrefix(constraint.rawValue + ": "))
        #expect(inChinese.hasPrefix(chinese.name(constraint) + "："))
        #expect(chinese.name(constraint) != constraint.rawValue, "\(constraint) has no Chinese name")
        for text in [inEnglish, inChinese] {
            // Series-wide sentences name the activity; fairness names the partner and the count.
            if constraint != .partnerFairness {
                for key in violation.sessions {
                    let name = Self.season.activities.first { $0.id == key.activity }!.name
                    #expect(text.contains(name), "\(text) does not name \(key)")
                }
            }
            if violation.venue != nil { #expect(text.contains("上海交响乐团音乐厅"), "\(text) does not name the venue") }
            if violation.partner != nil { #expect(text.contains("共青团上海市委员会"), "\(text) does not name the partner") }
            if violation.minutes != nil {
                let when = constraint == .walkingCircle ? "2027-04" : "2027-04-10 19:00–21:00"
                #expect(text.contains(when), "\(text) does not give the time")
            }
            if let subject = violation.subject {
                let named =
                    ["grid-fuxing": "复兴中路网格", "shanxin": "陕新居民区"][subject] ?? String(subject.prefix { $0 != "," })
                #expect(text.contains(named), "\(text) does not name \(subject)")
            }
            #expect(!text.contains("?"), "\(text) is missing an entity")
        }
        // Chinese sentences are in Chinese beyond the names they quote.
        let withoutNames = inChinese.replacingOccurrences(of: constraint.rawValue, with: "")
        #expect(withoutNames.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
    }

    @Test func sentencesDifferFromConstraintToConstraint() {
        let english = Explanations(season: Self.season, schedule: Self.schedule(), language: .english)
        var seen: [String: ConstraintID] = [:]
        for constraint in ConstraintID.allCases {
            let body =
                english.describe(Self.violation(constraint)).split(separator: ":", maxSplits: 1).last.map(String.init)
                ?? ""
            #expect(seen[body] == nil, "\(constraint) reads like \(String(describing: seen[body]))")
            seen[body] = constraint
        }
    }

    @Test func numbersComeFromTheSeason() {
        let english = Explanations(season: Self.season, schedule: Self.schedule(), language: .english)
        #expect(english.describe(Self.violation(.gridBalance)).contains("target share of 25%"))
        #expect(english.describe(Self.violation(.partnerWeeklyLimit)).contains("weekly limit of 2"))
        #expect(english.describe(Self.violation(.partnerFairness)).contains("the 8 it offered"))
        #expect(english.describe(Self.violation(.seriesSpacing)).contains("less than 21 days apart"))
        #expect(english.describe(Self.violation(.seriesMinDays)).contains("3 days fewer than the 10"))
        #expect(english.describe(Self.violation(.venueCapacity)).contains("expects 20 people but"))
        #expect(english.describe(Self.violation(.walkingCircle)).contains("in 2027-04"))
        #expect(english.describe(Self.violation(.stability)).contains("has moved; it was at"))
    }

    /// An unplaced session's reasons say of how many placements each count is, and that the
    /// placements were a sample where they were.
    @Test func reasonsSayOfHowManyPlacementsTheyCount() {
        let english = Explanations(season: Self.season, schedule: Self.schedule(), language: .english)
        let chinese = Explanations(season: Self.season, schedule: Self.schedule(), language: .simplifiedChinese)
        let every = UnplacedReasons(
            [.init(.venueConflict, candidates: 40), .init(.partnerAvailability, candidates: 2)], examined: 42,
            placements: 42)
        #expect(
            english.reasons(every) == [
                "venue-conflict rules out 40 of its 42 candidate placements",
                "partner-availability rules out 2 of its 42 candidate placements",
            ])
        #expect(chinese.reasons(every)[0] == "\(chinese.name(.venueConflict))排除了其 42 个候选安排中的 40 个")
        #expect(
            english.summary(every)
                == "of its 42 candidate placements, venue-conflict rules out 40, partner-availability 2")
        #expect(
            chinese.summary(every)
                == "在其 42 个候选安排中，\(chinese.name(.venueConflict))排除了 40 个，\(chinese.name(.partnerAvailability)) 2 个")
        let sampled = UnplacedReasons(
            [.init(.partnerAvailability, candidates: 19_992)], examined: 19_992, placements: 1_205_040)
        #expect(
            english.reasons(sampled) == [
                "partner-availability rules out 19992 of 19992 candidate placements looked at "
                    + "(an evenly spread sample of its 1205040)"
            ])
        #expect(chinese.reasons(sampled)[0].contains("从其 1205040 个中均匀抽样"))
        #expect(
            english.summary(sampled)
                == "of 19992 candidate placements looked at (an evenly spread sample of its 1205040), "
                + "partner-availability rules out 19992")
        let none = UnplacedReasons([.init(.venueEligibility, candidates: 0)], examined: 0, placements: 0)
        #expect(english.reasons(none) == ["venue-eligibility leaves no candidate placement at all"])
        #expect(chinese.reasons(none)[0].hasSuffix("没有任何候选安排"))
        #expect(english.summary(none) == english.reasons(none)[0])
        // A session left out of an edited schedule though some placements fit says how many.
        let partly = UnplacedReasons([.init(.venueConflict, candidates: 5)], examined: 10, placements: 10)
        #expect(english.summary(partly) == "of its 10 candidate placements, venue-conflict rules out 5; 5 would fit")
        let free = UnplacedReasons([], examined: 10, placements: 10)
        #expect(english.summary(free) == "of its 10 candidate placements, 10 would fit")
        #expect(chinese.summary(free) == "在其 10 个候选安排中，10 个可行")
    }

    /// The report lists sessions of one activity unplaced for the same reasons on one line, and
    /// keeps apart those with other reasons and other activities.
    @Test func theReportGroupsSessionsUnplacedForTheSameReasons() throws {
        let season = Self.season
        let series = try #require(season.activities.first { $0.sessions >= 3 })
        let other = try #require(season.activities.first { $0.id != series.id })
        let away = UnplacedReasons([.init(.partnerAvailability, candidates: 40)], examined: 40, placements: 40)
        let taken = UnplacedReasons([.init(.venueConflict, candidates: 40)], examined: 40, placements: 40)
        let key = { (activity: Activity, index: Int) in SessionKey(activity: activity.id, index: index) }
        let reasons = [key(series, 1): away, key(series, 2): away, key(series, 3): taken, key(other, 1): away]
        let report = ScheduleScorer.score(Schedule(sessions: []), for: season)
        for language in Language.allCases {
            let words = Explanations(season: season, schedule: Schedule(sessions: []), language: language)
            let text = ScheduleReport.markdown(
                Schedule(sessions: []), for: season, report: report, reasons: reasons, language: language)
            let separator = language == .english ? ": " : "："
            let pairs = [
                [key(series, 1), key(series, 2)]: away, [key(series, 3)]: taken, [key(other, 1)]: away,
            ]
            for (keys, why) in pairs {
                let line = "- " + words.sessions(keys) + separator + words.summary(why) + "\n"
                #expect(text.contains(line), "\(language): \(line)")
            }
        }
        let english = Explanations(season: season, schedule: Schedule(sessions: []), language: .english)
        let chinese = Explanations(season: season, schedule: Schedule(sessions: []), language: .simplifiedChinese)
        #expect(english.sessions([key(series, 1), key(series, 2)]) == "\(series.name) #1, #2")
        #expect(chinese.sessions([key(series, 1), key(series, 3)]) == "\(series.name) 第1、3场")
    }
}
