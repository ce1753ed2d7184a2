/// A schedule's score: hard violations, then unplaced sessions weighted by priority, then soft
/// violations; lower is better and the three compare in that order.
public struct Score: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var hard: Int
    public var medium: Int
    public var soft: Int

    public init(hard: Int = 0, medium: Int = 0, soft: Int = 0) {
        self.hard = hard
        self.medium = medium
        self.soft = soft
    }

    public static func < (lhs: Score, rhs: Score) -> Bool {
        (lhs.hard, lhs.medium, lhs.soft) < (rhs.hard, rhs.medium, rhs.soft)
    }

    public var description: String {
        "hard=\(hard) medium=\(medium) soft=\(soft)"
    }
}

/// Names one session: its activity and its 1-based index in the series.
public struct SessionKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var activity: String
    public var index: Int

    public init(activity: String, index: Int) {
        self.activity = activity
        self.index = index
    }

    public static func < (lhs: SessionKey, rhs: SessionKey) -> Bool {
        (lhs.activity, lhs.index) < (rhs.activity, rhs.index)
    }

    public var description: String {
        "\(activity)#\(index)"
    }
}

/// One violation of one constraint, as structured data: explanations render it in words.
public struct Violation: Hashable, Sendable {
    public var constraint: ConstraintID
    /// Units of violation (pairs, seats short, missing days, …) before the weight.
    public var amount: Int
    public var sessions: [SessionKey]
    public var partner: String?
    public var venue: String?
    /// Local minutes (since 1970-01-01) the violation concerns, when it concerns a time.
    public var minutes: Range<Int>?
    /// The other thing involved, by id: the grid (`grid-balance`), the neighbourhood
    /// (`walking-circle`), the equipment pool (`equipment-pool`), or the missing equipment items,
    /// comma-separated (`venue-equipment`).
    public var subject: String?

    public init(
        _ constraint: ConstraintID, amount: Int = 1, sessions: [SessionKey] = [], partner: String? = nil,
        venue: String? = nil, minutes: Range<Int>? = nil, subject: String? = nil
    ) {
        self.constraint = constraint
        self.amount = amount
        self.sessions = sessions
        self.partner = partner
        self.venue = venue
        self.minutes = minutes
        self.subject = subject
    }
}

/// A constraint's share of the score.
public struct ConstraintTotal: Hashable, Sendable {
    public var constraint: ConstraintID
    public var level: ConstraintLevel
    public var weight: Int
    public var amount: Int

    public init(constraint: ConstraintID, level: ConstraintLevel, weight: Int, amount: Int) {
        self.constraint = constraint
        self.level = level
        self.weight = weight
        self.amount = amount
    }

    public var cost: Int {
        amount * weight
    }
}

/// Everything the from-scratch scorer found.
public struct ScoreReport: Hashable, Sendable {
    public var score: Score
    /// One entry per catalogue constraint, in catalogue order.
    public var totals: [ConstraintTotal]
    public var violations: [Violation]
    public var unplaced: [SessionKey]

    public init(score: Score, totals: [ConstraintTotal], violations: [Violation], unplaced: [SessionKey]) {
        self.score = score
        self.totals = totals
        self.violations = violations
        self.unplaced = unplaced
    }

    public func total(_ constraint: ConstraintID) -> ConstraintTotal? {
        totals.first { $0.constraint == constraint }
    }
}
