import Foundation
import Testing
import WutongFormats
import WutongModel
import XMLSupport

/// Random damage to a valid season never crashes or hangs the loader: it either still yields a
/// season or reports at least one located error.
@Suite struct MutationTests {
    static let original = Array(
        (try? Data(contentsOf: BadInputTests.fixtures.appendingPathComponent("valid/minimal.xml"))) ?? Data())

    enum Damage: CaseIterable {
        case truncate, deleteRange, insertBytes, flipByte, duplicateRange
    }

    static func damaged(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        var bytes = bytes
        let position = pick(bytes.count)
        let length = 1 + pick(40)
        let end = min(bytes.count, position + length)
        switch Damage.allCases[pick(Damage.allCases.count)] {
        case .truncate: bytes.removeSubrange(position...)
        case .deleteRange: bytes.removeSubrange(position..<end)
        case .insertBytes:
            let alphabet = Array("<>/=\"'&;#x!?[]- 0a\u{0}".utf8) + [0xE6, 0xB9, 0x96, 0xFF]
            bytes.insert(
                contentsOf: (0..<length).map { _ in alphabet[pick(alphabet.count)] },
                at: position)
        case .flipByte: bytes[position] ^= UInt8(1 << pick(8))
        case .duplicateRange: bytes.insert(contentsOf: bytes[position..<end], at: end)
        }
        return bytes
    }

    @Test func damagedSeasonsNeverCrashAndAlwaysExplain() {
        #expect(!Self.original.isEmpty)
        var random = SeededGenerator(seed: 2027)
        var rejected = 0
        for _ in 0..<400 {
            let bytes = Self.damaged(Self.original, &random)
            let result = SeasonLoader.load(bytes: bytes, fileName: "damaged.xml")
            if result.season == nil {
                rejected += 1
                #expect(result.diagnostics.contains { $0.severity == .error })
            }
            for diagnostic in result.diagnostics {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
                #expect(!diagnostic.message.isEmpty)
            }
        }
        #expect(rejected > 200)
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let depth = 100_000
        let text =
            "<season xmlns=\"urn:wutong:season:1\">" + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth) + "</season>"
        let result = SeasonLoader.load(bytes: Array(text.utf8), fileName: "deep.xml")
        #expect(result.season == nil)
        #expect(result.hasErrors)
    }
}
