/// The events of one calendar, read with the rules of RFC 5545 and the policy of DESIGN.md:
/// what cannot be read safely stops the reading with an error naming the line; what breaks an
/// RFC rule but can be read safely becomes a warning.
public struct CalendarEvents: Sendable {
    /// One VEVENT: the master of a series, or an override of one occurrence (RECURRENCE-ID).
    public struct Event: Sendable {
        public var uid: String
        public var sequence: Int
        public var start: ICalTime
        public var startTime: OccurrenceTime
        /// Length: exact seconds of a DTEND−DTSTART in wall time, or a DURATION.
        public var duration: ICalDuration
        public var rules: [RecurrenceRule]
        public var rdates: [OccurrenceTime]
        public var exdates: [OccurrenceTime]
        public var recurrenceID: OccurrenceTime?
        public var status: String
        public var transparent: Bool
        public var summary: String
        public var line: Int
    }

    /// One occurrence of an event.
    public struct Occurrence: Sendable {
        public var uid: String
        public var start: OccurrenceTime
        public var end: OccurrenceTime
        public var status: String
        public var transparent: Bool
        public var summary: String
    }

    public var events: [Event] = []
    public var diagnostics: [ICalDiagnostic] = []
    public var method: String?
    /// FREEBUSY periods of VFREEBUSY components: (start, end) instants, busy type.
    public var freeBusy: [(start: Int, end: Int, type: String, uid: String)] = []
    public let zones: ZoneResolver
    /// TZIDs already warned about, so each is reported once.
    private var warnedZones = Set<String>()

    /// Reads every VEVENT and VFREEBUSY of a VCALENDAR.
    /// - Parameter horizon: VTIMEZONE observances are expanded up to this wall time.
    public init(calendar: Component, horizon: Int) throws(ICalError) {
        zones = try ZoneResolver(calendar: calendar, horizon: horizon)
        method = calendar.property("METHOD")?.value.trimmingWhitespace().uppercased()
        var latest: [String: Int] = [:]
        for component in calendar.components {
            switch component.name {
            case "VEVENT":
                let event = try read(component)
                let key = event.uid + "\u{0}" + (event.recurrenceID.map { String($0.wall) } ?? "")
                if let index = latest[key] {
                    diagnostics.append(
                        ICalDiagnostic(
                            line: event.line, severity: .warning,
                            message:
                                "UID \(event.uid) appears again (line \(events[index].line)); the higher SEQUENCE is kept"
                        ))
                    if event.sequence >= events[index].sequence { events[index] = event }
                } else {
                    latest[key] = events.count
                    events.append(event)
                }
            case "VFREEBUSY":
                try readFreeBusy(component)
            default:
                continue
            }
        }
    }

    private mutating func time(_ line: ContentLine, what: String) throws(ICalError) -> (ICalTime, OccurrenceTime) {
        guard let value = ICalTime(line) else {
            throw ICalError(line: line.line, "\(what) '\(line.value)' is not a valid date or date-time")
        }
        var zone: ZoneRules?
        if let tzid = line.parameter("TZID"), !value.isDate {
            if case .dateTime(let dateTime) = value, dateTime.zone == .utc {
                diagnostics.append(
                    ICalDiagnostic(
                        line: line.line, severity: .warning,
                        message: "\(what) is UTC and also has TZID=\(tzid); the TZID is ignored"))
            } else if let resolved = zones.rules(for: tzid) {
                zone = resolved.rules
                if let warning = resolved.warning, warnedZones.insert(tzid).inserted {
                    diagnostics.append(ICalDiagnostic(line: line.line, severity: .warning, message: warning))
                }
            } else {
                throw ICalError(
                    line: line.line, "TZID \(tzid) has no VTIMEZONE in the file and is not a known zone name")
            }
        }
        return (value, OccurrenceTime(value, zone: zone))
    }

    /// The properties of a VEVENT that matter here, found in one pass over its lines.
    private struct EventLines {
        var uid, start, end, duration, recurrenceID, sequence, status, transparency, summary: ContentLine?
        var rules: [ContentLine] = []
        var rdates: [ContentLine] = []
        var exdates: [ContentLine] = []

        init(_ component: Component) {
            for line in component.properties {
                switch line.name {
                case "UID": uid = uid ?? line
                case "DTSTART": start = start ?? line
                case "DTEND": end = end ?? line
                case "DURATION": duration = duration ?? line
                case "RECURRENCE-ID": recurrenceID = recurrenceID ?? line
                case "SEQUENCE": sequence = sequence ?? line
                case "STATUS": status = status ?? line
                case "TRANSP": transparency = transparency ?? line
                case "SUMMARY": summary = summary ?? line
                case "RRULE": rules.append(line)
                case "RDATE": rdates.append(line)
                case "EXDATE": exdates.append(line)
                default: continue
                }
            }
        }
    }

