import Foundation
import LedeCore
import Yams

/// Reads a pipeline YAML file and builds every stage, checking everything before any article is read.
///
/// Problems are collected rather than thrown one at a time, so a user fixes a file in one pass:
/// YAML syntax, unknown sections and stages (with the closest name), unknown or mistyped options,
/// stages whose required layers no earlier stage provides, a missing input folder, an output
/// folder that cannot be written.
public struct PipelineLoader: Sendable {
    public var registry: StageRegistry
    /// Whether to check the input and output paths on disk (off for `lede stages` style uses and tests of pure syntax).
    public var checkPaths: Bool

    public init(registry: StageRegistry, checkPaths: Bool = true) {
        self.registry = registry
        self.checkPaths = checkPaths
    }

    public static let sections = ["name", "input", "output", "jobs", "stages"]

    public func load(file: String, overrides: PipelineOverrides = .init()) throws -> Pipeline {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw PipelineError([ConfigDiagnostic(file: file, line: 1, column: 1, message: "cannot read the pipeline file",
                                                  hint: FileManager.default.fileExists(atPath: file) ? "check its permissions" : "no such file; pipelines live in pipelines/, e.g. pipelines/default.yaml")])
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw PipelineError([ConfigDiagnostic(file: file, line: 1, column: 1, message: "the pipeline file is not valid UTF-8")])
        }
        return try load(yaml: yaml, file: file, overrides: overrides)
    }

    public func load(yaml: String, file: String, overrides: PipelineOverrides = .init()) throws -> Pipeline {
        var diagnostics: [ConfigDiagnostic] = []
        func diag(_ mark: Mark?, _ message: String, hint: String? = nil) {
            diagnostics.append(ConfigDiagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message, hint: hint))
        }

        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PipelineError([ConfigDiagnostic(file: file, line: 1, column: 1, message: "the pipeline file is empty",
                                                      hint: "a pipeline needs at least `stages:` with a list of stages")])
            }
            root = node
        } catch let error as YamlError {
            throw PipelineError([yamlDiagnostic(error, file: file)])
        }
        guard let top = root.mapping else {
            throw PipelineError([ConfigDiagnostic(file: file, line: root.mark?.line ?? 1, column: root.mark?.column ?? 1,
                                                  message: "a pipeline must be a mapping with a `stages:` list, found \(describe(root))")])
        }
        for (key, _) in top {
            let k = key.string ?? ""
            if !Self.sections.contains(k) {
                let s = closestName(to: k, among: Self.sections)
                diag(key.mark, "unknown section '\(k)'" + (s.map { " (did you mean '\($0)'?)" } ?? ""),
                     hint: "sections are: " + Self.sections.joined(separator: ", "))
            }
        }

        let pipelineDirectory = (file as NSString).deletingLastPathComponent
        let name = top["name"]?.string ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension

        // input
        var inputNode = top["input"]
        if let n = inputNode, case .scalar(let s) = n, n.null == nil {
            inputNode = .mapping(Node.Mapping([(Node("path"), .scalar(s))], .implicit, .block, s.mark))
        }
        let inputDecoder = OptionsDecoder(file: file, owner: "input", fallbackMark: top.first { $0.key.string == "input" }?.key.mark)
        var input = inputDecoder.decode(InputSpec.self, from: inputNode, diagnostics: &diagnostics) ?? InputSpec()
        if let path = overrides.input { input.path = path }
        for file in overrides.files where checkPaths && !FileManager.default.isReadableFile(atPath: file) {
            diag(nil, "file '\(file)' (from the command line) does not exist or cannot be read")
        }
        if checkPaths && input.path != "-" && overrides.files.isEmpty {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory) {
                let mark = inputNode?.mapping?.first { $0.key.string == "path" }?.value.mark ?? inputNode?.mark
                if overrides.input != nil {
                    diag(nil, "input '\(input.path)' (from --input) does not exist", hint: "pass an existing folder or file, or '-' for JSON Lines on standard input")
                } else {
                    diag(mark, "input '\(input.path)' does not exist", hint: "paths are relative to the current directory (\(FileManager.default.currentDirectoryPath)); pass --input to override")
                }
            }
        }

        // output
        var outputDirectory = "out"
        if let n = top["output"] {
            if let s = n.string, n.mapping == nil, n.sequence == nil, !s.isEmpty { outputDirectory = s } else {
                diag(n.mark, "'output' must be a folder path, found \(describe(n))")
            }
        }
        if let o = overrides.output { outputDirectory = o }

        var jobs: Int?
        if let n = top["jobs"] {
            if let j = n.int, j >= 1 { jobs = j } else { diag(n.mark, "'jobs' must be a whole number of at least 1, found \(describe(n))") }
        }

        // stages
        var stages: [ConfiguredStage] = []
        let stagesKeyMark = top.first { $0.key.string == "stages" }?.key.mark
        guard let stagesNode = top["stages"] else {
            diag(root.mark, "the pipeline has no `stages:` list", hint: "add `stages:` with one `- name: {options}` entry per stage; `lede stages` lists them")
            throw PipelineError(diagnostics)
        }
        guard case .sequence(let list) = stagesNode, !list.isEmpty else {
            diag(stagesNode.mark ?? stagesKeyMark, "`stages` must be a non-empty list (`- normalize: {}`), found \(describe(stagesNode))")
            throw PipelineError(diagnostics)
        }
        let context = { (index: Int) in StageContext(outputDirectory: outputDirectory, pipelineDirectory: pipelineDirectory, index: index) }
        for (index, item) in list.enumerated() {
            let nameNode: Node
            let optionsNode: Node?
            switch item {
            case .scalar:
                nameNode = item; optionsNode = nil
            case .mapping(let m) where m.count == 1:
                nameNode = m.first!.key; optionsNode = m.first!.value
            case .mapping(let m):
                let keys = m.compactMap { $0.key.string }
                diag(item.mark, "stage \(index + 1) has \(m.count) keys (\(keys.joined(separator: ", "))); each list item names one stage",
                     hint: "indent options under the stage name: `- emit: { format: csv, path: quotes.csv }`")
                continue
            default:
                diag(item.mark, "stage \(index + 1) must be a stage name or `name: {options}`, found \(describe(item))")
                continue
            }
            let stageName = nameNode.string ?? ""
            guard let type = registry[stageName] else {
                let hint = "available stages: " + registry.names.joined(separator: ", ")
                diag(nameNode.mark, "unknown stage '\(stageName)'" + (registry.suggestion(for: stageName).map { " (did you mean '\($0)'?)" } ?? ""), hint: hint)
                continue
            }
            let location = "\(file):\(nameNode.mark?.line ?? 1):\(nameNode.mark?.column ?? 1)"
            if let configured = build(type, name: stageName, index: index, options: optionsNode, nameMark: nameNode.mark,
                                      file: file, location: location, context: context(index), diagnostics: &diagnostics) {
                stages.append(configured)
            }
        }

        if diagnostics.isEmpty {
            checkOrder(stages, list: Array(list), file: file, diagnostics: &diagnostics)
            var writers: [String: String] = [joinPath(outputDirectory, "errors.jsonl"): "the run's errors file"]
            for s in stages {
                for path in s.sink?.outputPaths ?? [] {
                    let mark = list[s.index].mapping?.first?.key.mark
                    if let other = writers[path] {
                        diag(mark, "stage '\(s.name)' writes '\(path)', which \(other) already writes", hint: "give each emit its own `path:`")
                    }
                    writers[path] = "stage '\(s.name)' at line \(mark?.line ?? 0)"
                }
            }
        }
        if checkPaths && diagnostics.isEmpty {
            checkOutputDirectory(outputDirectory, mark: top["output"]?.mark, fromFlag: overrides.output != nil, file: file, diagnostics: &diagnostics)
        }
        guard diagnostics.isEmpty else { throw PipelineError(diagnostics) }
        var pipeline = Pipeline(name: name, file: file, input: input, outputDirectory: outputDirectory, stages: stages, jobs: jobs)
        pipeline.files = overrides.files
        return pipeline
    }

    /// Decodes the options of one stage type and builds it. Generic so each stage's `Options`
    /// type is decoded statically; called with an opened `any Stage.Type`.
    private func build<S: Stage>(_ type: S.Type, name: String, index: Int, options: Node?, nameMark: Mark?, file: String,
                                 location: String, context: StageContext, diagnostics: inout [ConfigDiagnostic]) -> ConfiguredStage? {
        let decoder = OptionsDecoder(file: file, owner: "stage '\(name)'", fallbackMark: nameMark)
        guard let decoded = decoder.decode(S.Options.self, from: options, diagnostics: &diagnostics) else { return nil }
        do {
            let stage = try S(options: decoded, context: context)
            let layers = stage.builtLayers ?? S.layers(for: decoded)
            return ConfiguredStage(name: name, index: index, stage: stage, sink: stage as? any SinkStage,
                                   requires: layers.requires, provides: layers.provides, location: location)
        } catch let error as OptionError {
            let mark = options?.mapping?.first { $0.key.string == error.key }?.value.mark ?? nameMark
            diagnostics.append(decoder.diag(mark, "stage '\(name)': option '\(error.key)' \(error.message)"))
        } catch {
            diagnostics.append(decoder.diag(nameMark, "stage '\(name)' could not be built: \(error)"))
        }
        return nil
    }

    /// Walks the stages in order, accumulating what each provides, as CoreNLP and spaCy do.
    private func checkOrder(_ stages: [ConfiguredStage], list: [Node], file: String, diagnostics: inout [ConfigDiagnostic]) {
        var available: Set<LayerKey> = []
        var spanStages: [String] = []
        for s in stages {
            let mark = list[s.index].mapping?.first?.key.mark ?? list[s.index].mark
            let missing = s.requires.subtracting(available).sorted()
            for layer in missing {
                let providers = registry.providers(of: layer)
                let hint = providers.isEmpty ? "no registered stage provides it" : "add \(providers.map { "'\($0)'" }.joined(separator: " or ")) before it"
                diagnostics.append(ConfigDiagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                                    message: "stage '\(s.name)' requires '\(layer)', which no earlier stage provides", hint: hint))
            }
            if type(of: s.stage).descriptor.rewritesText, !spanStages.isEmpty {
                diagnostics.append(ConfigDiagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                                    message: "stage '\(s.name)' rewrites the text after \(spanStages.map { "'\($0)'" }.joined(separator: ", ")) added spans to it",
                                                    hint: "move '\(s.name)' before them; spans made earlier would point at the wrong characters"))
            }
            if !s.provides.isDisjoint(with: LayerKey.spanLayers) { spanStages.append(s.name) }
            available.formUnion(s.provides)
        }
    }

    private func checkOutputDirectory(_ directory: String, mark: Mark?, fromFlag: Bool, file: String, diagnostics: inout [ConfigDiagnostic]) {
        // The nearest existing ancestor must be a writable folder; the run creates the rest.
        var path = directory.isEmpty ? "." : directory
        let fm = FileManager.default
        while !fm.fileExists(atPath: path) {
            let parent = (path as NSString).deletingLastPathComponent
            path = parent.isEmpty ? "." : parent
        }
        var isDirectory: ObjCBool = false
        _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        let source = fromFlag ? " (from --output)" : ""
        if !isDirectory.boolValue {
            diagnostics.append(ConfigDiagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                                message: "output folder '\(directory)'\(source) cannot be created: '\(path)' is a file"))
        } else if !fm.isWritableFile(atPath: path) {
            diagnostics.append(ConfigDiagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                                message: "output folder '\(directory)'\(source) is not writable ('\(path)' denies writing)"))
        }
    }

    private func yamlDiagnostic(_ error: YamlError, file: String) -> ConfigDiagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return ConfigDiagnostic(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(what)",
                                    hint: "check the indentation and that every `{`, `[` and quote is closed")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigDiagnostic(file: file, line: context.mark.line, column: context.mark.column,
                                    message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping",
                                    hint: "to run a stage twice, give each its own `- name: {…}` list item")
        case .reader(let problem, let offset, _, let yaml):
            let (line, column) = lineColumn(of: offset ?? 0, in: yaml)
            return ConfigDiagnostic(file: file, line: line, column: column, message: "cannot read YAML: \(problem)")
        default:
            return ConfigDiagnostic(file: file, line: 1, column: 1, message: "YAML: \(error)")
        }
    }

    private func lineColumn(of offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for (i, s) in text.unicodeScalars.enumerated() {
            if i >= offset { break }
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
