/// The kinds of move the local search makes.
public enum MoveKind: Int, CaseIterable, Sendable {
    case place, eject, relocate, beside, partner, swap, kempeChain, gather, replace

    public var name: String {
        switch self {
        case .place: "place an unplaced session"
        case .eject: "place one, taking out what it collides with"
        case .relocate: "move to another venue and time"
        case .beside: "move next to a session of the same audience"
        case .partner: "change a partner"
        case .swap: "swap two sessions"
        case .kempeChain: "Kempe chain between two times"
        case .gather: "bring a series to one venue"
        case .replace: "move, replacing partners who cannot come"
        }
    }
}

/// What the search spent its moves on: per kind, moves evaluated and moves accepted, and of the
/// evaluated, those rejected unscored because they break a hard constraint.
public struct MoveStatistics: Sendable {
    public var evaluated = [Int](repeating: 0, count: MoveKind.allCases.count)
    public var accepted = [Int](repeating: 0, count: MoveKind.allCases.count)
    public var screened = [Int](repeating: 0, count: MoveKind.allCases.count)
}
