import ArgumentParser

/// A duration given as `30`, `30s`, `2m` or `1.5m`.
struct TimeLimit: ExpressibleByArgument, Sendable {
    var seconds: Double

    init?(argument: String) {
        guard let parsed = try? Self.parse(argument) else { return nil }
        self = parsed
    }

    /// Reads a time limit, saying what is wrong with one that is not: options that take it are
    /// parsed unconditionally, so `-5s` arrives here instead of reading as an unknown flag.
    static func parse(_ argument: String) throws -> TimeLimit {
        var text = Substring(argument)
        var scale = 1.0
        if text.hasSuffix("m") {
            scale = 60
            text = text.dropLast()
        } else if text.hasSuffix("s") {
            text = text.dropLast()
        }
        guard let value = Double(text), value.isFinite else {
            throw ValidationError("not a duration; write seconds or minutes: 30, 30s, 2m, 1.5m")
        }
        guard value > 0 else { throw ValidationError("a time limit must be more than 0 seconds") }
        return TimeLimit(seconds: value * scale)
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
