import WutongModel

extension CompiledProblem {
    /// Compiles `season`. `busy` holds partner id → busy periods from imported calendars.
    /// - Parameter notBefore: no session that is not pinned may start before this moment (in a
    ///   re-plan, what is past has happened).
    /// - Throws: `TableOverflow` when a number of the season does not fit `Stored`; the
    ///   numbers of sessions, venues, partners, activities, slots, days and audiences, which
    ///   bound the counts the search keeps, are checked first, before any of the work.
    init(season: Season, busy: [String: [LocalPeriod]] = [:], notBefore: LocalDateTime? = nil) throws(TableOverflow) {
        self.season = season
        let grid = SlotGrid(calendar: season.calendar)
        try Stored.check(
            max(
                season.activities.reduce(0) { $0 + max(0, $1.sessions) }, season.venues.count, season.partners.count,
                season.activities.count + 1, grid.slotCount + 1, max(1, grid.dayCount) + 1,
                season.audiences.count + 1))
        self.grid = grid
        slotCount = grid.slotCount
        let slotsPerDay = max(1, grid.slotsPerDay)
        let slotMinutes = grid.slotMinutes
        self.slotsPerDay = slotsPerDay
        self.slotMinutes = slotMinutes
        let firstMinute = grid.firstDay.dayNumber * 1440 + grid.dayStart.minutes
        self.firstMinute = firstMinute
        slotMinute = (0..<grid.slotCount).map {
            firstMinute + ($0 / slotsPerDay) * 1440 + ($0 % slotsPerDay) * slotMinutes
        }
        slotDay = try SmallInts((0..<grid.slotCount).map { $0 / slotsPerDay })
        func slotRange(_ slot: Int) -> Range<Int> {
            let start =
                (grid.firstDay.dayNumber + slot / max(1, slotsPerDay)) * 1440 + grid.dayStart.minutes
                + (slot % max(1, slotsPerDay)) * slotMinutes
            return start..<start + slotMinutes
        }
        func weekday(ofSlot slot: Int) -> Weekday {
            grid.date(ofDay: slot / max(1, slotsPerDay)).weekday
        }
        func usable(_ slot: Int) -> Bool {
            grid.usableDays[slot / max(1, slotsPerDay)]
        }
        func prefix(_ flags: [Bool]) -> [Int32] {
            var sums = [Int32](repeating: 0, count: flags.count + 1)
            for (index, flag) in flags.enumerated() { sums[index + 1] = sums[index] + (flag ? 1 : 0) }
            return sums
        }

        // Venues.
        venueIDs = season.venues.map(\.id)
        venueCount = season.venues.count
        let open = season.venues.flatMap { venue in
            prefix(
                (0..<grid.slotCount).map { slot in
                    let minutes = slotRange(slot)
                    let base = minutes.lowerBound - minutes.lowerBound % 1440
                    let inHours =
                        venue.openingHours.isEmpty
                        || venue.openingHours.contains { window in
                            window.days.contains(weekday(ofSlot: slot))
                                && base + window.from.minutes <= minutes.lowerBound
                                && minutes.upperBound <= base + window.to.minutes
                        }
                    let closed = venue.closures.contains {
                        ($0.start.minuteNumber..<max($0.start.minuteNumber, $0.end.minuteNumber)).overlaps(minutes)
                    }
                    return usable(slot) && inHours && !closed
                })
        }
        venueOpenPrefix = SharedRows(flat: open, width: grid.slotCount + 1)
        let quiet = season.venues.flatMap { venue in
            prefix(
                (0..<grid.slotCount).map { slot in
                    venue.residential && QuietHours.overlap(venue.quietHours, slotRange(slot))
                })
        }
        venueQuietPrefix = SharedRows(flat: quiet, width: grid.slotCount + 1)
        let speed = Double(max(1, season.rules.walkingMetresPerMinute))
        let noiseDistance = Double(season.rules.noiseDistanceMetres)
        // Plain arrays: a loop over venues × venues that reads `Venue` values copies each one.
        let locations = season.venues.map(\.location)
        let ids = season.venues.map(\.id)
        var walk: [UInt16] = []
        walk.reserveCapacity(locations.count * locations.count)
        var nearStart = [0]
        var near: [Int] = []
        for first in locations.indices {
            for second in locations.indices {
                let metres = locations[first].metres(to: locations[second])
                walk.append(UInt16(clamping: Int((metres / speed).rounded(.up))))
                if metres < noiseDistance, ids[first] != ids[second] { near.append(second) }
            }
            nearStart.append(near.count)
        }
        walkMinutes = walk
        noiseNearStart = try SmallInts(nearStart)
        noiseNearVenues = try SmallInts(near)

        // Partners.
        partnerIDs = season.partners.map(\.id)
        partnerCount = season.partners.count
        let busyPrefix = season.partners.flatMap { partner in
            let periods = (partner.unavailable + (busy[partner.id] ?? [])).map {
                $0.start.minuteNumber..<max($0.start.minuteNumber, $0.end.minuteNumber)
            }
            return prefix((0..<grid.slotCount).map { slot in periods.contains { $0.overlaps(slotRange(slot)) } })
        }
        partnerBusyPrefix = SharedRows(flat: busyPrefix, width: grid.slotCount + 1)
        // "No limit", and any limit above the width's largest storable number, is stored as that
        // number: a partner's sessions of a week, plus the one a move adds, are at most the
        // season's partner positions, which `SearchFacts` checks stay below it.
        weeklyLimit = try SmallInts(season.partners.map { min($0.weeklyLimit ?? .max, Int(Stored.max) - 1) })

        // Activities.
        let audienceIndex = Dictionary(
            season.audiences.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let partnerIndex = Dictionary(
            season.partners.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let venueIndex = Dictionary(
            season.venues.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let activityIndex = Dictionary(
            season.activities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        activityIDs = season.activities.map(\.id)
        activityCount = season.activities.count
        setupSlots = try SmallInts(season.activities.map { grid.slots(covering: $0.setupMinutes) })
        sessionSlots = try SmallInts(season.activities.map { grid.slots(covering: $0.durationMinutes) })
        afterStartSlots = try SmallInts(
            season.activities.map { grid.slots(covering: $0.durationMinutes + $0.teardownMinutes) })
        durationMinutes = try SmallInts(season.activities.map(\.durationMinutes))
        var audienceStarts = [0]
        var audienceMembers: [Int] = []
        for activity in season.activities {
            for group in activity.audiences.compactMap({ audienceIndex[$0] })
            where !audienceMembers[audienceStarts.last!...].contains(group) {
                audienceMembers.append(group)
            }
            audienceStarts.append(audienceMembers.count)
        }
        audienceStart = try SmallInts(audienceStarts)
        audienceList = try SmallInts(audienceMembers)
        amplified = season.activities.map(\.amplified)
        minGapDays = try SmallInts(season.activities.map(\.minGapDays))
        // Plain values before the loops: a closure that reads `season` copies it on every call.
        let hardLevels = Set(ConstraintID.allCases.filter { season.setting(for: $0).level == .hard })
        quietIsHard = hardLevels.contains(.quietHours)
        let pooled = Set(season.equipmentPools.filter { $0.count > 0 }.map(\.provides))
        let venues = season.venues
        let activities = season.activities
        let venueLists = Self.candidateVenueLists(
            activities, venues: venues, hard: hardLevels, pooled: pooled)
        let startLists = Self.candidateStartLists(
            activities, grid: grid, audiences: season.audiences, hard: hardLevels, notBefore: notBefore)
        candidateVenues = venueLists.listOf.map { venueLists.lists[$0] }
        candidateStarts = startLists.listOf.map { startLists.lists[$0] }
        let venueWidth = max(1, season.venues.count)
        candidateVenueMask = SharedRows(keys: venueLists.listOf, width: venueWidth) { list in
            var flags = [Bool](repeating: false, count: venueWidth)
            for venue in venueLists.lists[list] { flags[venue] = true }
            return flags
        }
        let slotWidth = max(1, grid.slotCount)
        candidateStartMask = SharedRows(keys: startLists.listOf, width: slotWidth) { list in
            var flags = [Bool](repeating: false, count: slotWidth)
            for slot in startLists.lists[list] { flags[slot] = true }
            return flags
        }
        candidates = CandidateLists(
            venueLists: venueLists.lists, venueListOf: venueLists.listOf, startLists: startLists.lists,
            startListOf: startLists.listOf)
        requirements = Self.roleCandidateLists(activities, partners: season.partners)
        predecessors = season.activities.map { $0.after.compactMap { activityIndex[$0.activity] } }

        // Sessions.
        var sessionActivity: [Int] = []
        var sessionIndex: [Int] = []
        var pinned: [(venue: Int, start: Int, partners: [Int])?] = []
        var firstSession: [Int] = []
        for (index, activity) in season.activities.enumerated() {
            firstSession.append(sessionActivity.count)
            guard activity.sessions > 0 else { continue }
            for number in 1...activity.sessions {
                sessionActivity.append(index)
                sessionIndex.append(number)
                if let pin = activity.pins.first(where: { $0.session == number }), let venue = venueIndex[pin.venue] {
                    let day = pin.start.date.dayNumber - grid.firstDay.dayNumber
                    let slot =
                        day * slotsPerDay + (pin.start.time.minutes - grid.dayStart.minutes) / max(1, slotMinutes)
                    // A pin may lie outside the season's slots, and the search stores its start.
                    try Stored.check(slot)
                    pinned.append((venue, slot, pin.partners.compactMap { partnerIndex[$0] }))
                } else {
                    pinned.append(nil)
                }
            }
        }
        self.sessionActivity = try SmallInts(sessionActivity)
        self.sessionIndex = sessionIndex
        self.pinned = pinned
        sessionCount = sessionActivity.count
        activityFirstSession = try SmallInts(firstSession + [sessionActivity.count])
    }
}

/// Weekly-window tests shared by the compiler and the from-scratch scorer, so both read a
/// window the same way: a stretch is inside a window when it lies in it on the day it starts.
enum Windows {
    static func inside(_ windows: [WeeklyWindow], from start: Int, to end: Int) -> Bool {
        let dayNumber = start >= 0 ? start / 1440 : -((-start + 1439) / 1440)
        let day = LocalDate(dayNumber: dayNumber)
        let base = dayNumber * 1440
        return windows.contains { window in
            window.days.contains(day.weekday) && base + window.from.minutes <= start && end <= base + window.to.minutes
        }
    }
}

/// Quiet windows belong to the day they start on; one that crosses midnight continues into the
/// next morning.
enum QuietHours {
    static func overlap(_ windows: [WeeklyWindow], _ range: Range<Int>) -> Bool {
        let floorDay = { (minute: Int) in minute >= 0 ? minute / 1440 : -((-minute + 1439) / 1440) }
        for dayNumber in (floorDay(range.lowerBound) - 1)...floorDay(range.upperBound - 1) {
            let weekday = LocalDate(dayNumber: dayNumber).weekday
            let base = dayNumber * 1440
            for window in windows where window.days.contains(weekday) {
                let end = window.to > window.from ? window.to.minutes : window.to.minutes + 1440
                if (base + window.from.minutes..<base + end).overlaps(range) { return true }
            }
        }
        return false
    }
}
