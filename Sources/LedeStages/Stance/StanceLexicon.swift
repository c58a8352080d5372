import LedeCore

/// One entry of the stance lexicon: which way it leans and how much.
struct StanceCue: Sendable {
    /// +1 favor, −1 against, 0 neutral.
    var polarity: Int
    var weight: Double
    /// Takes a stance-bearing complement ("urge … to reject"); see ``RuleTagger``.
    var directional: Bool
}

/// The generic stance lexicon (Resources/stance.txt) compiled into matchers.
struct StanceLexicon: Sendable {
    var cues = PhraseMatcher<StanceCue>()
    var negators = PhraseMatcher<Bool>()
    var hedges = PhraseMatcher<Bool>()
    /// Reporting-verb lemmas ("warn", "urge") by key, with signed weight.
    var cueVerbs: [UInt64: Double] = [:]

    /// The lexicon shipped with Lede, parsed once per process.
    static let shipped = StanceLexicon(WordList.load(resource: "stance"))

    init(_ list: WordList) {
        func entry(_ line: String) -> (phrase: String, weight: Double, directional: Bool) {
            var text = line
            var weight = 1.0
            if let bar = text.lastIndex(of: "|"), let w = Double(text[text.index(after: bar)...].trimmingCharacters(in: .whitespaces)) {
                weight = w
                text = String(text[..<bar]).trimmingCharacters(in: .whitespaces)
            }
            let directional = text.hasPrefix(">")
            if directional { text.removeFirst() }
            return (text, weight, directional)
        }
        for (section, polarity) in [("favor", 1), ("against", -1), ("neutral", 0)] {
            for line in list[section] {
                let e = entry(line)
                cues.add(e.phrase, StanceCue(polarity: polarity, weight: e.weight, directional: e.directional))
            }
        }
        for line in list["negators"] { negators.add(entry(line).phrase, true) }
        for line in list["hedges"] { hedges.add(entry(line).phrase, true) }
        for (section, sign) in [("cue_favor", 1.0), ("cue_against", -1.0)] {
            for line in list[section] {
                let e = entry(line)
                cueVerbs[StemKey.key(e.phrase)] = sign * e.weight
            }
        }
    }
}
