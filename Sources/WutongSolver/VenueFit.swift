/// What a session of one activity gets wrong at one venue whatever else is placed — people
/// short of the capacity, equipment missing, not eligible — and which equipment pools it draws
/// on (`poolCount` entries of `SearchFacts.poolList` from `poolStart`). Kept together and small
/// because every move reads it for two venues: three separate tables would cost three cache
/// misses where one entry costs one. Equal pool lists are stored once.
struct VenueFit: Sendable {
    let capacityShort: Int32
    let equipmentMissing: Int16
    let ineligible: Bool
    let poolCount: UInt8
    let poolStart: Int32

    init(capacityShort: Int, equipmentMissing: Int, ineligible: Bool, pools: Range<Int>) {
        self.capacityShort = Int32(clamping: capacityShort)
        self.equipmentMissing = Int16(clamping: equipmentMissing)
        self.ineligible = ineligible
        precondition(pools.count <= Int(UInt8.max), "more equipment pools than a session can draw on")
        poolCount = UInt8(pools.count)
        poolStart = Int32(pools.lowerBound)
    }

    var pools: Range<Int> { Int(poolStart)..<Int(poolStart) + Int(poolCount) }
}
