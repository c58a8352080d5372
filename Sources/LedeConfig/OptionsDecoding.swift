import Foundation
import LedeCore
import Yams

/// Decodes a `StageOptions` value from a YAML mapping, reporting problems at their line and column.
///
/// The user's keys are laid over the encoded defaults of `Options()` and the result is decoded with
/// the type's own `Decodable` conformance, so option types stay plain structs with default values
/// (no hand-written `init(from:)`), and every omitted key keeps its documented default.
struct OptionsDecoder {
    var file: String
    /// What the options belong to in messages: "stage 'emit'" or "input".
    var owner: String
    /// Where to point when the problem has no better place (the stage's name, the section key).
    var fallbackMark: Mark?

    func decode<O: StageOptions>(_ type: O.Type, from node: Node?, diagnostics: inout [ConfigDiagnostic]) -> O? {
        let user: Node.Mapping
        switch node {
        case nil:
            user = Node.Mapping([])
        case let n? where n.null != nil:
            user = Node.Mapping([])
        case .mapping(let m)?:
            user = m
        case let other?:
            diagnostics.append(diag(other.mark, "\(owner): options must be a mapping (key: value), found \(describe(other))",
                                    hint: "write `{}` for no options, or one `key: value` per line"))
            return nil
        }
        let specNames = O.spec.map(\.name)
        var ok = true
        var seen = Set<String>()
        for (key, _) in user {
            guard let name = key.string else { continue }
            if !specNames.contains(name) {
                ok = false
                let suggestion = closestName(to: name, among: specNames)
                let known = specNames.isEmpty ? "it takes no options" : "known options: " + specNames.joined(separator: ", ")
                diagnostics.append(diag(key.mark, "\(owner): unknown option '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                                        hint: known))
            }
            seen.insert(name)
        }
        guard ok else { return nil }

        let merged: Node
        do {
            let defaults = try Yams.compose(yaml: YAMLEncoder().encode(O()))?.mapping ?? Node.Mapping([])
            var pairs: [(Node, Node)] = defaults.filter { !seen.contains($0.key.string ?? "") }.map { ($0.key, $0.value) }
            pairs += user.map { ($0.key, $0.value) }
            merged = .mapping(Node.Mapping(pairs, .implicit, .block, user.mark))
        } catch {
            diagnostics.append(diag(fallbackMark, "\(owner): cannot encode the default options: \(error)"))
            return nil
        }

        let value: O
        do {
            value = try YAMLDecoder().decode(O.self, from: merged)
        } catch let error as DecodingError {
            diagnostics.append(decodingDiagnostic(error, user: user, spec: O.spec))
            return nil
        } catch {
            diagnostics.append(diag(user.mark ?? fallbackMark, "\(owner): \(error)"))
            return nil
        }
        do {
            try value.validate()
        } catch let error as OptionError {
            diagnostics.append(diag(valueMark(user, error.key) ?? user.mark ?? fallbackMark, "\(owner): option '\(error.key)' \(error.message)"))
            return nil
        } catch {
            diagnostics.append(diag(user.mark ?? fallbackMark, "\(owner): \(error)"))
            return nil
        }
        return value
    }

    /// Turns a `DecodingError` into a message about the option it concerns, at that option's mark.
    private func decodingDiagnostic(_ error: DecodingError, user: Node.Mapping, spec: [OptionSpec]) -> ConfigDiagnostic {
        let (path, detail): ([any CodingKey], String)
        switch error {
        case .typeMismatch(_, let c): (path, detail) = (c.codingPath, "")
        case .valueNotFound(_, let c): (path, detail) = (c.codingPath, "")
        case .keyNotFound(let key, let c): (path, detail) = (c.codingPath + [key], " is required")
        case .dataCorrupted(let c): (path, detail) = (c.codingPath, "")
        @unknown default: (path, detail) = ([], "")
        }
        let key = path.first?.stringValue ?? ""
        let node = locate(path, in: .mapping(user))
        let expected = spec.first { $0.name == key }?.type
        let pathText = String(path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined(separator: "").drop(while: { $0 == "." }))
        var message = "\(owner): option '\(pathText)'"
        if !detail.isEmpty {
            message += detail
        } else if let node {
            message += " expects \(expected ?? "another type")" + ", found \(describe(node))"
        } else {
            message += " is invalid"
        }
        return diag(node?.mark ?? valueMark(user, key) ?? user.mark ?? fallbackMark, message)
    }

    private func locate(_ path: [any CodingKey], in node: Node) -> Node? {
        var current = node
        for key in path {
            if let i = key.intValue, case .sequence(let s) = current, i < s.count {
                current = s[i]
            } else if let m = current.mapping, let v = m[key.stringValue] {
                current = v
            } else {
                return nil
            }
        }
        return current
    }

    private func valueMark(_ user: Node.Mapping, _ key: String) -> Mark? {
        user.first { $0.key.string == key }?.value.mark
    }

    func diag(_ mark: Mark?, _ message: String, hint: String? = nil) -> ConfigDiagnostic {
        ConfigDiagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message, hint: hint)
    }
}

/// A short description of a YAML node for "found …" messages.
func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let s): return s.string.isEmpty ? "an empty value" : "'\(s.string)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
}
