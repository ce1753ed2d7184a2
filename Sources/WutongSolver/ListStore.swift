/// Lists of numbers laid end to end in one flat array, each distinct list stored once. Most
/// activities share their candidate lists (venues, starts, partners for a role), and a copy per
/// activity would grow with activities × venues or × partners and leave the cache. The owner
/// keeps `cells` and each list's offset; the store itself is only for building.
struct ListStore {
    private(set) var cells: [Int32] = []
    private var offsets: [[Int32]: Int32] = [:]

    /// Where `list` starts in `cells`, appending it unless an equal list is stored already.
    mutating func offset(of list: [Int32]) -> Int32 {
        if let known = offsets[list] { return known }
        let offset = Int32(cells.count)
        cells.append(contentsOf: list)
        offsets[list] = offset
        return offset
    }

    /// The same, for a list of `Int`.
    mutating func offset(of list: [Int]) -> Int32 {
        offset(of: list.map { Int32($0) })
    }
}
