import LedeCore

/// A source as written next to a cue, with what its words say about the speaker.
struct SourcePhrase {
    /// Token range of the mention (leading article dropped: "the ministry" → "ministry").
    var a: Int
    var b: Int
    /// Name with titles stripped ("Ana Ruiz"), or the phrase itself for common nouns ("U.S. officials").
    var name: String
    var role: String?
    var kind: SpeakerKind
    /// Pronoun class from the lexicon ("m", "f", "g", "o", "s") when the source is a pronoun.
    var pronoun: Character?
    var gender: SpeakerLexicon.Gender = .unknown
    /// First token of the whole phrase as written, with its article and any outer noun phrase
    /// ("the board's director, Ilse Maren"): what a clause before the source ends at.
    var outerA: Int = -1
    /// The name is a proper name (capitalized head), so surnames can link to it.
    var proper: Bool
    /// Lower-cased head noun of a common-noun source ("ministry"), for linking to earlier speakers.
    var head: String?
}

enum NounPhraseWords {
    /// Quantifiers that can stand alone as a source ("Some said …", "Another wrote …").
    static let quantifierSources: [String: SpeakerKind] = [
        "some": .group, "many": .group, "others": .group, "most": .group, "several": .group, "both": .group,
        "another": .person, "one": .person,
    ]
    static let quantifiers = Set(quantifierSources.keys)
    /// Adjectives whose "to"/"with" phrase describes a source ("close to", "familiar with").
    /// U.S. states (lower-cased, multi-word names joined by a space): "in Salem, New Hampshire," is a
    /// place after a town, not the subject that follows an opening adverbial.
    static let usStates: Set<String> = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
        "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
        "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
        "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
        "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "d.c",
    ]

    static let relational: Set<String> = ["close", "closest", "familiar", "loyal", "allied", "aligned", "linked", "tied", "connected", "opposed", "sympathetic"]
    /// Nouns that count or portion a group ("a majority of voters"): the group is the head.
    static let partitives: Set<String> = ["number", "majority", "minority", "percent", "handful", "third", "half", "quarter",
                                          "one", "two", "three", "some", "many", "most", "all", "several", "group", "array",
                                          "lot", "dozens", "hundreds", "thousands", "millions", "share", "plurality", "each", "none"]
}

/// Word classes the noun-phrase rules need; small closed classes live in code, open ones in the lexicon files.
enum Closed {
    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "another", "some", "one"]
    /// Words that end a source phrase when scanning away from the cue.
    static let clauseWords: Set<String> = [
        "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "although", "though", "if",
        "as", "since", "after", "before", "until", "unless", "but", "or", "so", "than", "whether", "what", "how",
        "why", "not", "never", "is", "are", "was", "were", "be", "been", "being", "and", "to", "it's", "there",
        "here", "yet", "however", "meanwhile", "also", "said", "says", "say", "told",
    ]
    static let nameSuffixes: Set<String> = ["inc", "corp", "co", "ltd", "jr", "sr", "bros", "plc", "llc"]
    static let subjectPronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "there"]
    /// Words before a noun: a cue form after them is a noun ("the claims").
    static let nounMarkers: Set<String> = ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "this", "such", "of", "many", "some", "new", "recent", "following"]
    /// Words after a noun subject: a cue form before them is a noun ("states have").
    static let auxiliaries: Set<String> = ["have", "has", "had", "are", "is", "were", "was", "will", "would", "can", "could", "may", "might", "must", "should", "do", "does", "did"]
    static let prepositions: Set<String> = ["of", "for", "from", "in", "at", "with", "on", "by", "at", "within", "across"]
    /// Prepositions that may continue a source forward ("a spokesman for the ministry").
    static let forwardPrepositions: Set<String> = ["of", "for", "from", "at", "with", "in"]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "yesterday", "today", "tonight", "earlier", "later", "recently", "last", "this"]
    /// Nouns of a short adverbial that may follow a cue at the end of a clause ("said in a statement").
    static let adverbialNouns: Set<String> = ["statement", "week", "month", "interview", "morning", "afternoon", "evening", "night", "weekend", "year",
                                              "friday", "monday", "tuesday", "wednesday", "thursday", "saturday", "sunday"]
    /// Words right after a bare-clause cue that mean no clause follows ("said to …", "said of …").
    static let complementBlockers: Set<String> = ["to", "for", "of", "about", "by", "with", "in", "on", "at", "up", "out"]
    /// Short addressees of an object-frame cue, after which the clause starts ("told reporters …").
    static let addressees: Set<String> = ["reporters", "journalists", "me", "us", "him", "her", "them"]
}

