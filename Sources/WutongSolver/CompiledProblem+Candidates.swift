import WutongModel

/// Each activity's candidate venues, starts and role candidates, worked out once per distinct
/// ask: most activities of a season ask the same of venues, of time and of a role, so the work
/// and the memory follow the distinct asks, not activities × venues, × slots or × partners.
/// Activities with equal asks get the same list, and its storage.
extension CompiledProblem {
    /// Distinct lists, numbered in the order first asked for, and the number of each activity's.
    struct AssignedLists {
        let lists: [[Int]]
        let listOf: [Int]
    }

    /// Venues passing the hard unary venue constraints (eligibility, capacity, equipment with
    /// what the `pooled` items can make up).
    static func candidateVenueLists(
        _ activities: [Activity], venues: [Venue], hard: Set<ConstraintID>, pooled: Set<Equipment>
    ) -> AssignedLists {
        let eligibilityIsHard = hard.contains(.venueEligibility)
        let capacityIsHard = hard.contains(.venueCapacity)
        let equipmentIsHard = hard.contains(.venueEquipment)
        let capacities = venues.map(\.capacity)
        var admitting: [VenueNeeds: [Int]] = [:]
        var lists = DistinctLists<CandidateVenueKey>()
        let listOf = activities.map { activity in
            let needs = VenueNeeds(activity)
            let seats = capacityIsHard ? activity.audienceSize : Int.min
            return lists.id(of: CandidateVenueKey(needs: needs, seats: seats)) {
                let admitted =
                    admitting[needs]
                    ?? {
                        let list = venues.indices.filter { index in
                            (!eligibilityIsHard || needs.eligibility.admits(venues[index]))
                                && (!equipmentIsHard
                                    || needs.equipment.subtracting(venues[index].equipment).isSubset(of: pooled))
                        }
                        admitting[needs] = list
                        return list
                    }()
                return admitted.filter { capacities[$0] >= seats }
            }
        }
        return AssignedLists(lists: lists.lists, listOf: listOf)
    }

    /// Start slots passing the hard unary time constraints (season days, the daily window with
    /// set-up and tear-down, audience and activity windows, forbidden periods, `notBefore`),
    /// before venue hours.
    static func candidateStartLists(
        _ activities: [Activity], grid: SlotGrid, audiences: [AudienceGroup], hard: Set<ConstraintID>,
        notBefore: LocalDateTime?
    ) -> AssignedLists {
        let audienceWindowIsHard = hard.contains(.audienceWindow)
        let activityWindowIsHard = hard.contains(.activityWindow)
        let slotsPerDay = max(1, grid.slotsPerDay)
        let slotStart = (0..<grid.slotCount).map {
            (grid.firstDay.dayNumber + $0 / slotsPerDay) * 1440 + grid.dayStart.minutes
                + ($0 % slotsPerDay) * grid.slotMinutes
        }
        let usableSlot = (0..<grid.slotCount).map { grid.usableDays[$0 / slotsPerDay] }
        let earliest = notBefore?.minuteNumber ?? Int.min
        let audienceIndex = Dictionary(
            audiences.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let audienceWindows = audiences.map { $0.windows.map(TimeFlags.Window.init) }
        var lists = DistinctLists<CandidateStartKey>()
        let listOf = activities.map { activity in
            let key = CandidateStartKey(
                before: grid.slots(covering: activity.setupMinutes),
                after: grid.slots(covering: activity.durationMinutes + activity.teardownMinutes),
                duration: activity.durationMinutes,
                audienceWindows: audienceWindowIsHard
                    ? activity.audiences.compactMap { audienceIndex[$0].map { audienceWindows[$0] } }
                        .filter { !$0.isEmpty } : [],
                ownWindows: activityWindowIsHard ? activity.windows.map(TimeFlags.Window.init) : [],
                forbidden: activityWindowIsHard
                    ? activity.forbidden.map {
                        $0.start.minuteNumber..<max($0.start.minuteNumber, $0.end.minuteNumber)
                    } : [])
            return lists.id(of: key) {
                (0..<grid.slotCount).filter { slot in
                    let inDay = slot % slotsPerDay
                    guard usableSlot[slot], inDay >= key.before, inDay + key.after <= slotsPerDay else {
                        return false
                    }
                    let start = slotStart[slot]
                    guard start >= earliest else { return false }
                    let end = start + key.duration
                    if key.audienceWindows.contains(where: { !TimeFlags.inside($0, from: start, to: end) }) {
                        return false
                    }
                    if !key.ownWindows.isEmpty, !TimeFlags.inside(key.ownWindows, from: start, to: end) {
                        return false
                    }
                    return !key.forbidden.contains { $0.overlaps(start..<end) }
                }
            }
        }
        return AssignedLists(lists: lists.lists, listOf: listOf)
    }

    /// Per requirement of each activity: how many partners, and which may fill it (those with
    /// the role, and among the named candidates when some are named), in partner order.
    static func roleCandidateLists(_ activities: [Activity], partners: [PartnerUnit]) -> [[(
        count: Int, candidates: [Int], list: Int
    )]] {
        var withRole: [PartnerRole: [Int]] = [:]
        var partnerNumbers: [String: [Int]] = [:]
        for (index, partner) in partners.enumerated() {
            for role in partner.roles { withRole[role, default: []].append(index) }
            partnerNumbers[partner.id, default: []].append(index)
        }
        var lists = DistinctLists<RoleKey>()
        return activities.map { activity in
            activity.roles.map { requirement in
                let key = RoleKey(role: requirement.role, candidates: requirement.candidates)
                let list = lists.id(of: key) {
                    let inRole = withRole[key.role] ?? []
                    guard !key.candidates.isEmpty else { return inRole }
                    let named = Set(key.candidates.flatMap { partnerNumbers[$0] ?? [] })
                    return inRole.filter(named.contains)
                }
                return (requirement.count, lists.lists[list], list)
            }
        }
    }
}

/// Lists computed once per distinct key and numbered in the order they were first asked for.
private struct DistinctLists<Key: Hashable> {
    private(set) var lists: [[Int]] = []
    private var known: [Key: Int] = [:]

    mutating func id(of key: Key, _ make: () -> [Int]) -> Int {
        if let id = known[key] { return id }
        known[key] = lists.count
        lists.append(make())
        return lists.count - 1
    }
}

/// What decides an activity's candidate venues: its needs, and its audience where capacity is
/// hard (`Int.min` where it is not).
private struct CandidateVenueKey: Hashable {
    let needs: VenueNeeds
    let seats: Int
}

/// What decides an activity's candidate starts, in the compiler's own terms.
private struct CandidateStartKey: Hashable {
    let before: Int
    let after: Int
    let duration: Int
    let audienceWindows: [[TimeFlags.Window]]
    let ownWindows: [TimeFlags.Window]
    let forbidden: [Range<Int>]
}

/// A role requirement without its count and where it was written.
private struct RoleKey: Hashable {
    let role: PartnerRole
    let candidates: [String]
}
