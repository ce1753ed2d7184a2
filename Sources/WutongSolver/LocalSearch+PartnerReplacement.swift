import WutongModel

/// A relocation that takes new partners along. Moving a session to a better time often fails
/// only because one of its partners cannot come then (busy, at the weekly limit, or at another
/// session too close); a partner change alone does not help, since at the old time that partner
/// was fine. Together the two changes cross a hard wall that annealing, which never accepts a
/// hard worsening, would otherwise have to walk around through several moves.
extension LocalSearch {
    /// What replacing, in a relocation of `session` to `venue` from `start`, each partner who
    /// could not come there by a random free one of the same role adds to the relocation's own
    /// cost; the new team is left in `stagedTeam`. Nil when the move breaks a hard constraint
    /// partners aside, when every partner can come (the plain relocation then says all), when a
    /// partner has no free stand-in, or when the team names a partner twice. `hardChecked`: the
    /// caller has already found that the move breaks no hard constraint partners aside (the
    /// screening before a relocation is costed), so that is not looked for again.
    mutating func replacementDelta(
        _ session: Int, venue place: Int, start slot: Int, hardChecked: Bool = false
    ) -> (hard: Int, soft: Int)? {
        guard hardChecked || state.firstHardFailure(session, venue: place, start: slot) == nil else { return nil }
        let activity = problem.sessionActivity[session]
        let base = state.facts.teamBase[session]
        let count = state.teamCount[session]
        stagedTeam.removeAll(keepingCapacity: true)
        var replacements = 0
        for position in 0..<count {
            let partner = state.team[base + position]
            guard state.isFirstOccurrence(session, position) else { return nil }
            if state.partnerFree(partner, session: session, venue: place, start: slot) {
                stagedTeam.append(partner)
                continue
            }
            let role = state.facts.positionStart[activity] + position
            guard role < state.facts.positionStart[activity + 1] else { return nil }
            let options = state.facts.positionCandidates[role]
            let first = pick(options.count)
            var standIn = -1
            for step in 0..<options.count {
                let candidate = state.facts.roleCandidates[options.lowerBound + (first + step) % options.count]
                if !state.hasPartner(session, candidate), !stagedTeam.contains(candidate),
                    state.partnerFree(candidate, session: session, venue: place, start: slot)
                {
                    standIn = candidate
                    break
                }
            }
            guard standIn >= 0 else { return nil }
            stagedTeam.append(standIn)
            replacements += 1
        }
        guard replacements > 0 else { return nil }
        return state.teamChangeDelta(session, venue: place, start: slot, team: stagedTeam)
    }

    /// Makes the relocation `costed` describes, then gives the session `stagedTeam`.
    mutating func makeReplacement(_ session: Int, venue place: Int, start slot: Int, costed tally: borrowing ShareTally)
    {
        state.relocate(session, venue: place, start: slot, costed: tally)
        let base = state.facts.teamBase[session]
        for position in stagedTeam.indices where state.team[base + position] != stagedTeam[position] {
            state.replacePartner(session, at: position, with: stagedTeam[position])
        }
        markChanged(session)
    }
}
