import Foundation
import LedeCore
import Yams

/// `plugins/<name>/stage.yaml`: how to start an external stage and what it declares, so pipelines
/// can name it (`exec: { plugin: name }`) and `lede stages` can document it without starting it.
public struct PluginManifest: Codable, Sendable, Equatable {
    public struct Option: Codable, Sendable, Equatable {
        public var name: String
        public var type: String
        public var summary: String
        public var `default`: JSONValue?
    }

    public var name: String
    public var version: String
    public var summary: String
    public var command: [String]
    public var `protocol`: Int
    public var requires: [String]
    public var provides: [String]
    public var options: [Option]?
    /// The folder holding the manifest; relative commands run from there.
    public var directory: String = ""

    enum CodingKeys: String, CodingKey { case name, version, summary, command, `protocol`, requires, provides, options }

    public static func load(_ path: String) throws -> PluginManifest {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw StageFailure("cannot read plugin manifest '\(path)'")
        }
        do {
            var manifest = try YAMLDecoder().decode(PluginManifest.self, from: text)
            manifest.directory = (path as NSString).deletingLastPathComponent
            guard manifest.protocol == PluginProtocol.version else {
                throw StageFailure("\(path): protocol \(manifest.protocol) is not supported (this Lede speaks protocol \(PluginProtocol.version))")
            }
            guard !manifest.command.isEmpty else { throw StageFailure("\(path): 'command' must not be empty") }
            return manifest
        } catch let error as StageFailure {
            throw error
        } catch {
            throw StageFailure("\(path): invalid plugin manifest: \(error)")
        }
    }

    /// Every manifest found one level below each folder of `searchPath` (`plugins/*/stage.yaml`).
    public static func discover(in searchPath: String) -> [PluginManifest] {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: searchPath) else { return [] }
        return entries.sorted().compactMap { entry in
            let path = searchPath + "/" + entry + "/stage.yaml"
            return fm.fileExists(atPath: path) ? try? load(path) : nil
        }
    }
}
