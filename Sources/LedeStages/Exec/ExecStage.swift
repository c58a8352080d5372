import Foundation
import LedeCore

/// `exec`: runs a command in any language as a stage, over JSON Lines on its standard input and output.
///
/// The plugin declares its name, version and layers in a handshake when the pipeline is loaded, so
/// `lede validate` checks its place in the pipeline before any article is read. Each document is
/// sent as the `jsonl` emitter writes it; the answer is validated and only declared layers are
/// merged. A crash, a hang (past `timeout`) or garbage fails that document only: the process is
/// replaced and the batch goes on.
public struct ExecStage: Stage {
    public struct Options: StageOptions, Equatable {
        public var plugin: String?
        public var command: [String]?
        public var plugin_path: String = "plugins"
        public var options: JSONValue?
        public var timeout: Double = 30
        public var workers: Int = 2
        public var send_tokens: Bool = false
        public init() {}

        public static let spec: [OptionSpec] = [
            .init("plugin", "string", "Name of a plugin folder holding a stage.yaml manifest (searched in plugin_path)."),
            .init("command", "list of strings", "Command to run instead of a manifest, e.g. [python3, my_stage.py]; relative paths are relative to the current directory."),
            .init("plugin_path", "string", "Folder searched for plugin manifests, relative to the current directory."),
            .init("options", "mapping", "Options handed to the plugin in the hello message."),
            .init("timeout", "number", "Seconds a plugin may take for one document (and for its handshake) before it is killed and restarted."),
            .init("workers", "integer", "Plugin processes run in parallel."),
            .init("send_tokens", "bool", "Include word tokens in the documents sent (they triple the size of each message)."),
        ]

        public func validate() throws {
            if (plugin == nil) == (command == nil) { throw OptionError(key: plugin == nil ? "command" : "plugin", "give exactly one of 'plugin' and 'command'") }
            if let command, command.isEmpty { throw OptionError(key: "command", "must not be empty") }
            if !(timeout > 0) { throw OptionError(key: "timeout", "must be a positive number of seconds") }
            if workers < 1 { throw OptionError(key: "workers", "must be at least 1") }
        }
    }

    public static let descriptor = StageDescriptor(
        name: "exec",
        summary: "Run an external program (any language) as a stage over JSON Lines; see plugins/README.md.",
        discussion: "Requires and provides what the plugin declares in its handshake. A crashed, hung or misbehaving plugin fails the document it was given and is restarted.")

    let hello: PluginProtocol.Hello
    let label: String
    let timeout: Double
    let sendTokens: Bool
    private let pool: PluginPool

    public var builtLayers: (requires: Set<LayerKey>, provides: Set<LayerKey>)? { (hello.requires, hello.provides) }

    public init(options: Options, context: StageContext) throws {
        signal(SIGPIPE, SIG_IGN)   // a plugin that dies mid-write must not take Lede with it
        var command: [String]
        var directory: String?
        var manifest: PluginManifest?
        if let name = options.plugin {
            let path = options.plugin_path + "/" + name + "/stage.yaml"
            guard FileManager.default.fileExists(atPath: path) else {
                let found = PluginManifest.discover(in: options.plugin_path).map(\.name)
                throw OptionError(key: "plugin", "no manifest at '\(path)'" + (found.isEmpty ? "" : "; plugins found: \(found.joined(separator: ", "))"))
            }
            do { manifest = try PluginManifest.load(path) } catch { throw OptionError(key: "plugin", "\(error)") }
            command = manifest!.command
            directory = manifest!.directory
        } else {
            command = options.command!
            if command[0].contains("/") && !command[0].hasPrefix("/") {
                command[0] = FileManager.default.currentDirectoryPath + "/" + command[0]
            }
        }
        let label = options.plugin ?? (command[0] as NSString).lastPathComponent
        let timeout = options.timeout
        let argv = command, workingDirectory = directory
        let helloMessage = PluginProtocol.helloMessage(options: options.options)
        let start: @Sendable () throws -> (PluginProcess, PluginProtocol.Hello) = {
            let process = try PluginProcess(command: argv, directory: workingDirectory, label: label)
            do {
                try process.send(helloMessage)
                return (process, try PluginProtocol.hello(from: PluginProtocol.parse(try process.receive(timeout: timeout))))
            } catch {
                process.kill()
                throw error
            }
        }
        let first: (PluginProcess, PluginProtocol.Hello)
        do { first = try start() } catch {
            throw OptionError(key: options.plugin != nil ? "plugin" : "command", "the plugin did not complete its handshake: \(error)")
        }
        if let manifest {
            let requires = Set(manifest.requires.map { LayerKey($0) }), provides = Set(manifest.provides.map { LayerKey($0) })
            if requires != first.1.requires || provides != first.1.provides {
                first.0.shutdown()
                throw OptionError(key: "plugin", "the manifest declares requires \(manifest.requires.sorted()) provides \(manifest.provides.sorted()), but the running plugin said requires \(first.1.requires.map(\.rawValue).sorted()) provides \(first.1.provides.map(\.rawValue).sorted())")
            }
        }
        self.hello = first.1
        self.label = options.plugin ?? first.1.name
        self.timeout = timeout
        self.sendTokens = options.send_tokens
        self.pool = PluginPool(size: options.workers, first: first.0) { try start().0 }
    }

    public func process(_ document: inout Document) throws {
        let message = PluginProtocol.processMessage(document, sendTokens: sendTokens)
        let answer: JSONValue
        do {
            answer = try pool.with { process in
                try process.send(message)
                return try PluginProtocol.parse(try process.receive(timeout: timeout))
            }
        } catch {
            throw StageFailure("plugin '\(label)': \(error)")
        }
        do {
            try PluginAnswer.apply(answer, to: &document, provides: hello.provides)
        } catch {
            throw StageFailure("plugin '\(label)': \(error)")
        }
    }
}
