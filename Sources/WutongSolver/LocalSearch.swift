import WutongModel

/// Improves a schedule by late-acceptance hill climbing: a move is accepted when it is no worse
/// than the current schedule or than the schedule of `historyLength` moves ago. Moves: change a
/// session's venue and start, change one of its partners, swap two sessions' placements, place an
/// unplaced session. Every move is scored by its delta on `SearchState`; pinned sessions never move.
struct LocalSearch {
    struct Progress: Sendable {
        public var moves: Int
        public var best: Score
        public var current: Score
    }

    var state: SearchState
    var random: SeededGenerator
    let problem: CompiledProblem
    let historyLength = 400
    private(set) var best: Score
    private(set) var bestAssignment: [(venue: Int, start: Int, partners: [Int])?]
    private(set) var moves = 0
    private let movable: [Int]

    init(state: SearchState, seed: UInt64) {
        self.state = state
        problem = state.problem
        random = SeededGenerator(seed: seed ^ 0x5DEE_CE66)
        best = state.score
        bestAssignment = Self.snapshot(state)
        movable = (0..<state.problem.sessionCount).filter { state.problem.pinned[$0] == nil }
    }

    static func snapshot(_ state: SearchState) -> [(venue: Int, start: Int, partners: [Int])?] {
        (0..<state.problem.sessionCount).map {
            state.isPlaced($0) ? (state.venue[$0], state.start[$0], state.partners[$0]) : nil
        }
    }

    /// Runs until `moveLimit` moves or `shouldStop` says so (checked every 256 moves).
    mutating func run(moveLimit: Int, shouldStop: () -> Bool, progress: (Progress) -> Void) {
        guard !movable.isEmpty else { return }
        var current = state.score
        var history = Array(repeating: current, count: historyLength)
        while moves < moveLimit {
            if moves & 255 == 0 {
                if shouldStop() { break }
                if moves & 65_535 == 0 { progress(Progress(moves: moves, best: best, current: current)) }
            }
            let slot = moves % historyLength
            moves += 1
            guard let undo = applyRandomMove() else { continue }
            let candidate = state.score
            if candidate <= current || candidate <= history[slot] {
                current = candidate
                if current < best {
                    best = current
                    bestAssignment = Self.snapshot(state)
                }
            } else {
                revert(undo)
            }
            if current < history[slot] { history[slot] = current }
        }
        progress(Progress(moves: moves, best: best, current: current))
    }

    typealias Undo = [(session: Int, placement: (venue: Int, start: Int, partners: [Int])?)]

    private func pick(_ count: Int, _ random: inout SeededGenerator) -> Int {
        Int(random.next() % UInt64(count))
    }

    /// Applies one random move and returns how to undo it, or nil when the move was impossible.
    private mutating func applyRandomMove() -> Undo? {
        let session = movable[pick(movable.count, &random)]
        let kind = pick(10, &random)
        if !state.isPlaced(session) || kind < 5 {
            return moveToRandomPlace(session)
        } else if kind < 8 {
            return changePartner(session)
        } else {
            return swap(session, movable[pick(movable.count, &random)])
        }
    }

    private mutating func moveToRandomPlace(_ session: Int) -> Undo? {
        let activity = problem.sessionActivity[session]
        let venues = problem.candidateVenues[activity]
        let starts = problem.candidateStarts[activity]
        guard !venues.isEmpty, !starts.isEmpty else { return nil }
        let venue = venues[pick(venues.count, &random)]
        let start = starts[pick(starts.count, &random)]
        guard problem.venueAllows(activity, venue: venue, start: start) else { return nil }
        let old = placement(session)
        let partners = old?.partners ?? randomPartners(activity)
        if old != nil { state.remove(session) }
        state.insert(session, venue: venue, start: start, partners: partners)
        return [(session, old)]
    }

    private mutating func changePartner(_ session: Int) -> Undo? {
        let activity = problem.sessionActivity[session]
        guard let old = placement(session), !old.partners.isEmpty else { return nil }
        let position = pick(old.partners.count, &random)
        // Find the requirement this position fills.
        var offset = 0
        var candidates: [Int] = []
        for requirement in problem.requirements[activity] {
            if position < offset + requirement.count {
                candidates = requirement.candidates
                break
            }
            offset += requirement.count
        }
        guard candidates.count > 1 else { return nil }
        let replacement = candidates[pick(candidates.count, &random)]
        guard !old.partners.contains(replacement) else { return nil }
        var partners = old.partners
        partners[position] = replacement
        state.remove(session)
        state.insert(session, venue: old.venue, start: old.start, partners: partners)
        return [(session, old)]
    }

    private mutating func swap(_ first: Int, _ second: Int) -> Undo? {
        guard first != second, let a = placement(first), let b = placement(second) else { return nil }
        let activityA = problem.sessionActivity[first]
        let activityB = problem.sessionActivity[second]
        guard problem.canHold(activityA, venue: b.venue, start: b.start),
            problem.canHold(activityB, venue: a.venue, start: a.start)
        else { return nil }
        state.remove(first)
        state.remove(second)
        state.insert(first, venue: b.venue, start: b.start, partners: a.partners)
        state.insert(second, venue: a.venue, start: a.start, partners: b.partners)
        return [(first, a), (second, b)]
    }

    private mutating func revert(_ undo: Undo) {
        for (session, _) in undo where state.isPlaced(session) { state.remove(session) }
        for (session, old) in undo {
            if let old { state.insert(session, venue: old.venue, start: old.start, partners: old.partners) }
        }
    }

    private func placement(_ session: Int) -> (venue: Int, start: Int, partners: [Int])? {
        state.isPlaced(session) ? (state.venue[session], state.start[session], state.partners[session]) : nil
    }

    private mutating func randomPartners(_ activity: Int) -> [Int] {
        var partners: [Int] = []
        for requirement in problem.requirements[activity] {
            var options = requirement.candidates
            for _ in 0..<requirement.count where !options.isEmpty {
                let chosen = options.remove(at: pick(options.count, &random))
                partners.append(chosen)
            }
        }
        return partners
    }
}

extension CompiledProblem {
    /// Whether a session of `activity` may be placed at `venue` from `start` at all (candidate
    /// venue and start, venue hours).
    func canHold(_ activity: Int, venue: Int, start: Int) -> Bool {
        candidateVenueSet[activity].contains(venue) && candidateStartSet[activity].contains(start)
            && venueAllows(activity, venue: venue, start: start)
    }
}
