/// Cheap proofs that an activity can never be placed, found before any search: no venue it may
/// use can hold it, or no window is long enough for it.
extension SeasonValidator {
    /// What the checks need of the venues, as flat integer columns computed once: comparing
    /// plain values keeps activities × venues cheap for seasons of thousands of activities.
    private struct VenueColumns {
        var index: [String: Int] = [:]
        var gridIndex: [String: Int] = [:]
        var grid: [Int] = []
        var kind: [Int] = []
        var outdoor: [Bool] = []
        var capacity: [Int] = []
        /// The venue's equipment and what the pools provide, as a bit set over `Equipment.allCases`.
        var equipment: [UInt8] = []
        /// The longest stretch the venue is open in one go inside the season's daily window.
        var longestOpenMinutes: [Int] = []

        var count: Int {
            capacity.count
        }
    }

    private static func mask(_ items: Set<Equipment>) -> UInt8 {
        items.reduce(0) { $0 | 1 << UInt8(Equipment.allCases.firstIndex(of: $1)!) }
    }

    private func venueColumns(pooled: Set<Equipment>) -> VenueColumns {
        var columns = VenueColumns()
        columns.gridIndex = Dictionary(
            season.grids.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for venue in season.venues {
            if columns.index[venue.id] == nil { columns.index[venue.id] = columns.count }
            columns.grid.append(columns.gridIndex[venue.grid] ?? -1)
            columns.kind.append(VenueKind.allCases.firstIndex(of: venue.kind)!)
            columns.outdoor.append(venue.setting == .outdoor)
            columns.capacity.append(venue.capacity)
            columns.equipment.append(Self.mask(venue.equipment.union(pooled)))
            columns.longestOpenMinutes.append(longestOpen(venue))
        }
        return columns
    }

    mutating func checkActivityFeasibility() {
        let capacityIsHard = season.setting(for: .venueCapacity).level == .hard
        let equipmentIsHard = season.setting(for: .venueEquipment).level == .hard
        let eligibilityIsHard = season.setting(for: .venueEligibility).level == .hard
        let pooled = Set(season.equipmentPools.filter { $0.count > 0 }.map(\.provides))
        let audiences = Dictionary(season.audiences.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grid = SlotGrid(calendar: season.calendar)
        let venues = venueColumns(pooled: pooled)
        guard venues.count > 0 else {
            for activity in season.activities {
                error(activity.source, "id", "'\(activity.id)' cannot be placed: the season has no venues")
            }
            return
        }
        for activity in season.activities {
            let eligibility = activity.eligibility
            let allowedVenues = Set(eligibility.venues.compactMap { venues.index[$0] })
            let allowedGrids = Set(eligibility.grids.compactMap { venues.gridIndex[$0] })
            let allowedKinds = Set(eligibility.kinds.map { VenueKind.allCases.firstIndex(of: $0)! })
            let needed = Self.mask(activity.equipment)
            var excludedByEligibility = 0
            var tooSmall = 0
            var largestTooSmall = 0
            var lacking: [Equipment: Int] = [:]
            var best = -1
            for venue in 0..<venues.count {
                if eligibilityIsHard,
                    !(eligibility.venues.isEmpty || allowedVenues.contains(venue))
                        || !(eligibility.grids.isEmpty || allowedGrids.contains(venues.grid[venue]))
                        || !(allowedKinds.isEmpty || allowedKinds.contains(venues.kind[venue]))
                        || !(eligibility.setting == nil || (eligibility.setting == .outdoor) == venues.outdoor[venue])
                {
                    excludedByEligibility += 1
                    continue
                }
                if capacityIsHard, venues.capacity[venue] < activity.audienceSize {
                    tooSmall += 1
                    largestTooSmall = max(largestTooSmall, venues.capacity[venue])
                    continue
                }
                let missing = needed & ~venues.equipment[venue]
                if equipmentIsHard, missing != 0 {
                    for (bit, item) in Equipment.allCases.enumerated() where missing & 1 << UInt8(bit) != 0 {
                        lacking[item, default: 0] += 1
                    }
                    continue
                }
                if best < 0 || venues.longestOpenMinutes[venue] > venues.longestOpenMinutes[best] { best = venue }
            }
            guard best >= 0 else {
                var reasons: [String] = []
                if excludedByEligibility > 0 {
                    reasons.append("\(excludedByEligibility) not allowed by its venue rules")
                }
                if tooSmall > 0 {
                    reasons.append(
                        "\(tooSmall) too small (it expects \(activity.audienceSize) people; the largest of those holds \(largestTooSmall))"
                    )
                }
                for (item, count) in lacking.sorted(by: { $0.key < $1.key }) {
                    reasons.append("\(count) without \(item.rawValue) (and no equipment pool provides it)")
                }
                error(
                    activity.source, "id",
                    "no venue can ever hold '\(activity.id)' (\(activity.name)): of \(venues.count) venues, "
                        + reasons.joined(separator: ", "))
                continue
            }
            checkDuration(
                of: activity, longestOpen: venues.longestOpenMinutes[best], at: season.venues[best].id, grid: grid)
            for audience in activity.audiences.compactMap({ audiences[$0] })
            where !audience.windows.isEmpty && audience.windows.allSatisfy({ $0.minutes < activity.durationMinutes }) {
                error(
                    activity.source, "duration",
                    "'\(activity.id)' lasts \(activity.durationMinutes.durationText), longer than every window of "
                        + "audience '\(audience.id)' (longest \(audience.windows.map(\.minutes).max()!.durationText))")
            }
            if !activity.windows.isEmpty, activity.windows.allSatisfy({ $0.minutes < activity.durationMinutes }) {
                error(
                    activity.source, "duration",
                    "'\(activity.id)' lasts \(activity.durationMinutes.durationText), longer than every window it allows "
                        + "(longest \(activity.windows.map(\.minutes).max()!.durationText))")
            }
        }
    }

    private func longestOpen(_ venue: Venue) -> Int {
        let calendar = season.calendar
        let windows =
            venue.openingHours.isEmpty
            ? [WeeklyWindow(from: calendar.dayStart, to: calendar.dayEnd)] : venue.openingHours
        return windows.map { window in
            max(
                0, min(window.to.minutes, calendar.dayEnd.minutes) - max(window.from.minutes, calendar.dayStart.minutes)
            )
        }.max() ?? 0
    }

    /// The venue is held for set-up, the session and tear-down, rounded up to whole slots; some
    /// candidate venue must be open that long in one go inside the season's daily window.
    private mutating func checkDuration(of activity: Activity, longestOpen: Int, at venue: String, grid: SlotGrid) {
        let needed = grid.holdMinutes(of: activity)
        guard longestOpen < needed else { return }
        let extra = activity.setupMinutes + activity.teardownMinutes
        let including = extra > 0 ? " including \(extra.durationText) of set-up and tear-down" : ""
        error(
            activity.source, "duration",
            "'\(activity.id)' holds a venue for \(needed.durationText)\(including), but no venue it may use is open that "
                + "long in one go (longest: \(longestOpen.durationText) at '\(venue)')")
    }
}
