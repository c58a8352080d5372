import LedeCore

/// Links every quotation's source to one speaker of the article.
///
/// Full names open speakers; surnames and first names link to the full name seen earlier (as a
/// speaker or anywhere in the text, so "Ruiz said" after "Ana Ruiz, a senator, …" resolves);
/// he/she go to the most recent compatible person, gender learned from titles and earlier
/// pronouns; they/it go to the most recent group or organization; "the ministry" goes to the most
/// recent speaker whose name contains "ministry". Unattributed quotations take the previous speaker.
struct SpeakerResolver {
    let v: TokenView
    let lexicon: SpeakerLexicon
    var speakers: [Speaker] = []
    var genders: [SpeakerLexicon.Gender] = []
    /// Lower-cased words of each speaker's name, kept in step with `speakers` (compared often).
    var words: [[String]] = []
    /// Token position of each speaker's latest mention.
    var lastSeen: [Int] = []
    /// Multi-word proper names in the text (titles stripped) with their first token position, and
    /// whether a preposition or "the" before them marks a place or a title rather than a person.
    var names: [(name: String, tokens: [String], at: Int, gender: SpeakerLexicon.Gender, place: Bool)] = []
    /// Capitalized organization names in the text ("Tessaly Corp.", "Greyfield Nurses Association").
    var organizations: [(name: String, tokens: [String], at: Int)] = []

    init(view: TokenView, lexicon: SpeakerLexicon) {
        v = view
        self.lexicon = lexicon
        collectNames()
    }

    /// Capitalized runs of two to four words, titles stripped: the people the article names.
    mutating func collectNames() {
        var k = 0
        let n = v.count
        while k < n {
            guard v.isCapitalized(k), !v.inQuote[k] else { k += 1; continue }
            var e = k
            while e < n, v.isCapitalized(e) || (v.isChar(e, "-") && v.isCapitalized(e + 1))
                    || (v.isChar(e, ".") && v.isCapitalized(e + 1) && (v.low(e - 1).count == 1 || v.has(e - 1, .title) && lexicon.titles[v.low(e - 1)] != nil)) { e += 1 }
            var a = k
            var gender: SpeakerLexicon.Gender = .unknown
            for t in k..<e where v.has(t, .title) {
                let w = v.low(t)
                let key = w.hasSuffix(".") ? String(w.dropLast()) : w
                if let g = lexicon.titles[w] ?? lexicon.titles[key] { a = t + 1; if g != .unknown { gender = g } }
            }
            while a < e, v.isChar(a, ".") { a += 1 }
            // A capitalized function word opening the sentence is no part of a name ("On Twitter",
            // "When Trump", "But Sanders").
            while a < e, v.has(a, [.preposition, .clauseWord, .andBut, .weekday, .subjectPronoun]) { a += 1 }
            // Nor is a word of status before a title ("Former port chairman", "Acting Police Chief").
            while a < e, Self.statusWords.contains(v.low(a)) { a += 1 }
            // Count first and build the word list only for runs that become names: most runs are a
            // single sentence-initial word, and allocating for each showed in the profile.
            var count = 0
            var hasOrganization = false
            var firstIsDeterminer = false
            for t in a..<e where v.isWord(t) {
                if count == 0 { firstIsDeterminer = v.has(t, .determiner) }
                if v.has(t, .organizationWord) { hasOrganization = true }
                count += 1
            }
            let asOrganization = count >= 2 && count <= 6 && hasOrganization && !firstIsDeterminer
            let asName = count >= 2 && count <= 4 && !hasOrganization && !firstIsDeterminer
            if asOrganization || asName || e - a == 1 && gender != .unknown {
                let words = (a..<e).filter { v.isWord($0) }.map { v.low($0) }
                if gender == .unknown, words.count >= 2, let g = lexicon.firstNames[words[0]] { gender = g }
                if asOrganization {
                    var end = e
                    if end < n, v.isChar(end, "."), v.has(end - 1, .nameSuffix) { end += 1 }
                    organizations.append((v.text(a, end), words, a))
                }
                if asName || !asOrganization && !asName {
                    // A two-to-four word name, or "Mr. Pruett": a surname with a gendered title.
                    names.append((v.text(a, e), words, a, gender, a == k && k > 0 && Self.placeWords.contains(v.low(k - 1))))
                }
            }
            k = e
        }
    }

