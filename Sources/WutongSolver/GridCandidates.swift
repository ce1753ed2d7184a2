/// Every activity's candidate venues split by grid, each list in candidate order, equal lists
/// stored once. Sending sessions to a free venue of a grid reads that grid's list alone; with
/// the whole candidate list it cost a pass over every venue of the season, the one part of a
/// move that grew with the number of venues.
struct GridCandidates: Sendable {
    private let gridCount: Int
    /// Per activity and grid: where its list starts in `cells`, and how long it is.
    private let listStart: [Int32]
    private let listCount: [Int32]
    private let cells: [Int32]

    /// `candidateVenues[a]` is activity `a`'s candidate venues, `venueGrid[v]` the grid of
    /// venue `v` (-1 for none: such a venue is in no list).
    init(candidateVenues: [[Int]], venueGrid: [Int], gridCount: Int) {
        self.gridCount = gridCount
        var lists = ListStore()
        var starts: [Int32] = []
        var counts: [Int32] = []
        starts.reserveCapacity(candidateVenues.count * gridCount)
        counts.reserveCapacity(candidateVenues.count * gridCount)
        var byGrid = Array(repeating: [Int32](), count: gridCount)
        for venues in candidateVenues {
            for grid in byGrid.indices { byGrid[grid].removeAll(keepingCapacity: true) }
            for venue in venues where venueGrid[venue] >= 0 { byGrid[venueGrid[venue]].append(Int32(venue)) }
            for list in byGrid {
                starts.append(lists.offset(of: list))
                counts.append(Int32(list.count))
            }
        }
        cells = lists.cells
        listStart = starts
        listCount = counts
    }

    /// How many candidate venues of `grid` `activity` has.
    @inline(__always)
    func count(_ activity: Int, grid: Int) -> Int {
        Int(listCount[activity * gridCount + grid])
    }

    /// The `index`-th candidate venue of `grid` for `activity`, in candidate order.
    @inline(__always)
    func venue(_ activity: Int, grid: Int, _ index: Int) -> Int {
        let list = activity * gridCount + grid
        precondition(index >= 0 && index < Int(listCount[list]), "a candidate venue of the grid")
        return Int(cells[Int(listStart[list]) + index])
    }

    /// How many venue entries are stored after equal lists are shared.
    var storedCells: Int { cells.count }
}
