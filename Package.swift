// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Lede",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "LedeKit", targets: ["LedeCore", "LedeConfig", "LedeRunner", "LedeStages", "LedeLearn", "LedeCLI"]),
        .executable(name: "lede", targets: ["lede"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // Document model, stage protocol and registry: no third-party dependencies, so stage
        // authors compile against a small, stable surface.
        .target(name: "LedeCore", swiftSettings: strict),
        // Pipeline YAML: parsing with marks, option decoding, validation before any article is read.
        .target(name: "LedeConfig", dependencies: ["LedeCore", .product(name: "Yams", package: "Yams")],
                swiftSettings: strict),
        // Batch execution: sources, decoding, parallel workers, ordered sinks, failure isolation.
        .target(name: "LedeRunner", dependencies: ["LedeCore", "LedeConfig",
                                                    .product(name: "Logging", package: "swift-log")],
                swiftSettings: strict),
        // Built-in stages, one folder per YAML stage name.
        .target(name: "LedeStages", dependencies: ["LedeCore"], resources: [.copy("Resources")],
                swiftSettings: strict),
        // Training and scoring of the linear stance model (`lede train-stance`, `eval-stance`).
        .target(name: "LedeLearn", dependencies: ["LedeStages"], swiftSettings: strict),
        // The command line, callable with extra stages so users can build their own `lede`.
        .target(name: "LedeCLI", dependencies: ["LedeCore", "LedeConfig", "LedeRunner", "LedeStages", "LedeLearn",
                                                 .product(name: "Yams", package: "Yams"),
                                                 .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                                 .product(name: "Logging", package: "swift-log")],
                swiftSettings: strict),
        .executableTarget(name: "lede", dependencies: ["LedeCLI"], swiftSettings: strict),
        .executableTarget(name: "lede-bench-stance", dependencies: ["LedeCore", "LedeStages"], path: "Benchmarks/stance"),

        .testTarget(name: "LedeCoreTests", dependencies: ["LedeCore"]),
        .testTarget(name: "LedeConfigTests", dependencies: ["LedeConfig", "LedeStages"]),
        .testTarget(name: "LedeRunnerTests", dependencies: ["LedeRunner", "LedeStages", "LedeConfig"]),
        .testTarget(name: "LedeStagesTests", dependencies: ["LedeStages", "LedeLearn", "LedeConfig", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "LedeCLITests", dependencies: ["LedeCLI", "LedeLearn", "LedeStages"]),
    ]
)
