import WutongModel

/// The placed sessions of a schedule under construction, indexed for the hard-constraint checks:
/// per venue and day, per partner and day, per audience and day, amplified sessions per day,
/// partner sessions per week, and equipment-pool use per slot.
struct HardState {
    struct Placed {
        var venue: Int
        var start: Int
        var partners: [Int]
    }

    let problem: CompiledProblem
    private(set) var placed: [Placed?]
    // Keys: entity × 1000 + day of the season (a season has at most 366 days), partner × 100,000
    // + week.
    private var venueDay: [Int: [Int]] = [:]
    private var partnerDay: [Int: [Int]] = [:]
    private var audienceDay: [Int: [Int]] = [:]
    private var amplifiedDay: [Int: [Int]] = [:]
    private var partnerWeek: [Int: Int] = [:]
    private(set) var partnerLoad: [Int]
    private var activitySessions: [[Int]]
    /// Per pool, per slot: units in use.
    private var poolUse: [[Int]]
    private let pools: [(item: Equipment, count: Int)]
    private let hard: Set<ConstraintID>
    private let hasSuccessors: [Bool]
    private let successors: [[Int]]

    init(_ problem: CompiledProblem) {
        self.problem = problem
        placed = Array(repeating: nil, count: problem.sessionCount)
        partnerLoad = Array(repeating: 0, count: problem.partnerCount)
        activitySessions = Array(repeating: [], count: problem.activityCount)
        pools = problem.season.equipmentPools.map { ($0.provides, $0.count) }
        poolUse = Array(repeating: Array(repeating: 0, count: problem.slotCount), count: pools.count)
        hard = Set(ConstraintID.allCases.filter { problem.season.setting(for: $0).level == .hard })
        var followers = [[Int]](repeating: [], count: problem.activityCount)
        for (activity, predecessors) in problem.predecessors.enumerated() {
            for predecessor in predecessors { followers[predecessor].append(activity) }
        }
        successors = followers
        hasSuccessors = followers.map { !$0.isEmpty }
    }

    // MARK: Geometry of one placement

    func holdSlots(_ session: Int, start: Int) -> Range<Int> {
        let activity = problem.sessionActivity[session]
        return start - problem.setupSlots[activity]..<start + problem.afterStartSlots[activity]
    }

    func sessionSlots(_ session: Int, start: Int) -> Range<Int> {
        start..<start + problem.sessionSlots[problem.sessionActivity[session]]
    }

    func exactEndMinute(_ session: Int, start: Int) -> Int {
        problem.minute(ofSlot: start) + problem.durationMinutes[problem.sessionActivity[session]]
    }

    /// Monday-to-Sunday weeks (1970-01-01 was a Thursday), counted with floor division.
    func week(ofSlot slot: Int) -> Int {
        let shifted = problem.grid.firstDay.dayNumber + problem.day(ofSlot: slot) + 3
        return shifted >= 0 ? shifted / 7 : -((-shifted + 6) / 7)
    }

    /// Pools a session at `venue` draws on: items it needs that the venue lacks.
    func poolsUsed(_ session: Int, venue: Int) -> [Int] {
        let activity = problem.season.activities[problem.sessionActivity[session]]
        let equipment = problem.season.venues[venue].equipment
        return pools.indices.filter {
            activity.equipment.contains(pools[$0].item) && !equipment.contains(pools[$0].item)
        }
    }

    // MARK: Hard checks

    /// The first hard constraint that placing `session` at `venue` from `start` would break,
    /// partners aside; nil if none.
    func firstHardFailure(_ session: Int, venue: Int, start: Int) -> ConstraintID? {
        let activity = problem.sessionActivity[session]
        if !problem.venueAllows(activity, venue: venue, start: start) {
            return hard.contains(.venueHours) ? .venueHours : .quietHours
        }
        let day = problem.day(ofSlot: start)
        let hold = holdSlots(session, start: start)
        let own = sessionSlots(session, start: start)
        if hard.contains(.venueConflict),
            (venueDay[venue * 1000 + day] ?? []).contains(where: {
                holdSlots($0, start: placed[$0]!.start).overlaps(hold)
            })
        {
            return .venueConflict
        }
        if hard.contains(.audienceConflict),
            (audienceDay[problem.audience[activity] * 1000 + day] ?? []).contains(where: {
                sessionSlots($0, start: placed[$0]!.start).overlaps(own)
            })
        {
            return .audienceConflict
        }
        if hard.contains(.noiseNeighbours), problem.amplified[activity],
            (amplifiedDay[day] ?? []).contains(where: {
                problem.noiseNear[venue * problem.venueCount + placed[$0]!.venue]
                    && sessionSlots($0, start: placed[$0]!.start).overlaps(own)
            })
        {
            return .noiseNeighbours
        }
        if hard.contains(.seriesSpacing), problem.minGapDays[activity] > 0,
            activitySessions[activity].contains(where: {
                abs(problem.day(ofSlot: placed[$0]!.start) - day) < problem.minGapDays[activity]
            })
        {
            return .seriesSpacing
        }
        if hard.contains(.precedence) {
            let begin = problem.minute(ofSlot: start)
            for predecessor in problem.predecessors[activity] {
                if activitySessions[predecessor].contains(where: {
                    exactEndMinute($0, start: placed[$0]!.start) > begin
                }) {
                    return .precedence
                }
            }
            let end = exactEndMinute(session, start: start)
            for other in successors[activity] {
                if activitySessions[other].contains(where: { problem.minute(ofSlot: placed[$0]!.start) < end }) {
                    return .precedence
                }
            }
        }
        if hard.contains(.equipmentPool) {
            for pool in poolsUsed(session, venue: venue)
            where hold.contains(where: { poolUse[pool][$0] >= pools[pool].count }) {
                return .equipmentPool
            }
        }
        return nil
    }

