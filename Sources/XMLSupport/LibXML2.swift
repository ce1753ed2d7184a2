internal import CLibXML2

/// Process-wide libxml2 set-up and small helpers shared by the reader, the schema and the writer.
enum LibXML2 {
    private static let initialized: Void = {
        // Must run once before libxml2 is used from several threads.
        xmlInitParser()
    }()

    static func initializeOnce() {
        _ = initialized
    }

    /// libxml2's message for `error`, trimmed of its trailing newline.
    static func message(of error: UnsafePointer<xmlError>) -> String {
        guard let raw = error.pointee.message else { return "unknown XML error" }
        var text = String(cString: raw)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
