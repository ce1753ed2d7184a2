import WutongModel

/// Where `SearchState.share` adds a session's share: per constraint when the share is applied,
/// or only as weighted totals when a move is costed before it is made.
protocol ShareRecorder {
    mutating func add(_ id: ConstraintID, _ amount: Int)
}

/// One session's share per constraint, in units of violation, indexed like
/// `ConstraintID.allCases`. Lives on the stack, so computing a share allocates nothing.
struct ShareTally: ShareRecorder {
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

/// A share as hard and soft cost only.
struct CostTally: ShareRecorder {
    private let hardWeight: [Int]
    private let softWeight: [Int]
    private(set) var hard = 0
    private(set) var soft = 0

    init(_ facts: SearchFacts) {
        hardWeight = facts.hardWeight
        softWeight = facts.softWeight
    }

    @inline(__always)
    mutating func add(_ id: ConstraintID, _ amount: Int) {
        hard += amount * hardWeight[id.index]
        soft += amount * softWeight[id.index]
    }
}
