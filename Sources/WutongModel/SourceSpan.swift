/// Where a value came from in its file: the element's position and the positions of its
/// attributes, so a diagnostic can point at the exact attribute a planner must change.
public struct SourceSpan: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var attributes: [String: Position]

    public struct Position: Hashable, Sendable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    public init(file: String, line: Int, column: Int, attributes: [String: Position] = [:]) {
        self.file = file
        self.line = line
        self.column = column
        self.attributes = attributes
    }

    /// The location of attribute `name`, or of the element when the attribute is absent.
    public func at(_ name: String) -> SourceLocation {
        let position = attributes[name] ?? Position(line: line, column: column)
        return SourceLocation(file: file, line: position.line, column: position.column)
    }

    public var location: SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}

public struct SourceLocation: Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// One problem in an input, in words a planner understands.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// `FILE:LINE:COL: error: message`.
    public var rendered: String {
        "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

extension Diagnostic: Comparable {
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location.file, lhs.location.line, lhs.location.column, lhs.message)
            < (rhs.location.file, rhs.location.line, rhs.location.column, rhs.message)
    }
}
