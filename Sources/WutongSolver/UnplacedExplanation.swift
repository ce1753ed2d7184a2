public import WutongModel

extension Solver {
    /// Why each of `unplaced` could not be placed into `schedule` as it stands: every candidate
    /// placement of the session checked against the sessions the schedule places, as the
    /// construction explains its own unplaced sessions (`wutong check` on a schedule written or
    /// edited elsewhere). A placement off the season's grid is left out of the way, not refused:
    /// the from-scratch scorer reports it.
    public static func explainUnplaced(
        _ unplaced: [SessionKey], in schedule: Schedule, for season: Season, busy: [String: [LocalPeriod]] = [:]
    ) -> [SessionKey: UnplacedReasons] {
        guard !unplaced.isEmpty else { return [:] }
        // 32 bits, which hold every number the season format allows: explaining reads a
        // handful of sessions and gains nothing from narrower tables.
        let problem: CompiledProblem<Int32>
        let facts: SearchFacts<Int32>
        do {
            problem = try CompiledProblem(season: season, busy: busy)
            facts = try SearchFacts(problem: problem, baseline: schedule)
        } catch {
            preconditionFailure("a number of the season (\(error.value)) does not fit in 32 bits")
        }
        var state = SearchState(problem: problem, facts: facts)
        var sessionOf: [SessionKey: Int] = [:]
        for session in 0..<problem.sessionCount {
            let activity = problem.sessionActivity[session]
            sessionOf[SessionKey(activity: problem.activityIDs[activity], index: problem.sessionIndex[session])] =
                session
            guard session < facts.baseline.count, let placement = facts.baseline[session] else { continue }
            let first = placement.start - problem.setupSlots[activity]
            let end = placement.start + problem.afterStartSlots[activity]
            guard first >= 0, end <= problem.slotCount else { continue }
            state.insert(session, venue: placement.venue, start: placement.start, partners: placement.partners)
        }
        var construction = Construction(problem: problem, state: state, random: SeededGenerator(seed: 1))
        // Nothing is placed while explaining, so what rules out a session depends only on its
        // activity (as in the construction, which explains siblings once).
        var byActivity: [Int: UnplacedReasons] = [:]
        var reasons: [SessionKey: UnplacedReasons] = [:]
        for key in unplaced {
            guard let session = sessionOf[key], !construction.state.isPlaced(session) else { continue }
            let activity = problem.sessionActivity[session]
            if let known = byActivity[activity] {
                reasons[key] = known
            } else {
                let explained = construction.explain(session)
                byActivity[activity] = explained
                reasons[key] = explained
            }
        }
        return reasons
    }
}
