/// What may follow a cue verb before the reported content (see Resources/cues.txt).
struct CueFrames: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let that = CueFrames(rawValue: 1)
    static let object = CueFrames(rawValue: 2)
    static let to = CueFrames(rawValue: 4)
    static let whether = CueFrames(rawValue: 8)
    /// The verb's object is what the attitude is about ("endorsed Clinton", "rejected the plan").
    static let np = CueFrames(rawValue: 16)
    /// The frame names cue lines may use (Resources/cues.txt, the `cues` option).
    static let names = ["that", "object", "to", "whether", "np"]
}

struct CueEntry: Sendable, Hashable {
    var lemma: String
    var frames: CueFrames
}

/// What one lower-cased word is to the cue rules: its closed classes and its cue entry (index into
/// ``CueLexicon/entries``, -1 for none), looked up once per token by ``TokenView/init(_:cues:speakers:)``.
struct WordInfo: Sendable, Hashable {
    var classes: WordClass
    var cue: Int32 = -1
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
    /// Nouns that attribute after a possessive source ("his claim that …", "Ruiz's call to …"),
    /// lower-cased form → entry (frames `that`, `to`, `np`).
    var nouns: [String: CueEntry] = [:]
    /// Every cue entry, indexed by ``WordInfo/cue``; `verbs` maps each form to one of these.
    var entries: [CueEntry] = []
    /// Verb phrases ("made it clear that"): the verb's lower-cased form → the word sequences that
    /// must follow it for it to be a cue, each with its entry (index into ``entries``).
    var phrases: [String: [(rest: [String], cue: Int32)]] = [:]
    /// Lower-cased word → closed classes (``Closed``) plus this lexicon's memberships, so a token
    /// is hashed once however many rules ask about it.
    var table: [String: WordInfo] = CueLexicon.closedInfo

    /// ``table`` keyed by bytes, for the per-token lookup; rebuilt whenever the table changes.
    var bytes = ByteTable(CueLexicon.closedInfo)

    static let closedInfo: [String: WordInfo] = WordClass.closedTable.mapValues { WordInfo(classes: $0) }

    static func load(extra: [String] = [], extraNouns: [String] = []) -> CueLexicon {
        let list = WordList.load(resource: "cues")
        var lexicon = CueLexicon()
        for line in list["verbs"] + extra { lexicon.addVerbLine(line) }
        lexicon.sourceFirst = list["source_first"].map { $0.lowercased().split(separator: " ").map(String.init) }
        for phrase in lexicon.sourceFirst { if let w = phrase.first { lexicon.table[w, default: WordInfo(classes: [])].classes.insert(.sourceFirstStart) } }
        for line in list["between"] {
            for w in line.split(separator: " ") {
                let lw = w.lowercased()
                lexicon.between.insert(lw)
                lexicon.table[lw, default: WordInfo(classes: [])].classes.insert(.between)
            }
        }
        for line in list["phrases"] { lexicon.addPhraseLine(line) }
        for line in list["nouns"] + extraNouns {
            let parts = line.split(separator: "|", maxSplits: 1)
            let forms = parts[0].split(separator: " ").map { $0.lowercased() }
            guard let lemma = forms.first else { continue }
            let frames = parts.count > 1 ? Self.frames(parts[1]) : []
            for f in forms {
                lexicon.nouns[f] = CueEntry(lemma: lemma, frames: frames)
                lexicon.table[f, default: WordInfo(classes: [])].classes.insert(.nounCue)
            }
        }
        lexicon.bytes = ByteTable(lexicon.table)
        return lexicon
    }

    /// Drops a frame from every verb (a verb left without frames still attributes adjacent quotations).
    mutating func removeFrame(_ frame: CueFrames) {
        for i in entries.indices { entries[i].frames.subtract(frame) }
        for (w, e) in verbs { verbs[w] = CueEntry(lemma: e.lemma, frames: e.frames.subtracting(frame)) }
    }

    static func frames(_ text: Substring) -> CueFrames {
        var frames: CueFrames = []
        for f in text.split(separator: " ") {
            switch f {
            case "that": frames.insert(.that)
            case "object": frames.insert(.object)
            case "to": frames.insert(.to)
            case "whether": frames.insert(.whether)
            case "np": frames.insert(.np)
            default: break
            }
        }
        return frames
    }

    /// Parses `lemma words | verb forms | what follows, alternatives separated by commas | frames`.
    mutating func addPhraseLine(_ line: String) {
        let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 3, !parts[0].isEmpty else { return }
        let cue = Int32(entries.count)
        entries.append(CueEntry(lemma: parts[0].lowercased(), frames: parts.count > 3 ? Self.frames(Substring(parts[3])) : []))
        let rests = parts[2].split(separator: ",").map { $0.split(separator: " ").map { $0.lowercased() } }.filter { !$0.isEmpty }
        for form in parts[1].split(separator: " ").map({ $0.lowercased() }) {
            for rest in rests { phrases[form, default: []].append((rest, cue)) }
            table[form, default: WordInfo(classes: [])].classes.insert(.phraseHead)
        }
        bytes = ByteTable(table)
    }

    /// Parses `lemma form form … | frame frame`.
    mutating func addVerbLine(_ line: String) {
        let parts = line.split(separator: "|", maxSplits: 1)
        let words = parts[0].split(separator: " ").map { $0.lowercased() }
        guard let lemma = words.first else { return }
        var frames = parts.count > 1 ? Self.frames(parts[1]) : []
        for w in words {
            // A later line for the same form (for example from YAML) extends the frames.
            if let old = verbs[w], old.lemma == lemma { frames.formUnion(old.frames) }
            let entry = CueEntry(lemma: lemma, frames: frames)
            verbs[w] = entry
            var info = table[w] ?? WordInfo(classes: [])
            info.classes.insert(.cueVerb)
            if info.cue >= 0 { entries[Int(info.cue)] = entry }
            else { info.cue = Int32(entries.count); entries.append(entry) }
            table[w] = info
        }
        bytes = ByteTable(table)
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
    /// Lower-cased given name → the gender it usually marks (for pronoun resolution).
    var firstNames: [String: Gender] = [:]
    /// Lower-cased word → its memberships above as bits (a title also under its form without a
    /// final period), filled by `load` for ``TokenView/init(_:cues:speakers:)``.
    var table: [String: WordClass] = [:]
    var bytes = ByteTable<WordClass>()

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
        for w in words("first_names", []) {
            let p = w.split(separator: ":")
            if p.count == 2 { lex.firstNames[String(p[0])] = p[1] == "m" ? .male : p[1] == "f" ? .female : .unknown }
        }
        lex.buildTable()
        return lex
    }

    /// Rebuilds ``table`` from the word lists (after editing them by hand).
    mutating func buildTable() {
        var t: [String: WordClass] = [:]
        for w in titles.keys { t[w, default: []].insert(.title) }
        for w in groupNouns { t[w, default: []].insert(.groupNoun) }
        for w in organizationWords { t[w, default: []].insert(.organizationWord) }
        for w in personNouns { t[w, default: []].insert(.personNoun) }
        for w in pronouns.keys { t[w, default: []].insert(.pronoun) }
        table = t
        bytes = ByteTable(t)
    }
}
