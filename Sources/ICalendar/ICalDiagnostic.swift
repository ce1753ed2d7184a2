/// A problem found in a calendar file, at a line (1-based, of the file as written, before
/// unfolding). Warnings are recoverable: the file was read and the problem set aside. Errors mean
/// the file cannot be read safely.
public struct ICalDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case warning, error
    }

    public var line: Int
    public var severity: Severity
    public var message: String

    public init(line: Int, severity: Severity, message: String) {
        self.line = line
        self.severity = severity
        self.message = message
    }

    public var description: String {
        "line \(line): \(severity.rawValue): \(message)"
    }
}

/// A calendar that cannot be read safely: the first error, with its line.
public struct ICalError: Error, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        "line \(line): \(message)"
    }
}
