/// Items (sessions, or partner positions of sessions) filed in buckets (a venue's day, an
/// audience's day, …) as singly linked lists threaded through flat arrays, which never
/// allocate and so keep a search move free of heap traffic. Filing is O(1); unfiling walks the
/// bucket to the item. The buckets are short (about one session per venue and day in a season
/// of 10,043 sessions) and a move that unfiles an item has walked its bucket to score it
/// anyway, while a second link per item (the previous one, for O(1) unfiling) was one more
/// table of the season's size to keep in the cache: without it, a move's misses of a 1 MB
/// cache fell from 11.8 to 11.0 at 10,043 sessions (Docs/PERFORMANCE.md).
struct BucketLists<Stored: TableInteger> {
    /// Item numbers (-1 for none) in the search's width: a walk reads one link per item at
    /// random.
    private(set) var head: SmallInts<Stored>
    private(set) var next: SmallInts<Stored>

    init(buckets: Int, items: Int) {
        head = SmallInts(repeating: -1, count: buckets)
        next = SmallInts(repeating: -1, count: items)
    }

    @inline(__always)
    mutating func file(_ item: Int, in bucket: Int) {
        next[item] = head[bucket]
        head[bucket] = item
    }

    @inline(__always)
    mutating func unfile(_ item: Int, from bucket: Int) {
        let after = next[item]
        var current = head[bucket]
        if current == item {
            head[bucket] = after
        } else {
            while next[current] != item { current = next[current] }
            next[current] = after
        }
        next[item] = -1
    }
}
