/// Items (sessions, or partner positions of sessions) filed in buckets (a venue's day, an
/// audience's day, …) as doubly linked lists threaded through flat arrays: filing and unfiling
/// are O(1) and never allocate, which keeps a search move free of heap traffic.
struct BucketLists {
    /// Item numbers (-1 for none) in 32 bits: a walk reads one link per item at random.
    private(set) var head: SmallInts
    private(set) var next: SmallInts
    private var previous: SmallInts

    init(buckets: Int, items: Int) {
        head = SmallInts(repeating: -1, count: buckets)
        next = SmallInts(repeating: -1, count: items)
        previous = SmallInts(repeating: -1, count: items)
    }

    @inline(__always)
    mutating func file(_ item: Int, in bucket: Int) {
        let first = head[bucket]
        next[item] = first
        previous[item] = -1
        if first >= 0 { previous[first] = item }
        head[bucket] = item
    }

    @inline(__always)
    mutating func unfile(_ item: Int, from bucket: Int) {
        let before = previous[item]
        let after = next[item]
        if before >= 0 { next[before] = after } else { head[bucket] = after }
        if after >= 0 { previous[after] = before }
        next[item] = -1
        previous[item] = -1
    }
}
