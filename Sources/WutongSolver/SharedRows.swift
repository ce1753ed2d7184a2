/// A table with one row per entity (venue, partner, activity) in which entities whose rows are
/// equal share one stored row. In a large season most venues keep the same hours, most partners
/// have no busy time and most activities the same windows: the shared rows stay in the cache,
/// where a row per entity (thousands × thousands of slots) would not, and every move reads a
/// few of them at random.
struct SharedRows<Element: Hashable & Sendable>: Sendable {
    let width: Int
    /// The distinct rows, one after another.
    private let cells: [Element]
    /// Per entity: where its row starts in `cells`, in 32 bits (`SmallInts` says why).
    private let rowStart: [Int32]

    /// Shares the equal rows of `flat`, which holds `flat.count / width` rows of `width`.
    init(flat: [Element], width: Int) {
        precondition(width > 0 && flat.count % width == 0, "a table of whole rows")
        self.init(keys: Array(0..<flat.count / width), width: width) { row in
            Array(flat[row * width..<(row + 1) * width])
        }
    }

    /// Builds the table row by row from each entity's key: entities with equal keys have equal
    /// rows, so `row` runs once per distinct key and no table of every entity's row is ever
    /// held (activities × venues of them passed a gigabyte at 40,000 sessions). Rows equal
    /// under different keys are still stored once, so the table is the one `init(flat:width:)`
    /// builds from the same rows.
    init<Key: Hashable>(keys: [Key], width: Int, row: (Key) -> [Element]) {
        precondition(width > 0, "rows of at least one column")
        self.width = width
        var starts: [Int] = []
        starts.reserveCapacity(keys.count)
        var byKey: [Key: Int] = [:]
        var distinct: [ArraySlice<Element>: Int] = [:]
        var kept: [Element] = []
        for key in keys {
            if let start = byKey[key] {
                starts.append(start)
                continue
            }
            let values = row(key)
            precondition(values.count == width, "a row of the table's width")
            let start = distinct[values[...]] ?? kept.count
            if start == kept.count {
                distinct[values[...]] = start
                kept.append(contentsOf: values)
            }
            byKey[key] = start
            starts.append(start)
        }
        precondition(kept.count <= Int(Int32.max), "a table of more cells than 32-bit offsets reach")
        cells = kept
        rowStart = starts.map { Int32($0) }
    }

    /// The number of distinct rows stored.
    var distinctRows: Int { cells.count / width }

    @inline(__always)
    subscript(entity: Int, column: Int) -> Element {
        cells[Int(rowStart[entity]) + column]
    }
}
