import ArgumentParser
import Foundation

/// Finds the bundled season when no season is named: in the working directory or one of its
/// parents, then beside the executable (`.build/release/wutong` → the package root).
enum BundledSeason {
    static let relativePath = "Inputs/hunan-spring-2027/season.xml"

    static func locate() -> String? {
        var places: [URL] = []
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<6 {
            places.append(directory)
            directory.deleteLastPathComponent()
        }
        var executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            places.append(executable)
            executable.deleteLastPathComponent()
        }
        for place in places {
            let candidate = place.appendingPathComponent(relativePath).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The season the user named, or the bundled one, or a clear failure.
    static func resolve(_ given: String?) throws -> String {
        if let given { return given }
        guard let path = locate() else {
            throw ValidationError(
                "no season given and the bundled season (\(relativePath)) was not found from here; name a SEASON.xml")
        }
        return path
    }

    /// A path as the user should read it: relative to the working directory when inside it.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
