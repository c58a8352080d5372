import ArgumentParser
import Foundation
import LedeCore
import LedeStages

struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "List the registered stages, or document one, from their own declarations.")

    @Argument(help: "A stage name to show in full.")
    var name: String?

    @Option(help: "Folder searched for external stage manifests (<folder>/<name>/stage.yaml).")
    var pluginPath = "plugins"

    func run() throws {
        let registry = StageCatalog.registry
        if let name {
            guard let type = registry[name] else {
                let hint = registry.suggestion(for: name).map { " (did you mean '\($0)'?)" } ?? ""
                throw ValidationError("unknown stage '\(name)'\(hint); available: \(registry.names.joined(separator: ", "))")
            }
            print(StageDocumentation.render(type, full: true))
            return
        }
        for n in registry.names { print(StageDocumentation.render(registry[n]!, full: false)) }
        let manifests = PluginManifest.discover(in: pluginPath)
        if !manifests.isEmpty {
            print("\nExternal stages in \(pluginPath)/ (use as `- exec: { plugin: NAME, options: {…} }`):")
            for m in manifests { print(StageDocumentation.render(m)) }
        }
    }
}

/// Renders a stage's descriptor and option spec; defaults come from encoding `Options()`, so the
/// documentation shows what the code actually uses.
public enum StageDocumentation {
    public static func render(_ type: any Stage.Type, full: Bool) -> String {
        renderTyped(type, full: full)
    }

    private static func renderTyped<S: Stage>(_ type: S.Type, full: Bool) -> String {
        let d = S.descriptor
        var lines = ["\(d.name) — \(d.summary)"]
        if full && !d.discussion.isEmpty { lines.append("  " + d.discussion) }
        if !d.requires.isEmpty { lines.append("  requires: " + d.requires.sorted().map(\.rawValue).joined(separator: ", ")) }
        if !d.provides.isEmpty { lines.append("  provides: " + d.provides.sorted().map(\.rawValue).joined(separator: ", ")) }
        let defaults = defaultValues(S.Options.self)
        if S.Options.spec.isEmpty {
            lines.append("  options: none")
        } else {
            lines.append("  options:")
            for o in S.Options.spec {
                let def = defaults[o.name].map { " = \($0)" } ?? ""
                lines.append("    \(o.name) (\(o.type))\(def)")
                lines.append("        \(o.summary)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// An external stage, documented from its manifest the way built-in stages are from their declarations.
    public static func render(_ m: PluginManifest) -> String {
        var lines = ["\(m.name) \(m.version) — \(m.summary)"]
        lines.append("  command: \(m.command.joined(separator: " ")) (in \(m.directory))")
        if !m.requires.isEmpty { lines.append("  requires: " + m.requires.sorted().joined(separator: ", ")) }
        if !m.provides.isEmpty { lines.append("  provides: " + m.provides.sorted().joined(separator: ", ")) }
        let options = m.options ?? []
        lines.append(options.isEmpty ? "  options: none" : "  options:")
        for o in options {
            let def = o.default.map { v -> String in
                var w = JSONWriter(capacity: 32); w.value(v); return " = " + String(decoding: w.bytes, as: UTF8.self)
            } ?? ""
            lines.append("    \(o.name) (\(o.type))\(def)")
            lines.append("        \(o.summary)")
        }
        return lines.joined(separator: "\n")
    }

    /// Each option's default, rendered as compact JSON.
    public static func defaultValues<O: StageOptions>(_ type: O.Type) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(O()),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in object {
            if let d = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]) {
                result[key] = String(decoding: d, as: UTF8.self)
            }
        }
        return result
    }
}
