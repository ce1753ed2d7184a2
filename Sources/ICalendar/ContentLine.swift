/// One property line of a calendar after unfolding: `NAME;PARAM=VALUE,...:value`.
public struct ContentLine: Hashable, Sendable {
    public var name: String
    public var parameters: [Parameter]
    /// The raw value, still escaped as the file has it.
    public var value: String
    /// Line in the file where the (folded) line starts.
    public var line: Int

    public init(name: String, parameters: [Parameter] = [], value: String, line: Int = 0) {
        self.name = name
        self.parameters = parameters
        self.value = value
        self.line = line
    }

    /// The first value of parameter `name` (names compare case-insensitively).
    public func parameter(_ name: String) -> String? {
        guard !parameters.isEmpty else { return nil }
        let wanted = name.upperCasedIfNeeded()
        return parameters.first { $0.name == wanted }?.values.first
    }
}

/// A property parameter: `NAME=value,value`. Names are kept upper-cased; values as written,
/// without their quotes.
public struct Parameter: Hashable, Sendable {
    public var name: String
    public var values: [String]

    public init(_ name: String, _ values: [String]) {
        self.name = name.upperCasedIfNeeded()
        self.values = values
    }
}

/// Splits calendar text into unfolded content lines (RFC 5545 §3.1): CRLF or bare LF line ends,
/// continuation lines starting with a space or a tab, a UTF-8 byte order mark and blank lines
/// tolerated.
enum ContentLineReader {
    /// Longest unfolded line accepted: a longer one is refused rather than held in memory.
    static let maximumLineBytes = 256 * 1024

    static func read(_ bytes: [UInt8]) throws(ICalError) -> [ContentLine] {
        var lines: [ContentLine] = []
        var current: [UInt8] = []
        var currentLine = 0
        var lineNumber = 0
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        func flush() throws(ICalError) {
            defer { current.removeAll(keepingCapacity: true) }
            guard !current.isEmpty else { return }
            lines.append(try parse(current, line: currentLine))
        }
        while index < bytes.count {
            lineNumber += 1
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var stop = end
            if stop > index, bytes[stop - 1] == 0x0D { stop -= 1 }
            if stop > index, bytes[index] == 0x20 || bytes[index] == 0x09 {
                // A continuation: the leading white space goes, the rest joins the line before.
                if current.isEmpty { currentLine = lineNumber }
                current.append(contentsOf: bytes[(index + 1)..<stop])
            } else {
                try flush()
                currentLine = lineNumber
                current.append(contentsOf: bytes[index..<stop])
            }
            if current.count > maximumLineBytes {
                throw ICalError(
                    line: currentLine,
                    "the line is longer than \(maximumLineBytes / 1024) KiB once unfolded; refused")
            }
            index = end + 1
        }
        try flush()
        return lines
    }

    /// Parses one unfolded line. Parameter values may be quoted (and then hold `;`, `:` and `,`).
    /// Works on the bytes: the delimiters are ASCII, and no byte of a multi-byte UTF-8 character
    /// is ASCII, so they are never confused.
    static func parse(_ bytes: [UInt8], line: Int) throws(ICalError) -> ContentLine {
        if bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) == nil {
            throw ICalError(line: line, "the line is not valid UTF-8")
        }
        var position = 0
        func readName() -> String {
            let start = position
            while position < bytes.count, isNameByte(bytes[position]) { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        let name = readName().upperCasedIfNeeded()
        guard !name.isEmpty else {
            throw ICalError(line: line, "expected a property name at the start of the line")
        }
        var parameters: [Parameter] = []
        while position < bytes.count, bytes[position] == semicolon {
            position += 1
            let parameterName = readName()
            guard !parameterName.isEmpty, position < bytes.count, bytes[position] == equals else {
                throw ICalError(line: line, "a parameter of \(name) has no name=value form")
            }
            position += 1
            var values: [String] = []
            repeat {
                if position < bytes.count, bytes[position] == quote {
                    position += 1
                    let start = position
                    while position < bytes.count, bytes[position] != quote { position += 1 }
                    guard position < bytes.count else {
                        throw ICalError(line: line, "the quoted value of parameter \(parameterName) is not closed")
                    }
                    values.append(String(decoding: bytes[start..<position], as: UTF8.self))
                    position += 1
                } else {
                    let start = position
                    while position < bytes.count, bytes[position] != semicolon, bytes[position] != colon,
                        bytes[position] != comma
                    {
                        position += 1
                    }
                    values.append(String(decoding: bytes[start..<position], as: UTF8.self))
                }
                guard position < bytes.count, bytes[position] == comma else { break }
                position += 1
            } while true
            parameters.append(Parameter(parameterName, values))
        }
        guard position < bytes.count, bytes[position] == colon else {
            throw ICalError(line: line, "the \(name) line has no ':' before its value")
        }
        let value = String(decoding: bytes[(position + 1)...], as: UTF8.self)
        return ContentLine(name: name, parameters: parameters, value: value, line: line)
    }

    static let (semicolon, colon, comma, equals, quote): (UInt8, UInt8, UInt8, UInt8, UInt8) = (59, 58, 44, 61, 34)

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45
    }

}
