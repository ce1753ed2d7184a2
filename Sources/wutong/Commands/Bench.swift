import ArgumentParser
import Foundation
import WutongFormats

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Wutong's performance (see Docs/PERFORMANCE.md).",
        subcommands: [BenchParse.self]
    )
}

struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Time reading a season: parsing, schema validation, model building and semantic checks.",
        discussion: """
            Loads SEASON --repeat times and prints the fastest and median wall time and the \
            process's peak memory. Generate a large season first, e.g. \
            `wutong generate --activities 10000 --seed 1 --out /tmp/s10k.xml`.
            """
    )

    @Argument(help: "The season file. Default: the bundled season.")
    var season: String?

    @Option(help: "How many times to load it.")
    var `repeat`: Int = 5

    func run() throws {
        let path = try BundledSeason.resolve(season)
        var times: [Double] = []
        var sessions = 0
        for _ in 0..<max(1, `repeat`) {
            let clock = ContinuousClock()
            let start = clock.now
            let result = SeasonLoader.load(path: path)
            let elapsed = clock.now - start
            guard let loaded = result.season else {
                for diagnostic in result.diagnostics.prefix(20) { Terminal.standardError(diagnostic.rendered) }
                throw ExitCode(1)
            }
            sessions = loaded.sessionCount
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        times.sort()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(
            "file: \(BundledSeason.display(path)) (\(String(format: "%.2f", Double(size) / 1_048_576)) MB, \(sessions) sessions)"
        )
        print(
            "load (parse + XSD + model + checks): best \(milliseconds(times.first!)) ms, median \(milliseconds(times[times.count / 2])) ms over \(times.count) runs"
        )
        print("peak memory (VmHWM): \(peakMemoryMB()) MB")
    }

    private func milliseconds(_ seconds: Double) -> String {
        String(format: "%.1f", seconds * 1000)
    }

    /// The process's peak resident set size, from Linux's /proc; "n/a" elsewhere.
    private func peakMemoryMB() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap({ Double($0) })
        else { return "n/a" }
        return String(format: "%.1f", kilobytes / 1024)
    }
}
