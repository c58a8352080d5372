/// The stage types a run can use, by YAML name.
///
/// An immutable value built once at startup (`StageRegistry(BuiltInStages.all + myStages)`), so
/// there is no global to mutate and tests can build registries of their own.
public struct StageRegistry: Sendable {
    public private(set) var stages: [String: any Stage.Type] = [:]
    public private(set) var order: [String] = []

    public init() {}

    /// - Throws: ``RegistryError/duplicateName(_:)`` when two stage types share a name.
    public init(_ types: [any Stage.Type]) throws {
        for t in types { try register(t) }
    }

    public mutating func register(_ type: any Stage.Type) throws {
        let name = type.descriptor.name
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "_" || $0 == "." || ("0"..."9").contains($0) }) else {
            throw RegistryError.invalidName(name)
        }
        if let existing = stages[name] {
            throw RegistryError.duplicateName("stage name '\(name)' is registered twice (\(existing) and \(type))")
        }
        stages[name] = type
        order.append(name)
    }

    public func adding(_ types: [any Stage.Type]) throws -> StageRegistry {
        var copy = self
        for t in types { try copy.register(t) }
        return copy
    }

    public subscript(name: String) -> (any Stage.Type)? { stages[name] }

    /// Every registered name, sorted.
    public var names: [String] { order.sorted() }

    /// Registered stages that provide a layer, for "add one of these earlier" hints.
    public func providers(of layer: LayerKey) -> [String] {
        names.filter { stages[$0]!.descriptor.provides.contains(layer) }
    }

    /// The registered name closest to a misspelt one, if any is reasonably close.
    public func suggestion(for name: String) -> String? { closestName(to: name, among: names) }
}

public enum RegistryError: Error, Sendable, CustomStringConvertible {
    case duplicateName(String)
    case invalidName(String)
    public var description: String {
        switch self {
        case .duplicateName(let m): return m
        case .invalidName(let n): return "'\(n)' is not a valid stage name (letters, digits, '-', '_' and '.')"
        }
    }
}

/// The candidate with the smallest edit distance, when that distance is small for the word's length.
public func closestName(to word: String, among candidates: [String]) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(w, Array(c.lowercased().unicodeScalars))
        if d < (best?.1 ?? Int.max) { best = (c, d) }
    }
    guard let (name, distance) = best else { return nil }
    return distance <= max(2, w.count / 3) ? name : nil
}

func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
