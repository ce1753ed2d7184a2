/// Which parts of a session's share to compute. The parts that depend on the venue alone
/// (capacity, equipment, eligibility, the series' venues, grid balance) or on the start alone
/// (time windows, audience conflicts and compactness, spacing, precedence, the partners' busy
/// times and weekly counts, the series' days) come out the same before and after a relocation
/// that keeps the venue or the start, and the partners' season counts after any relocation;
/// such parts cancel in the move's delta and are left out of both sides. Everything else
/// (venue conflicts, noise, quiet hours, walks between venues, pools, walking circles,
/// stability) depends on venue and start together and is always computed.
struct ShareParts: OptionSet, Sendable {
    let rawValue: UInt8

    static let venueOnly = ShareParts(rawValue: 1)
    static let startOnly = ShareParts(rawValue: 2)
    /// Parts that depend on neither the venue nor the start of a session whose partners stay.
    static let placementFree = ShareParts(rawValue: 4)

    /// Everything: a session placed or taken out.
    static let all: ShareParts = [.venueOnly, .startOnly, .placementFree]
    /// A relocation's starting point, before the venue or start it changes is added.
    static let relocation: ShareParts = []
}
