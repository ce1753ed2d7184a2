/// Items (sessions, or partner positions of sessions) filed in buckets (a venue's day, an
/// audience's day, …) as doubly linked lists threaded through flat arrays: filing and unfiling
/// are O(1) and never allocate, which keeps a search move free of heap traffic.
struct BucketLists {
    private(set) var head: Links
    private(set) var next: Links
    private var previous: Links

    init(buckets: Int, items: Int) {
        head = Links(count: buckets)
        next = Links(count: items)
        previous = Links(count: items)
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

    /// Item numbers (-1 for none) stored in 32 bits: a walk reads one link per item at random,
    /// and at 10,000 sessions the lists of a season fill the cache; half the width keeps twice
    /// as many of them there.
    struct Links {
        private var storage: [Int32]

        init(count: Int) {
            precondition(count < Int(Int32.max), "more items than 32-bit links can number")
            storage = Array(repeating: -1, count: count)
        }

        @inline(__always)
        subscript(index: Int) -> Int {
            get { Int(storage[index]) }
            set { storage[index] = Int32(truncatingIfNeeded: newValue) }
        }
    }
}
