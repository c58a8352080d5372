import Foundation

/// Word lists shipped as resources (`Resources/*.txt`), so users can read and extend them in YAML
/// without touching code. Lines starting with `#` are comments; `[name]` starts a section.
struct WordList {
    var sections: [String: [String]] = [:]

    static func load(resource name: String) -> WordList {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("resource \(name).txt is missing from the LedeStages bundle")
        }
        return parse(text)
    }

    static func parse(_ text: String) -> WordList {
        var list = WordList()
        var section = ""
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") { section = String(line.dropFirst().dropLast()); continue }
            list.sections[section, default: []].append(line)
        }
        return list
    }

    subscript(section: String) -> [String] { sections[section] ?? [] }
}
