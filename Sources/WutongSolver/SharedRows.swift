/// A table with one row per entity (venue, partner, activity) in which entities whose rows are
/// equal share one stored row. In a large season most venues keep the same hours, most partners
/// have no busy time and most activities the same windows: the shared rows stay in the cache,
/// where a row per entity (thousands × thousands of slots) would not, and every move reads a
/// few of them at random.
struct SharedRows<Element: Hashable & Sendable>: Sendable {
    let width: Int
    /// The distinct rows, one after another.
    private let cells: [Element]
    /// Per entity: where its row starts in `cells`.
    private let rowStart: [Int]

    /// Shares the equal rows of `flat`, which holds `flat.count / width` rows of `width`.
    init(flat: [Element], width: Int) {
        precondition(width > 0 && flat.count % width == 0, "a table of whole rows")
        self.width = width
        var starts: [Int] = []
        var distinct: [ArraySlice<Element>: Int] = [:]
        var kept: [Element] = []
        for row in 0..<flat.count / width {
            let values = flat[row * width..<(row + 1) * width]
            if let start = distinct[values] {
                starts.append(start)
            } else {
                distinct[values] = kept.count
                starts.append(kept.count)
                kept.append(contentsOf: values)
            }
        }
        cells = kept
        rowStart = starts
    }

    /// The number of distinct rows stored.
    var distinctRows: Int { cells.count / width }

    @inline(__always)
    subscript(entity: Int, column: Int) -> Element {
        cells[rowStart[entity] + column]
    }
}
