internal import CLibXML2

/// A streaming XML writer over libxml2's xmlTextWriter: elements go out as they are written,
/// escaping is libxml2's, and characters XML 1.0 cannot carry are replaced by U+FFFD so the
/// output is always well-formed.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var finished = false

    public init(indent: Bool = true) {
        LibXML2.initializeOnce()
        guard let buffer = xmlBufferCreate(), let writer = xmlNewTextWriterMemory(buffer, 0) else {
            fatalError("libxml2 could not allocate a writer (out of memory)")
        }
        self.buffer = buffer
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            _ = "  ".withCString { xmlTextWriterSetIndentString(writer, $0) }
        }
        "UTF-8".withCString { check(xmlTextWriterStartDocument(writer, nil, $0, nil)) }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    public func startElement(_ name: String, namespace: String? = nil) {
        if let namespace {
            name.withCString { n in
                namespace.withCString { ns in check(xmlTextWriterStartElementNS(writer, nil, n, ns)) }
            }
        } else {
            name.withCString { check(xmlTextWriterStartElement(writer, $0)) }
        }
    }

    public func attribute(_ name: String, _ value: String) {
        name.withCString { n in
            Self.xmlSafe(value).withCString { v in check(xmlTextWriterWriteAttribute(writer, n, v)) }
        }
    }

    public func text(_ value: String) {
        Self.xmlSafe(value).withCString { check(xmlTextWriterWriteString(writer, $0)) }
    }

    public func comment(_ value: String) {
        // "--" may not appear inside a comment.
        let safe = Self.xmlSafe(value).split(separator: "--", omittingEmptySubsequences: false).joined(separator: "- -")
        safe.withCString { check(xmlTextWriterWriteComment(writer, $0)) }
    }

    public func endElement() {
        check(xmlTextWriterEndElement(writer))
    }

    /// An element with attributes and optional text, closed at once.
    public func element(_ name: String, attributes: KeyValuePairs<String, String?> = [:], text: String? = nil) {
        startElement(name)
        for (key, value) in attributes {
            if let value { attribute(key, value) }
        }
        if let text { self.text(text) }
        endElement()
    }

    /// Ends the document and returns its UTF-8 bytes.
    public func finish() -> [UInt8] {
        if !finished {
            check(xmlTextWriterEndDocument(writer))
            finished = true
        }
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    private func check(_ status: Int32) {
        // The writer targets memory, so a failure can only be exhaustion or a misuse of the API.
        precondition(status >= 0, "xmlTextWriter failed (out of memory or unbalanced elements)")
    }

    /// Replaces characters that XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF).
    static func xmlSafe(_ value: String) -> String {
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
            default: false
            }
        }
        guard !value.unicodeScalars.allSatisfy(allowed) else { return value }
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            result.append(allowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(result)
    }
}
