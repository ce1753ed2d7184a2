internal import CLibXML2
import Foundation

/// The SAX2 receiver behind `XMLReader`: builds `XMLElement`s with source positions and
/// collects every diagnostic of one parse. One instance per parse; libxml2 reaches it through
/// the parser context's `_private` field or the callback's user data, never through globals.
final class XMLTreeBuilder {
    private struct OpenElement {
        var name: String
        var namespaceURI: String?
        var attributes: [XMLAttribute]
        var children: [XMLElement] = []
        var text: [UInt8] = []
        var position: XMLPosition
    }

    let fileName: String
    var map: XMLSourceMap
    let maximumDiagnostics: Int
    /// libxml2's own default limit; deeper documents are refused (and our tree stays shallow
    /// enough to be destroyed without deep recursion).
    static let maximumDepth = 256
    var parser: xmlParserCtxtPtr?
    private(set) var diagnostics: [XMLDiagnostic] = []
    private(set) var root: XMLElement?
    private var stack: [OpenElement] = []
    private var rootNamespace: String?
    private(set) var stopped = false

    init(fileName: String, map: XMLSourceMap, maximumDiagnostics: Int) {
        self.fileName = fileName
        self.map = map
        self.maximumDiagnostics = maximumDiagnostics
    }

    /// The byte offset in the original source where the parser currently is.
    var parserOffset: Int {
        guard let input = parser?.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else {
            return 0
        }
        return Int(input.pointee.consumed) + (cur - base)
    }

    // MARK: Events

    func startElement(
        localName: String, namespaceURI: String?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        let tagStart = map.tagStart(before: parserOffset) ?? 0
        guard stack.count < Self.maximumDepth else {
            report(
                at: tagStart, .error,
                "elements are nested more than \(Self.maximumDepth) levels deep; this cannot be a Wutong file")
            stop()
            return
        }
        // Resolve positions in increasing offset order: the source map counts on from the last one.
        let elementPosition = map.position(ofOffset: tagStart)
        let namePositions = map.attributeNameOffsets(inTagAt: tagStart)
        var parsed: [XMLAttribute] = []
        parsed.reserveCapacity(attributeCount)
        for index in 0..<attributeCount {
            guard let base = attributes?.advanced(by: index * 5), let local = base[0] else { continue }
            let name = String(cString: local)
            let prefix = LibXML2.string(base[1])
            let uri = LibXML2.string(base[2])
            var value = ""
            if let start = base[3], let end = base[4] {
                let raw = UnsafeBufferPointer(start: start, count: end - start)
                value = String(decoding: raw, as: UTF8.self)
                // Without entity substitution libxml2 hands over `&` as the reference `&#38;`.
                if raw.contains(UInt8(ascii: "&")) { value = value.replacingOccurrences(of: "&#38;", with: "&") }
            }
            let qualified = prefix.map { "\($0):\(name)" } ?? name
            let offset = namePositions.first { $0.name.elementsEqual(qualified.utf8) }?.offset ?? tagStart
            parsed.append(
                XMLAttribute(name: name, namespaceURI: uri, value: value, position: map.position(ofOffset: offset)))
        }
        if stack.isEmpty { rootNamespace = namespaceURI }
        stack.append(
            OpenElement(
                name: localName, namespaceURI: namespaceURI, attributes: parsed,
                position: elementPosition))
    }

    func endElement() {
        guard let open = stack.popLast() else { return }
        let element = XMLElement(
            name: open.name, namespaceURI: open.namespaceURI, attributes: open.attributes, children: open.children,
            text: String(decoding: open.text, as: UTF8.self), position: open.position)
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    func characters(_ bytes: UnsafePointer<xmlChar>, count: Int) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }

    func refuseDoctype() {
        let offset = map.tagStart(before: parserOffset) ?? 0
        report(
            at: offset, .error,
            "DOCTYPE declarations are not allowed: they can define entities that read other files or expand "
                + "without bound. Remove the <!DOCTYPE …> declaration.")
        stop()
    }

    // MARK: Diagnostics

    func parserError(_ error: UnsafePointer<xmlError>) {
        let level: XMLDiagnostic.Severity = error.pointee.level == XML_ERR_WARNING ? .warning : .error
        report(at: parserOffset, level, LibXML2.message(of: error))
    }

    func schemaError(_ error: UnsafePointer<xmlError>) {
        var message = LibXML2.message(of: error)
        if let rootNamespace { message = message.replacingOccurrences(of: "{\(rootNamespace)}", with: "") }
        let level: XMLDiagnostic.Severity = error.pointee.level == XML_ERR_WARNING ? .warning : .error
        var offset = map.tagStart(before: parserOffset) ?? parserOffset
        if let attribute = Self.attributeName(in: message),
            let found = map.attributeNameOffsets(inTagAt: offset).first(where: { $0.name.elementsEqual(attribute.utf8) }
            )
        {
            offset = found.offset
        }
        report(at: offset, level, message)
    }

    /// libxml2 names the attribute at fault as "…, attribute 'NAME': …".
    static func attributeName(in message: String) -> String? {
        guard let start = message.range(of: "attribute '") else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    func report(at offset: Int, _ severity: XMLDiagnostic.Severity, _ message: String) {
        guard !stopped else { return }
        let position = map.position(ofOffset: offset)
        let diagnostic = XMLDiagnostic(
            file: fileName, line: position.line, column: position.column, severity: severity, message: message)
        // libxml2 sometimes reports one problem twice (once per layer); say it once.
        if diagnostics.last == diagnostic { return }
        diagnostics.append(diagnostic)
        if diagnostics.count >= maximumDiagnostics {
            diagnostics.append(
                XMLDiagnostic(
                    file: fileName, line: position.line, column: position.column,
                    message: "too many errors (\(maximumDiagnostics)); stopped reading this file"))
            stop()
        }
    }

    func stop() {
        stopped = true
        if let parser { xmlStopParser(parser) }
    }
}
