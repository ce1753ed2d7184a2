/// Every activity's candidate venues and start slots, laid out for the moves' random picks.
///
/// A move picks a random session, so the activity it reads is random too. With a list per
/// activity (an array of arrays) a pick costs three cache misses in a season of thousands of
/// activities: the venue list's header, the start list's header, and the element. Here one
/// 16-byte entry per activity holds where both lists are and how long they are, and equal lists
/// (most activities share their time windows, many their venue needs) are stored once, so the
/// elements a pick reads are few enough to stay in the cache.
struct CandidateLists: Sendable {
    private struct Entry: Sendable {
        let venueStart: Int32
        let venueCount: Int32
        let startStart: Int32
        let startCount: Int32
    }

    private let entries: [Entry]
    private let venueCells: [Int32]
    private let startCells: [Int32]

    /// Activity `a`'s candidate venues are `venueLists[venueListOf[a]]`, its start slots
    /// `startLists[startListOf[a]]`: the compiler hands over each distinct list once, so
    /// building this reads every list once, not once per activity.
    init(venueLists: [[Int]], venueListOf: [Int], startLists: [[Int]], startListOf: [Int]) {
        precondition(venueListOf.count == startListOf.count, "one venue list and one start list per activity")
        var venueStore = ListStore()
        var startStore = ListStore()
        let venueOffsets = venueLists.map { venueStore.offset(of: $0) }
        let startOffsets = startLists.map { startStore.offset(of: $0) }
        entries = zip(venueListOf, startListOf).map { venueList, startList in
            Entry(
                venueStart: venueOffsets[venueList],
                venueCount: Int32(venueLists[venueList].count),
                startStart: startOffsets[startList],
                startCount: Int32(startLists[startList].count))
        }
        venueCells = venueStore.cells
        startCells = startStore.cells
    }

    /// How many candidate venues and start slots `activity` has.
    @inline(__always)
    func counts(_ activity: Int) -> (venues: Int, starts: Int) {
        let entry = entries[activity]
        return (Int(entry.venueCount), Int(entry.startCount))
    }

    /// The `index`-th candidate venue of `activity`.
    @inline(__always)
    func venue(_ activity: Int, _ index: Int) -> Int {
        let entry = entries[activity]
        precondition(index >= 0 && index < Int(entry.venueCount), "a candidate venue of the activity")
        return Int(venueCells[Int(entry.venueStart) + index])
    }

    /// The `index`-th candidate start slot of `activity`.
    @inline(__always)
    func start(_ activity: Int, _ index: Int) -> Int {
        let entry = entries[activity]
        precondition(index >= 0 && index < Int(entry.startCount), "a candidate start of the activity")
        return Int(startCells[Int(entry.startStart) + index])
    }

    /// How many venue and start entries are stored after equal lists are shared.
    var storedCells: (venues: Int, starts: Int) { (venueCells.count, startCells.count) }
}
