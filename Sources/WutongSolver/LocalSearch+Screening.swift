import WutongModel

/// Moves rejected before they are scored. Neither acceptance rule ever keeps a move that makes
/// the hard score worse: annealing says so, and late acceptance compares with scores whose hard
/// part is always the current one. So while hard is 0, a move that breaks one hard constraint
/// is rejected whatever else it changes, and finding that constraint costs much less than
/// scoring the move, let alone making and undoing it: at 10,000 sessions about half of all
/// relocations and three swaps in four break one. Each check reports only a violation that the
/// moved schedule really has, so the search keeps, draws and finds exactly what it did when it
/// scored every move.
extension LocalSearch {
    // The checks change nothing; they are `mutating` because a read-only method called from the
    // mutating search loop gets a copy of the whole search (2.9 KB, copied on every call).

    /// Whether a relocation of `session` to `venue` from `start` breaks a hard constraint that
    /// no change of partners could mend. A partner who cannot come is such a constraint only when
    /// the activity has no choice of partners: otherwise the relocation may take a new one along.
    mutating func relocationBreaksHard(_ session: Int, venue place: Int, start slot: Int) -> Bool {
        if state.firstHardFailure(session, venue: place, start: slot) != nil { return true }
        return !partnerChoice[problem.sessionActivity[session]]
            && partnerCannotCome(session, venue: place, start: slot, unlessAlsoWith: -1)
    }

    /// Whether giving `first` the placement of `second` and `second` that of `first` breaks a
    /// hard constraint. Each is checked with the other out of its way; a partner of both is not
    /// checked, as the partner's counts change twice.
    mutating func swapBreaksHard(_ first: Int, _ second: Int) -> Bool {
        let a = (venue: state.venue[first], start: state.start[first])
        let b = (venue: state.venue[second], start: state.start[second])
        return state.firstHardFailure(first, venue: b.venue, start: b.start, leaving: second) != nil
            || state.firstHardFailure(second, venue: a.venue, start: a.start, leaving: first) != nil
            || partnerCannotCome(first, venue: b.venue, start: b.start, unlessAlsoWith: second)
            || partnerCannotCome(second, venue: a.venue, start: a.start, unlessAlsoWith: first)
    }

    /// Whether one of the session's partners, other than those of `other`, cannot come to it at
    /// `venue` from `start`.
    private mutating func partnerCannotCome(
        _ session: Int, venue place: Int, start slot: Int, unlessAlsoWith other: Int
    )
        -> Bool
    {
        let base = state.facts.teamBase[session]
        for position in 0..<state.teamCount[session] {
            let partner = state.team[base + position]
            if other >= 0, state.hasPartner(other, partner) { continue }
            if state.partnerFailure(partner, session: session, venue: place, start: slot) != nil { return true }
        }
        return false
    }

    /// Gives each of the two sessions the other's placement, to be scored; `revert` undoes it.
    mutating func makeSwap(_ first: Int, _ second: Int) {
        let a = (venue: state.venue[first], start: state.start[first])
        let b = (venue: state.venue[second], start: state.start[second])
        undo = .swapped(
            first: first, second: second, firstVenue: a.venue, firstStart: a.start, secondVenue: b.venue,
            secondStart: b.start)
        totalsBefore = state.totals
        state.relocate(first, venue: b.venue, start: b.start)
        state.relocate(second, venue: a.venue, start: a.start)
        markChanged(first)
        markChanged(second)
    }
}
