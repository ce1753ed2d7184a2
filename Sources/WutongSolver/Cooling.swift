#if canImport(Darwin)
    import Darwin
#else
    import Glibc
#endif

/// The temperature of simulated annealing. It starts at the median worsening of the first
/// moves the search sees (so a typical worsening move is first kept about a third of the time)
/// and falls geometrically with the budget used to a tenth of the smallest worsening seen (so
/// the end is a descent). Measuring the deltas rather than fixing the temperatures keeps the
/// schedule right whatever the constraint weights are.
struct Cooling {
    /// Worsenings seen before the schedule is fixed; while they are gathered only moves that
    /// make nothing worse are kept.
    private static let sampleSize = 1_000
    private var samples: [Int] = []
    private var start = 0.0
    private var end = 0.0
    private(set) var temperature = 0.0

    var isCalibrated: Bool { start > 0 }

    mutating func update(fraction: Double) {
        guard isCalibrated else { return }
        temperature = start * pow(end / start, fraction)
    }

    /// Whether to keep a move that makes the soft cost worse by `worsening`, given a uniform
    /// random 64-bit `draw`.
    mutating func accepts(worsening: Int, draw: UInt64) -> Bool {
        guard isCalibrated else {
            samples.append(worsening)
            if samples.count == Self.sampleSize { calibrate() }
            return false
        }
        let uniform = Double(draw >> 11) * 0x1.0p-53
        return uniform < exp(-Double(worsening) / temperature)
    }

    private mutating func calibrate() {
        samples.sort()
        start = Double(samples[samples.count / 2])
        end = Double(samples[0]) / 10
        temperature = start
        samples = []
    }
}
