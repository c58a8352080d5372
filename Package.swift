// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Lede",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "LedeKit", targets: ["LedeCore", "LedeConfig", "LedeRunner", "LedeStages", "LedeLearn", "LedeEval", "LedeCLI"]),
        .executable(name: "lede", targets: ["lede"]),
        .library(name: "LedePluginKit", targets: ["LedePluginKit"]),
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
        .target(name: "LedeStages", dependencies: ["LedeCore", .product(name: "Yams", package: "Yams")], resources: [.copy("Resources")],
                swiftSettings: strict),
        // Training and scoring of the linear stance model (`lede train-stance`, `eval-stance`).
        .target(name: "LedeLearn", dependencies: ["LedeCore", "LedeStages"], swiftSettings: strict),
        // The command line, callable with extra stages so users can build their own `lede`.
        .target(name: "LedeCLI", dependencies: ["LedeCore", "LedeConfig", "LedeRunner", "LedeStages", "LedeEval", "LedeLearn",
                                                 .product(name: "Yams", package: "Yams"),
                                                 .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                                 .product(name: "Logging", package: "swift-log")],
                swiftSettings: strict),
        .executableTarget(name: "lede", dependencies: ["LedeCLI"], swiftSettings: strict),
        // Hides the external-stage protocol for plugins written in Swift.
        .target(name: "LedePluginKit", dependencies: ["LedeCore"], swiftSettings: strict),

        // Worked examples of custom stages (plugins/), built and tested like the rest.
        .target(name: "KeywordTagger", dependencies: ["LedeCore"], path: "plugins/keyword-tagger/Sources", swiftSettings: strict),
        .target(name: "DocumentFilter", dependencies: ["LedeCore"], path: "plugins/document-filter/Sources", swiftSettings: strict),
        .executableTarget(name: "lede-plus", dependencies: ["LedeCLI", "KeywordTagger", "DocumentFilter"], path: "plugins/lede-plus",
                          swiftSettings: strict),
        .executableTarget(name: "sentence-stats-plugin", dependencies: ["LedePluginKit"], path: "plugins/sentence-stats/Sources",
                          swiftSettings: strict),
        .testTarget(name: "KeywordTaggerTests", dependencies: ["KeywordTagger", "LedeStages"], path: "plugins/keyword-tagger/Tests"),
        .testTarget(name: "DocumentFilterTests", dependencies: ["DocumentFilter", "LedeStages"], path: "plugins/document-filter/Tests"),
        // Scoring quotations against gold JSON Lines and PolNeAR-style brat annotations (`lede eval`).
        .target(name: "LedeEval", dependencies: ["LedeCore"], swiftSettings: strict),
        // Throughput of normalize + segment + quotes on generated text (`Benchmarks/run-quotes`).
        .executableTarget(name: "lede-bench-quotes", dependencies: ["LedeCore", "LedeStages"], path: "Benchmarks/quotes",
                          swiftSettings: strict),

        .testTarget(name: "LedeCoreTests", dependencies: ["LedeCore"]),
        .testTarget(name: "LedeConfigTests", dependencies: ["LedeConfig", "LedeStages"]),
        // Helpers shared by the test suites (CSV reading, scratch folders).
        .target(name: "LedeTesting", swiftSettings: strict),
        .testTarget(name: "LedeRunnerTests", dependencies: ["LedeRunner", "LedeStages", "LedeConfig", "LedeTesting"], exclude: ["Fixtures"]),
        .testTarget(name: "LedeStagesTests", dependencies: ["LedeStages", "LedeLearn", "LedeConfig", .product(name: "Yams", package: "Yams")],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "LedeCLITests", dependencies: ["LedeCLI", "LedeTesting", "LedeLearn", "LedeStages"]),
        .testTarget(name: "LedeEvalTests", dependencies: ["LedeEval"]),
        // Throughput of normalize + segment against the I/O floor: `Benchmarks/run-segment`.
        .executableTarget(name: "lede-bench-segment", dependencies: ["LedeCore", "LedeStages"], path: "Benchmarks/segment"),

        // The trainable attribution tagger: readers, training, model files, the `model:` option.
        .testTarget(name: "LedeAttributionTests", dependencies: ["LedeEval", "LedeStages", "LedeConfig"], exclude: ["Fixtures"]),
        // Cost of the stance stage over the rest of the pipeline: `Benchmarks/run-stance`.
        .executableTarget(name: "lede-bench-stance", dependencies: ["LedeCore", "LedeStages"], path: "Benchmarks/stance"),
    ]
)
