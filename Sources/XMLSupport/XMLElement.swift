/// Where something starts in a source file (1-based line and column in characters).
public struct XMLPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

public struct XMLAttribute: Sendable, Hashable {
    public var name: String
    public var namespaceURI: String?
    public var value: String
    /// The position of the attribute's name inside its start tag.
    public var position: XMLPosition
}

/// A read-only element tree with the source position of every element and attribute, built by
/// `XMLReader`. Deliberately small: our formats use elements, attributes and text only.
public struct XMLElement: Sendable, Hashable {
    public var name: String
    public var namespaceURI: String?
    public var attributes: [XMLAttribute]
    public var children: [XMLElement]
    /// The concatenated character data directly inside this element (CDATA included).
    public var text: String
    /// The position of the `<` that opens the element.
    public var position: XMLPosition

    public init(
        name: String, namespaceURI: String? = nil, attributes: [XMLAttribute] = [],
        children: [XMLElement] = [], text: String = "", position: XMLPosition = XMLPosition(line: 1, column: 1)
    ) {
        self.name = name
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.children = children
        self.text = text
        self.position = position
    }

    public func attribute(_ name: String) -> XMLAttribute? {
        attributes.first { $0.name == name && $0.namespaceURI == nil }
    }

    public subscript(attribute name: String) -> String? {
        attribute(name)?.value
    }

    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    public func child(named name: String) -> XMLElement? {
        children.first { $0.name == name }
    }
}
