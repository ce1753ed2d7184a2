// swift-tools-version: 6.0
import PackageDescription

/// One set of compiler settings for every Swift target (Swift 6 mode, so strict concurrency, is
/// the package default). CI fails on any warning in our own sources (.ci/run).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Wutong",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wutong", targets: ["wutong"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "XMLSupport", dependencies: ["CLibXML2"], swiftSettings: swiftSettings),
        .target(name: "WutongModel", swiftSettings: swiftSettings),
        .target(name: "ICalendar", swiftSettings: swiftSettings),
        .target(name: "WutongSolver", dependencies: ["WutongModel"], swiftSettings: swiftSettings),
        .target(
            name: "WutongFormats",
            dependencies: ["WutongModel", "ICalendar", "XMLSupport"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "wutong",
            dependencies: [
                "WutongModel", "WutongFormats", "WutongSolver", "ICalendar",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WutongTestSupport",
            dependencies: ["WutongModel"],
            path: "Tests/WutongTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ICalendarTests", dependencies: ["ICalendar"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WutongModelTests",
            dependencies: ["WutongModel", "WutongTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WutongSolverTests",
            dependencies: ["WutongSolver", "WutongModel", "WutongFormats", "WutongTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WutongFormatsTests",
            dependencies: ["WutongFormats", "WutongModel", "WutongSolver", "WutongTestSupport", "XMLSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "wutongTests",
            dependencies: ["wutong", "WutongTestSupport"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
