/// What a session of one activity gets wrong at one venue whatever else is placed, apart from
/// the seats — equipment missing, not eligible — and which equipment pools it draws on
/// (`poolCount` entries of `SearchFacts.poolList` from `poolStart`). Kept together and small
/// because every move reads it for two venues. It depends only on the activity's equipment and
/// eligibility, which most activities share, so activities with equal rows share one stored row
/// (`SearchFacts.fit`); the seats, which differ from activity to activity, are compared apart.
struct VenueFit: Hashable, Sendable {
    let equipmentMissing: Int16
    let ineligible: Bool
    let poolCount: UInt8
    let poolStart: Int32

    init(equipmentMissing: Int, ineligible: Bool, pools: Range<Int>) {
        self.equipmentMissing = Int16(clamping: equipmentMissing)
        self.ineligible = ineligible
        precondition(pools.count <= Int(UInt8.max), "more equipment pools than a session can draw on")
        poolCount = UInt8(pools.count)
        poolStart = Int32(pools.lowerBound)
    }

    var pools: Range<Int> { Int(poolStart)..<Int(poolStart) + Int(poolCount) }
}