    private mutating func read(_ component: Component) throws(ICalError) -> Event {
        let lines = EventLines(component)
        let uid: String
        if let value = lines.uid?.value, !value.isEmpty {
            uid = value
        } else {
            uid = "line-\(component.line)"
            diagnostics.append(
                ICalDiagnostic(line: component.line, severity: .warning, message: "VEVENT without a UID; called \(uid)")
            )
        }
        guard let startLine = lines.start else {
            throw ICalError(line: component.line, "VEVENT \(uid) has no DTSTART")
        }
        let (start, startTime) = try time(startLine, what: "DTSTART")
        var duration = ICalDuration(days: start.isDate ? 1 : 0)
        if let endLine = lines.end {
            let (end, endTime) = try time(endLine, what: "DTEND")
            guard end.isDate == start.isDate else {
                throw ICalError(
                    line: endLine.line, "DTEND is a \(end.isDate ? "DATE" : "DATE-TIME") but DTSTART is not")
            }
            // Across zones the length is exact; within one, wall-clock.
            let seconds: Int
            switch (startTime.form, endTime.form) {
            case (.zoned(let a), .zoned(let b)) where a.name != b.name:
                seconds = b.instant(ofWall: endTime.wall) - a.instant(ofWall: startTime.wall)
            default:
                seconds = endTime.wall - startTime.wall
            }
            guard seconds >= 0 else { throw ICalError(line: endLine.line, "DTEND is before DTSTART") }
            duration = ICalDuration(days: 0, seconds: seconds)
        } else if let durationLine = lines.duration {
            guard let value = ICalDuration(durationLine.value), !value.negative else {
                throw ICalError(line: durationLine.line, "DURATION '\(durationLine.value)' is not a valid duration")
            }
            duration = value
        }
        var rules: [RecurrenceRule] = []
        for ruleLine in lines.rules {
            switch RecurrenceRule.parse(ruleLine.value) {
            case .failure(let error): throw ICalError(line: ruleLine.line, "RRULE: \(error)")
            case .success(let parsed):
                for warning in parsed.warnings {
                    diagnostics.append(ICalDiagnostic(line: ruleLine.line, severity: .warning, message: warning))
                }
                if let until = parsed.rule.until {
                    if case .zoned = startTime.form, until.zone != .utc {
                        diagnostics.append(
                            ICalDiagnostic(
                                line: ruleLine.line, severity: .warning,
                                message: "UNTIL must be in UTC when DTSTART has a zone; read as the zone's time"))
                    }
                    if until.isDate != start.isDate {
                        diagnostics.append(
                            ICalDiagnostic(
                                line: ruleLine.line, severity: .warning,
                                message: "UNTIL is a \(until.isDate ? "DATE" : "DATE-TIME") but DTSTART is not"))
                    }
                }
                rules.append(parsed.rule)
            }
        }
        if rules.count > 1 {
            diagnostics.append(
                ICalDiagnostic(
                    line: component.line, severity: .warning, message: "VEVENT \(uid) has several RRULEs; all are used")
            )
        }
        var rdates: [OccurrenceTime] = []
        for line in lines.rdates {
            for item in line.value.split(separator: ",") {
                // RDATE;VALUE=PERIOD: the period's start.
                let text = String(item.split(separator: "/").first ?? item)
                var single = line
                single.value = text
                if line.parameter("VALUE")?.uppercased() == "PERIOD" {
                    single.parameters.removeAll { $0.name == "VALUE" }
                }
                rdates.append(try time(single, what: "RDATE").1)
            }
        }
        var exdates: [OccurrenceTime] = []
        for line in lines.exdates {
            for item in line.value.split(separator: ",") {
                var single = line
                single.value = String(item)
                exdates.append(try time(single, what: "EXDATE").1)
            }
        }
        var recurrenceID: OccurrenceTime?
        if let line = lines.recurrenceID {
            recurrenceID = try time(line, what: "RECURRENCE-ID").1
            if line.parameter("RANGE") != nil {
                diagnostics.append(
                    ICalDiagnostic(
                        line: line.line, severity: .warning,
                        message: "RANGE=\(line.parameter("RANGE")!) is not supported; only this occurrence is changed"))
            }
        }
        let sequence = lines.sequence.flatMap { Int($0.value.trimmingWhitespace()) } ?? 0
        return Event(
            uid: uid, sequence: sequence, start: start, startTime: startTime, duration: duration, rules: rules,
            rdates: rdates, exdates: exdates, recurrenceID: recurrenceID,
            status: lines.status?.value.trimmingWhitespace().upperCasedIfNeeded() ?? "CONFIRMED",
            transparent: lines.transparency?.value.trimmingWhitespace().upperCasedIfNeeded() == "TRANSPARENT",
            summary: lines.summary.flatMap { TextValue.unescape($0.value) } ?? "",
            line: component.line)
    }

    private mutating func readFreeBusy(_ component: Component) throws(ICalError) {
        let uid = component.property("UID")?.value ?? "freebusy-line-\(component.line)"
        for line in component.properties("FREEBUSY") {
            let type = (line.parameter("FBTYPE") ?? "BUSY").uppercased()
            // One warning per line, however many of its periods are not in UTC.
            var local = false
            for item in line.value.split(separator: ",") {
                let halves = item.split(separator: "/", omittingEmptySubsequences: false)
                guard halves.count == 2, let start = ICalDateTime(basic: String(halves[0])) else {
                    throw ICalError(line: line.line, "FREEBUSY period '\(item)' is not start/end or start/duration")
                }
                let end: Int
                if let endTime = ICalDateTime(basic: String(halves[1])) {
                    end = endTime.wallSeconds
                    local = local || endTime.zone != .utc
                } else if let duration = ICalDuration(String(halves[1])), !duration.negative {
                    end = start.wallSeconds + duration.days * 86_400 + duration.seconds
                } else {
                    throw ICalError(line: line.line, "FREEBUSY period '\(item)' has no valid end")
                }
                local = local || start.zone != .utc
                freeBusy.append((start.wallSeconds, end, type, uid))
            }
            if local {
                diagnostics.append(
                    ICalDiagnostic(
                        line: line.line, severity: .warning, message: "FREEBUSY times must be UTC; read as UTC"))
            }
        }
    }
}
