/// The sessions a chain of moves (a Kempe chain, a gathered series, an ejection) has taken in,
/// emptied in O(1) for the next chain: a session is in the chain when its mark equals the
/// current stamp, and a new chain takes a new stamp.
///
/// Marks are stored like the search's other per-session tables (`SmallInts`), so after
/// `Stored.max` chains (32,767 with 16 bits, about two billion with 32) the stamp would
/// overflow; then every mark is cleared once and the stamps start over.
struct ChainMarks<Stored: TableInteger> {
    private var mark: SmallInts<Stored>
    private(set) var stamp: Int

    /// `stamp` is where the stamps start; only tests start them anywhere but at 0.
    init(sessions: Int, stamp: Int = 0) {
        mark = SmallInts(repeating: 0, count: sessions)
        self.stamp = stamp
    }

    /// Starts a new chain, with no session in it.
    mutating func clear() {
        if stamp == Int(Stored.max) {
            for session in mark.indices { mark[session] = 0 }
            stamp = 0
        }
        stamp += 1
    }

    @inline(__always)
    func contains(_ session: Int) -> Bool {
        mark[session] == stamp
    }

    @inline(__always)
    mutating func insert(_ session: Int) {
        mark[session] = stamp
    }
}
