/// Closed-class and lexicon memberships of one word, as bits.
///
/// The rules ask "is this a determiner / preposition / cue verb / title …?" of the same token many
/// times (scanning left for sources, right for complements, across every candidate cue). Hashing a
/// lower-cased `String` into a `Set` for each question dominated the stage's profile, so
/// ``TokenView`` looks every word up once, in one table per lexicon, and the rules test these bits.
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt64
    static let determiner = WordClass(rawValue: 1 << 0)
    static let clauseWord = WordClass(rawValue: 1 << 1)
    static let nameSuffix = WordClass(rawValue: 1 << 2)
    static let subjectPronoun = WordClass(rawValue: 1 << 3)
    static let nounMarker = WordClass(rawValue: 1 << 4)
    static let auxiliary = WordClass(rawValue: 1 << 5)
    static let preposition = WordClass(rawValue: 1 << 6)
    static let forwardPreposition = WordClass(rawValue: 1 << 7)
    static let weekday = WordClass(rawValue: 1 << 8)
    /// `cues.between`: words between a source and its verb.
    static let between = WordClass(rawValue: 1 << 9)
    /// First word of a `source_first` phrase ("according").
    static let sourceFirstStart = WordClass(rawValue: 1 << 10)
    /// A form in `cues.verbs` (the entry is in ``TokenView/cueIndex``).
    static let cueVerb = WordClass(rawValue: 1 << 11)
    /// "and", "but": a coordinated cue may follow.
    static let andBut = WordClass(rawValue: 1 << 12)
    /// "saying", "adding": a participle cue continuing the clause.
    static let sayingAdding = WordClass(rawValue: 1 << 13)
    /// Nouns of a short trailing adverbial ("…, the authority said in a statement on Friday.").
    static let adverbialNoun = WordClass(rawValue: 1 << 14)
    /// Words after a bare-clause cue that mean no clause follows ("said to", "said of").
    static let complementBlocker = WordClass(rawValue: 1 << 15)
    /// Short addressees after an object-frame cue ("told reporters").
    static let addressee = WordClass(rawValue: 1 << 16)
    /// "its", "their", "his", "her" opening a subject.
    static let possessive = WordClass(rawValue: 1 << 17)
    /// A form in `cues.nouns` ("claim", "plan"): attributes after a possessive source.
    static let nounCue = WordClass(rawValue: 1 << 18)
    /// Words that open a clause inside a sentence ("that", "who", "because", "but"), for the
    /// attribution model's clause features.
    static let clauseOpener = WordClass(rawValue: 1 << 19)
    /// The verb of a `cues.phrases` line ("made" of "made it clear"); a cue only when the rest follows.
    static let phraseHead = WordClass(rawValue: 1 << 25)
    // Speaker lexicon (Resources/speakers.txt).
    static let title = WordClass(rawValue: 1 << 20)
    static let groupNoun = WordClass(rawValue: 1 << 21)
    static let organizationWord = WordClass(rawValue: 1 << 22)
    static let personNoun = WordClass(rawValue: 1 << 23)
    static let pronoun = WordClass(rawValue: 1 << 24)

    /// The classes that live in code (``Closed``) and in the rules' literal lists.
    static let closedTable: [String: WordClass] = {
        var t: [String: WordClass] = [:]
        func add(_ words: some Sequence<String>, _ c: WordClass) { for w in words { t[w, default: []].insert(c) } }
        add(Closed.determiners, .determiner)
        add(Closed.clauseWords, .clauseWord)
        add(Closed.nameSuffixes, .nameSuffix)
        add(Closed.subjectPronouns, .subjectPronoun)
        add(Closed.nounMarkers, .nounMarker)
        add(Closed.auxiliaries, .auxiliary)
        add(Closed.prepositions, .preposition)
        add(Closed.forwardPrepositions, .forwardPreposition)
        add(Closed.weekdays, .weekday)
        add(["and", "but"], .andBut)
        add(["saying", "adding"], .sayingAdding)
        add(Closed.adverbialNouns, .adverbialNoun)
        add(Closed.complementBlockers, .complementBlocker)
        add(Closed.addressees, .addressee)
        add(["its", "their", "his", "her"], .possessive)
        add(["that", "which", "who", "whom", "whose", "because", "while", "although", "though", "whether", "if", "when",
             "but", "and", "or", "since", "as", "after", "before", "unless", "so"], .clauseOpener)
        return t
    }()
}

/// A read-only map from a lower-cased word's UTF-8 bytes to a value, looked up straight from the
/// bytes ``TokenView`` folds each token into.
///
/// `Dictionary<String, …>` hashes with SipHash after checking the string's normalization, which made
/// looking every token up cost more than all the rules together; this open-addressing table hashes
/// the bytes with FNV-1a and compares them with `memcmp`-like loops, with no `String` in between.
struct ByteTable<Value: Sendable>: Sendable {
    private var slots: [Int32] = [-1]
    private var mask: Int = 0
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var arena: [UInt8] = []
    private var values: [Value] = []

    init() {}

    init(_ dictionary: [String: Value]) {
        var capacity = 8
        while capacity < dictionary.count * 3 { capacity <<= 1 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (key, value) in dictionary {
            let bytes = Array(key.utf8)
            var h = Self.hash(bytes[...]) & mask
            while slots[h] >= 0 { h = (h + 1) & mask }
            slots[h] = Int32(values.count)
            starts.append(Int32(arena.count))
            lengths.append(Int32(bytes.count))
            arena.append(contentsOf: bytes)
            values.append(value)
        }
    }

    @inline(__always) static func hash<C: Collection<UInt8>>(_ bytes: C) -> Int {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return Int(h)
    }

    /// The value stored for `bytes`, if any.
    @inline(__always) func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? { find(bytes, hash: Self.hash(bytes)) }

    /// The value stored for `bytes` whose ``hash(_:)`` is `hash` (one hash serves several tables).
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Value? {
        slots.withUnsafeBufferPointer { slots in
            var h = hash & mask
            while true {
                let e = Int(slots[h])
                if e < 0 { return nil }
                if Int(lengths[e]) == bytes.count {
                    let s = Int(starts[e])
                    let same = arena.withUnsafeBufferPointer { a in
                        var j = 0
                        for b in bytes { if a[s + j] != b { return false }; j += 1 }
                        return true
                    }
                    if same { return values[e] }
                }
                h = (h + 1) & mask
            }
        }
    }
}