    /// Words before a capitalized run that make it a place or a title, not a person ("in Cedar
    /// Falls", "at Gracie Mansion", "the Harbor Review"): such a run is no antecedent of he or she.
    static let placeWords: Set<String> = ["in", "at", "the", "near", "across", "throughout", "outside", "inside", "into", "from", "of"]

    static let statusWords: Set<String> = ["former", "ex", "then", "late", "acting", "interim", "retired", "outgoing",
                                           "incoming", "longtime", "veteran", "embattled"]

    mutating func add(_ name: String, role: String?, kind: SpeakerKind, gender: SpeakerLexicon.Gender) -> Int {
        speakers.append(Speaker(id: speakers.count, name: name, role: role, kind: kind, mentions: []))
        let tokens = nameTokens(name)
        // No title said it: a common given name usually does ("Luis Ortega" → he).
        genders.append(gender == .unknown && kind == .person && tokens.count >= 2 ? lexicon.firstNames[tokens[0]] ?? .unknown : gender)
        words.append(tokens)
        lastSeen.append(-1)
        return speakers.count - 1
    }

    func nameTokens(_ s: String) -> [String] {
        var out: [String] = []
        // ASCII words are lower-cased byte by byte, in one pass with no intermediate slices:
        // splitting and `String.lowercased()` per word showed in the profile, since every
        // quotation's source is split this way. Other words take the full Unicode mapping.
        var raw: [UInt8] = []
        var low: [UInt8] = []
        raw.reserveCapacity(24)
        low.reserveCapacity(24)
        var ascii = true
        func flush() {
            guard !raw.isEmpty else { return }
            out.append(ascii ? String(decoding: low, as: UTF8.self) : String(decoding: raw, as: UTF8.self).lowercased())
            raw.removeAll(keepingCapacity: true)
            low.removeAll(keepingCapacity: true)
            ascii = true
        }
        for c in s.utf8 {
            if c == 0x20 || c == 0x0A { flush(); continue }
            raw.append(c)
            low.append(c >= 0x41 && c <= 0x5A ? c + 32 : c)
            if c >= 0x80 { ascii = false }
        }
        flush()
        return out
    }

    /// Resolves one source phrase at token position `at`; returns (speaker index, confidence).
    mutating func resolve(_ src: SourcePhrase, at: Int) -> (Int, Double)? {
        let result: (Int, Double)?
        if let p = src.pronoun {
            result = resolvePronoun(p, gender: src.gender, at: at)
        } else if src.proper && src.kind != .group {
            result = resolveName(src, at: at)
        } else {
            result = resolveCommon(src, at: at)
        }
        if let (i, _) = result {
            speakers[i].mentions.append(v.span(src.a, src.b))
            lastSeen[i] = at
            if genders[i] == .unknown, src.gender != .unknown { genders[i] = src.gender }
            if speakers[i].role == nil, let r = src.role { speakers[i].role = r }
        }
        return result
    }

    mutating func resolvePronoun(_ p: Character, gender: SpeakerLexicon.Gender, at: Int) -> (Int, Double)? {
        let order = speakers.indices.sorted { lastSeen[$0] > lastSeen[$1] }
        switch p {
        case "m", "f":
            let speaker = order.first(where: { speakers[$0].kind == .person && (genders[$0] == gender || genders[$0] == .unknown) && lastSeen[$0] <= at })
            // "Tom Reyes told Dan Ruiz that …, and he warned …": a pronoun in the same sentence as the
            // last speaker's mention is that speaker, whoever else the sentence names.
            if let s = speaker, lastSeen[s] >= 0, v.sentence[lastSeen[s]] == v.sentence[at] { return (s, 0.75) }
            // A person named after the last speaker's mention (but before the pronoun) is the likelier antecedent:
            // "Mr. Samuel Greer, said …. He said …" when Greer's first quotation was not attributed; with
            // nobody speaking yet, the latest named person in the text.
            if let nm = names.last(where: { $0.at < at && ($0.gender == gender || $0.gender == .unknown) && !$0.place }),
               nm.at > (speaker.map { lastSeen[$0] } ?? -1) {
                let tokens = nm.tokens
                if let i = speakers.indices.first(where: { words[$0] == tokens || (tokens.count == 1 && words[$0].last == tokens[0]) }) {
                    return (i, 0.6)
                }
                return (add(nm.name, role: nil, kind: .person, gender: gender), 0.5)
            }
            return speaker.map { ($0, 0.7) }
        case "g", "o":
            if let i = order.first(where: { speakers[$0].kind == .group || speakers[$0].kind == .organization }) { return (i, 0.6) }
            return nil
        default:
            if let i = order.first { return (i, 0.5) }
            return nil
        }
    }

