/// One problem found in an XML file, at a 1-based line and column (columns count characters,
/// not bytes, so they match what an editor shows for Chinese text).
public struct XMLDiagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `FILE:LINE:COL: error: message`, the form compilers use, so editors can jump to it.
    public var rendered: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }
}
