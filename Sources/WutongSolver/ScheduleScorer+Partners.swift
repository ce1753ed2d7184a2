import WutongModel

extension ScheduleScorer {
    mutating func scorePartners() {
        var byPartner: [String: [PlacedSession]] = [:]
        for session in placed {
            for partner in Set(session.placement.partners) { byPartner[partner, default: []].append(session) }
        }
        let speed = Double(max(1, season.rules.walkingMetresPerMinute))
        for (partnerID, sessions) in byPartner.sorted(by: { $0.key < $1.key }) {
            guard let partner = partners[partnerID] else { continue }
            // partner-conflict: overlapping sessions, or too little time to walk between venues.
            for (a, b) in pairs(of: sessions, groupedBy: { $0.date }) {
                let walk = Int((a.venue.location.metres(to: b.venue.location) / speed).rounded(.up))
                let gap = b.occupancy.session.lowerBound - a.occupancy.exactEnd
                if a.occupancy.session.overlaps(b.occupancy.session) || (a.venue.id != b.venue.id && gap < walk) {
                    violations.append(
                        Violation(
                            .partnerConflict, sessions: [a.key, b.key], partner: partnerID,
                            minutes: a.occupancy.session
                                .lowerBound..<max(a.occupancy.session.upperBound, b.occupancy.session.upperBound)))
                }
            }
            // partner-availability: declared unavailability and imported busy times.
            let busyMinutes = (partner.unavailable + (busy[partnerID] ?? [])).map(minutes)
            for session in sessions where busyMinutes.contains(where: { $0.overlaps(session.occupancy.session) }) {
                violations.append(
                    Violation(
                        .partnerAvailability, sessions: [session.key], partner: partnerID,
                        minutes: session.occupancy.session))
            }
            // partner-weekly-limit: weeks run Monday to Sunday.
            if let limit = partner.weeklyLimit {
                var perWeek: [Int: [SessionKey]] = [:]
                for session in sessions { perWeek[mondayWeek(of: session.date), default: []].append(session.key) }
                for (_, keys) in perWeek.sorted(by: { $0.key < $1.key }) where keys.count > limit {
                    violations.append(
                        Violation(
                            .partnerWeeklyLimit, amount: keys.count - limit, sessions: keys.sorted(), partner: partnerID
                        ))
                }
            }
            // partner-fairness: sessions beyond what the unit offered.
            if let offered = partner.offeredSessions, sessions.count > offered {
                violations.append(
                    Violation(
                        .partnerFairness, amount: sessions.count - offered, sessions: sessions.map(\.key).sorted(),
                        partner: partnerID))
            }
        }
    }

    /// Weeks counted from the Monday on or before 1970-01-01 (a Thursday).
    func mondayWeek(of date: LocalDate) -> Int {
        floorDivide(date.dayNumber + 3, 7)
    }
}
