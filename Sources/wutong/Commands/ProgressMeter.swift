import Foundation
import Synchronization
import WutongSolver

/// Search progress on stderr: a live line on a terminal, a plain line per second otherwise.
/// Safe to call from the search's thread while the main thread waits.
final class ProgressMeter: Sendable {
    private struct State {
        var lastPrint: ContinuousClock.Instant
        var printedLive = false
    }

    private let quiet: Bool
    private let clock: ContinuousClock
    private let started: ContinuousClock.Instant
    private let live = isatty(STDERR_FILENO) != 0
    private let state: Mutex<State>

    init(quiet: Bool, clock: ContinuousClock, started: ContinuousClock.Instant) {
        self.quiet = quiet
        self.clock = clock
        self.started = started
        state = Mutex(State(lastPrint: started))
    }

    func report(_ progress: SolveProgress) {
        guard !quiet else { return }
        let now = clock.now
        let due = state.withLock { state -> Bool in
            guard now - state.lastPrint >= .seconds(1) else { return false }
            state.lastPrint = now
            state.printedLive = live
            return true
        }
        guard due else { return }
        let seconds = Self.seconds(now - started)
        let rate = seconds > 0 ? Double(progress.evaluated) / seconds : 0
        let line = String(format: "%6.1f s  best %@  %.0fk moves/s", seconds, progress.best.description, rate / 1000)
        FileHandle.standardError.write(Data((live ? "\r" + line + "\u{1B}[K" : line + "\n").utf8))
    }

    func finish() {
        if state.withLock({ $0.printedLive }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
