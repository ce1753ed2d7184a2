/// How many candidates of a role's list are not away (`partner-availability`: unavailable
/// periods and busy calendars) for a whole session of a given length from each slot. Away
/// times do not change while the construction runs, so once a list's table is built, a start
/// with too few candidates present is known to lack partners at once instead of by walking the
/// list; in a season whose partners are away most of the time that walk, made for thousands of
/// starts per session, was most of the construction.
struct PresentPartners {
    private struct Key: Hashable {
        let list: Int
        let slots: Int
    }

    private var present: [Key: [Int32]] = [:]

    /// How many candidates of `list` are present for `slots` slots from `start`; nil if that
    /// table has not been built.
    func count(list: Int, slots: Int, start: Int) -> Int? {
        guard let table = present[Key(list: list, slots: slots)], start >= 0, start < table.count else { return nil }
        return Int(table[start])
    }

    /// Whether fewer than `needed` candidates of `list` are present for `slots` slots from
    /// `start`; nil if that table has not been built.
    func tooFew(list: Int, slots: Int, start: Int, needed: Int) -> Bool? {
        count(list: list, slots: slots, start: start).map { $0 < needed }
    }

    func isBuilt(list: Int, slots: Int) -> Bool { present[Key(list: list, slots: slots)] != nil }

    mutating func build<Stored>(list: Int, candidates: [Int], slots: Int, problem: CompiledProblem<Stored>) {
        present[Key(list: list, slots: slots)] = (0..<problem.slotCount).map { start in
            Int32(candidates.count { !problem.partnerBusy($0, during: start..<start + slots) })
        }
    }
}
