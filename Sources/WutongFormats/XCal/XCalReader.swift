import Foundation
public import ICalendar
public import XMLSupport

/// What reading an xCal file produced: its calendars when it could be read, and every problem
/// found, with line and column.
public struct XCalReadResult: Sendable {
    public var calendars: [Component]
    public var diagnostics: [XMLDiagnostic]

    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}

/// Reads xCal (RFC 6321) into the same components `CalendarParser` gives for the iCalendar
/// text: values back in their basic forms, TEXT escaped, a VALUE parameter wherever the value's
/// type is not the property's default. Elements of other namespaces are skipped with a warning
/// (RFC 6321 §5 lets extensions use them); anything else that is not xCal is an error.
public enum XCalReader {
    public static func read(contentsOf path: String, displayName: String? = nil) -> XCalReadResult {
        let xml = XMLReader().read(contentsOf: path, displayName: displayName ?? path)
        return convert(xml, fileName: displayName ?? path)
    }

    public static func read(bytes: [UInt8], fileName: String) -> XCalReadResult {
        convert(XMLReader().read(bytes: bytes, fileName: fileName), fileName: fileName)
    }

    private static func convert(_ xml: XMLReadResult, fileName: String) -> XCalReadResult {
        guard let root = xml.root, !xml.hasErrors else {
            return XCalReadResult(calendars: [], diagnostics: xml.diagnostics)
        }
        var converter = XCalConverter(fileName: fileName)
        let calendars = converter.calendars(in: root)
        let diagnostics = xml.diagnostics + converter.diagnostics
        let failed = diagnostics.contains { $0.severity == .error }
        return XCalReadResult(calendars: failed ? [] : calendars, diagnostics: diagnostics)
    }
}

/// One conversion: walks the element tree, collecting diagnostics rather than stopping at the
/// first, so a user sees every problem of the file at once.
private struct XCalConverter {
    let fileName: String
    var diagnostics: [XMLDiagnostic] = []

    init(fileName: String) {
        self.fileName = fileName
    }

    mutating func calendars(in root: XMLElement) -> [Component] {
        guard isXCal(root), root.name == "icalendar" else {
            report(root, "the root element is <\(root.name)>, not xCal's <icalendar> in \(XCalWriter.namespace)")
            return []
        }
        var calendars: [Component] = []
        for child in ours(root.children) {
            if let calendar = component(child) { calendars.append(calendar) }
        }
        if calendars.isEmpty && diagnostics.isEmpty { report(root, "no calendar: <icalendar> holds no <vcalendar>") }
        return calendars
    }

    private mutating func component(_ element: XMLElement) -> Component? {
        var result = Component(name: element.name.uppercased(), line: element.position.line)
        for part in ours(element.children) {
            switch part.name {
            case "properties":
                for child in ours(part.children) {
                    if let property = property(child) { result.properties.append(property) }
                }
            case "components":
                for child in ours(part.children) {
                    if let component = component(child) { result.components.append(component) }
                }
            default:
                report(part, "<\(element.name)> holds <\(part.name)>; a component holds <properties> and <components>")
            }
        }
        return result
    }

    private mutating func property(_ element: XMLElement) -> ContentLine? {
        let name = element.name.uppercased()
        var parameters: [Parameter] = []
        var values: [XMLElement] = []
        for child in ours(element.children) {
            if child.name == "parameters" {
                for parameter in ours(child.children) {
                    let items = ours(parameter.children).map { item in
                        item.name == "boolean" ? item.text.uppercased() : item.text
                    }
                    guard !items.isEmpty else {
                        report(parameter, "the parameter <\(parameter.name)> has no value")
                        continue
                    }
                    parameters.append(Parameter(parameter.name.uppercased(), items))
                }
            } else {
                values.append(child)
            }
        }
        guard let value = value(of: name, from: values, in: element) else { return nil }
        if let type = value.type {
            let expected = XCalValueType.defaultType(ofProperty: name)
            if (type != expected && type != .unknown) || XCalValueType.valueParameterRequired.contains(name) {
                parameters.insert(Parameter("VALUE", [type.iCalendarName]), at: 0)
            }
        }
        return ContentLine(name: name, parameters: parameters, value: value.text, line: element.position.line)
    }

