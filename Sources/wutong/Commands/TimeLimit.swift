import ArgumentParser

/// A duration given as `30`, `30s`, `2m` or `1.5m`.
struct TimeLimit: ExpressibleByArgument, Sendable {
    var seconds: Double

    init?(argument: String) {
        var text = Substring(argument)
        var scale = 1.0
        if text.hasSuffix("m") {
            scale = 60
            text = text.dropLast()
        } else if text.hasSuffix("s") {
            text = text.dropLast()
        }
        guard let value = Double(text), value.isFinite, value > 0 else { return nil }
        seconds = value * scale
    }

    init(seconds: Double) {
        self.seconds = seconds
    }

    static var defaultCompletionKind: CompletionKind { .default }

    /// How `--help` shows a default: `10s`, `90s`, `1.5s`.
    var defaultValueDescription: String {
        seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }
}
