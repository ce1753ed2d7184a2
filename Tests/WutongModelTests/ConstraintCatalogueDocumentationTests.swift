import Foundation
import Testing
import WutongModel
import WutongTestSupport

@Suite struct ConstraintCatalogueDocumentationTests {
    /// Docs/constraints.md lists every constraint with the defaults the code uses.
    @Test func catalogueTableMatchesTheCode() throws {
        let doc = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Docs/constraints.md"), encoding: .utf8)
        let parts = doc.components(separatedBy: "## How each constraint is counted")
        #expect(parts.count == 2)
        let rows = parts[0].split(separator: "\n").filter { $0.hasPrefix("| `") }
        let countingRows = parts.last!.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == ConstraintID.allCases.count)
        #expect(countingRows.count == ConstraintID.allCases.count)
        for id in ConstraintID.allCases {
            #expect(countingRows.contains { $0.hasPrefix("| `\(id.rawValue)` |") }, "how \(id.rawValue) is counted")
        }
        for id in ConstraintID.allCases {
            let row = rows.first { $0.hasPrefix("| `\(id.rawValue)` |") }
            #expect(row?.contains("| \(id.defaultLevel.rawValue) | \(id.defaultWeight) |") == true, "\(id.rawValue)")
        }
    }
}
