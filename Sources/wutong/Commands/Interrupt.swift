import Foundation
import Synchronization

/// Ctrl-C during a search: the first press asks the search to stop and keep its best schedule;
/// the search reads the flag between moves.
enum Interrupt {
    static let requested = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in Interrupt.requested.store(true, ordering: .relaxed) }
    }
}
