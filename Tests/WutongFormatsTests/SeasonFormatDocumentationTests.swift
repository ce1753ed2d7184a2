import Foundation
import Testing
import WutongFormats
import WutongTestSupport
import XMLSupport

/// Docs/season-format.md is checked against the XSD: every element has a section and every
/// attribute the schema allows on it is named in that section.
@Suite struct SeasonFormatDocumentationTests {
    static let schemaNamespace = "http://www.w3.org/2001/XMLSchema"

    /// Element name → attribute names, read from an XSD with our own reader.
    static func attributesByElement(_ xsd: String = SeasonSchema.xsd) throws -> [String: Set<String>] {
        let root = try #require(XMLReader().read(bytes: Array(xsd.utf8), fileName: "xsd").root)
        var namedTypes: [String: XMLElement] = [:]
        for child in root.children where child.name == "complexType" {
            if let name = child[attribute: "name"] { namedTypes[name] = child }
        }
        func attributes(of node: XMLElement) -> Set<String> {
            var result = Set<String>()
            for child in node.children {
                switch child.name {
                case "attribute": if let name = child[attribute: "name"] { result.insert(name) }
                case "element": continue
                case "extension":
                    if let base = child[attribute: "base"], let type = namedTypes[base] {
                        result.formUnion(attributes(of: type))
                    }
                    result.formUnion(attributes(of: child))
                default: result.formUnion(attributes(of: child))
                }
            }
            return result
        }
        var result: [String: Set<String>] = [:]
        func visit(_ node: XMLElement) {
            for child in node.children {
                if child.name == "element", let name = child[attribute: "name"] {
                    var found = attributes(of: child)
                    if let type = child[attribute: "type"], let named = namedTypes[type] {
                        found.formUnion(attributes(of: named))
                    }
                    result[name, default: []].formUnion(found)
                }
                visit(child)
            }
        }
        visit(root)
        return result
    }

    @Test(arguments: [
        ("Docs/season-format.md", SeasonSchema.xsd, 30), ("Docs/schedule-format.md", ScheduleSchema.xsd, 6),
        ("Docs/scenario-format.md", ScenarioSchema.xsd, 17),
    ])
    func everyElementAndAttributeIsDocumented(path: String, xsd: String, minimumElements: Int) throws {
        let doc = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let sections = doc.components(separatedBy: "\n### ")
        let elements = try Self.attributesByElement(xsd)
        #expect(elements.count >= minimumElements)
        for (element, attributes) in elements.sorted(by: { $0.key < $1.key }) {
            let section = sections.first { $0.split(separator: "\n").first?.contains("`<\(element)>`") == true }
            #expect(section != nil, "no section for <\(element)>")
            guard let section else { continue }
            for attribute in attributes.sorted() {
                let described =
                    section.contains("`\(attribute)`")
                    || (Self.periodAttributes.contains(attribute) && section.contains("period"))
                    || (Self.windowAttributes.contains(attribute) && section.contains("`days`, `from`, `to`"))
                #expect(described, "<\(element)> attribute '\(attribute)' is not described")
            }
        }
    }

    static let periodAttributes: Set<String> = ["from", "to", "reason"]
    static let windowAttributes: Set<String> = ["days", "from", "to"]

    @Test func theDocumentedExampleIsValid() throws {
        let doc = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Docs/season-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```xml\n"))
        let end = try #require(doc[start.upperBound...].range(of: "```"))
        let example = String(doc[start.upperBound..<end.lowerBound])
        let result = SeasonLoader.load(bytes: Array(example.utf8), fileName: "example.xml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        #expect(result.season?.activities.count == 2)
    }
}
