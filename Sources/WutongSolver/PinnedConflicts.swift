public import WutongModel

/// Hard conflicts among the pinned sessions alone: they can never be repaired by the search
/// (pinned sessions never move), so they are reported before it starts.
public enum PinnedConflicts {
    /// One line per hard violation among pinned sessions, e.g. "venue-conflict: a#1 and b#2 at hall".
    public static func find(in season: Season) -> [String] {
        let pinned = season.activities.flatMap { activity in
            activity.pins.map { pin in
                ScheduledSession(
                    activity: activity.id, index: pin.session,
                    placement: Placement(venue: pin.venue, start: pin.start, partners: pin.partners))
            }
        }
        guard pinned.count > 1 else { return [] }
        let report = ScheduleScorer.score(Schedule(sessions: pinned), for: season)
        let pairwise: Set<ConstraintID> = [
            .venueConflict, .partnerConflict, .audienceConflict, .noiseNeighbours, .seriesSpacing, .precedence,
            .equipmentPool, .partnerWeeklyLimit,
        ]
        return report.violations.filter {
            pairwise.contains($0.constraint) && season.setting(for: $0.constraint).level == .hard
        }
        .map { violation in
            var text =
                "\(violation.constraint.rawValue): " + violation.sessions.map(\.description).joined(separator: " and ")
            if let venue = violation.venue { text += " at \(venue)" }
            if let partner = violation.partner { text += " with \(partner)" }
            return text
        }
    }
}
