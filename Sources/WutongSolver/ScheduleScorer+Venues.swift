import WutongModel

extension ScheduleScorer {
    mutating func scoreVenues() {
        let calendar = season.calendar
        let pooled = Set(season.equipmentPools.filter { $0.count > 0 }.map(\.provides))
        for session in placed {
            let venue = session.venue
            let activity = session.activity
            let hold = session.occupancy.hold
            // venue-hours: in the season, not a blackout, on a slot boundary, inside the daily
            // window and the venue's opening hours, clear of closures.
            let dayBase = session.date.dayNumber * 1440
            let offset = session.placement.start.time.minutes - calendar.dayStart.minutes
            let outOfHours =
                session.date < calendar.start || session.date > calendar.end || calendar.isBlackout(session.date)
                || offset % max(1, calendar.slotMinutes) != 0
                || hold.lowerBound < dayBase + calendar.dayStart.minutes
                || hold.upperBound > dayBase + calendar.dayEnd.minutes
                || (!venue.openingHours.isEmpty && !withinOpeningHours(venue, hold))
                || venue.closures.contains { minutes($0).overlaps(hold) }
            if outOfHours {
                violations.append(Violation(.venueHours, sessions: [session.key], venue: venue.id, minutes: hold))
            }
            if venue.capacity < activity.audienceSize {
                violations.append(
                    Violation(
                        .venueCapacity, amount: activity.audienceSize - venue.capacity, sessions: [session.key],
                        venue: venue.id))
            }
            let missing = activity.equipment.subtracting(venue.equipment).subtracting(pooled)
            if !missing.isEmpty {
                violations.append(
                    Violation(
                        .venueEquipment, amount: missing.count, sessions: [session.key], venue: venue.id,
                        subject: missing.map(\.rawValue).sorted().joined(separator: ",")))
            }
            if !activity.eligibility.admits(venue) {
                violations.append(Violation(.venueEligibility, sessions: [session.key], venue: venue.id))
            }
            if activity.amplified, venue.residential, quietOverlaps(venue.quietHours, hold) {
                violations.append(Violation(.quietHours, sessions: [session.key], venue: venue.id, minutes: hold))
            }
        }
        for (a, b) in pairs(of: placed, groupedBy: { DayKey(id: $0.venue.id, day: $0.date) })
        where a.occupancy.hold.overlaps(b.occupancy.hold) {
            violations.append(
                Violation(
                    .venueConflict, sessions: [a.key, b.key], venue: a.venue.id,
                    minutes: b.occupancy.hold.clamped(to: a.occupancy.hold)))
        }
        let noiseDistance = Double(season.rules.noiseDistanceMetres)
        for (a, b) in pairs(of: placed.filter(\.activity.amplified), groupedBy: { $0.date })
        where a.venue.id != b.venue.id && a.occupancy.session.overlaps(b.occupancy.session)
            && a.venue.location.metres(to: b.venue.location) < noiseDistance
        {
            violations.append(
                Violation(
                    .noiseNeighbours, sessions: [a.key, b.key], venue: a.venue.id,
                    minutes: b.occupancy.session.clamped(to: a.occupancy.session)))
        }
        scoreEquipmentPools()
    }

    func quietOverlaps(_ windows: [WeeklyWindow], _ hold: Range<Int>) -> Bool {
        QuietHours.overlap(windows, hold)
    }

    /// Opening hours are checked slot by slot, so back-to-back windows read as one opening.
    func withinOpeningHours(_ venue: Venue, _ hold: Range<Int>) -> Bool {
        let slot = max(1, grid.slotMinutes)
        return stride(from: hold.lowerBound, to: hold.upperBound, by: slot).allSatisfy {
            inside(venue.openingHours, from: $0, to: $0 + slot)
        }
    }

    /// A session whose venue lacks a pooled item takes one unit of that pool for its whole hold;
    /// every slot in which a pool is short by n units costs n.
    mutating func scoreEquipmentPools() {
        let slot = max(1, grid.slotMinutes)
        for pool in season.equipmentPools {
            let users = placed.filter {
                $0.activity.equipment.contains(pool.provides) && !$0.venue.equipment.contains(pool.provides)
            }
            var perSlot: [Int: [SessionKey]] = [:]
            for user in users {
                for minute in stride(from: user.occupancy.hold.lowerBound, to: user.occupancy.hold.upperBound, by: slot)
                {
                    perSlot[minute, default: []].append(user.key)
                }
            }
            for (minute, keys) in perSlot where keys.count > pool.count {
                violations.append(
                    Violation(
                        .equipmentPool, amount: keys.count - pool.count, sessions: keys.sorted(),
                        minutes: minute..<minute + slot, subject: pool.id))
            }
        }
    }
}
