/// Generated what-ifs for a criticality report: one scenario per single loss, so a planner sees
/// which one hurts the season most.
public enum ScenarioSweep {
    public enum Kind: String, CaseIterable, Sendable {
        /// Each venue closed for the whole season.
        case venues
        /// Each partner unit removed.
        case partners
        /// Each weekend's outdoor venues lost to rain, Saturday and Sunday.
        case weekends
    }

    /// The scenarios of a sweep, in the season's order (weekends by date). Every period is
    /// clipped to the season; with `now`, losses start no earlier than it and weekends before it
    /// are left out.
    public static func scenarios(_ kind: Kind, for season: Season, now: LocalDateTime? = nil) -> [Scenario] {
        let first = LocalDateTime(date: season.calendar.start, time: .midnight)
        let start = max(first, now ?? first)
        let end = LocalDateTime(date: season.calendar.end.adding(days: 1), time: .midnight)
        func scenario(_ name: String, _ description: String, _ changes: [ScenarioChange]) -> Scenario {
            Scenario(name: name, season: season.id, description: description, now: now, changes: changes)
        }
        switch kind {
        case .venues:
            return season.venues.map { venue in
                scenario(
                    "venue-closed-\(venue.id)", "\(venue.name) closed for the season",
                    [
                        .closeVenue(
                            venue: venue.id, period: LocalPeriod(start: start, end: end, reason: "closed (sweep)"))
                    ])
            }
        case .partners:
            return season.partners.map { partner in
                scenario(
                    "partner-removed-\(partner.id)", "\(partner.name) leaves the season",
                    [.removePartner(partner: partner.id, source: nil)])
            }
        case .weekends:
            let outdoor = season.venues.filter { $0.setting == .outdoor }
            guard !outdoor.isEmpty else { return [] }
            var result: [Scenario] = []
            var day = season.calendar.start
            while day <= season.calendar.end {
                defer { day = day.adding(days: 1) }
                let saturday = day.weekday == .sat
                guard saturday || (day.weekday == .sun && day == season.calendar.start) else { continue }
                let from = max(LocalDateTime(date: day, time: .midnight), start)
                let to = min(LocalDateTime(date: day.adding(days: saturday ? 2 : 1), time: .midnight), end)
                let usable = (0..<(saturday ? 2 : 1)).map { day.adding(days: $0) }.contains {
                    $0 <= season.calendar.end && !season.calendar.isBlackout($0)
                }
                guard from < to, usable else { continue }
                result.append(
                    scenario(
                        "rain-\(day)", "rain on the weekend of \(day): every outdoor venue closed",
                        outdoor.map {
                            .closeVenue(venue: $0.id, period: LocalPeriod(start: from, end: to, reason: "rain (sweep)"))
                        }))
            }
            return result
        }
    }
}
