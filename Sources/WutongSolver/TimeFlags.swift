import WutongModel

/// The soft checks that depend only on an activity and its start slot (audience windows,
/// activity windows and forbidden periods, preferred times), computed once per season so a move
/// reads one byte instead of walking weekly windows.
enum TimeFlags {
    static let audienceWindow: UInt8 = 1
    static let activityWindow: UInt8 = 2
    static let preferredTimes: UInt8 = 4

    /// A weekly window with its days as a bit mask (Monday = bit 0), which tests without hashing.
    struct Window: Hashable {
        var days: UInt8
        var from: Int
        var to: Int

        init(_ window: WeeklyWindow) {
            days = Weekday.allCases.enumerated().reduce(0) { mask, entry in
                window.days.contains(entry.element) ? mask | (1 << entry.offset) : mask
            }
            from = window.from.minutes
            to = window.to.minutes
        }
    }

    /// Flags for every activity and slot; activities checked against the same windows share a
    /// row, computed once.
    static func rows<Stored>(problem: CompiledProblem<Stored>) -> SharedRows<UInt8> {
        let width = max(1, problem.slotCount)
        let checks = (0..<problem.activityCount).map { Checks(problem: problem, activity: $0) }
        return SharedRows(keys: checks, width: width) { checks in
            guard checks.canFail else { return [UInt8](repeating: 0, count: width) }
            return (0..<width).map { checks.flags(startMinute: problem.minute(ofSlot: $0)) }
        }
    }

    /// The windows one activity is checked against.
    struct Checks: Hashable {
        /// The windows of each of the activity's audience groups that has any.
        let audience: [[Window]]
        let own: [Window]
        let forbidden: [Range<Int>]
        let preferred: [Window]
        let duration: Int

        init<Stored>(problem: CompiledProblem<Stored>, activity: Int) {
            let model = problem.season.activities[activity]
            let audiences = problem.season.audiences
            audience = problem.audienceList[problem.audienceStart[activity]..<problem.audienceStart[activity + 1]]
                .map { audiences[$0].windows.map(Window.init) }.filter { !$0.isEmpty }
            own = model.windows.map(Window.init)
            forbidden = model.forbidden.map {
                $0.start.minuteNumber..<max($0.start.minuteNumber, $0.end.minuteNumber)
            }
            preferred = model.preferred.map(Window.init)
            duration = model.durationMinutes
        }

        var canFail: Bool {
            !audience.isEmpty || !own.isEmpty || !forbidden.isEmpty || !preferred.isEmpty
        }

        func flags(startMinute start: Int) -> UInt8 {
            let end = start + duration
            var flags: UInt8 = 0
            if audience.contains(where: { !TimeFlags.inside($0, from: start, to: end) }) { flags |= audienceWindow }
            if (!own.isEmpty && !TimeFlags.inside(own, from: start, to: end))
                || forbidden.contains(where: { $0.overlaps(start..<end) })
            {
                flags |= activityWindow
            }
            if !preferred.isEmpty, !TimeFlags.inside(preferred, from: start, to: end) { flags |= preferredTimes }
            return flags
        }
    }

    /// The same reading as `Windows.inside`: inside a window on the day the stretch starts.
    static func inside(_ windows: [Window], from start: Int, to end: Int) -> Bool {
        let dayNumber = start >= 0 ? start / 1440 : -((-start + 1439) / 1440)
        let weekday = ((dayNumber + 3) % 7 + 7) % 7
        let base = dayNumber * 1440
        return windows.contains { window in
            window.days & (1 << weekday) != 0 && base + window.from <= start && end <= base + window.to
        }
    }
}
