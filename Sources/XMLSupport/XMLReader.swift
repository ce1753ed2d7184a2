internal import CLibXML2
import Foundation

/// What reading one XML file produced: the tree when the file is well-formed, and every
/// diagnostic found (well-formedness, then schema validity).
public struct XMLReadResult: Sendable {
    public var root: XMLElement?
    public var diagnostics: [XMLDiagnostic]

    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}

/// Reads XML safely by construction: no network, no DTD (so no entities, external or nested),
/// libxml2's default size and depth limits, a size cap checked before a byte is read, and every
/// error captured per parse with its line and column.
public struct XMLReader: Sendable {
    public static let defaultMaximumBytes = 32 * 1024 * 1024

    public var maximumBytes: Int
    public var maximumDiagnostics: Int

    public init(maximumBytes: Int = XMLReader.defaultMaximumBytes, maximumDiagnostics: Int = 200) {
        self.maximumBytes = maximumBytes
        self.maximumDiagnostics = maximumDiagnostics
    }

    /// Reads the file at `path`, reporting it as `displayName` (the path as the user gave it).
    public func read(contentsOf path: String, displayName: String? = nil, schema: XMLSchema? = nil) -> XMLReadResult {
        let name = displayName ?? path
        switch XMLFileLoader.load(path: path, maximumBytes: maximumBytes) {
        case .success(let bytes):
            return read(bytes: bytes, fileName: name, schema: schema)
        case .failure(let problem):
            return XMLReadResult(
                root: nil, diagnostics: [XMLDiagnostic(file: name, line: 1, column: 1, message: problem.message)])
        }
    }

    public func read(bytes: [UInt8], fileName: String, schema: XMLSchema? = nil) -> XMLReadResult {
        if let problem = XMLPreflight.check(bytes, fileName: fileName, maximumBytes: maximumBytes) {
            return XMLReadResult(root: nil, diagnostics: [problem])
        }
        LibXML2.initializeOnce()
        let builder = XMLTreeBuilder(
            fileName: fileName, map: XMLSourceMap(bytes: bytes), maximumDiagnostics: maximumDiagnostics)
        withExtendedLifetime(builder) {
            parse(bytes, into: builder, schema: schema)
        }
        let wellFormed = !builder.diagnostics.contains { $0.severity == .error } || builder.root != nil
        return XMLReadResult(root: wellFormed ? builder.root : nil, diagnostics: builder.diagnostics)
    }

    private func parse(_ bytes: [UInt8], into builder: XMLTreeBuilder, schema: XMLSchema?) {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = saxStartElement
        handler.endElementNs = saxEndElement
        handler.characters = saxCharacters
        handler.cdataBlock = saxCharacters
        handler.internalSubset = saxInternalSubset
        handler.serror = saxParserError

        let builderPointer = Unmanaged.passUnretained(builder).toOpaque()
        guard let parser = xmlCreatePushParserCtxt(&handler, builderPointer, nil, 0, fileName: builder.fileName)
        else {
            builder.report(at: 0, .error, "out of memory")
            return
        }
        defer { xmlFreeParserCtxt(parser) }
        parser.pointee._private = builderPointer
        builder.parser = parser
        defer { builder.parser = nil }
        // Deliberately absent: XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD,
        // XML_PARSE_DTDATTR, XML_PARSE_DTDVALID and XML_PARSE_HUGE.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        xmlCtxtUseOptions(parser, options)

        var validation: xmlSchemaValidCtxtPtr?
        var plug: xmlSchemaSAXPlugPtr?
        if let schema {
            validation = xmlSchemaNewValidCtxt(schema.pointer)
            if let validation {
                xmlSchemaSetValidStructuredErrors(validation, saxSchemaError, builderPointer)
                plug = withUnsafeMutablePointer(to: &parser.pointee.sax) { sax in
                    withUnsafeMutablePointer(to: &parser.pointee.userData) { userData in
                        xmlSchemaSAXPlug(validation, sax, userData)
                    }
                }
                // The plug's own SAX table does not carry `serror` over; without it well-formedness
                // errors would bypass the per-parse handler.
                parser.pointee.sax?.pointee.serror = saxParserError
            }
        }
        defer {
            if let plug { xmlSchemaSAXUnplug(plug) }
            if let validation { xmlSchemaFreeValidCtxt(validation) }
        }

        // Feed in chunks, as a stream would arrive; positions are tracked in absolute offsets.
        let chunkSize = 1 << 18
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var offset = 0
                repeat {
                    let count = min(chunkSize, chars.count - offset)
                    let last = offset + count >= chars.count
                    let status = xmlParseChunk(
                        parser, chars.baseAddress.map { $0 + offset }, Int32(count), last ? 1 : 0)
                    offset += count
                    if status != 0 || builder.stopped || last { break }
                } while true
            }
        }
        if builder.root == nil, !builder.diagnostics.contains(where: { $0.severity == .error }) {
            builder.report(at: bytes.count, .error, "the document has no root element")
        }
    }
}

private func xmlCreatePushParserCtxt(
    _ handler: UnsafeMutablePointer<xmlSAXHandler>, _ user: UnsafeMutableRawPointer, _ chunk: UnsafePointer<CChar>?,
    _ size: Int32, fileName: String
) -> xmlParserCtxtPtr? {
    fileName.withCString { name in
        CLibXML2.xmlCreatePushParserCtxt(handler, user, chunk, size, name)
    }
}

// MARK: - SAX callbacks (C function pointers; the builder travels as user data)

private func builder(_ context: UnsafeMutableRawPointer?) -> XMLTreeBuilder? {
    context.map { Unmanaged<XMLTreeBuilder>.fromOpaque($0).takeUnretainedValue() }
}

private let saxStartElement: startElementNsSAX2Func = {
    context, localName, _, uri, _, _, attributeCount, _, attributes in
    guard let builder = builder(context), let localName else { return }
    builder.startElement(
        localName: String(cString: localName), namespaceURI: LibXML2.string(uri),
        attributeCount: Int(attributeCount), attributes: attributes)
}

private let saxEndElement: endElementNsSAX2Func = { context, _, _, _ in
    builder(context)?.endElement()
}

private let saxCharacters: charactersSAXFunc = { context, bytes, count in
    guard let bytes else { return }
    builder(context)?.characters(bytes, count: Int(count))
}

private let saxInternalSubset: internalSubsetSAXFunc = { context, _, _, _ in
    builder(context)?.refuseDoctype()
}

/// Parser errors come with the parser context; its `_private` holds the builder (the user-data
/// argument may be the schema plug's own when validation is plugged in).
private let saxParserError: xmlStructuredErrorFunc = { _, error in
    guard let error, let parser = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self),
        let builder = builder(parser.pointee._private)
    else { return }
    builder.parserError(error)
}

private let saxSchemaError: xmlStructuredErrorFunc = { context, error in
    guard let error, let builder = builder(context) else { return }
    builder.schemaError(error)
}