    /// The first hard constraint `partner` would break by joining the session; nil if none.
    func partnerFailure(_ partner: Int, session: Int, venue: Int, start: Int) -> ConstraintID? {
        let own = sessionSlots(session, start: start)
        if hard.contains(.partnerAvailability), own.contains(where: { problem.partnerBusy[partner][$0] }) {
            return .partnerAvailability
        }
        if hard.contains(.partnerWeeklyLimit),
            partnerWeek[partner * 100_000 + week(ofSlot: start), default: 0] >= problem.weeklyLimit[partner]
        {
            return .partnerWeeklyLimit
        }
        if hard.contains(.partnerConflict) {
            let begin = problem.minute(ofSlot: start)
            let end = exactEndMinute(session, start: start)
            for other in partnerDay[partner * 1000 + problem.day(ofSlot: start)] ?? [] {
                let there = placed[other]!
                if sessionSlots(other, start: there.start).overlaps(own) { return .partnerConflict }
                let walk = problem.walkMinutes[venue * problem.venueCount + there.venue]
                guard there.venue != venue else { continue }
                let otherBegin = problem.minute(ofSlot: there.start)
                let otherEnd = exactEndMinute(other, start: there.start)
                if otherBegin >= begin ? otherBegin - end < walk : begin - otherEnd < walk { return .partnerConflict }
            }
        }
        return nil
    }

    func partnerFree(_ partner: Int, session: Int, venue: Int, start: Int) -> Bool {
        partnerFailure(partner, session: session, venue: venue, start: start) == nil
    }

    /// A cheap guess at the soft cost of a placement, to choose among hard-feasible candidates:
    /// preferred times, staying at the series' venue, and a new day for the series.
    func softEstimate(_ session: Int, venue: Int, start: Int) -> Int {
        let activity = problem.sessionActivity[session]
        let model = problem.season.activities[activity]
        var cost = 0
        if !model.preferred.isEmpty {
            let begin = problem.minute(ofSlot: start)
            if !Windows.inside(model.preferred, from: begin, to: begin + model.durationMinutes) { cost += 2 }
        }
        let siblings = activitySessions[activity].compactMap { placed[$0] }
        if siblings.contains(where: { $0.venue != venue }) { cost += 1 }
        if siblings.contains(where: { problem.day(ofSlot: $0.start) == problem.day(ofSlot: start) }) { cost += 5 }
        // An activity others must follow goes early, leaving them room at the end.
        if hasSuccessors[activity] { cost += problem.day(ofSlot: start) / 7 }
        return cost
    }

    // MARK: Changes

    mutating func place(_ session: Int, venue: Int, start: Int, partners: [Int]) {
        let activity = problem.sessionActivity[session]
        let day = problem.day(ofSlot: start)
        placed[session] = Placed(venue: venue, start: start, partners: partners)
        venueDay[venue * 1000 + day, default: []].append(session)
        audienceDay[problem.audience[activity] * 1000 + day, default: []].append(session)
        if problem.amplified[activity] { amplifiedDay[day, default: []].append(session) }
        for partner in partners {
            partnerDay[partner * 1000 + day, default: []].append(session)
            partnerWeek[partner * 100_000 + week(ofSlot: start), default: 0] += 1
            partnerLoad[partner] += 1
        }
        activitySessions[activity].append(session)
        for pool in poolsUsed(session, venue: venue) {
            for slot in holdSlots(session, start: start) where slot >= 0 && slot < problem.slotCount {
                poolUse[pool][slot] += 1
            }
        }
    }

    func schedule() -> Schedule {
        Schedule(
            sessions: (0..<problem.sessionCount).map { session in
                let activity = problem.sessionActivity[session]
                let placement = placed[session].map {
                    Placement(
                        venue: problem.venueIDs[$0.venue], start: problem.grid.start(of: $0.start),
                        partners: $0.partners.map { problem.partnerIDs[$0] })
                }
                return ScheduledSession(
                    activity: problem.activityIDs[activity], index: problem.sessionIndex[session], placement: placement)
            })
    }
}
