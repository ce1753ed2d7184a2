import ArgumentParser
import WutongFormats
import WutongModel

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic season of any size (for benchmarks and tests).",
        discussion: "The same --activities, --seed and --spread always give the same file."
    )

    @Option(parsing: .unconditional, help: "Number of activities.")
    var activities: Int = 100

    @Option(parsing: .unconditional, help: "Random seed (default: 1).", transform: SeedArgument.parse)
    var seed: UInt64 = 1

    @Option(
        help:
            "Where the venues stand: street (one 1.1 x 1.4 km box, however many) or city (the box grows with the venues, keeping a 12-venue street's density)."
    )
    var spread: Spread = .street

    /// `SyntheticSeason.Spread` as an option value.
    enum Spread: String, ExpressibleByArgument, CaseIterable {
        case street, city
        var model: SyntheticSeason.Spread {
            switch self {
            case .street: .street
            case .city: .city
            }
        }
    }

    @Option(help: "Output file (written atomically). Default: standard output.")
    var out: String?

    func validate() throws {
        guard (1...200_000).contains(activities) else {
            throw ValidationError("--activities must be between 1 and 200000")
        }
    }

    func run() throws {
        let bytes = SeasonEncoder.encode(
            SyntheticSeason.generate(activities: activities, seed: seed, spread: spread.model))
        if let out {
            try AtomicFile.write(bytes, to: out)
        } else {
            Terminal.standardOutput(String(decoding: bytes, as: UTF8.self))
        }
    }
}
