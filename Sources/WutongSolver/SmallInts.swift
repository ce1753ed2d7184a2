/// Numbers of sessions, slots, venues and partners, and the season's small counts (lengths in
/// slots, minutes of a day, priorities, days), stored in 32 bits and read as `Int`.
///
/// A move reads the rows of sessions and activities chosen at random, so the fewer bytes the
/// search's tables take, the more of them stay in a core's own cache (1 MB on the benchmark
/// machine): at 10,043 sessions, narrowing the per-activity and per-slot tables from 64 bits
/// took a move's misses of that cache from 17.6 to 12.7 (Docs/PERFORMANCE.md). 32 bits hold
/// every value a season can give: its schema bounds its numbers by 1,000,000 and a season
/// runs at most 366 days. Times in minutes since 1970 stay `Int`.
struct SmallInts: RandomAccessCollection, MutableCollection, Sendable {
    private var storage: [Int32]

    init(repeating value: Int, count: Int) {
        precondition(count < Int(Int32.max), "more entries than 32-bit numbers can index")
        storage = Array(repeating: Int32(value), count: count)
    }

    init(_ values: [Int]) {
        storage = values.map { Int32($0) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }

    @inline(__always)
    subscript(index: Int) -> Int {
        get { Int(storage[index]) }
        set { storage[index] = Int32(newValue) }
    }
}

/// A range of positions in a flat table, in 32 bits like `SmallInts`: half the size of a
/// `Range<Int>`, for tables a move reads one entry of at random.
struct SmallRange: Sendable {
    private let first: Int32
    private let length: Int32

    init(_ range: Range<Int>) {
        first = Int32(range.lowerBound)
        length = Int32(range.count)
    }

    var lowerBound: Int { Int(first) }
    var count: Int { Int(length) }
    var range: Range<Int> { lowerBound..<lowerBound + count }
}
