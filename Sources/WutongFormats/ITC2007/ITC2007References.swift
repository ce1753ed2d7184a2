/// Published UD2 results for the 21 competition instances, by file name without `.ctt`: the
/// best known cost (Bettinelli et al. 2015, Table 1–2, "as of 2015") and the mean of the
/// winner's 10 runs by the organisers (Müller 2009; Bettinelli et al. 2015, Table 3). Source and
/// caveats: `../shared/bench/itc2007/README.md`.
public enum ITC2007References {
    public struct Reference: Hashable, Sendable {
        public var bestKnown: Int
        public var winnerMean: Double
    }

    public static let byInstance: [String: Reference] = [
        "comp01": Reference(bestKnown: 5, winnerMean: 5.0),
        "comp02": Reference(bestKnown: 24, winnerMean: 61.3),
        "comp03": Reference(bestKnown: 64, winnerMean: 94.8),
        "comp04": Reference(bestKnown: 35, winnerMean: 42.8),
        "comp05": Reference(bestKnown: 284, winnerMean: 343.5),
        "comp06": Reference(bestKnown: 27, winnerMean: 56.8),
        "comp07": Reference(bestKnown: 6, winnerMean: 33.9),
        "comp08": Reference(bestKnown: 37, winnerMean: 46.5),
        "comp09": Reference(bestKnown: 96, winnerMean: 113.1),
        "comp10": Reference(bestKnown: 4, winnerMean: 21.3),
        "comp11": Reference(bestKnown: 0, winnerMean: 0.0),
        "comp12": Reference(bestKnown: 298, winnerMean: 351.6),
        "comp13": Reference(bestKnown: 59, winnerMean: 73.9),
        "comp14": Reference(bestKnown: 51, winnerMean: 61.8),
        "comp15": Reference(bestKnown: 64, winnerMean: 94.8),
        "comp16": Reference(bestKnown: 18, winnerMean: 41.2),
        "comp17": Reference(bestKnown: 56, winnerMean: 86.6),
        "comp18": Reference(bestKnown: 61, winnerMean: 91.7),
        "comp19": Reference(bestKnown: 57, winnerMean: 68.8),
        "comp20": Reference(bestKnown: 4, winnerMean: 34.3),
        "comp21": Reference(bestKnown: 74, winnerMean: 108.0),
    ]
}
