import Foundation
public import WutongModel

/// RFC 3339 instants with a UTC offset (`2027-04-10T19:00:00+08:00`), converted to and from the
/// season's wall clock through its time zone.
public struct InstantFormat: Sendable {
    let timeZone: TimeZone

    public init?(timeZone identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        timeZone = zone
    }

    /// Seconds since 1970-01-01T00:00Z of a wall-clock time in the zone. In a gap (spring
    /// forward) the later offset applies, as calendar clients do.
    func epochSeconds(of local: LocalDateTime) -> Int {
        let wall = local.minuteNumber * 60
        let guess = wall - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall)))
        return wall - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
    }

    public func format(_ local: LocalDateTime) -> String {
        let seconds = epochSeconds(of: local)
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset) / 60
        return "\(local.date)T\(local.time):00\(sign)\(Self.two(magnitude / 60)):\(Self.two(magnitude % 60))"
    }

    /// The wall-clock time in this zone of an RFC 3339 instant (any offset, or `Z`).
    public func parse(_ text: String) -> LocalDateTime? {
        let characters = Array(text)
        guard characters.count >= 20, characters[10] == "T", characters[13] == ":", characters[16] == ":",
            let date = LocalDate(String(characters[0..<10])), let hours = Int(String(characters[11..<13])),
            let minutes = Int(String(characters[14..<16])), let secondsPart = Int(String(characters[17..<19])),
            hours < 24, minutes < 60, secondsPart < 60
        else { return nil }
        let zonePart = String(characters[19...])
        var offset = 0
        if zonePart != "Z" {
            let parts = zonePart.dropFirst().split(separator: ":")
            guard let sign = zonePart.first, sign == "+" || sign == "-", parts.count == 2, let h = Int(parts[0]),
                let m = Int(parts[1]), parts[0].count == 2, parts[1].count == 2
            else { return nil }
            offset = (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
        }
        let utc = date.dayNumber * 86_400 + hours * 3600 + minutes * 60 + secondsPart - offset
        let local = utc + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
        let dayNumber = Int((Double(local) / 86_400).rounded(.down))
        let minuteOfDay = (local - dayNumber * 86_400) / 60
        return LocalDateTime(date: LocalDate(dayNumber: dayNumber), time: TimeOfDay(minutes: minuteOfDay)!)
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