extension QuoteExtractor {
    /// A period that belongs to a name: after a title abbreviation ("Dr.") or an initial ("J."),
    /// before another capitalized word.
    func isNamePeriod(_ k: Int) -> Bool {
        guard v.isChar(k, "."), v.isWord(k - 1) else { return false }
        let w = v.low(k - 1)
        // "Northline Marine Inc." / "Hugo Bell Jr.": the period ends the abbreviation, not the sentence.
        if v.isCapitalized(k - 1), v.has(k - 1, .nameSuffix) { return true }
        // "the No. 2 in the GOP leadership": a number's abbreviation.
        if w == "no" || w == "nos", v.isCapitalized(k - 1), v.first(k + 1).isDigit { return true }
        guard v.isCapitalized(k + 1) else { return false }
        return v.has(k - 1, .title) && speakerWords.titles[w] != nil || (w.count == 1 && v.isCapitalized(k - 1))
    }

    /// A middle initial that reads like an article: the "A." of "Jill A. Martin".
    func isInitial(_ k: Int) -> Bool {
        v.isCapitalized(k) && v.tokens[k].span.length == 1 && isNamePeriod(k + 1)
    }

    /// A bare apostrophe closing a plural or s-final possessive ("Sanders' adviser", "the states’
    /// laws"): attached to a word ending in s and followed by a space, so it is no quotation mark.
    func isPossessiveApostrophe(_ k: Int) -> Bool {
        guard v.isQuote(k), k > 0, k + 1 < v.count, v.isWord(k - 1), v.isWord(k + 1) else { return false }
        let c = v.s[v.tokens[k].span.start]
        guard c == "'" || c == "’", v.tokens[k].span.length == 1,
              v.tokens[k - 1].span.end == v.tokens[k].span.start, v.tokens[k].span.end < v.tokens[k + 1].span.start else { return false }
        let last = v.s[v.tokens[k - 1].span.end - 1]
        return last == "s" || last == "S"
    }