    mutating func resolveName(_ src: SourcePhrase, at: Int) -> (Int, Double)? {
        let tokens = nameTokens(src.name)
        guard !tokens.isEmpty else { return nil }
        if let i = speakers.indices.first(where: { words[$0] == tokens }) { return (i, 0.95) }
        if tokens.count == 1 {
            let t = tokens[0]
            // A surname (or a first name) of a speaker, most recent first.
            let order = speakers.indices.sorted { lastSeen[$0] > lastSeen[$1] }
            if let i = order.first(where: { words[$0].last == t && speakers[$0].kind == .person }) { return (i, 0.9) }
            if let i = order.first(where: { words[$0].first == t && speakers[$0].kind == .person }) { return (i, 0.8) }
            // A full name seen earlier in the text.
            if let nm = names.last(where: { $0.tokens.count >= 2 && $0.tokens.last == t && $0.at < at }) ?? names.last(where: { $0.tokens.count >= 2 && $0.tokens.last == t }) {
                return (add(nm.name, role: src.role, kind: .person, gender: nm.gender), 0.8)
            }
        } else if let i = speakers.indices.first(where: { words[$0].count == 1 && words[$0][0] == tokens.last }) {
            speakers[i].name = src.name
            words[i] = tokens
            return (i, 0.9)
        }
        return (add(src.name, role: src.role, kind: src.kind, gender: src.gender), 0.9)
    }

    static let companyWords: Set<String> = ["company", "firm", "corporation", "business", "group", "manufacturer", "maker", "bank", "insurer", "retailer", "carrier", "airline"]

    mutating func resolveCommon(_ src: SourcePhrase, at: Int) -> (Int, Double)? {
        let tokens = nameTokens(src.name)
        if let i = speakers.indices.first(where: { words[$0] == tokens }) { return (i, 0.9) }
        let order = speakers.indices.sorted { lastSeen[$0] > lastSeen[$1] }
        // "the ministry", "the bank": a short definite mention of an earlier organization.
        // "29 percent" after "20 percent of people in a poll": a number makes it another group.
        if let h = src.head, tokens.count <= 2, !tokens.contains(where: { $0.first?.isNumber == true }) {
            if let i = order.first(where: { speakers[$0].kind != .person && words[$0].contains(h) && speakers[$0].name.count > src.name.count }) {
                return (i, 0.75)
            }
            if src.kind == .organization, Self.companyWords.contains(h),
               let i = order.first(where: { speakers[$0].kind == .organization }) {
                return (i, 0.6)
            }
            // An organization named earlier in the text but not yet quoted.
            let isCompany = Self.companyWords.contains(h)
            if src.kind == .organization || src.kind == .group,
               let org = organizations.last(where: { $0.at < at && ($0.tokens.contains(h) || isCompany && $0.tokens.contains(where: { Closed.nameSuffixes.contains($0.hasSuffix(".") ? String($0.dropLast()) : $0) || $0 == "company" })) }) {
                let orgWords = nameTokens(org.name)
                if let i = speakers.indices.first(where: { words[$0] == orgWords }) { return (i, 0.7) }
                return (add(org.name, role: nil, kind: .organization, gender: .unknown), 0.6)
            }
        }
        return (add(src.name, role: src.role, kind: src.kind, gender: src.gender), 0.8)
    }
}
