/// The integer the search's tables store: `Int16` when every number of the season fits in it,
/// else `Int32` (`Solver` compiles the season with 16 bits first, and again with 32 when a
/// number does not fit). The two are the only conformances.
///
/// A move reads the rows of sessions and activities chosen at random, so the fewer bytes the
/// search's tables take, the more of them stay in a core's own cache (1 MB on the benchmark
/// machine). At 10,043 sessions, 32-bit tables still leave 11 misses of that cache per move and
/// 16-bit ones 2.4 to 2.8 (Docs/PERFORMANCE.md); a width chosen inside the table at run time costs more
/// than it saves, so the width is a type parameter, fixed before the search starts.
protocol TableInteger: FixedWidthInteger, SignedInteger, Sendable {}

extension Int16: TableInteger {}
extension Int32: TableInteger {}

/// A number of the season that a table of the chosen width cannot hold.
struct TableOverflow: Error, Equatable {
    let value: Int
}

extension TableInteger {
    /// Throws unless `value` and the count one above it can be stored: counts kept during the
    /// search (a partner's sessions of a week, the sessions using a pool at a slot) are bounded
    /// by the numbers of sessions and partner positions, and are compared after adding one.
    @inline(__always)
    static func check(_ value: Int) throws(TableOverflow) {
        guard value < Int(max), value > Int(min) else { throw TableOverflow(value: value) }
    }
}

/// Numbers of sessions, slots, venues and partners, and the season's small counts (lengths in
/// slots, minutes of a day, priorities, days), stored in `Stored` and read as `Int`. Times in
/// minutes since 1970 stay `Int`.
struct SmallInts<Stored: TableInteger>: RandomAccessCollection, MutableCollection, Sendable {
    private var storage: [Stored]

    init(repeating value: Int, count: Int) {
        storage = Array(repeating: Stored(value), count: count)
    }

    /// Throws when a value does not fit `Stored` (see `TableInteger.check`).
    init(_ values: [Int]) throws(TableOverflow) {
        var stored: [Stored] = []
        stored.reserveCapacity(values.count)
        for value in values {
            try Stored.check(value)
            stored.append(Stored(truncatingIfNeeded: value))
        }
        storage = stored
    }

    /// Numbers the season's checks have already bounded (sessions, partner positions); one
    /// that does not fit traps.
    init(bounded values: [Int]) {
        storage = values.map { Stored($0) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }

    /// Writing a value that does not fit traps: the season's checks when it was compiled
    /// (`CompiledProblem`, `SearchFacts`) bound every value the search writes.
    @inline(__always)
    subscript(index: Int) -> Int {
        get { Int(storage[index]) }
        set { storage[index] = Stored(newValue) }
    }
}

/// A range of positions in a flat table, stored like `SmallInts`: a quarter or half the size
/// of a `Range<Int>`, for tables a move reads one entry of at random.
struct SmallRange<Stored: TableInteger>: Sendable {
    private let first: Stored
    private let length: Stored

    init(_ range: Range<Int>) throws(TableOverflow) {
        try Stored.check(range.upperBound)
        first = Stored(truncatingIfNeeded: range.lowerBound)
        length = Stored(truncatingIfNeeded: range.count)
    }

    var lowerBound: Int { Int(first) }
    var count: Int { Int(length) }
    var range: Range<Int> { lowerBound..<lowerBound + count }
}
