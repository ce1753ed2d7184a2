/// How much of its budget a search has used, from 0 to 1: the larger of the share of the move
/// limit and the share of the time limit. With only a move limit the fraction depends on moves
/// alone, so a move-limited run stays reproducible.
struct Budget {
    let moveLimit: Int
    let seconds: Double?
    let elapsed: () -> Double

    var isBounded: Bool { moveLimit != Int.max || seconds != nil }

    func fraction(moves: Int) -> Double {
        var used = moveLimit == Int.max ? 0 : Double(moves) / Double(max(1, moveLimit))
        if let seconds, seconds > 0 { used = max(used, elapsed() / seconds) }
        return min(1, used)
    }
}
