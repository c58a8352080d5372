/// What may follow a cue verb before the reported content (see Resources/cues.txt).
struct CueFrames: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let that = CueFrames(rawValue: 1)
    static let object = CueFrames(rawValue: 2)
    static let to = CueFrames(rawValue: 4)
    static let whether = CueFrames(rawValue: 8)
}

struct CueEntry: Sendable, Hashable {
    var lemma: String
    var frames: CueFrames
}

/// The cue vocabulary: verbs with their lemma and frames, and multi-word cues written before the
/// source. Loaded once per run from `Resources/cues.txt` plus the pipeline's `cues` option, so users
/// extend attribution without touching code.
struct CueLexicon: Sendable {
    /// Lower-cased inflected form → entry.
    var verbs: [String: CueEntry] = [:]
    /// Lower-cased word sequences ("according to").
    var sourceFirst: [[String]] = []
    /// Words allowed between a source and its verb ("has", "also", "on", "Monday").
    var between: Set<String> = []

    static func load(extra: [String] = []) -> CueLexicon {
        let list = WordList.load(resource: "cues")
        var lexicon = CueLexicon()
        for line in list["verbs"] + extra { lexicon.addVerbLine(line) }
        lexicon.sourceFirst = list["source_first"].map { $0.lowercased().split(separator: " ").map(String.init) }
        for line in list["between"] { for w in line.split(separator: " ") { lexicon.between.insert(w.lowercased()) } }
        return lexicon
    }

    /// Parses `lemma form form … | frame frame`.
    mutating func addVerbLine(_ line: String) {
        let parts = line.split(separator: "|", maxSplits: 1)
        let words = parts[0].split(separator: " ").map { $0.lowercased() }
        guard let lemma = words.first else { return }
        var frames: CueFrames = []
        if parts.count > 1 {
            for f in parts[1].split(separator: " ") {
                switch f {
                case "that": frames.insert(.that)
                case "object": frames.insert(.object)
                case "to": frames.insert(.to)
                case "whether": frames.insert(.whether)
                default: break
                }
            }
        }
        for w in words {
            // A later line for the same form (for example from YAML) extends the frames.
            if let old = verbs[w], old.lemma == lemma { frames.formUnion(old.frames) }
            verbs[w] = CueEntry(lemma: lemma, frames: frames)
        }
    }
}

/// Speaker vocabulary from `Resources/speakers.txt` plus pipeline options.
struct SpeakerLexicon: Sendable {
    enum Gender: Sendable { case male, female, unknown }
    /// Lower-cased title → gender it implies.
    var titles: [String: Gender] = [:]
    var groupNouns: Set<String> = []
    var organizationWords: Set<String> = []
    var personNouns: Set<String> = []
    /// Pronoun → "m", "f", "g" (group), "o" (organization), "s" (self).
    var pronouns: [String: Character] = [:]

    static func load(extraTitles: [String] = [], extraGroups: [String] = [], extraOrganizations: [String] = []) -> SpeakerLexicon {
        let list = WordList.load(resource: "speakers")
        var lex = SpeakerLexicon()
        func words(_ section: String, _ extra: [String]) -> [String] {
            (list[section] + extra).flatMap { $0.split(separator: " ").map { $0.lowercased() } }
        }
        for w in words("titles", extraTitles) {
            let p = w.split(separator: ":")
            let g: Gender = p.count > 1 ? (p[1] == "m" ? .male : p[1] == "f" ? .female : .unknown) : .unknown
            lex.titles[String(p[0])] = g
        }
        lex.groupNouns = Set(words("group_nouns", extraGroups))
        lex.organizationWords = Set(words("organization_words", extraOrganizations))
        lex.personNouns = Set(words("person_nouns", []))
        for w in words("pronouns", []) {
            let p = w.split(separator: ":")
            if p.count == 2, let c = p[1].first { lex.pronouns[String(p[0])] = c }
        }
        return lex
    }
}
