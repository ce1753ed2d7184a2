/// What a re-plan changed against the published schedule, session by session: moved (a new
/// time, venue or set of partners), cancelled (published, now unplaced or gone), newly placed,
/// and still unplaced; and which partner units are concerned.
public struct ScheduleDiff: Hashable, Sendable {
    public struct Move: Hashable, Sendable {
        public var session: SessionKey
        public var from: Placement
        public var to: Placement
        /// Why it had to move (its place no longer fits the scenario), or nil when its old place
        /// would still do and it moved to make room for others.
        public var reason: String?
    }

    public struct Cancellation: Hashable, Sendable {
        public var session: SessionKey
        public var was: Placement
        public var reason: String?
    }

    public struct Addition: Hashable, Sendable {
        public var session: SessionKey
        public var placement: Placement
    }

    public var moved: [Move]
    public var cancelled: [Cancellation]
    public var placed: [Addition]
    /// Sessions of the re-plan that are unplaced (cancelled ones included).
    public var unplaced: [SessionKey]
    /// Frozen sessions (before the scenario's now), which stayed where they were.
    public var frozen: [SessionKey]
    /// Partner units with at least one session moved to, moved from, cancelled or added.
    public var partnersAffected: [String]

    public var isEmpty: Bool {
        moved.isEmpty && cancelled.isEmpty && placed.isEmpty
    }

    /// Moved sessions whose old place would still have done.
    public var knockOn: [Move] {
        moved.filter { $0.reason == nil }
    }

    /// - Parameters:
    ///   - affected: why a baseline session's place no longer fits (`ScenarioApplication`).
    public init(
        baseline: Schedule, revised: Schedule, affected: [SessionKey: String] = [:], frozen: [SessionKey] = []
    ) {
        let before = Dictionary(
            baseline.sessions.map { (SessionKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        var moved: [Move] = []
        var cancelled: [Cancellation] = []
        var placed: [Addition] = []
        var unplaced: [SessionKey] = []
        var partners = Set<String>()
        var seen = Set<SessionKey>()
        for session in revised.sessions {
            let key = SessionKey(session)
            seen.insert(key)
            let old = before[key]?.placement
            switch (old, session.placement) {
            case (let old?, let new?):
                guard old.venue != new.venue || old.start != new.start || Set(old.partners) != Set(new.partners)
                else { continue }
                moved.append(Move(session: key, from: old, to: new, reason: affected[key]))
                partners.formUnion(old.partners)
                partners.formUnion(new.partners)
            case (let old?, nil):
                cancelled.append(Cancellation(session: key, was: old, reason: affected[key]))
                unplaced.append(key)
                partners.formUnion(old.partners)
            case (nil, let new?):
                placed.append(Addition(session: key, placement: new))
                partners.formUnion(new.partners)
            case (nil, nil):
                unplaced.append(key)
            }
        }
        for session in baseline.sessions {
            let key = SessionKey(session)
            guard !seen.contains(key), let old = session.placement else { continue }
            cancelled.append(Cancellation(session: key, was: old, reason: affected[key]))
            partners.formUnion(old.partners)
        }
        self.moved = moved.sorted { $0.session < $1.session }
        self.cancelled = cancelled.sorted { $0.session < $1.session }
        self.placed = placed.sorted { $0.session < $1.session }
        self.unplaced = unplaced.sorted()
        self.frozen = frozen.sorted()
        partnersAffected = partners.sorted()
    }
}
