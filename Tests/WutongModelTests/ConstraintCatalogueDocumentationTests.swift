import Foundation
import Testing
import WutongModel
import WutongTestSupport

@Suite struct ConstraintCatalogueDocumentationTests {
    /// Docs/constraints.md lists every constraint with the defaults the code uses.
    @Test func catalogueTableMatchesTheCode() throws {
        let doc = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Docs/constraints.md"), encoding: .utf8)
        let rows = doc.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == ConstraintID.allCases.count)
        for id in ConstraintID.allCases {
            let row = rows.first { $0.hasPrefix("| `\(id.rawValue)` |") }
            #expect(row?.contains("| \(id.defaultLevel.rawValue) | \(id.defaultWeight) |") == true, "\(id.rawValue)")
        }
    }
}
