import Foundation
import Testing

@testable import XMLSupport

private func read(_ text: String, schema: XMLSchema? = nil) -> XMLReadResult {
    XMLReader().read(bytes: Array(text.utf8), fileName: "t.xml", schema: schema)
}

@Suite struct XMLReaderTests {
    @Test func buildsTreeWithPositionsInCharacters() throws {
        let result = read(
            "<a xmlns=\"urn:x\">\n  <b 名=\"x\" c='A &amp; B &#38; C &lt;'>文字 &amp; more<![CDATA[<raw>]]></b>\n</a>\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.name == "a")
        #expect(root.namespaceURI == "urn:x")
        #expect(root.position == XMLPosition(line: 1, column: 1))
        let b = try #require(root.child(named: "b"))
        #expect(b.position == XMLPosition(line: 2, column: 3))
        #expect(b.text == "文字 & more<raw>")
        #expect(b[attribute: "c"] == "A & B & C <")
        #expect(b.attribute("名")?.position == XMLPosition(line: 2, column: 6))
        #expect(b.attribute("c")?.position == XMLPosition(line: 2, column: 12))
    }

    @Test func positionsSurviveChunkBoundariesInLargeFiles() throws {
        var text = "<root>\n"
        for index in 0..<40_000 { text += "  <item n=\"\(index)\" label=\"第\(index)项\"/>\n" }
        text += "  <last  late=\"1\"/>\n</root>\n"
        let result = read(text)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.children.count == 40_001)
        let last = try #require(root.children.last)
        #expect(last.position == XMLPosition(line: 40_002, column: 3))
        #expect(last.attribute("late")?.position == XMLPosition(line: 40_002, column: 10))
        #expect(root.children[30_000].position == XMLPosition(line: 30_002, column: 3))
    }

    /// Minified files put everything on one line; positions must still cost linear time.
    @Test func oneVeryLongLineStaysLinear() throws {
        let count = 60_000
        let text = "<root>" + String(repeating: "<i n=\"湖\"/>", count: count) + "<last x=\"1\"/></root>"
        let clock = ContinuousClock()
        let start = clock.now
        let result = read(text)
        #expect(clock.now - start < .seconds(20))
        let last = try #require(result.root?.children.last)
        #expect(last.position == XMLPosition(line: 1, column: 7 + count * 10))
        #expect(last.attribute("x")?.position == XMLPosition(line: 1, column: 7 + count * 10 + 6))
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let depth = 50_000
        let result = read(String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth))
        #expect(result.root == nil)
        #expect(result.diagnostics.contains { $0.message.contains("nested more than 256 levels") })
    }

    @Test func malformedXMLReportsLineAndColumn() {
        let result = read("<a>\n  <b>\n</a>\n")
        #expect(result.root == nil)
        let first = result.diagnostics.first
        #expect(first?.line == 3)
        #expect(first?.severity == .error)
        #expect(first?.message.contains("mismatch") == true)
        #expect(first?.rendered.hasPrefix("t.xml:3:") == true)
    }

    @Test func doctypeIsRefusedSoExternalEntitiesNeverReadFiles() throws {
        let secretURL = FileManager.default.temporaryDirectory.appendingPathComponent("wutong-secret-\(UUID()).txt")
        try "TOP-SECRET-CONTENT".write(to: secretURL, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secretURL) }
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE a [ <!ENTITY xxe SYSTEM "file://\(secretURL.path)"> ]>
            <a>&xxe;</a>
            """
        let result = read(text)
        #expect(result.root == nil)
        #expect(result.diagnostics.first?.line == 2)
        #expect(result.diagnostics.first?.column == 1)
        #expect(result.diagnostics.first?.message.contains("DOCTYPE") == true)
        for diagnostic in result.diagnostics { #expect(!diagnostic.rendered.contains("TOP-SECRET")) }
    }

    @Test func billionLaughsFailsFast() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            text +=
                "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10)
                + "\">\n"
        }
        text += "]>\n<lolz>&lol9;</lolz>\n"
        let clock = ContinuousClock()
        let start = clock.now
        let result = read(text)
        #expect(clock.now - start < .seconds(5))
        #expect(result.root == nil)
        #expect(result.hasErrors)
    }

    @Test func undeclaredEntityIsAnError() {
        let result = read("<a>&nope;</a>")
        #expect(result.hasErrors)
        #expect(result.diagnostics.first?.message.contains("nope") == true)
    }

    @Test(arguments: [
        ([UInt8](), "empty"),
        (Array("   \n".utf8), "empty"),
        ([0x3C, 0x61, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x61, 0x3E], "UTF-8"),
        (Array("<?xml version=\"1.0\" encoding=\"GBK\"?><a/>".utf8), "GBK"),
    ])
    func preflightRefusesWithClearWords(bytes: [UInt8], expected: String) {
        let result = XMLReader().read(bytes: bytes, fileName: "f.xml")
        #expect(result.root == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message.contains(expected) == true)
    }

    @Test func invalidUTF8IsLocated() {
        let bytes = Array("<a>\n  é".utf8) + [0xFF] + Array("</a>".utf8)
        let diagnostic = XMLReader().read(bytes: bytes, fileName: "f.xml").diagnostics.first
        #expect(diagnostic?.line == 2)
        #expect(diagnostic?.column == 4)
        #expect(diagnostic?.message.contains("0xFF") == true)
    }

    @Test func sizeLimitIsCheckedBeforeReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wutong-big-\(UUID()).xml")
        try Data(repeating: 0x20, count: 2048).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = XMLReader(maximumBytes: 1024).read(contentsOf: url.path, displayName: "big.xml")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "big.xml:1:1: error: the file is 0.0 MB, more than the limit of 0.0 MB; split the season or raise the limit"
            ])
    }

    @Test func missingFileAndDirectoryAreNamed() {
        let missing = XMLReader().read(contentsOf: "/nonexistent/wutong.xml", displayName: "x.xml")
        #expect(missing.diagnostics.first?.rendered == "x.xml:1:1: error: no such file; check the path")
        let directory = XMLReader().read(contentsOf: NSTemporaryDirectory(), displayName: "d")
        #expect(directory.diagnostics.first?.message.contains("directory") == true)
    }

    @Test func tooManyErrorsStopReading() throws {
        let schema = try XMLSchema(xsd: TestSchemas.numbers, name: "n.xsd")
        var text = "<numbers xmlns=\"urn:test:numbers\">\n"
        for _ in 0..<500 { text += "<n>x</n>\n" }
        text += "</numbers>"
        let result = XMLReader(maximumDiagnostics: 10).read(bytes: Array(text.utf8), fileName: "t.xml", schema: schema)
        #expect(result.diagnostics.count == 11)
        #expect(result.diagnostics.last?.message.contains("too many errors") == true)
    }
}