    /// Steps left over an age and a home town between commas after a name, the vox-pop style:
    /// "Cory Janes, 22, of Flint, Mich., said" → ends after "Janes". `e` is the exclusive end of
    /// the source (a comma before it when there is something to skip); returns it unchanged otherwise.
    func skipAgeAndPlace(_ e0: Int, floor: Int) -> Int {
        var e = e0
        var skipped = false
        /// The comma that opens the comma-delimited stretch ending at the comma `c`, if short.
        func previousComma(_ c: Int) -> Int? {
            var k = c - 1
            while k > floor, c - k <= 6, !v.isChar(k, ","), !v.isQuote(k), !v.isTerminal(k) || isNamePeriod(k) || v.isChar(k, ".") && v.isCapitalized(k - 1) { k -= 1 }
            return k > floor && v.isChar(k, ",") && k + 1 < c ? k : nil
        }
        /// A party and state: "R-Ky.", "D-N.Y.", "I-Vt".
        func isParty(_ a: Int, _ b: Int) -> Bool {
            guard v.isWord(a), v.tokens[a].span.length >= 3, v.isCapitalized(a) else { return false }
            let p = v.s[v.tokens[a].span.start], d = v.s[v.tokens[a].span.start + 1]
            return (p == "R" || p == "D" || p == "I") && d == "-" && (a + 1..<b).allSatisfy { v.isChar($0, ".") || v.isCapitalized($0) }
        }
        func isPlace(_ a: Int, _ b: Int) -> Bool {
            (a..<b).allSatisfy { v.isCapitalized($0) || v.isChar($0, ".") } && v.isCapitalized(a)
        }
        // ", of Tacoma said": the town may close the stretch without a comma of its own.
        if !v.isChar(e - 1, ",") {
            var o = e - 1
            while o > floor, e - o <= 4, v.isCapitalized(o) || v.isChar(o, ".") { o -= 1 }
            if o > floor + 1, o < e - 1, v.low(o) == "of", v.isChar(o - 1, ","), isPlace(o + 1, e) { e = o; skipped = true }
        }
        while v.isChar(e - 1, ","), let k = previousComma(e - 1) {
            let a = k + 1, b = e - 1
            if b - a == 1, v.tokens[a].kind == .number { e = k + 1; skipped = true; continue }        // ", 69,"
            if isParty(a, b) { e = k + 1; skipped = true; continue }                                   // ", R-Ky.,"
            if v.low(a) == "of", a + 1 < b, isPlace(a + 1, b) { e = k + 1; skipped = true; continue } // ", of Flint,"
            // ", Mich.," after ", of Flint": a state after the town.
            if isPlace(a, b), b - a <= 3, let k2 = previousComma(k), v.low(k2 + 1) == "of", isPlace(k2 + 2, k) {
                e = k2 + 1; skipped = true; continue
            }
            break
        }
        return skipped ? e - 1 : e0
    }

    /// The comma that opens an apposition or relative clause closed by the comma at `close`: the
    /// nearest one to its left within 30 tokens of the same sentence and outside quotation marks.
    func openingComma(before close: Int, floor: Int) -> Int? {
        var k = close - 1
        var steps = 0
        while k > floor, steps < 30, !v.isChar(k, ","), !v.isQuote(k) || isPossessiveApostrophe(k), !v.isTerminal(k) || isNamePeriod(k) { k -= 1; steps += 1 }
        return k > floor && v.isChar(k, ",") ? k : nil
    }

