/// Why a session could not be placed, as the construction found it: of the session's candidate
/// placements (venue, start) it looked at, how many each hard constraint ruled out first.
public struct UnplacedReasons: Hashable, Sendable {
    /// One hard constraint and how many of the placements looked at it ruled out first.
    public struct RuledOut: Hashable, Sendable {
        public var constraint: ConstraintID
        public var candidates: Int

        public init(_ constraint: ConstraintID, candidates: Int) {
            self.constraint = constraint
            self.candidates = candidates
        }
    }

    /// Most placements ruled out first.
    public var ruledOut: [RuledOut]
    /// How many placements were looked at: all of them, or on a large season an evenly spread
    /// sample of about 20,000, so that explaining an over-full season stays quick.
    public var examined: Int
    /// The session's candidate placements: candidate venues × candidate starts. Zero when no
    /// venue or no start is a candidate at all; `ruledOut` then names the constraint.
    public var placements: Int

    public init(_ ruledOut: [RuledOut], examined: Int, placements: Int) {
        self.ruledOut = ruledOut
        self.examined = examined
        self.placements = placements
    }

    /// Placements looked at that no hard constraint rules out: none for a session the
    /// construction left unplaced; a schedule edited elsewhere can leave out a session that fits.
    public var fits: Int { examined - ruledOut.reduce(0) { $0 + $1.candidates } }

    /// Whether the counts are over a sample rather than over every candidate placement.
    public var isSampled: Bool { examined < placements }
}
