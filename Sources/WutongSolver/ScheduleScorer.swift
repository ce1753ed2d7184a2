public import WutongModel

/// Scores a schedule from scratch, constraint by constraint, in the plainest way: loops over the
/// model's own values, no occupancy tables. It is the reference the incremental scorer is tested
/// against and what `wutong check` runs; its definitions are the catalogue's
/// (Docs/constraints.md). Placements that name unknown activities or venues are ignored here:
/// schedule files are checked for references before they are scored.
public struct ScheduleScorer {
    struct PlacedSession {
        var key: SessionKey
        var activity: Activity
        var venue: Venue
        var placement: Placement
        var occupancy: SessionOccupancy
        var date: LocalDate
    }

    let season: Season
    let grid: SlotGrid
    let venues: [String: Venue]
    let partners: [String: PartnerUnit]
    /// Busy times beyond the partners' declared unavailability (their imported calendars).
    let busy: [String: [LocalPeriod]]
    var placed: [PlacedSession] = []
    var unplaced: [(key: SessionKey, priority: Int)] = []
    var violations: [Violation] = []

    /// - Parameters:
    ///   - baseline: the published schedule a re-plan should stay close to (`stability`).
    ///   - busy: partner id → busy periods from their calendars.
    public static func score(
        _ schedule: Schedule, for season: Season, baseline: Schedule? = nil, busy: [String: [LocalPeriod]] = [:]
    ) -> ScoreReport {
        var scorer = ScheduleScorer(season: season, schedule: schedule, busy: busy)
        scorer.scoreVenues()
        scorer.scorePartners()
        scorer.scoreTimes()
        scorer.scoreSeries()
        scorer.scoreSpread()
        if let baseline { scorer.scoreStability(against: baseline, schedule: schedule) }
        return scorer.report()
    }

    init(season: Season, schedule: Schedule, busy: [String: [LocalPeriod]]) {
        self.season = season
        grid = SlotGrid(calendar: season.calendar)
        venues = Dictionary(season.venues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        partners = Dictionary(season.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.busy = busy
        let activities = Dictionary(season.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<SessionKey>()
        for session in schedule.sessions {
            let key = SessionKey(activity: session.activity, index: session.index)
            guard let activity = activities[session.activity], (1...max(1, activity.sessions)).contains(key.index),
                seen.insert(key).inserted
            else { continue }
            guard let placement = session.placement, let venue = venues[placement.venue] else {
                unplaced.append((key, activity.priority))
                continue
            }
            placed.append(
                PlacedSession(
                    key: key, activity: activity, venue: venue, placement: placement,
                    occupancy: grid.occupancy(of: activity, startingAt: placement.start), date: placement.start.date))
        }
        // A session the schedule does not mention is unplaced.
        for activity in season.activities where activity.sessions > 0 {
            for index in 1...activity.sessions where !seen.contains(SessionKey(activity: activity.id, index: index)) {
                unplaced.append((SessionKey(activity: activity.id, index: index), activity.priority))
            }
        }
    }

    func report() -> ScoreReport {
        var amounts: [ConstraintID: Int] = [:]
        for violation in violations { amounts[violation.constraint, default: 0] += violation.amount }
        var score = Score(medium: unplaced.reduce(0) { $0 + $1.priority })
        let totals = ConstraintID.allCases.map { id -> ConstraintTotal in
            let setting = season.setting(for: id)
            let total = ConstraintTotal(
                constraint: id, level: setting.level, weight: setting.weight, amount: amounts[id] ?? 0)
            switch total.level {
            case .hard: score.hard += total.cost
            case .soft: score.soft += total.cost
            }
            return total
        }
        // Groups are walked in hash order; sort so reports read the same on every run.
        let ordered = violations.sorted { first, second in
            if first.constraint != second.constraint { return first.constraint < second.constraint }
            if first.sessions != second.sessions { return first.sessions.lexicographicallyPrecedes(second.sessions) }
            return (first.partner ?? "", first.venue ?? "", first.minutes?.lowerBound ?? 0, first.amount)
                < (second.partner ?? "", second.venue ?? "", second.minutes?.lowerBound ?? 0, second.amount)
        }
        return ScoreReport(
            score: score, totals: totals, violations: ordered, unplaced: unplaced.map(\.key).sorted())
    }

    /// Pairs of distinct sessions, each pair once, within groups sharing `key`, the earlier
    /// starting first. Made one at a time as they are read: a busy day has thousands of pairs,
    /// and a list of them all held two copies of each session per pair.
    func pairs<Key: Hashable>(
        of sessions: [PlacedSession], groupedBy key: (PlacedSession) -> Key?
    ) -> SessionPairs {
        var groups: [Key: [PlacedSession]] = [:]
        for session in sessions {
            if let value = key(session) { groups[value, default: []].append(session) }
        }
        return SessionPairs(groups: groups.values.filter { $0.count > 1 })
    }

    struct SessionPairs: Sequence, IteratorProtocol {
        let groups: [[PlacedSession]]
        private var group = 0
        private var first = 0
        private var second = 1

        init(groups: [[PlacedSession]]) {
            self.groups = groups
        }

        mutating func next() -> (PlacedSession, PlacedSession)? {
            while group < groups.count {
                let count = groups[group].count
                if second < count {
                    let a = groups[group][first]
                    let b = groups[group][second]
                    second += 1
                    return a.occupancy.session.lowerBound <= b.occupancy.session.lowerBound ? (a, b) : (b, a)
                }
                first += 1
                second = first + 1
                if second >= count {
                    group += 1
                    first = 0
                    second = 1
                }
            }
            return nil
        }
    }

    /// Whether `[start, end)` (local minutes) lies inside one of `windows` on the day it starts.
    func inside(_ windows: [WeeklyWindow], from start: Int, to end: Int) -> Bool {
        Windows.inside(windows, from: start, to: end)
    }

    func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    func minutes(_ period: LocalPeriod) -> Range<Int> {
        period.start.minuteNumber..<max(period.start.minuteNumber, period.end.minuteNumber)
    }
}

/// Groups sessions by an entity and a day: conflicts never cross days (the daily window ends
/// before midnight), so pairs are only formed within a day.
struct DayKey: Hashable {
    var id: String
    var day: LocalDate
}
