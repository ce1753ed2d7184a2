import WutongModel

/// One session's share per constraint, in units of violation, indexed like
/// `ConstraintID.allCases`. Lives on the stack, so computing a share allocates nothing.
struct ShareTally {
    static let constraintCount = 24
    var amounts = InlineArray<24, Int>(repeating: 0)
    /// Bit i set: constraint i has a non-zero entry (so applying skips the rest).
    var touched: UInt32 = 0

    init() {
        assert(ConstraintID.allCases.count == Self.constraintCount, "the tally must have one entry per constraint")
    }

    @inline(__always)
    mutating func add(_ id: ConstraintID, _ amount: Int) {
        let index = id.index
        amounts[index] += amount
        touched |= 1 << UInt32(index)
    }
}
