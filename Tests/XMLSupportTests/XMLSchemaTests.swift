import Foundation
import Testing

@testable import XMLSupport

enum TestSchemas {
    static let numbers = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:numbers"
                   xmlns="urn:test:numbers" elementFormDefault="qualified">
          <xs:element name="numbers">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="n" type="xs:integer" minOccurs="0" maxOccurs="unbounded"/>
              </xs:sequence>
              <xs:attribute name="label" type="xs:string"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """
}

@Suite struct XMLSchemaTests {
    @Test func reportsEveryViolationWithPositionAndNoNamespaceNoise() throws {
        let schema = try XMLSchema(xsd: TestSchemas.numbers, name: "n.xsd")
        let text = "<numbers xmlns=\"urn:test:numbers\">\n  <n>1</n>\n  <n>two</n>\n  <m/>\n  <n>3.5</n>\n</numbers>\n"
        let result = XMLReader().read(bytes: Array(text.utf8), fileName: "n.xml", schema: schema)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count >= 2)
        #expect(errors[0].line == 3)
        #expect(errors[0].message.contains("'two'"))
        #expect(!errors[0].message.contains("{urn:test:numbers}"))
        #expect(errors.contains { $0.line == 4 && $0.column == 3 && $0.message.contains("'m'") })
    }

    @Test func brokenSchemaIsReported() {
        #expect(throws: XMLSchemaError.self) {
            try XMLSchema(
                xsd: "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element/></xs:schema>",
                name: "bad.xsd")
        }
    }

    /// Two documents validated at once must each get exactly their own messages.
    @Test func concurrentValidationsDoNotMixMessages() async throws {
        let schema = try XMLSchema(xsd: TestSchemas.numbers, name: "n.xsd")
        func document(_ word: String, count: Int) -> [UInt8] {
            var text = "<numbers xmlns=\"urn:test:numbers\">\n"
            for _ in 0..<count { text += "<n>\(word)</n>\n" }
            return Array((text + "</numbers>\n").utf8)
        }
        let alpha = document("alpha", count: 150)
        let beta = document("beta", count: 150)
        try await withThrowingTaskGroup(of: (String, [XMLDiagnostic]).self) { group in
            for round in 0..<16 {
                let (name, bytes) = round.isMultiple(of: 2) ? ("alpha.xml", alpha) : ("beta.xml", beta)
                group.addTask {
                    (name, XMLReader().read(bytes: bytes, fileName: name, schema: schema).diagnostics)
                }
            }
            for try await (name, diagnostics) in group {
                let word = name == "alpha.xml" ? "alpha" : "beta"
                let other = word == "alpha" ? "beta" : "alpha"
                #expect(diagnostics.count == 150)
                #expect(
                    diagnostics.allSatisfy {
                        $0.file == name && $0.message.contains(word) && !$0.message.contains(other)
                    })
            }
        }
    }
}

@Suite struct XMLSchemaPlugTests {
    /// Well-formedness errors must still reach the per-parse handler when validation is plugged
    /// into the SAX stream (libxml2's plug does not carry the handler over by itself).
    @Test func wellFormednessErrorsSurviveValidation() throws {
        let schema = try XMLSchema(xsd: TestSchemas.numbers, name: "n.xsd")
        let text = "<numbers xmlns=\"urn:test:numbers\">\n  <n>1</n>\n  <n>&bogus;</n>\n</numbers>\n"
        let result = XMLReader().read(bytes: Array(text.utf8), fileName: "n.xml", schema: schema)
        #expect(result.diagnostics.contains { $0.line == 3 && $0.message.contains("bogus") })
    }

    @Test func attributeErrorsPointAtTheAttribute() throws {
        let schema = try XMLSchema(xsd: TestSchemas.numbers, name: "n.xsd")
        let text = "<numbers xmlns=\"urn:test:numbers\"\n         colour=\"red\">\n</numbers>\n"
        let result = XMLReader().read(bytes: Array(text.utf8), fileName: "n.xml", schema: schema)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.line == 2 && diagnostic.column == 10)
    }
}
