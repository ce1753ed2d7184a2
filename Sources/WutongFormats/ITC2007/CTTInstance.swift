public import WutongModel

/// An ITC-2007 curriculum-based course timetabling instance (`.ctt`), as the file states it.
public struct CTTInstance: Hashable, Sendable {
    public struct Course: Hashable, Sendable {
        public var id: String
        public var teacher: String
        public var lectures: Int
        public var minWorkingDays: Int
        public var students: Int
    }

    public struct Room: Hashable, Sendable {
        public var id: String
        public var capacity: Int
    }

    public struct Curriculum: Hashable, Sendable {
        public var id: String
        public var courses: [String]
    }

    public struct Unavailability: Hashable, Sendable {
        public var course: String
        public var day: Int
        public var period: Int
    }

    public var name: String
    public var days: Int
    public var periodsPerDay: Int
    public var courses: [Course]
    public var rooms: [Room]
    public var curricula: [Curriculum]
    public var unavailability: [Unavailability]

    public var lectureCount: Int {
        courses.reduce(0) { $0 + $1.lectures }
    }
}

/// Reads `.ctt` text: the seven header lines in order, the four sections with exactly the
/// announced number of lines each, `END.`. Every problem is reported with its line and column,
/// all of them at once; nothing is returned unless the whole file is right.
public enum CTTParser {
    /// Largest instance file read (the competition's are under 50 KB).
    public static let maximumBytes = 16 * 1024 * 1024
    /// Days × periods per day may not exceed this (the competition's largest is 45).
    public static let maximumPeriods = 1_000

    public struct Result: Sendable {
        public var instance: CTTInstance?
        public var diagnostics: [Diagnostic]
    }

    public static func parse(_ bytes: [UInt8], fileName: String) -> Result {
        var reader = CTTReader(fileName: fileName, bytes: bytes)
        let instance = reader.read()
        return Result(instance: reader.diagnostics.isEmpty ? instance : nil, diagnostics: reader.diagnostics)
    }
}

/// One token: its text, line and 1-based column.
private struct Token {
    var text: String
    var line: Int
    var column: Int
}

private struct Line {
    var number: Int
    var tokens: [Token]
}

private struct CTTReader {
    let fileName: String
    var lines: [Line] = []
    var position = 0
    var diagnostics: [Diagnostic] = []
    var lastLine = 1
    /// A truncated file is said to end early once, not once per missing section.
    var reportedEnd = false

