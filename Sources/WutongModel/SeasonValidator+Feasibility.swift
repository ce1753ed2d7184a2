/// Cheap proofs that an activity can never be placed, found before any search: no venue it may
/// use can hold it, or no window is long enough for it.
extension SeasonValidator {
    mutating func checkActivityFeasibility() {
        let capacityIsHard = season.setting(for: .venueCapacity).level == .hard
        let equipmentIsHard = season.setting(for: .venueEquipment).level == .hard
        let eligibilityIsHard = season.setting(for: .venueEligibility).level == .hard
        let pooled = Set(season.equipmentPools.filter { $0.count > 0 }.map(\.provides))
        let audiences = Dictionary(season.audiences.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grid = SlotGrid(calendar: season.calendar)
        for activity in season.activities {
            guard !season.venues.isEmpty else {
                error(activity.source, "id", "'\(activity.id)' cannot be placed: the season has no venues")
                continue
            }
            var excludedByEligibility = 0
            var tooSmall: [Venue] = []
            var lacking: [Equipment: Int] = [:]
            var candidates: [Venue] = []
            for venue in season.venues {
                if eligibilityIsHard, !activity.eligibility.admits(venue) {
                    excludedByEligibility += 1
                    continue
                }
                if capacityIsHard, venue.capacity < activity.audienceSize {
                    tooSmall.append(venue)
                    continue
                }
                let missing = activity.equipment.subtracting(venue.equipment).subtracting(pooled)
                if equipmentIsHard, !missing.isEmpty {
                    for item in missing { lacking[item, default: 0] += 1 }
                    continue
                }
                candidates.append(venue)
            }
            if candidates.isEmpty {
                var reasons: [String] = []
                if excludedByEligibility > 0 { reasons.append("\(excludedByEligibility) not allowed by its venue rules") }
                if !tooSmall.isEmpty {
                    let largest = tooSmall.map(\.capacity).max() ?? 0
                    reasons.append(
                        "\(tooSmall.count) too small (it expects \(activity.audienceSize) people; the largest of those holds \(largest))")
                }
                for (item, count) in lacking.sorted(by: { $0.key < $1.key }) {
                    reasons.append("\(count) without \(item.rawValue) (and no equipment pool provides it)")
                }
                error(
                    activity.source, "id",
                    "no venue can ever hold '\(activity.id)' (\(activity.name)): of \(season.venues.count) venues, "
                        + reasons.joined(separator: ", "))
                continue
            }
            checkDuration(of: activity, in: candidates, grid: grid)
            if let audience = audiences[activity.audience], !audience.windows.isEmpty,
                audience.windows.allSatisfy({ $0.minutes < activity.durationMinutes })
            {
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

    /// The venue is held for set-up, the session and tear-down, rounded up to whole slots; some
    /// candidate venue must be open that long in one go inside the season's daily window.
    private mutating func checkDuration(of activity: Activity, in venues: [Venue], grid: SlotGrid) {
        let calendar = season.calendar
        let needed = grid.slots(covering: activity.venueMinutes) * grid.slotMinutes
        func longestOpen(_ venue: Venue) -> Int {
            let windows = venue.openingHours.isEmpty
                ? [WeeklyWindow(from: calendar.dayStart, to: calendar.dayEnd)] : venue.openingHours
            return windows.map { window in
                max(0, min(window.to.minutes, calendar.dayEnd.minutes) - max(window.from.minutes, calendar.dayStart.minutes))
            }.max() ?? 0
        }
        guard let best = venues.max(by: { longestOpen($0) < longestOpen($1) }), longestOpen(best) < needed else { return }
        let extra = activity.setupMinutes + activity.teardownMinutes
        let including = extra > 0 ? " including \(extra.durationText) of set-up and tear-down" : ""
        error(
            activity.source, "duration",
            "'\(activity.id)' holds a venue for \(needed.durationText)\(including), but no venue it may use is open that "
                + "long in one go (longest: \(longestOpen(best).durationText) at '\(best.id)')")
    }
}
