extension CalendarEvents {
    /// Every occurrence of every event that starts before `windowEnd` (wall seconds: a time in
    /// any zone starts before it when its own wall clock does; keep a margin of a day when the
    /// window is in instants), with EXDATEs removed and RECURRENCE-ID overrides in place of the
    /// occurrences they replace, in no particular order.
    /// - Parameter floatingZone: where DATE and floating times are compared with UTC ones.
    public func occurrences(before windowEnd: Int, floatingZone: ZoneRules) throws(ICalError) -> [Occurrence] {
        var overrides: [String: [Event]] = [:]
        for event in events where event.recurrenceID != nil { overrides[event.uid, default: []].append(event) }
        var result: [Occurrence] = []
        func key(_ time: OccurrenceTime) -> Int { time.instant(floatingZone: floatingZone) }
        for master in events where master.recurrenceID == nil {
            var starts: [OccurrenceTime] = []
            if master.rules.isEmpty {
                starts = [master.startTime]
            } else {
                for rule in master.rules {
                    let walls: [Int]
                    do {
                        walls = try RecurrenceExpansion(rule: rule, start: master.startTime.wall).occurrences(
                            before: windowEnd, isAfterUntil: untilCheck(rule, start: master.startTime))
                    } catch {
                        throw ICalError(line: master.line, "the recurrence of \(master.uid): \(error)")
                    }
                    starts += walls.map { OccurrenceTime(wall: $0, form: master.startTime.form) }
                }
            }
            starts += master.rdates.filter { $0.wall < windowEnd }
            let replaced = overrides[master.uid] ?? []
            if master.exdates.isEmpty, replaced.isEmpty, master.rdates.isEmpty, master.rules.count <= 1 {
                // The common case: nothing to remove or merge.
                for start in starts { result.append(occurrence(of: master, at: start)) }
                continue
            }
            let excluded = Set(master.exdates.map(key))
            let replacedKeys = Set(replaced.compactMap { $0.recurrenceID.map(key) })
            var seen = Set<Int>()
            for start in starts {
                let instant = key(start)
                guard !excluded.contains(instant), !replacedKeys.contains(instant), seen.insert(instant).inserted else {
                    continue
                }
                result.append(occurrence(of: master, at: start))
            }
            for change in replaced where change.startTime.wall < windowEnd {
                result.append(occurrence(of: change, at: change.startTime))
            }
        }
        guard !overrides.isEmpty else { return result }
        // Overrides whose series is missing stand on their own.
        let masters = Set(events.filter { $0.recurrenceID == nil }.map(\.uid))
        for event in events where event.recurrenceID != nil && !masters.contains(event.uid) {
            if event.startTime.wall < windowEnd { result.append(occurrence(of: event, at: event.startTime)) }
        }
        return result
    }

    private func occurrence(of event: Event, at start: OccurrenceTime) -> Occurrence {
        let length = event.duration.days * 86_400 + event.duration.seconds
        return Occurrence(
            uid: event.uid, start: start, end: start.adding(seconds: length), status: event.status,
            transparent: event.transparent, summary: event.summary)
    }

    /// Whether a wall time of the series lies after the rule's UNTIL. A UTC UNTIL is compared as
    /// an instant when the series has a zone; a DATE UNTIL includes its whole day.
    private func untilCheck(_ rule: RecurrenceRule, start: OccurrenceTime) -> (Int) -> Bool {
        guard let until = rule.until else { return { _ in false } }
        switch until {
        case .date(let date):
            let last = date.dayNumber * 86_400 + 86_399
            return { $0 > last }
        case .dateTime(let dateTime):
            if dateTime.zone == .utc, case .zoned(let zone) = start.form {
                return { zone.instant(ofWall: $0) > dateTime.wallSeconds }
            }
            let last = dateTime.wallSeconds
            return { $0 > last }
        }
    }
}