    init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        guard bytes.count <= CTTParser.maximumBytes else {
            error(
                line: 1, column: 1,
                "the file is \(bytes.count / 1_048_576) MB, more than the limit of \(CTTParser.maximumBytes / 1_048_576) MB"
            )
            return
        }
        var number = 1
        var tokens: [Token] = []
        var current: [UInt8] = []
        var column = 1
        var tokenColumn = 1
        func flush() {
            if !current.isEmpty {
                tokens.append(
                    Token(text: String(decoding: current, as: UTF8.self), line: number, column: tokenColumn))
            }
            current.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            switch byte {
            case 0x0A:
                flush()
                if !tokens.isEmpty { lines.append(Line(number: number, tokens: tokens)) }
                tokens.removeAll()
                number += 1
                column = 1
                continue
            case 0x20, 0x09, 0x0D:
                flush()
            default:
                if current.isEmpty { tokenColumn = column }
                current.append(byte)
            }
            column += 1
        }
        flush()
        if !tokens.isEmpty { lines.append(Line(number: number, tokens: tokens)) }
        lastLine = number
    }

    mutating func read() -> CTTInstance? {
        guard diagnostics.isEmpty else { return nil }
        guard !lines.isEmpty else {
            error(line: 1, column: 1, "the file is empty; a .ctt instance starts with 'Name:'")
            return nil
        }
        // The header stops at its first mistake: the lines after it would only repeat it.
        guard let name = header("Name") else { return nil }
        var counts: [Int] = []
        for key in ["Courses", "Rooms", "Days", "Periods_per_day", "Curricula", "Constraints"] {
            guard let value = header(key).flatMap({ number($0, what: key) }) else { return nil }
            counts.append(value)
        }
        let (courseCount, roomCount, days, periodsPerDay) = (counts[0], counts[1], counts[2], counts[3])
        let (curriculumCount, constraintCount) = (counts[4], counts[5])
        if days == 0 || periodsPerDay == 0 || days * periodsPerDay > CTTParser.maximumPeriods
            || periodsPerDay > 16
        {
            error(
                line: lines[min(position, lines.count) - 1].number, column: 1,
                "\(days) days of \(periodsPerDay) periods: days and periods per day must be at least 1, "
                    + "at most 16 periods a day and \(CTTParser.maximumPeriods) periods in all")
            return nil
        }
        let courseLines = section("COURSES:", announced: courseCount, header: "Courses", width: 5)
        let roomLines = section("ROOMS:", announced: roomCount, header: "Rooms", width: 2)
        let curriculumLines = section("CURRICULA:", announced: curriculumCount, header: "Curricula", width: nil)
        let unavailabilityLines = section(
            "UNAVAILABILITY_CONSTRAINTS:", announced: constraintCount, header: "Constraints", width: 3)
        if position < lines.count, lines[position].tokens[0].text == "END." {
            position += 1
            if position < lines.count {
                error(line: lines[position].number, column: 1, "text after END.")
            }
        } else if position < lines.count {
            let token = lines[position].tokens[0]
            error(line: lines[position].number, column: token.column, "expected END., found '\(token.text)'")
        } else if !reportedEnd {
            error(line: lastLine, column: 1, "the file ends without END. (is it truncated?)")
        }

        var courses: [CTTInstance.Course] = []
        var courseLine: [String: Int] = [:]
        for line in courseLines {
            let fields = line.tokens
            if let first = courseLine[fields[0].text] {
                error(
                    line: line.number, column: fields[0].column,
                    "course '\(fields[0].text)' is defined twice (first on line \(first))")
                continue
            }
            // Known even when its numbers are wrong, so curricula naming it raise nothing more.
            courseLine[fields[0].text] = line.number
            guard let lectures = number(fields[2], what: "lectures", minimum: 1),
                let minimumDays = number(fields[3], what: "minimum working days"),
                let students = number(fields[4], what: "students")
            else { continue }
            courses.append(
                CTTInstance.Course(
                    id: fields[0].text, teacher: fields[1].text, lectures: lectures, minWorkingDays: minimumDays,
                    students: students))
        }
        var rooms: [CTTInstance.Room] = []
        var roomLine: [String: Int] = [:]
        for line in roomLines {
            guard let capacity = number(line.tokens[1], what: "capacity") else { continue }
            if let first = roomLine[line.tokens[0].text] {
                error(
                    line: line.number, column: line.tokens[0].column,
                    "room '\(line.tokens[0].text)' is defined twice (first on line \(first))")
                continue
            }
            roomLine[line.tokens[0].text] = line.number
            rooms.append(CTTInstance.Room(id: line.tokens[0].text, capacity: capacity))
        }
        let knownCourses = courses.map(\.id)
        var curricula: [CTTInstance.Curriculum] = []
        for line in curriculumLines {
            let fields = line.tokens
            guard fields.count >= 2, let size = number(fields[1], what: "number of courses") else {
                if fields.count < 2 {
                    error(
                        line: line.number, column: fields[0].column,
                        "a curriculum line is '<curriculum> <k> <course> …'")
                }
                continue
            }
            let members = Array(fields.dropFirst(2))
            guard members.count == size else {
                error(
                    line: line.number, column: fields[1].column,
                    "curriculum '\(fields[0].text)' announces \(size) courses but lists \(members.count)")
                continue
            }
            var valid = true
            for member in members where courseLine[member.text] == nil {
                unknown("course", member, line: line.number, known: knownCourses)
                valid = false
            }
            if valid { curricula.append(CTTInstance.Curriculum(id: fields[0].text, courses: members.map(\.text))) }
        }
        var unavailability: [CTTInstance.Unavailability] = []
        for line in unavailabilityLines {
            let fields = line.tokens
            guard courseLine[fields[0].text] != nil else {
                unknown("course", fields[0], line: line.number, known: knownCourses)
                continue
            }
            guard let day = number(fields[1], what: "day", maximum: days - 1),
                let period = number(fields[2], what: "period", maximum: periodsPerDay - 1)
            else { continue }
            unavailability.append(CTTInstance.Unavailability(course: fields[0].text, day: day, period: period))
        }
        guard diagnostics.isEmpty else { return nil }
        return CTTInstance(
            name: name.text, days: days, periodsPerDay: periodsPerDay, courses: courses, rooms: rooms,
            curricula: curricula, unavailability: unavailability)
    }

    /// The value token of the header line `key: value`, which must come next.
    private mutating func header(_ key: String) -> Token? {
        guard position < lines.count else {
            error(line: lastLine, column: 1, "the header ends before '\(key):' (is the file truncated?)")
            return nil
        }
        let line = lines[position]
        guard line.tokens[0].text == key + ":" else {
            error(
                line: line.number, column: line.tokens[0].column,
                "expected '\(key):' here (the header is Name, Courses, Rooms, Days, Periods_per_day, Curricula, "
                    + "Constraints, in that order), found '\(line.tokens[0].text)'")
            return nil
        }
        position += 1
        guard line.tokens.count == 2 else {
            error(line: line.number, column: line.tokens[0].column, "'\(key):' takes exactly one value")
            return nil
        }
        return line.tokens[1]
    }

    /// The lines of a section after its marker, up to the next marker; their count must be the
    /// announced one and each must have `width` fields (nil: at least one).
    private mutating func section(_ marker: String, announced: Int, header: String, width: Int?) -> [Line] {
        guard position < lines.count else {
            if !reportedEnd {
                error(line: lastLine, column: 1, "the file ends before the \(marker) section (is it truncated?)")
                reportedEnd = true
            }
            return []
        }
        let start = lines[position]
        guard start.tokens[0].text == marker else {
            error(
                line: start.number, column: start.tokens[0].column,
                "expected \(marker) here, found '\(start.tokens[0].text)'")
            return []
        }
        position += 1
        var result: [Line] = []
        var counted = 0
        while position < lines.count, !Self.markers.contains(lines[position].tokens[0].text) {
            let line = lines[position]
            position += 1
            counted += 1
            if let width, line.tokens.count != width {
                error(
                    line: line.number, column: line.tokens[0].column,
                    "a \(marker) line has \(width) fields, this one has \(line.tokens.count)")
                continue
            }
            result.append(line)
        }
        if counted != announced {
            error(
                line: start.number, column: start.tokens[0].column,
                "the header says \(header): \(announced), but the \(marker) section has \(counted) line\(counted == 1 ? "" : "s")"
            )
        }
        return result
    }

    private static let markers: Set<String> = [
        "COURSES:", "ROOMS:", "CURRICULA:", "UNAVAILABILITY_CONSTRAINTS:", "END.",
    ]

    private mutating func number(_ token: Token, what: String, minimum: Int = 0, maximum: Int = 1_000_000) -> Int? {
        guard let value = Int(token.text) else {
            error(line: token.line, column: token.column, "\(what) '\(token.text)' is not a whole number")
            return nil
        }
        guard value >= minimum else {
            error(
                line: token.line, column: token.column,
                value < 0 ? "\(what) \(value) is negative" : "\(what) must be at least \(minimum), not \(value)")
            return nil
        }
        guard value <= maximum else {
            error(line: token.line, column: token.column, "\(what) \(value) is more than \(maximum)")
            return nil
        }
        return value
    }

    private mutating func unknown(_ kind: String, _ token: Token, line: Int, known: [String]) {
        let hint = Suggestion.closest(to: token.text, in: known).map { " Maybe you meant '\($0)'?" } ?? ""
        error(line: line, column: token.column, "unknown \(kind) '\(token.text)'.\(hint)")
    }

    private mutating func error(line: Int, column: Int, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: SourceLocation(file: fileName, line: line, column: column), message))
    }
}
