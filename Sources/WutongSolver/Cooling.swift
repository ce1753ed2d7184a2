#if canImport(Darwin)
    import Darwin
#else
    import Glibc
#endif

/// The temperature of simulated annealing. It starts at the median worsening of the first
/// moves the search sees (so a typical worsening move is first kept about a third of the time)
/// and falls geometrically to a tenth of the smallest worsening seen (so the end is a descent).
/// Measuring the deltas rather than fixing the temperatures keeps the schedule right whatever
/// the constraint weights are.
///
/// The budget is cut into cycles. The first cools over half of it, or longer if the caller
/// says a cycle needs more (`LocalSearch` asks for 100,000 moves per session); each later one
/// starts again from the best schedule (the search puts it back) at a fifth of the first start
/// temperature and cools over half of the budget still left, until the rest is too short to
/// halve, which the last cycle takes whole. Cooled over the whole budget, the search found its
/// best in the last quarter of any budget, however long (the bundled season at 30 s, seeds 1–4:
/// 23.0, 23.0, 23.0, 22.0 s), only because it was still warm until then; in cycles it reaches
/// the same scores by the middle, and the later cycles search around the best for what is
/// left. A first cycle too short to converge loses more than the later ones win back (983
/// sessions at 30 s: soft 562 and 569 against 550 and 556), hence its floor.
struct Cooling {
    /// Worsenings seen before the schedule is fixed; while they are gathered only moves that
    /// make nothing worse are kept.
    private static let sampleSize = 1_000
    /// The share of the budget the first cycle takes, and of the rest each later one takes.
    static let cycleShare = 0.5
    /// Later cycles start at this share of the first start temperature.
    static let reheatShare = 0.2
    /// A rest of the budget shorter than this is not split again.
    static let shortestCycle = 0.05

    private var samples: [Int] = []
    private var start = 0.0
    private var end = 0.0
    private(set) var temperature = 0.0
    /// How many cycles have begun; where the current one began and the share of the budget it
    /// was planned to take, as shares of the budget.
    private(set) var cycles = 1
    private var cycleStart = 0.0
    private var cycleLength = cycleShare
    /// The share of the budget the first cycle takes at least, as last given.
    private var firstCycleFloor = 0.0

    /// The current cycle, as shares of the budget. A rest too short to be split joins it.
    var cycle: Range<Double> {
        let length = cycles == 1 ? max(cycleLength, firstCycleFloor) : cycleLength
        let end = cycleStart + length
        return cycleStart..<(1 - end < Self.shortestCycle ? 1 : end)
    }

    var isCalibrated: Bool { start > 0 }

    /// Sets the temperature for `fraction` of the budget used; the first cycle takes at least
    /// `firstCycleAtLeast` of the budget. Returns whether a new cycle began, in which case the
    /// search should go back to its best schedule.
    @discardableResult
    mutating func update(fraction: Double, firstCycleAtLeast: Double = 0) -> Bool {
        firstCycleFloor = firstCycleAtLeast
        var began = false
        while fraction >= cycle.upperBound, cycle.upperBound < 1 {
            cycleStart = cycle.upperBound
            cycleLength = (1 - cycleStart) * Self.cycleShare
            cycles += 1
            began = true
        }
        guard isCalibrated else { return began }
        let top = cycles == 1 ? start : max(end, start * Self.reheatShare)
        let within = min(1, (fraction - cycle.lowerBound) / (cycle.upperBound - cycle.lowerBound))
        temperature = top * pow(end / top, within)
        return began
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
