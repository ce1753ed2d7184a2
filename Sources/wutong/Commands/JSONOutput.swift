import WutongFormats
import WutongModel

/// What `solve` and `check` print alike with `--format json`: a score and why a session is
/// unplaced (encoded with `StableJSON`).
enum JSONOutput {
    struct Score: Encodable {
        var hard: Int
        var medium: Int
        var soft: Int

        init(_ score: WutongModel.Score) {
            hard = score.hard
            medium = score.medium
            soft = score.soft
        }
    }

    /// One hard constraint's share of why a session is unplaced.
    struct Reason: Encodable {
        var constraint: String
        /// Candidate placements this constraint rules out, of `examined`.
        var candidates: Int
        /// Placements looked at: all `placements`, or an evenly spread sample of them.
        var examined: Int
        /// The session's candidate placements (venues × starts).
        var placements: Int
        /// The reason in words, in the language of `--lang`.
        var explanation: String

        /// Each ruled-out count of `reasons`, in its order.
        static func list(_ reasons: UnplacedReasons, words: Explanations) -> [Reason] {
            reasons.ruledOut.map {
                Reason(
                    constraint: $0.constraint.rawValue, candidates: $0.candidates, examined: reasons.examined,
                    placements: reasons.placements, explanation: words.reason($0, of: reasons))
            }
        }
    }
}
