internal import CLibXML2

/// A compiled W3C XML Schema. Compiled once and shared: libxml2 only reads a compiled schema
/// while validating, and each validation gets its own validation context.
public final class XMLSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    /// Compiles `xsd`. Errors name the schema by `name`, since it usually lives in memory.
    public init(xsd: String, name: String) throws(XMLSchemaError) {
        LibXML2.initializeOnce()
        let collector = DiagnosticCollector(file: name)
        let bytes = Array(xsd.utf8)
        // The parser context reads the buffer in place, so it must outlive xmlSchemaParse.
        let schema = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> xmlSchemaPtr? in
                guard let parserContext = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else {
                    return nil
                }
                defer { xmlSchemaFreeParserCtxt(parserContext) }
                return withExtendedLifetime(collector) {
                    xmlSchemaSetParserStructuredErrors(
                        parserContext, collectorErrorHandler, Unmanaged.passUnretained(collector).toOpaque())
                    return xmlSchemaParse(parserContext)
                }
            }
        }
        guard let schema else {
            var diagnostics = collector.diagnostics
            if diagnostics.isEmpty {
                diagnostics.append(
                    XMLDiagnostic(file: name, line: 1, column: 1, message: "the schema could not be compiled"))
            }
            throw XMLSchemaError(diagnostics: diagnostics)
        }
        pointer = schema
    }

    deinit {
        xmlSchemaFree(pointer)
    }

    /// Compiles a schema that ships inside the program: failing to compile is a programming error.
    public static func embedded(_ xsd: String, name: String) -> XMLSchema {
        do {
            return try XMLSchema(xsd: xsd, name: name)
        } catch {
            fatalError("the embedded schema \(name) does not compile: \(error.diagnostics.map(\.rendered))")
        }
    }
}

public struct XMLSchemaError: Error, Sendable {
    public var diagnostics: [XMLDiagnostic]
}

/// Gathers libxml2's structured errors for one operation, so that concurrent operations never
/// share error state.
final class DiagnosticCollector {
    let file: String
    var diagnostics: [XMLDiagnostic] = []

    init(file: String) {
        self.file = file
    }
}

private let collectorErrorHandler: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue()
    collector.diagnostics.append(
        XMLDiagnostic(
            file: collector.file, line: max(1, Int(error.pointee.line)), column: max(1, Int(error.pointee.int2)),
            severity: error.pointee.level == XML_ERR_WARNING ? .warning : .error,
            message: LibXML2.message(of: error)))
}
