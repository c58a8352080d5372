import LedeCore

/// A stage built from one entry of the pipeline's `stages:` list.
public struct ConfiguredStage: Sendable {
    public var name: String
    public var index: Int
    public var stage: any Stage
    /// Set when the stage writes output (an emitter).
    public var sink: (any SinkStage)?
    public var requires: Set<LayerKey>
    public var provides: Set<LayerKey>
    /// Where the stage is declared, for messages: `file:line:column`.
    public var location: String
}

/// A loaded, validated pipeline: everything a run needs, built before any article is read.
public struct Pipeline: Sendable {
    public var name: String
    public var file: String
    public var input: InputSpec
    public var outputDirectory: String
    public var stages: [ConfiguredStage]
    public var jobs: Int?
    /// Files named on the command line; when not empty they replace the input folder.
    public var files: [String] = []

    public var sinks: [any SinkStage] { stages.compactMap(\.sink) }
}

/// Values given on the command line; they win over the YAML.
public struct PipelineOverrides: Sendable {
    public var input: String?
    public var output: String?
    /// Files to process instead of the input folder (ids are the paths as given).
    public var files: [String]
    public init(input: String? = nil, output: String? = nil, files: [String] = []) {
        self.input = input; self.output = output; self.files = files
    }
}
