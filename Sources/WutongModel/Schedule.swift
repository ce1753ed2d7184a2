/// A plan for a season: every session of every activity, placed (venue, start, partners) or
/// left unplaced. Sessions are named by activity id and a 1-based index.
public struct Schedule: Hashable, Sendable {
    public var sessions: [ScheduledSession]

    public init(sessions: [ScheduledSession]) {
        self.sessions = sessions
    }

    /// Every session of `season`, unplaced.
    public init(unplacedFor season: Season) {
        sessions = season.activities.flatMap { activity in
            (1...max(1, activity.sessions)).prefix(activity.sessions).map {
                ScheduledSession(activity: activity.id, index: $0)
            }
        }
    }
}

public struct ScheduledSession: Hashable, Sendable {
    public var activity: String
    /// 1-based position of the session in its activity's series.
    public var index: Int
    public var placement: Placement?
    /// How many times the session's published calendar event has been revised (its iCalendar
    /// SEQUENCE): 0 when first published, raised by `ScheduleRevision` each time its time or
    /// venue changes, a partner unit leaves it, or it is cancelled.
    public var sequence: Int

    public init(activity: String, index: Int, placement: Placement? = nil, sequence: Int = 0) {
        self.activity = activity
        self.index = index
        self.placement = placement
        self.sequence = sequence
    }

    public var isPlaced: Bool {
        placement != nil
    }
}

/// Where and when a session runs and who takes part. `start` is when the session itself
/// starts; set-up comes before it.
public struct Placement: Hashable, Sendable {
    public var venue: String
    public var start: LocalDateTime
    public var partners: [String]

    public init(venue: String, start: LocalDateTime, partners: [String] = []) {
        self.venue = venue
        self.start = start
        self.partners = partners
    }
}