    /// The source that ends right before token `end` (exclusive), scanning left at most to `floor`.
    /// Steps over an apposition or relative clause between commas ("Hugh Hill, a doctor, said").
    func sourceBefore(_ end: Int, floor: Int, lenient: Bool = false, nested: Bool = false) -> SourcePhrase? {
        var e = end
        // "Rep. Trey Gowdy (R-S.C.) said": step over a parenthesis after the name (and a comma
        // after it: "Sen. Jack Reed (D-R.I.), said").
        if v.isChar(e - 1, ","), v.isChar(e - 2, ")") { e -= 1 }
        if v.isChar(e - 1, ")") {
            var k = e - 2
            while k > floor, e - k < 12, !v.isChar(k, "("), !v.isTerminal(k) || v.isChar(k, ".") { k -= 1 }
            if k > floor, v.isChar(k, "(") { e = k }
        }
        e = skipAgeAndPlace(e, floor: floor)
        // "Senate leaders — and, in particular, Harry Reid — insisted": step over a parenthesis
        // between dashes to the subject before it.
        if e - 1 > floor, v.first(e - 1).isDash {
            var d = e - 2
            while d > floor, e - d <= 25, !v.first(d).isDash, !v.isQuote(d), !v.isTerminal(d) || isNamePeriod(d) { d -= 1 }
            if d > floor, v.first(d).isDash, v.isWord(d - 1) { e = d }
        }
        var appositionRole: String?
        if v.isChar(e - 1, ",") {
            // ", a doctor at the clinic," or ", who wrote the draft,": find the comma that opens it.
            guard let k = openingComma(before: e - 1, floor: floor), k + 1 < e - 1 else { return nil }
            let firstWord = v.low(k + 1)
            // "The agency's director, Leonard Pike, said": the name is between the commas.
            if v.isCapitalized(k + 1), !v.has(k + 1, .determiner), var inner = parse(k + 1, e - 1), inner.proper,
               let outer = sourceBefore(k, floor: floor, lenient: true) {
                // "Another delegate on the slate, Jim Poolman, said": the outer phrase only needs to be one.
                if inner.role == nil { inner.role = v.text(outer.a, outer.b) }
                inner.outerA = outer.outerA
                return inner
            }
            // "Tad Devine, Sanders' senior media adviser, said", "…, Bernie Sanders's manager,": a
            // possessive in the apposition makes it a role too.
            let possessive = ((k + 2)..<max(k + 2, e - 1)).contains { ["'s", "’s"].contains(v.low($0)) || isPossessiveApostrophe($0) }
            guard v.first(k + 1).isLowercaseLetter || v.has(k + 1, .determiner) || possessive else { return nil }
            if !["who", "which", "whose"].contains(firstWord) { appositionRole = v.text(k + 1, e - 1) }
            e = k
            // An age between commas before the clause: "Jim Hatcher, 71, who …".
            if e - 2 > floor, v.tokens[e - 1].kind == .number, v.isChar(e - 2, ",") { e -= 2 }
            // "Geoff Garin, a pollster who works with Priorities USA, a super PAC, said": this
            // apposition follows another one (or a relative clause); the name is before that one.
            if !nested, v.isChar(e, ","), let k2 = openingComma(before: e, floor: floor), !v.has(k2 + 1, .andBut),
               v.first(k2 + 1).isLowercaseLetter || v.has(k2 + 1, .determiner),
               let outer = sourceBefore(e + 1, floor: floor, lenient: lenient, nested: true) { return outer }
        }
        // "Then she added", "But they argued": a subject pronoun next to the verb is the whole source.
        if e - 1 >= floor, v.has(e - 1, .subjectPronoun), e - 2 < floor || !v.has(e - 2, .preposition),
           let pronoun = parse(e - 1, e), pronoun.pronoun != nil {
            var phrase = pronoun
            phrase.outerA = e - 1
            return phrase
        }
        var a = e
        var count = 0
        while a - 1 >= floor, count < 9 {
            let k = a - 1
            let t = v.tokens[k]
            if t.kind == .word {
                let c = v.cls(k)
                // "people close to Clinton", "a person familiar with the talks": the preposition
                // after such an adjective belongs to the phrase.
                let linked = (v.low(k) == "to" || v.low(k) == "with") && NounPhraseWords.relational.contains(v.low(k - 1))
                if c.contains(.clauseWord) && !linked && !(c.contains(.andBut) && v.low(k) == "and" && v.isCapitalized(k - 1) && v.isCapitalized(k + 1)) { break }
                if c.contains(.cueVerb) && !v.isCapitalized(k) && k != e - 1 { break }
                a = k; count += 1
                // A determiner starts the phrase unless a preposition or possessive precedes it.
                if c.contains(.determiner) && !(k - 1 >= floor && v.has(k - 1, .preposition)) && !isInitial(k) { break }
                continue
            }
            if t.kind == .number { a = k; count += 1; continue }
            if isNamePeriod(k) { a = k; continue }
            // "Procter & Gamble", "the 43-year-old": a hyphen after a number joins it too.
            if (v.isChar(k, "-") || v.isChar(k, "&")) && k > floor && (v.isWord(k - 1) || v.tokens[k - 1].kind == .number) { a = k; continue }
            break
        }
        guard a < e else { return nil }
        // Drop leading prepositions or time words picked up at the left edge ("On Tuesday the mayor").
        while a < e, v.has(a, .preposition) || v.has(a, .weekday) && e - a > 1 { a += 1 }
        guard a < e, var phrase = parse(a, e, lenient: lenient) else { return nil }
        if phrase.role == nil, let r = appositionRole, phrase.pronoun == nil { phrase.role = r }
        phrase.outerA = a
        return phrase
    }