    /// The value in iCalendar form, and its type (nil for the structured GEO and REQUEST-STATUS).
    private mutating func value(of name: String, from elements: [XMLElement], in property: XMLElement)
        -> (text: String, type: XCalValueType?)?
    {
        guard let first = elements.first else {
            report(property, "the property <\(property.name)> has no value")
            return nil
        }
        if name == "GEO" {
            guard let latitude = elements.first(where: { $0.name == "latitude" }),
                let longitude = elements.first(where: { $0.name == "longitude" }),
                Double(latitude.text) != nil, Double(longitude.text) != nil
            else {
                report(property, "<geo> needs a numeric <latitude> and <longitude>")
                return nil
            }
            return (latitude.text + ";" + longitude.text, nil)
        }
        if name == "REQUEST-STATUS" {
            guard let code = elements.first(where: { $0.name == "code" }),
                let description = elements.first(where: { $0.name == "description" })
            else {
                report(property, "<request-status> needs <code> and <description>")
                return nil
            }
            var text = code.text + ";" + TextValue.escape(description.text)
            if let data = elements.first(where: { $0.name == "data" }) { text += ";" + TextValue.escape(data.text) }
            return (text, nil)
        }
        guard let type = XCalValueType(rawValue: first.name) else {
            report(first, "<\(first.name)> is not an xCal value type")
            return nil
        }
        var items: [String] = []
        for element in elements {
            guard element.name == first.name else {
                report(element, "<\(property.name)> mixes <\(first.name)> and <\(element.name)> values")
                return nil
            }
            guard let item = iCalendarForm(of: element, type: type) else { return nil }
            items.append(item)
        }
        if items.count > 1 && !XCalValueType.listProperties.contains(name) && !name.hasPrefix("X-") {
            report(elements[1], "<\(property.name)> takes one value, not \(items.count)")
            return nil
        }
        return (items.joined(separator: ","), type)
    }

    private mutating func iCalendarForm(of element: XMLElement, type: XCalValueType) -> String? {
        let text = element.text
        let converted: String?
        switch type {
        case .text: converted = TextValue.escape(text)
        case .date: converted = XCalValueForm.basicDate(text)
        case .dateTime: converted = XCalValueForm.basicDateTime(text)
        case .time: converted = XCalValueForm.basicTime(text)
        case .utcOffset: converted = XCalValueForm.basicOffset(text)
        case .duration: converted = XCalValueForm.isDuration(text) ? text : nil
        case .boolean:
            converted =
                ["true", "false", "1", "0"].contains(text) ? (text == "true" || text == "1" ? "TRUE" : "FALSE") : nil
        case .period: converted = period(element)
        case .recur: converted = recurrence(element)
        case .binary, .float, .integer, .uri, .calAddress, .unknown: converted = text
        }
        if converted == nil { report(element, "\"\(text)\" is not a valid \(type.rawValue) value") }
        return converted
    }

    private mutating func period(_ element: XMLElement) -> String? {
        let parts = ours(element.children)
        guard let start = parts.first(where: { $0.name == "start" }).flatMap({ XCalValueForm.basicDateTime($0.text) })
        else { return nil }
        if let end = parts.first(where: { $0.name == "end" }) {
            return XCalValueForm.basicDateTime(end.text).map { start + "/" + $0 }
        }
        if let duration = parts.first(where: { $0.name == "duration" }), XCalValueForm.isDuration(duration.text) {
            return start + "/" + duration.text
        }
        return nil
    }

    private mutating func recurrence(_ element: XMLElement) -> String? {
        var values: [String: [String]] = [:]
        for part in ours(element.children) {
            let key = part.name.uppercased()
            guard XCalRegistry.recurrenceParts.contains(key) else {
                report(part, "<\(part.name)> is not a part of a recurrence rule")
                return nil
            }
            var value = part.text.trimmingCharacters(in: .whitespaces)
            if key == "UNTIL" {
                guard let until = XCalValueForm.basicDate(value) ?? XCalValueForm.basicDateTime(value) else {
                    report(part, "<until> \"\(value)\" is neither a date nor a date-time")
                    return nil
                }
                value = until
            }
            values[key, default: []].append(value)
        }
        guard values["FREQ"] != nil else {
            report(element, "<recur> has no <freq>")
            return nil
        }
        return XCalRegistry.recurrenceParts.compactMap { key in
            values[key].map { key + "=" + $0.joined(separator: ",") }
        }.joined(separator: ";")
    }

    /// The children in the xCal namespace; the others are skipped with a warning.
    private mutating func ours(_ elements: [XMLElement]) -> [XMLElement] {
        var result: [XMLElement] = []
        for element in elements {
            if isXCal(element) {
                result.append(element)
            } else {
                report(
                    element, "<\(element.name)> of namespace \(element.namespaceURI ?? "none") is not xCal; skipped",
                    severity: .warning)
            }
        }
        return result
    }

    private func isXCal(_ element: XMLElement) -> Bool {
        element.namespaceURI == XCalWriter.namespace
    }

    private mutating func report(
        _ element: XMLElement, _ message: String, severity: XMLDiagnostic.Severity = .error
    ) {
        diagnostics.append(
            XMLDiagnostic(
                file: fileName, line: element.position.line, column: element.position.column, severity: severity,
                message: message))
    }
}
