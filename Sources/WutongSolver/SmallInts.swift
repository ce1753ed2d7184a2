/// Numbers of sessions, slots, venues and partners stored in 32 bits and read as `Int`.
///
/// A move reads the placement of sessions chosen at random, and at 10,000 sessions the search's
/// per-session and per-link tables together outgrow the 2 MB cache when every entry is 64 bits
/// wide; at half the width twice as many of them stay there.
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
