import ArgumentParser
import WutongFormats
import WutongModel

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic season of any size (for benchmarks and tests).",
        discussion: "The same --activities and --seed always give the same file."
    )

    @Option(help: "Number of activities.")
    var activities: Int = 100

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Output file (written atomically). Default: standard output.")
    var out: String?

    func validate() throws {
        guard (1...200_000).contains(activities) else {
            throw ValidationError("--activities must be between 1 and 200000")
        }
    }

    func run() throws {
        let bytes = SeasonEncoder.encode(SyntheticSeason.generate(activities: activities, seed: seed))
        if let out {
            try AtomicFile.write(bytes, to: out)
        } else {
            Terminal.standardOutput(String(decoding: bytes, as: UTF8.self))
        }
    }
}
