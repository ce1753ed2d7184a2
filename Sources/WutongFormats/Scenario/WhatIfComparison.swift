import Foundation
import WutongModel

/// The table comparing the scenarios of a batch or a sweep: per scenario the score, how much of
/// the published plan changed and who is affected; as text or CSV (JSON is `WhatIfReport.json`).
public enum WhatIfComparison {
    /// The order of a criticality report: the worst loss first — hard violations, then the
    /// priority of sessions left unplaced, then sessions moved or cancelled, then the soft cost
    /// without `stability` (which only counts the moves again); ties by name.
    public static func rankedByImpact(_ reports: [WhatIfReport]) -> [WhatIfReport] {
        reports.sorted { a, b in
            let left = (a.after.score.hard, a.after.score.medium, a.changed, a.softWithoutStability)
            let right = (b.after.score.hard, b.after.score.medium, b.changed, b.softWithoutStability)
            return left != right ? left > right : a.name < b.name
        }
    }

    public static func text(_ entries: [Result<WhatIfReport, WhatIfFailure>], ranked: Bool = false) -> String {
        var rows = [
            (ranked ? ["rank"] : [])
                + [
                    "scenario", "hard", "medium", "soft", "soft w/o stability", "moved", "to make room", "cancelled",
                    "placed", "unplaced", "partners",
                ]
        ]
        for (position, entry) in entries.enumerated() {
            let rank = ranked ? [String(position + 1)] : []
            switch entry {
            case .success(let report):
                rows.append(
                    rank + [
                        report.name, String(report.after.score.hard), String(report.after.score.medium),
                        String(report.after.score.soft), String(report.softWithoutStability),
                        String(report.diff.moved.count), String(report.diff.knockOn.count),
                        String(report.diff.cancelled.count), String(report.diff.placed.count),
                        String(report.diff.unplaced.count), String(report.diff.partnersAffected.count),
                    ])
            case .failure(let failure):
                rows.append(rank + [failure.name, "failed: see the messages above"])
            }
        }
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in
            rows.filter { $0.count == columns }.map { $0[column].count }.max() ?? 0
        }
        return rows.map { row in
            guard row.count == columns else { return row.joined(separator: "  ") }
            return row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: max(0, widths[column] - cell.count))
                // Names left, figures right.
                return column == (ranked ? 1 : 0) ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// One line per scenario; the cost of every constraint in its own column (`cost_<name>`).
    public static func csv(_ entries: [Result<WhatIfReport, WhatIfFailure>], ranked: Bool = false) -> String {
        let constraints = ConstraintID.allCases
        var lines = [
            ((ranked ? ["rank"] : [])
                + [
                    "scenario", "status", "hard", "medium", "soft", "soft_without_stability", "moved",
                    "moved_to_make_room",
                    "cancelled", "placed", "unplaced", "partners_affected",
                ] + constraints.map { "cost_" + $0.rawValue }).joined(separator: ",")
        ]
        for (position, entry) in entries.enumerated() {
            let rank = ranked ? [String(position + 1)] : []
            switch entry {
            case .success(let report):
                let costs = constraints.map { id in
                    report.after.total(id).map { String($0.amount * $0.weight) } ?? "0"
                }
                lines.append(
                    (rank + [
                        field(report.name), "ok", String(report.after.score.hard), String(report.after.score.medium),
                        String(report.after.score.soft), String(report.softWithoutStability),
                        String(report.diff.moved.count), String(report.diff.knockOn.count),
                        String(report.diff.cancelled.count), String(report.diff.placed.count),
                        String(report.diff.unplaced.count), String(report.diff.partnersAffected.count),
                    ] + costs).joined(separator: ","))
            case .failure(let failure):
                lines.append(
                    (rank + [field(failure.name), "failed"] + Array(repeating: "", count: 10 + constraints.count))
                        .joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension WhatIfReport {
    /// Sessions of the published plan that moved or were cancelled.
    var changed: Int {
        diff.moved.count + diff.cancelled.count
    }

    /// The soft cost less `stability`'s, which counts the moves once more.
    public var softWithoutStability: Int {
        guard let stability = after.total(.stability), stability.level == .soft else { return after.score.soft }
        return after.score.soft - stability.amount * stability.weight
    }
}
