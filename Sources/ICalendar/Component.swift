/// A calendar component (VCALENDAR, VEVENT, VTIMEZONE, STANDARD, …) with its properties and
/// sub-components in file order. Unknown components and X- properties are kept as they are, so a
/// calendar read and written again loses nothing.
public struct Component: Hashable, Sendable {
    public var name: String
    public var properties: [ContentLine]
    public var components: [Component]
    /// Line of its BEGIN.
    public var line: Int

    public init(name: String, properties: [ContentLine] = [], components: [Component] = [], line: Int = 0) {
        self.name = name.upperCasedIfNeeded()
        self.properties = properties
        self.components = components
        self.line = line
    }

    /// The first property called `name`.
    public func property(_ name: String) -> ContentLine? {
        let wanted = name.upperCasedIfNeeded()
        return properties.first { $0.name == wanted }
    }

    public func properties(_ name: String) -> [ContentLine] {
        let wanted = name.upperCasedIfNeeded()
        return properties.filter { $0.name == wanted }
    }

    public func components(_ name: String) -> [Component] {
        let wanted = name.upperCasedIfNeeded()
        return components.filter { $0.name == wanted }
    }
}

/// Reads calendar text into components: BEGIN and END must pair up; anything outside a
/// component is an error.
public enum CalendarParser {
    /// Largest calendar file read, in bytes (checked before parsing).
    public static let maximumBytes = 32 * 1024 * 1024

    /// Every top-level component of the text (normally one VCALENDAR).
    public static func parse(_ bytes: [UInt8]) throws(ICalError) -> [Component] {
        guard bytes.count <= maximumBytes else {
            throw ICalError(
                line: 1, "the calendar is \(bytes.count / (1024 * 1024)) MB, more than the limit of 32 MB")
        }
        let lines = try ContentLineReader.read(bytes)
        var stack: [Component] = []
        var roots: [Component] = []
        for line in lines {
            switch line.name {
            case "BEGIN":
                let name = line.value.trimmingWhitespace().upperCasedIfNeeded()
                guard !name.isEmpty else { throw ICalError(line: line.line, "BEGIN without a component name") }
                guard stack.count < 32 else { throw ICalError(line: line.line, "components nested too deep") }
                stack.append(Component(name: name, line: line.line))
            case "END":
                let name = line.value.trimmingWhitespace().upperCasedIfNeeded()
                guard let open = stack.popLast() else {
                    throw ICalError(line: line.line, "END:\(name) without a BEGIN")
                }
                guard open.name == name else {
                    throw ICalError(
                        line: line.line, "END:\(name) closes BEGIN:\(open.name) of line \(open.line)")
                }
                if stack.isEmpty {
                    roots.append(open)
                } else {
                    stack[stack.count - 1].components.append(open)
                }
            default:
                guard !stack.isEmpty else {
                    throw ICalError(line: line.line, "\(line.name) outside any component (no BEGIN:VCALENDAR)")
                }
                stack[stack.count - 1].properties.append(line)
            }
        }
        if let open = stack.last {
            throw ICalError(line: open.line, "BEGIN:\(open.name) is never closed (no END:\(open.name))")
        }
        guard !roots.isEmpty else { throw ICalError(line: 1, "no calendar: the file has no BEGIN:VCALENDAR") }
        return roots
    }

    public static func parse(_ text: String) throws(ICalError) -> [Component] {
        try parse(Array(text.utf8))
    }
}

/// Writes components back as calendar text (CRLF, folded).
public enum CalendarWriter {
    public static func write(_ component: Component) -> String {
        var text = ContentLineWriter.fold("BEGIN:" + component.name)
        for property in component.properties { text += ContentLineWriter.line(property) }
        for child in component.components { text += write(child) }
        return text + ContentLineWriter.fold("END:" + component.name)
    }
}

extension String {
    /// Names are stored upper-cased; most callers already pass them so, and skip the copy.
    func upperCasedIfNeeded() -> String {
        utf8.contains { $0 >= 97 && $0 <= 122 } ? uppercased() : self
    }

    func trimmingWhitespace() -> String {
        guard let first = utf8.first, let last = utf8.last, first == 32 || first == 9 || last == 32 || last == 9 else {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
