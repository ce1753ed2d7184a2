/// A point in time as a calendar gives it: a DATE, a floating wall-clock time, a UTC time, or a
/// wall-clock time in a zone.
public struct OccurrenceTime: Sendable {
    public enum Form: Sendable {
        case date
        case floating
        case utc
        case zoned(ZoneRules)
    }

    /// Wall-clock seconds since 1970-01-01 in the time's own form (UTC for `.utc`).
    public var wall: Int
    public var form: Form

    public init(wall: Int, form: Form) {
        self.wall = wall
        self.form = form
    }

    init(_ time: ICalTime, zone: ZoneRules?) {
        wall = time.wallSeconds
        switch time {
        case .date: form = .date
        case .dateTime(let dateTime):
            switch dateTime.zone {
            case .floating: form = .floating
            case .utc: form = .utc
            case .named: form = zone.map { .zoned($0) } ?? .floating
            }
        }
    }

    /// The instant (seconds since 1970 UTC); DATE and floating times are read in `floatingZone`.
    public func instant(floatingZone: ZoneRules) -> Int {
        switch form {
        case .date, .floating: floatingZone.instant(ofWall: wall)
        case .utc: wall
        case .zoned(let zone): zone.instant(ofWall: wall)
        }
    }

    public func adding(seconds: Int) -> OccurrenceTime {
        OccurrenceTime(wall: wall + seconds, form: form)
    }

    /// `YYYY-MM-DD` for a DATE, `YYYY-MM-DDTHH:MM:SS` floating, RFC 3339 with the zone's offset
    /// at that instant, or `…Z` for UTC.
    public var rfc3339: String {
        switch form {
        case .date: return ICalDate(dayNumber: CivilTime.floorDivide(wall, 86_400)).description
        case .floating: return ICalDateTime(wallSeconds: wall, zone: .floating).extended
        case .utc: return ICalDateTime(wallSeconds: wall, zone: .utc).extended + "Z"
        case .zoned(let zone):
            return ICalDateTime(wallSeconds: wall, zone: .floating).extended
                + Self.offsetText(zone.offset(atInstant: zone.instant(ofWall: wall)))
        }
    }

    /// An instant written in RFC 3339 with the offset `zone` has then.
    public static func rfc3339(instant: Int, in zone: ZoneRules) -> String {
        let offset = zone.offset(atInstant: instant)
        return ICalDateTime(wallSeconds: instant + offset, zone: .floating).extended + offsetText(offset)
    }

    /// `+08:00`.
    static func offsetText(_ offset: Int) -> String {
        var bytes: [UInt8] = [offset < 0 ? 0x2D : 0x2B]
        let value = abs(offset)
        appendDigits(&bytes, value / 3600, 2)
        bytes.append(0x3A)
        appendDigits(&bytes, value / 60 % 60, 2)
        return String(decoding: bytes, as: UTF8.self)
    }
}
