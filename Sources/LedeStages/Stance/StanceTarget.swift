import LedeCore

/// A target as written in the stance stage's YAML:
///
/// ```yaml
/// targets:
///   - id: embargo
///     description: lifting the arms embargo
///     terms: [arms embargo, embargo*, weapons ban]
///     favor: [lift the embargo, end the embargo]
///     against: [keep the embargo, maintain the embargo]
/// ```
///
/// Everything but `id` and `terms` is optional, so a minimal target is one line.
public struct StanceTargetSpec: Codable, Sendable, Equatable {
    public var id: String
    public var description: String?
    /// Words or phrases that put the target in play; `word*` is a prefix wildcard.
    public var terms: [String]
    /// Phrases that mean support for this target in particular (weigh more than generic cues).
    public var favor: [String]?
    /// Phrases that mean opposition to this target in particular.
    public var against: [String]?
    /// The target's name in a trained model, when it differs from `id` (for example the
    /// SemEval-style "a carbon tax").
    public var model_target: String?

    public init(id: String, description: String? = nil, terms: [String], favor: [String]? = nil,
                against: [String]? = nil, model_target: String? = nil) {
        self.id = id; self.description = description; self.terms = terms
        self.favor = favor; self.against = against; self.model_target = model_target
    }

    /// A target built from its name alone, for labelled data that carries no term lists: its
    /// content words become the terms ("lifting the arms embargo" → lifting, arms, embargo).
    public static func derived(from name: String) -> StanceTargetSpec {
        let stop: Set<String> = ["a", "an", "the", "of", "to", "for", "on", "in", "and", "or", "is", "be", "new", "plan", "proposed"]
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init).filter { !stop.contains($0) }
        return StanceTargetSpec(id: name, terms: words.isEmpty ? [name] : words)
    }
}

/// A target ready for matching: its terms and its own cues compiled once per run.
///
/// A class: it is read for every quotation, and passing a reference costs one retain where copying
/// the struct's matchers retained each of their arrays.
final class CompiledTarget: Sendable {
    let spec: StanceTargetSpec
    let terms: PhraseMatcher<Bool>
    /// Target-specific cues: +weight for favor, −weight for against.
    let cues: PhraseMatcher<Double>

    /// Target-specific cues outweigh the generic lexicon: whoever wrote them knows the debate.
    static let cueWeight = 1.6

    init(_ spec: StanceTargetSpec) {
        self.spec = spec
        var terms = PhraseMatcher<Bool>()
        for t in spec.terms { terms.add(t, true) }
        var cues = PhraseMatcher<Double>()
        for f in spec.favor ?? [] { cues.add(f, Self.cueWeight) }
        for a in spec.against ?? [] { cues.add(a, -Self.cueWeight) }
        self.terms = terms; self.cues = cues
    }
}
