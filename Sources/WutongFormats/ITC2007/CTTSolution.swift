public import WutongModel

/// Solutions in the competition's format: one line `course room day timeslot` per lecture.
public enum CTTSolution {
    /// Every placed lecture, in the order of the instance's courses.
    public static func encode(_ schedule: Schedule, for mapped: CTTSeason) -> String {
        let order = Dictionary(
            mapped.instance.courses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let lines = schedule.sessions.compactMap { session -> (Int, Int, String)? in
            guard let placement = session.placement, let (day, period) = mapped.period(of: placement.start) else {
                return nil
            }
            return (
                order[session.activity] ?? Int.max, session.index,
                "\(session.activity) \(placement.venue) \(day) \(period)"
            )
        }
        return lines.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { $0.2 + "\n" }.joined()
    }

    public struct Result: Sendable {
        public var schedule: Schedule?
        public var diagnostics: [Diagnostic]
    }

    /// Reads a solution for `mapped`: lectures take the course's session numbers in file order.
    /// Unknown courses and rooms, days and timeslots outside the week, more lines than a course
    /// has lectures, and lines that are not four fields are errors with line and column; a
    /// lecture with no line stays unplaced (UD2 counts it under Lectures).
    public static func decode(_ bytes: [UInt8], fileName: String, for mapped: CTTSeason) -> Result {
        let instance = mapped.instance
        let courses = Dictionary(instance.courses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rooms = Set(instance.rooms.map(\.id))
        var used: [String: Int] = [:]
        var placements: [SessionKey: Placement] = [:]
        var diagnostics: [Diagnostic] = []
        func error(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(
                Diagnostic(.error, at: SourceLocation(file: fileName, line: line, column: column), message))
        }
        guard bytes.count <= CTTParser.maximumBytes else {
            error(1, 1, "the file is larger than \(CTTParser.maximumBytes / 1_048_576) MB")
            return Result(schedule: nil, diagnostics: diagnostics)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            var fields: [(text: String, column: Int)] = []
            var column = 1
            for piece in rawLine.split(separator: " ", omittingEmptySubsequences: false) {
                for part in piece.split(separator: "\t", omittingEmptySubsequences: false) {
                    let trimmed = part.filter { $0 != "\r" }
                    if !trimmed.isEmpty { fields.append((String(trimmed), column)) }
                    column += part.count + 1
                }
            }
            guard !fields.isEmpty else { continue }
            guard fields.count == 4 else {
                error(
                    number, 1,
                    "a solution line is '<course> <room> <day> <timeslot>'; this one has \(fields.count) fields")
                continue
            }
            guard let course = courses[fields[0].text] else {
                let hint = Suggestion.closest(to: fields[0].text, in: instance.courses.map(\.id)).map {
                    " Maybe you meant '\($0)'?"
                }
                error(number, fields[0].column, "unknown course '\(fields[0].text)'.\(hint ?? "")")
                continue
            }
            guard rooms.contains(fields[1].text) else {
                let hint = Suggestion.closest(to: fields[1].text, in: instance.rooms.map(\.id)).map {
                    " Maybe you meant '\($0)'?"
                }
                error(number, fields[1].column, "unknown room '\(fields[1].text)'.\(hint ?? "")")
                continue
            }
            guard let day = Int(fields[2].text), (0..<instance.days).contains(day) else {
                error(number, fields[2].column, "day '\(fields[2].text)' is not one of 0…\(instance.days - 1)")
                continue
            }
            guard let period = Int(fields[3].text), (0..<instance.periodsPerDay).contains(period) else {
                error(
                    number, fields[3].column,
                    "timeslot '\(fields[3].text)' is not one of 0…\(instance.periodsPerDay - 1)")
                continue
            }
            let index = used[course.id, default: 0] + 1
            guard index <= course.lectures else {
                error(number, 1, "course '\(course.id)' has \(course.lectures) lectures; this line is one more")
                continue
            }
            used[course.id] = index
            placements[SessionKey(activity: course.id, index: index)] = Placement(
                venue: fields[1].text, start: CTTSeason.start(day: day, period: period), partners: [course.teacher])
        }
        guard diagnostics.isEmpty else { return Result(schedule: nil, diagnostics: diagnostics) }
        let sessions = instance.courses.flatMap { course in
            (1...max(1, course.lectures)).prefix(course.lectures).map { index in
                ScheduledSession(
                    activity: course.id, index: index,
                    placement: placements[SessionKey(activity: course.id, index: index)])
            }
        }
        return Result(schedule: Schedule(sessions: sessions), diagnostics: [])
    }
}

/// A score report of a mapped instance, read as the UD2 cost: the four soft components with
/// their weights, and the hard violations (`Lectures` are the unplaced lectures).
public struct UD2Cost: Hashable, Sendable {
    public var lectures: Int
    public var roomOccupancy: Int
    public var conflicts: Int
    public var availability: Int
    /// Hard violations of catalogue constraints UD2 does not name (none in a mapped instance).
    public var otherHard: Int
    public var roomCapacity: Int
    public var minWorkingDays: Int
    public var curriculumCompactness: Int
    public var roomStability: Int

    public init(_ report: ScoreReport) {
        func amount(_ id: ConstraintID) -> Int {
            report.totals.first { $0.constraint == id }?.amount ?? 0
        }
        func cost(_ id: ConstraintID) -> Int {
            report.totals.first { $0.constraint == id }?.cost ?? 0
        }
        lectures = report.unplaced.count
        roomOccupancy = amount(.venueConflict)
        conflicts = amount(.audienceConflict) + amount(.partnerConflict)
        availability = amount(.activityWindow)
        let named: Set<ConstraintID> = [.venueConflict, .audienceConflict, .partnerConflict, .activityWindow]
        otherHard = report.totals.filter { $0.level == .hard && !named.contains($0.constraint) }.reduce(0) {
            $0 + $1.amount
        }
        roomCapacity = cost(.venueCapacity)
        minWorkingDays = cost(.seriesMinDays)
        curriculumCompactness = cost(.audienceCompactness)
        roomStability = cost(.seriesSameVenue)
    }

    public var hard: Int {
        lectures + roomOccupancy + conflicts + availability + otherHard
    }

    public var soft: Int {
        roomCapacity + minWorkingDays + curriculumCompactness + roomStability
    }

    /// `hard=H (…) soft=S (RC …, MWD …, CC …, RS …)`.
    public var breakdown: String {
        "hard=\(hard) (Lectures \(lectures), RoomOccupancy \(roomOccupancy), Conflicts \(conflicts), "
            + "Availability \(availability)) soft=\(soft) (RoomCapacity \(roomCapacity), "
            + "MinWorkingDays \(minWorkingDays), CurriculumCompactness \(curriculumCompactness), "
            + "RoomStability \(roomStability))"
    }
}
