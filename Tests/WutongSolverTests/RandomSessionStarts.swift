import WutongModel

@testable import WutongSolver

extension CompiledProblem {
    /// A random session and one of its activity's candidate starts, for tests that sample
    /// (session, start) pairs; nil (after drawing the session) when the activity has none.
    func randomSessionAndStart(using random: inout SeededGenerator) -> (session: Int, activity: Int, start: Int)? {
        let session = Int(random.next() % UInt64(sessionCount))
        let activity = sessionActivity[session]
        let starts = candidates.counts(activity).starts
        guard starts > 0 else { return nil }
        return (session, activity, candidates.start(activity, Int(random.next() % UInt64(starts))))
    }
}
