/// A schedule seen as a revision of a published one (the baseline): each session's calendar
/// SEQUENCE continues from the baseline's, raised when the session's time or venue changed, a
/// partner unit left it, or it is cancelled, and the sessions the baseline placed that are no longer placed are listed as
/// cancelled, at the place and time partner units were told. Calendar clients replace an event
/// only when its SEQUENCE grows (RFC 5546 §2.1.4), so this is what lets a re-plan update the
/// calendars partner units already hold.
public struct ScheduleRevision: Hashable, Sendable {
    /// The revised schedule: the new placements with their sequences.
    public var schedule: Schedule
    /// Sessions the baseline placed and the new schedule does not, with the baseline's placement
    /// and the sequence of their cancellation.
    public var cancelled: [ScheduledSession]
    /// For sessions placed in both, the partner units of the baseline that no longer take part.
    public var droppedPartners: [SessionKey: [String]]

    /// - Parameter retimed: sessions whose event changed although their start and venue did not
    ///   (their activity's duration or details changed): their SEQUENCE goes up too.
    public init(_ schedule: Schedule, baseline: Schedule, retimed: Set<SessionKey> = []) {
        let previous = Dictionary(
            baseline.sessions.map { (SessionKey(activity: $0.activity, index: $0.index), $0) },
            uniquingKeysWith: { first, _ in first })
        var revised = schedule
        var cancelled: [ScheduledSession] = []
        var dropped: [SessionKey: [String]] = [:]
        var seen = Set<SessionKey>()
        for position in revised.sessions.indices {
            let session = revised.sessions[position]
            let key = SessionKey(activity: session.activity, index: session.index)
            seen.insert(key)
            guard let before = previous[key] else { continue }
            switch (before.placement, session.placement) {
            case (let old?, let new?):
                let moved = old.start != new.start || old.venue != new.venue || retimed.contains(key)
                let gone = old.partners.filter { !new.partners.contains($0) }
                if !gone.isEmpty { dropped[key] = gone }
                // A partner that leaves gets a cancellation, which clients apply only from a
                // newer revision.
                revised.sessions[position].sequence = before.sequence + (moved || !gone.isEmpty ? 1 : 0)
            case (let old?, nil):
                revised.sessions[position].sequence = before.sequence + 1
                cancelled.append(
                    ScheduledSession(
                        activity: session.activity, index: session.index, placement: old,
                        sequence: before.sequence + 1))
            case (nil, _?):
                // Never published: 0; published, then cancelled: one more than the cancellation.
                revised.sessions[position].sequence = before.sequence == 0 ? 0 : before.sequence + 1
            case (nil, nil):
                revised.sessions[position].sequence = before.sequence
            }
        }
        for session in baseline.sessions where session.isPlaced {
            let key = SessionKey(activity: session.activity, index: session.index)
            guard !seen.contains(key) else { continue }
            var gone = session
            gone.sequence += 1
            cancelled.append(gone)
        }
        self.schedule = revised
        self.cancelled = cancelled.sorted { ($0.activity, $0.index) < ($1.activity, $1.index) }
        self.droppedPartners = dropped
    }
}
