public import ICalendar
import XMLSupport

/// Writes calendars as xCal (RFC 6321): each component an element named in lower case holding
/// `properties` and `components`, each property an element holding its `parameters` and its
/// value in an element named by the value's type, in the extended date forms. X- and
/// unregistered properties travel as `unknown` values, exactly as written (RFC 6321 §5), so
/// `XCalReader` gives back the same calendar.
public enum XCalWriter {
    public static let namespace = "urn:ietf:params:xml:ns:icalendar-2.0"

    /// What to write.
    public enum Content: Sendable {
        /// Every component, property and parameter: a lossless round trip.
        case everything
        /// Only what RFC 5545 registers for each component, so the file validates against the
        /// RFC 6321 RELAX NG schema, which has no room for extensions (X-WR-CALNAME, RFC 7986's
        /// NAME and REFRESH-INTERVAL, X- parameters).
        case registeredOnly
    }

    /// - Throws: `ICalError` with the line of a value that is not of its type (the calendar was
    ///   not read through our own parser, or was built by hand).
    public static func encode(_ calendars: [Component], content: Content = .everything) throws(ICalError) -> [UInt8] {
        let writer = XMLWriter()
        writer.startElement("icalendar", namespace: namespace)
        for calendar in calendars {
            try write(calendar, content: content, to: writer)
        }
        writer.endElement()
        return writer.finish()
    }

    private static func write(_ component: Component, content: Content, to writer: XMLWriter)
        throws(ICalError)
    {
        let allowed = content == .registeredOnly ? XCalRegistry.properties(of: component.name) : nil
        writer.startElement(component.name.lowercased())
        let properties = component.properties.filter { allowed?.contains($0.name) ?? true }
        if !properties.isEmpty || component.name == "VCALENDAR" || component.name == "VEVENT" {
            writer.startElement("properties")
            for property in properties {
                try write(property, content: content, to: writer)
            }
            writer.endElement()
        }
        let children = component.components.filter { child in
            content == .everything || XCalRegistry.allows(child: child.name, in: component.name)
        }
        if !children.isEmpty || component.name == "VCALENDAR" {
            writer.startElement("components")
            for child in children {
                try write(child, content: content, to: writer)
            }
            writer.endElement()
        }
        writer.endElement()
    }

    private static func write(_ property: ContentLine, content: Content, to writer: XMLWriter) throws(ICalError) {
        let declared = property.parameter("VALUE").flatMap(XCalValueType.init(iCalendarName:))
        let parameters = property.parameters.filter { parameter in
            if parameter.name == "VALUE" && declared != nil { return false }
            return content == .everything || XCalRegistry.parameters.contains(parameter.name)
        }
        writer.startElement(property.name.lowercased())
        if !parameters.isEmpty {
            writer.startElement("parameters")
            for parameter in parameters {
                let type = XCalValueType.type(ofParameter: parameter.name)
                writer.startElement(parameter.name.lowercased())
                for value in parameter.values {
                    writer.element(type.rawValue, text: type == .boolean ? value.lowercased() : value)
                }
                writer.endElement()
            }
            writer.endElement()
        }
        try writeValue(of: property, type: declared ?? XCalValueType.defaultType(ofProperty: property.name), to: writer)
        writer.endElement()
    }

    private static func writeValue(of property: ContentLine, type: XCalValueType, to writer: XMLWriter)
        throws(ICalError)
    {
        let value = property.value
        func bad(_ what: String) -> ICalError {
            ICalError(line: property.line, "\(property.name): \(what) in \"\(value)\"")
        }
        switch property.name {
        case "GEO" where type == .float:
            let parts = value.split(separator: ";", omittingEmptySubsequences: false)
            guard parts.count == 2, Double(parts[0]) != nil, Double(parts[1]) != nil else {
                throw bad("GEO is not latitude;longitude")
            }
            writer.element("latitude", text: String(parts[0]))
            writer.element("longitude", text: String(parts[1]))
            return
        case "REQUEST-STATUS" where type == .text:
            let parts = XCalValueForm.splitAtUnescapedSemicolons(value, maxParts: 3)
            guard parts.count >= 2, let description = TextValue.unescape(parts[1]) else {
                throw bad("REQUEST-STATUS is not code;description[;data]")
            }
            writer.element("code", text: parts[0])
            writer.element("description", text: description)
            if parts.count == 3 {
                guard let data = TextValue.unescape(parts[2]) else { throw bad("a broken escape") }
                writer.element("data", text: data)
            }
            return
        default:
            break
        }
        let items: [String]
        if XCalValueType.listProperties.contains(property.name) {
            items = type == .text ? TextValue.splitList(value) : value.split(separator: ",").map(String.init)
        } else {
            items = [value]
        }
        for item in items {
            switch type {
            case .text:
                guard let text = TextValue.unescape(item) else { throw bad("a broken escape") }
                writer.element("text", text: text)
            case .date:
                guard let date = XCalValueForm.extendedDate(item) else { throw bad("not a DATE") }
                writer.element("date", text: date)
            case .dateTime:
                // A bare YYYYMMDD on a date-time property is read as a DATE (as `ICalTime` does).
                guard let time = XCalValueForm.extendedDateOrDateTime(item) else { throw bad("not a DATE-TIME") }
                writer.element(time.type.rawValue, text: time.value)
            case .time:
                guard let time = XCalValueForm.extendedTime(item) else { throw bad("not a TIME") }
                writer.element("time", text: time)
            case .utcOffset:
                guard let offset = XCalValueForm.extendedOffset(item) else { throw bad("not a UTC-OFFSET") }
                writer.element("utc-offset", text: offset)
            case .period:
                let ends = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard ends.count == 2, let start = XCalValueForm.extendedDateTime(ends[0]) else {
                    throw bad("not a PERIOD")
                }
                writer.startElement("period")
                writer.element("start", text: start)
                if let end = XCalValueForm.extendedDateTime(ends[1]) {
                    writer.element("end", text: end)
                } else if XCalValueForm.isDuration(ends[1]) {
                    writer.element("duration", text: ends[1])
                } else {
                    throw bad("not a PERIOD")
                }
                writer.endElement()
            case .duration:
                guard XCalValueForm.isDuration(item) else { throw bad("not a DURATION") }
                writer.element("duration", text: item)
            case .boolean:
                writer.element("boolean", text: item.lowercased())
            case .recur:
                try writeRecurrence(item, to: writer, bad: bad)
            case .binary, .float, .integer, .uri, .calAddress, .unknown:
                writer.element(type.rawValue, text: item)
            }
        }
    }

    private static func writeRecurrence(_ rule: String, to writer: XMLWriter, bad: (String) -> ICalError)
        throws(ICalError)
    {
        var parts: [String: String] = [:]
        for part in rule.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw bad("a rule part without '='") }
            let key = pair[0].uppercased()
            guard XCalRegistry.recurrenceParts.contains(key) else { throw bad("the rule part \(key) has no xCal form") }
            parts[key] = pair[1]
        }
        guard parts["FREQ"] != nil else { throw bad("a RRULE without FREQ") }
        writer.startElement("recur")
        for key in XCalRegistry.recurrenceParts {
            guard let value = parts[key] else { continue }
            let element = key.lowercased()
            switch key {
            case "UNTIL":
                guard let until = XCalValueForm.extendedDateOrDateTime(value) else { throw bad("UNTIL is not a date") }
                writer.element(element, text: until.value)
            case "FREQ", "COUNT", "INTERVAL", "WKST":
                writer.element(element, text: value)
            default:
                for item in value.split(separator: ",") { writer.element(element, text: String(item)) }
            }
        }
        writer.endElement()
    }
}