    /// The noun phrase a relative "who" at token `w` attaches to ("Mike Lee, who declared",
    /// "voters who say"): it names the speaker whose mention, as written, is "who".
    func relativeAntecedent(of w: Int, floor: Int) -> SourcePhrase? {
        let e = v.isChar(w - 1, ",") ? w - 1 : w
        var antecedent = sourceBefore(e, floor: floor, lenient: true)
        // "Amos Tull, 71, who said": the age is an apposition; the name before it is the speaker.
        if let s = antecedent, s.b - s.a == 1, v.tokens[s.a].kind == .number, s.a - 1 > floor, v.isChar(s.a - 1, ","),
           let named = sourceBefore(s.a - 1, floor: floor, lenient: true), named.pronoun == nil {
            antecedent = named
        }
        guard let s = antecedent, s.pronoun == nil else { return nil }
        return s
    }

    /// The source that starts at token `start` ("said Harbor Master Daniel Pruett, who …"), up to `limit`.
    func sourceAfter(_ start0: Int, limit: Int, lenient: Bool = false) -> SourcePhrase? {
        // "While Clinton spoke: …", "But Sanders: …": a clause word opening the stretch is not the source's.
        var start = start0
        while start < limit, start - start0 < 2, v.isWord(start), v.has(start, .clauseWord), v.low(start) != "who" { start += 1 }
        // "she responded Tuesday …": a subject pronoun is the whole source.
        if start < limit, v.has(start, .subjectPronoun), let p = speakerWords.pronouns[v.low(start)] { return pronounPhrase(at: start, class: p) }
        var b = start
        while b < limit, b - start < 9 {
            let t = v.tokens[b]
            if t.kind == .word {
                let w = v.low(b)
                let c = v.cls(b)
                if b > start && (c.contains(.clauseWord) && !(c.contains(.andBut) && v.low(b) == "and" && v.isCapitalized(b - 1) && v.isCapitalized(b + 1)))
                    || (b > start && c.contains(.preposition) && !c.contains(.forwardPreposition)) { break }
                // "said Ruiz in a statement": a preposition after a proper name ends the source.
                if b > start && c.contains(.preposition) && v.isCapitalized(b - 1) && !v.isCapitalized(b + 1)
                    && !v.has(b + 1 < limit ? b + 1 : b, .determiner) { break }
                if b > start && c.contains(.preposition) && b + 1 < limit && v.has(b + 1, .weekday) { break }
                if b > start && (w == "in" || w == "at" || w == "on") && v.isCapitalized(b - 1) { break }
                b += 1; continue
            }
            if t.kind == .number { b += 1; continue }
            if b > start && isNamePeriod(b) { b += 1; continue }
            if v.isChar(b, "-") && b > start && v.isWord(b + 1) { b += 1; continue }
            break
        }
        guard b > start else { return nil }
        var phrase = parse(start, b, lenient: lenient)
        // ", a doctor at the clinic" right after the name: its role.
        if phrase != nil, phrase!.role == nil, phrase!.proper, v.isChar(b, ","), b + 1 < limit, v.isWord(b + 1),
           v.has(b + 1, .determiner) {
            var k = b + 1
            while k < limit, !v.isPunct(k), !v.isQuote(k), k - b < 10 { k += 1 }
            phrase!.role = v.text(b + 1, k)
        }
        return phrase
    }

    /// The one-token pronoun source at `k` with pronoun class `p` ("m", "f", "g", "o", "s"): gender
    /// and kind follow the class, and the resolver links it to an earlier speaker.
    func pronounPhrase(at k: Int, class p: Character) -> SourcePhrase {
        let g: SpeakerLexicon.Gender = p == "m" ? .male : p == "f" ? .female : .unknown
        let kind: SpeakerKind = p == "g" ? .group : p == "o" ? .organization : .person
        return SourcePhrase(a: k, b: k + 1, name: v.text(k, k + 1), role: nil, kind: kind, pronoun: p, gender: g, proper: false, head: nil)
    }

