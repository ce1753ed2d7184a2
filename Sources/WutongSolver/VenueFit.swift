/// What a session of one activity gets wrong at one venue whatever else is placed — people
/// short of the capacity, equipment missing, not eligible — and where its equipment pools start
/// in `SearchFacts.poolList`. Kept together and small because every move reads it for two
/// venues: in a season of thousands of activities these tables are far larger than the cache,
/// and three separate tables cost three misses where one entry costs one.
struct VenueFit: Sendable {
    let capacityShort: Int32
    let equipmentMissing: Int16
    let ineligible: Bool
    let poolStart: Int32

    init(capacityShort: Int, equipmentMissing: Int, ineligible: Bool, poolStart: Int) {
        self.capacityShort = Int32(clamping: capacityShort)
        self.equipmentMissing = Int16(clamping: equipmentMissing)
        self.ineligible = ineligible
        self.poolStart = Int32(poolStart)
    }
}
