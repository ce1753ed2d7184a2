import WutongModel
import XMLSupport

/// The one message for a file whose root element, namespace or version is not the expected one
/// (the schema's own messages would be noise then).
struct RootCheck {
    var element: String
    var namespace: String
    var version: String
    var what: String

    func problem(_ root: XMLElement, fileName: String) -> Diagnostic? {
        let location = SourceLocation(file: fileName, line: root.position.line, column: root.position.column)
        let expected = "a Wutong \(what) starts with <\(element) xmlns=\"\(namespace)\" version=\"\(version)\" …>"
        guard root.name == element else {
            return Diagnostic(.error, at: location, "the root element is <\(root.name)>; \(expected)")
        }
        guard root.namespaceURI == namespace else {
            let found = root.namespaceURI.map { "namespace '\($0)'" } ?? "no namespace"
            return Diagnostic(.error, at: location, "<\(element)> has \(found); \(expected)")
        }
        if let attribute = root.attribute("version"), attribute.value.trimmingSpaces != version {
            let at = SourceLocation(file: fileName, line: attribute.position.line, column: attribute.position.column)
            return Diagnostic(
                .error, at: at,
                "\(what) version '\(attribute.value)' is not one this wutong reads (it reads version \(version)); "
                    + "upgrade wutong or convert the file")
        }
        return nil
    }
}
