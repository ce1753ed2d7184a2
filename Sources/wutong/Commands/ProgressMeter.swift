import Foundation
import Synchronization
import WutongSolver

/// Search progress on stderr: a live line on a terminal, a plain line per second otherwise.
/// Safe to call from the search's thread while the main thread waits. The time shown runs from
/// the start of the command; moves per second are over the search's own time (from its first
/// report), so a large season's compiling and construction do not drag the rate down.
final class ProgressMeter: Sendable {
    private struct State {
        var lastPrint: ContinuousClock.Instant
        var searchStarted: ContinuousClock.Instant?
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
        let searching = state.withLock { state -> Duration? in
            let searchStarted = state.searchStarted ?? now
            state.searchStarted = searchStarted
            guard now - state.lastPrint >= .seconds(1) else { return nil }
            state.lastPrint = now
            state.printedLive = live
            return now - searchStarted
        }
        guard let searching else { return }
        let seconds = Self.seconds(now - started)
        let rate = Self.seconds(searching) > 0 ? Double(progress.evaluated) / Self.seconds(searching) : 0
        let line = String(format: "%6.1f s  best %@  %.0fk moves/s", seconds, progress.best.description, rate / 1000)
        FileHandle.standardError.write(Data((live ? "\r" + line + "\u{1B}[K" : line + "\n").utf8))
    }

    func finish() {
        let endLiveLine = state.withLock { state -> Bool in
            defer { state.printedLive = false }
            return state.printedLive
        }
        if endLiveLine { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// A step after the search that may take a while on a large season (writing thousands of
    /// calendars), on a line of its own.
    func phase(_ text: String) {
        guard !quiet else { return }
        finish()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