    /// The "of" inside an organization's name ("Bank of England", "Federal Bureau of Prisons",
    /// "University of Michigan"): after a capitalized organization word, before a capitalized word.
    /// Not after a person's name or title ("Ana Ruiz of Oregon", "Secretary of State John Kerry").
    func isOrganizationOf(_ k: Int) -> Bool {
        k > 0 && k + 1 < v.count && v.low(k) == "of" && v.isCapitalized(k - 1) && v.has(k - 1, .organizationWord) && v.isCapitalized(k + 1)
    }

    /// Reads a source phrase from tokens [a, b): pronoun, proper name with titles, or common noun.
    func parse(_ a0: Int, _ b0: Int, lenient: Bool = false) -> SourcePhrase? {
        var a = a0, b = b0
        // "Robert P. Casey Jr.": the period of a name suffix is not part of the head.
        while b - 1 > a, v.isChar(b - 1, ".") { b -= 1 }
        if b - a == 1, let p = speakerWords.pronouns[v.low(a)] { return pronounPhrase(at: a, class: p) }
        // "Some said …", "Others say …", "Most agreed …": a quantifier standing alone is a group.
        if b - a == 1, let kind = NounPhraseWords.quantifierSources[v.low(a)] {
            return SourcePhrase(a: a, b: b, name: v.text(a, b), role: nil, kind: kind, pronoun: nil, proper: false, head: v.low(a))
        }
        while a < b - 1, v.has(a, .determiner), !isInitial(a) { a += 1 }
        if b - a == 1 && v.has(a, .determiner) { return nil }
        // Head: the last word before the first post-modifying preposition ("spokesperson for the speaker").
        var headEnd = b
        for k in (a + 1)..<max(a + 1, b) {
            if v.has(k, .forwardPreposition) && !v.isCapitalized(k) && !isOrganizationOf(k) { headEnd = k; break }
            // "People close to Clinton": the adjective opens the post-modifier.
            if k + 1 < b, NounPhraseWords.relational.contains(v.low(k)), v.low(k + 1) == "to" || v.low(k + 1) == "with" { headEnd = k; break }
        }
        var h = headEnd - 1
        guard h >= a, v.isWord(h) || v.tokens[h].kind == .number else { return nil }
        // "a number of Democrats", "one of the prosecutors", "67 percent of voters": a partitive
        // takes the head of its "of" phrase.
        if headEnd < b, v.low(headEnd) == "of", NounPhraseWords.partitives.contains(v.low(h)) || v.tokens[h].kind == .number {
            var k = headEnd + 1
            while k < b, !v.has(k, .forwardPreposition) || v.isCapitalized(k) { k += 1 }
            if k - 1 > headEnd, v.isWord(k - 1) {
                let inner = v.low(k - 1)
                if speakerWords.groupNouns.contains(inner) || speakerWords.personNouns.contains(inner) || speakerWords.organizationWords.contains(inner)
                    || v.isCapitalized(k - 1) {
                    return SourcePhrase(a: a, b: b, name: v.text(a, b), role: nil, kind: .group, pronoun: nil, proper: false, head: inner)
                }
            }
            h = headEnd - 1
        }
        let headWord = v.low(h)
        // "Trump Could Address Clean Energy": a phrase ending in a modal or auxiliary is no speaker
        // (but Will and May are names).
        if v.has(h, .auxiliary), headWord != "will", headWord != "may" { return nil }
        // "Tuesday", "Today": a day is no speaker.
        if v.has(h, .weekday) { return nil }
        if v.isCapitalized(h) || (v.first(h).isUppercaseLetter) {
            // Proper name: the capitalized run ending at the head, titles split off into the role.
            var r = h
            while r - 1 >= a, v.isCapitalized(r - 1) || v.isChar(r - 1, "-") || isNamePeriod(r - 1) || isOrganizationOf(r - 1)
                    || ["de", "van", "von", "da", "al", "bin", "la", "le", "del", "der"].contains(v.low(r - 1)) && v.isCapitalized(r - 2) {
                r -= 1
            }
            if headEnd < b {
                // "Spokesperson for the European Commission": a capitalized common noun with a modifier.
                let isCommon = speakerWords.personNouns.contains(headWord) || speakerWords.groupNouns.contains(headWord)
                // "Secretary of State John Kerry", "Minister of Finance Ana Ruiz": an office, then a
                // name opened by a known first name, to the phrase's end.
                if isCommon, v.low(headEnd) == "of", headEnd + 2 < b, (headEnd + 1..<b).allSatisfy({ v.isCapitalized($0) || isNamePeriod($0) }),
                   let first = (headEnd + 2..<b - 1).first(where: { speakerWords.firstNames[v.low($0)] != nil }) {
                    return SourcePhrase(a: a, b: b, name: v.text(first, b), role: v.text(a, first), kind: .person, pronoun: nil,
                                        gender: speakerWords.firstNames[v.low(first)] ?? .unknown, proper: true, head: v.low(b - 1))
                }
                if isCommon {
                    return SourcePhrase(a: a, b: b, name: v.text(a, b), role: nil, kind: speakerWords.groupNouns.contains(headWord) ? .group : .person,
                                        pronoun: nil, proper: false, head: headWord)
                }
            }
            var lastTitle = -1
            var gender: SpeakerLexicon.Gender = .unknown
            for k in r...h {
                let w = v.low(k)
                let key = w.hasSuffix(".") ? String(w.dropLast()) : w
                if let g = speakerWords.titles[w] ?? speakerWords.titles[key] {
                    // A title word inside an organization's name ("Senate Leadership Fund") is not a title.
                    lastTitle = k
                    if g != .unknown { gender = g }
                }
            }
            if lastTitle < 0, h - r >= 2, v.has(r, .personNoun) { lastTitle = r }
            var nameStart = lastTitle >= 0 ? lastTitle + 1 : r
            while nameStart < h, v.isChar(nameStart, ".") { nameStart += 1 }
            if nameStart > h { nameStart = r; lastTitle = -1 }  // "the Senator" alone: the title is the name
            let isOrg = (nameStart...h).contains { v.has($0, .organizationWord) }
                || speakerWords.organizationWords.contains(headWord)
            if isOrg { nameStart = r; lastTitle = -1 }
            var roleParts: [String] = []
            if a < nameStart { roleParts.append(v.text(a, nameStart)) }
            let name = v.text(nameStart, headEnd == b ? b : headEnd)
            let kind: SpeakerKind
            if isOrg { kind = .organization }
            else if speakerWords.groupNouns.contains(headWord) { kind = .group }
            else { kind = .person }
            let mentionStart = isOrg || kind == .group ? a : a
            return SourcePhrase(a: mentionStart, b: b, name: kind == .group ? v.text(a, b) : name,
                                role: roleParts.isEmpty ? nil : roleParts.joined(separator: " "),
                                kind: kind, pronoun: nil, gender: gender, proper: kind != .group, head: headWord)
        }
        // Common noun: needs a speaking head ("officials", "ministry", "spokesman") to count as a source.
        let kind: SpeakerKind
        if speakerWords.groupNouns.contains(headWord) { kind = .group }
        else if speakerWords.organizationWords.contains(headWord) { kind = .organization }
        else if speakerWords.personNouns.contains(headWord) { kind = .person }
        // "the justice", "the senator": an office held by one person.
        else if v.has(h, .title) && speakerWords.titles[headWord] != nil { kind = .person }
        // "the 43-year-old asked", "two 18-year-olds said": an age stands for the person.
        else if headWord.hasSuffix("year-old") { kind = .person }
        else if headWord.hasSuffix("year-olds") { kind = .group }
        else if (a..<b).contains(where: { v.isCapitalized($0) }) && headWord.hasSuffix("s") { kind = .group }
        else if lenient { kind = headWord.hasSuffix("s") ? .group : .unknown }
        else { return nil }
        return SourcePhrase(a: a, b: b, name: v.text(a, b), role: nil, kind: kind, pronoun: nil, proper: false, head: headWord)
    }
}
