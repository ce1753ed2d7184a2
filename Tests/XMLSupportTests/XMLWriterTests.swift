import Testing

@testable import XMLSupport

@Suite struct XMLWriterTests {
    @Test func escapesAndRoundTripsThroughTheReader() throws {
        let writer = XMLWriter()
        writer.startElement("root", namespace: "urn:w")
        writer.attribute("q", "a \"quoted\" & <angled> 'single'\nnew line\ttab")
        writer.element("child", attributes: ["name": "湖南路 & 汾阳路", "skip": nil], text: "x < y && z > w ]]>")
        writer.element("control", text: "bell\u{7}here\u{FFFE}")
        writer.comment("a -- b")
        writer.endElement()
        let bytes = writer.finish()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        let result = XMLReader().read(bytes: bytes, fileName: "w.xml")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.namespaceURI == "urn:w")
        #expect(root[attribute: "q"] == "a \"quoted\" & <angled> 'single'\nnew line\ttab")
        let child = try #require(root.child(named: "child"))
        #expect(child[attribute: "name"] == "湖南路 & 汾阳路")
        #expect(child.attribute("skip") == nil)
        #expect(child.text == "x < y && z > w ]]>")
        #expect(root.child(named: "control")?.text == "bell\u{FFFD}here\u{FFFD}")
    }
}
