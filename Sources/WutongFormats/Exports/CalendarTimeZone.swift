public import Foundation
public import ICalendar

/// A VTIMEZONE for an IANA zone, written from the system's zone data: one observance per UTC
/// offset change between `from` and `to` (as RDATE-free single onsets), or a single STANDARD
/// observance for a zone without changes (Asia/Shanghai since 1991).
public enum CalendarTimeZone {
    public static func component(for identifier: String, from: Date, to: Date) -> Component? {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        var observances: [Component] = []
        var offset = zone.secondsFromGMT(for: from)
        var cursor = from
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change < to {
            let newOffset = zone.secondsFromGMT(for: change)
            let isDaylight = zone.isDaylightSavingTime(for: change)
            let onset = Int(change.timeIntervalSince1970) + offset
            observances.append(
                observance(
                    isDaylight ? "DAYLIGHT" : "STANDARD", onset: onset, from: offset, to: newOffset,
                    name: zone.abbreviation(for: change)))
            offset = newOffset
            cursor = change
        }
        if observances.isEmpty {
            observances.append(
                observance("STANDARD", onset: 0, from: offset, to: offset, name: zone.abbreviation(for: from)))
        }
        return Component(
            name: "VTIMEZONE", properties: [ContentLine(name: "TZID", value: identifier)], components: observances)
    }

    private static func observance(_ kind: String, onset: Int, from: Int, to: Int, name: String?) -> Component {
        var properties = [
            ContentLine(name: "DTSTART", value: ICalDateTime(wallSeconds: onset, zone: .floating).basic),
            ContentLine(name: "TZOFFSETFROM", value: UTCOffset.format(from)),
            ContentLine(name: "TZOFFSETTO", value: UTCOffset.format(to)),
        ]
        // "GMT+8" is Foundation's stand-in where a zone has no abbreviation: not worth a TZNAME.
        if let name, !name.hasPrefix("GMT") {
            properties.append(ContentLine(name: "TZNAME", value: TextValue.escape(name)))
        }
        return Component(name: kind, properties: properties)
    }
}
