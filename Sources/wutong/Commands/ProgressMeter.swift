import Foundation
import WutongSolver

/// Search progress on stderr: a live line on a terminal, a plain line per second otherwise.
final class ProgressMeter {
    private let quiet: Bool
    private let clock: ContinuousClock
    private let started: ContinuousClock.Instant
    private let live = isatty(STDERR_FILENO) != 0
    private var lastPrint: ContinuousClock.Instant
    private var printedLive = false

    init(quiet: Bool, clock: ContinuousClock, started: ContinuousClock.Instant) {
        self.quiet = quiet
        self.clock = clock
        self.started = started
        lastPrint = started
    }

    func report(_ progress: SolveProgress) {
        guard !quiet else { return }
        let now = clock.now
        guard now - lastPrint >= .seconds(1) else { return }
        lastPrint = now
        let seconds = Self.seconds(now - started)
        let rate = seconds > 0 ? Double(progress.moves) / seconds : 0
        let line = String(format: "%6.1f s  best %@  %.0fk moves/s", seconds, progress.best.description, rate / 1000)
        if live {
            FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
            printedLive = true
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    func finish() {
        if printedLive { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
