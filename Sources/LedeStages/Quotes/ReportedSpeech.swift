import LedeCore

extension QuoteExtractor {
    /// Reported speech from cue frames, sentence by sentence, outside quotation marks:
    /// `X said (that) …`, `X urged Y to …`, `X questioned whether …`, `…, X said.`, `…, said X.`,
    /// `A, X said, B.`, `According to X, …` and `…, according to X.` A reported clause that contains
    /// a quoted fragment is a mixed quotation and absorbs the fragment. Quoted segments nobody
    /// claimed are then kept as unattributed quotations (speaker of the previous one) unless they
    /// look like scare quotes or titles.
    mutating func findReportedSpeech(segments: [QuotedSegment], direct: [Int]) {
        var use = direct
        var k = 0
        let n = v.count
        while k < n {
            defer { k += 1 }
            guard !v.inQuote[k], !claimed[k], v.tokens[k].kind == .word, isBody(k) else { continue }
            let (sa, sb) = sentenceBounds(k)
            guard let (quote, lastToken) = reported(at: k, sentence: sa, sb) else { continue }
            // Quoted segments inside the clause: mixed, unless one is already a direct quotation.
            var conflict = false
            var hasQuote = false
            var members: [Int] = []
            for (i, seg) in segments.enumerated() where quote.span.overlaps(seg.content) {
                if use[i] >= 0 { conflict = true; break }
                members.append(i); hasQuote = true
            }
            if conflict { continue }
            var q = quote
            if hasQuote {
                q.kind = .mixed
                q.confidence = 0.8
                for i in members {
                    use[i] = found.count
                    let seg = segments[i]
                    if seg.content.end > q.span.end { q.span = TextSpan(q.span.start, closeEnd(seg)) }
                }
            }
            q.pieces = [q.span]
            if let c = q.cue { for t in c { claimed[t] = true } }
            if let s = q.source { for t in s.a..<s.b { claimed[t] = true } }
            // Cues inside the reported clause belong to it ("she said she believed …").
            var t = k
            while t < n, v.tokens[t].span.start < q.span.end { claimed[t] = true; t += 1 }
            found.append(q)
            _ = lastToken
        }
        // Leftover quoted segments.
        for (i, seg) in segments.enumerated() where use[i] < 0 && isBody(seg.open) {
            if seg.words < minimumWords || isNameOrValue(seg) { continue }
            let o = seg.open
            let before = o > 0 && v.paragraph[o - 1] == v.paragraph[o] ? o - 1 : -1
            let embeddedBefore = before >= 0 && (v.isWord(before) || v.tokens[before].kind == .number)
            let after = seg.closeLast(v).map { $0 + 1 } ?? -1
            let embeddedAfter = after >= 0 && after < n && v.paragraph[after] == v.paragraph[o] && v.isWord(after)
            if embeddedBefore && (embeddedAfter || seg.words < 6) { continue }
            if embeddedBefore && !seg.balanced { continue }
            found.append(FoundQuote(kind: .direct, span: seg.content, pieces: [seg.content], source: nil, cue: nil, lemma: nil,
                                    confidence: seg.balanced ? 0.5 : 0.3, inheritsSpeaker: true))
            use[i] = found.count - 1
        }
    }

    /// The first comma in `from..<limit` outside quotation marks (the comma that closes a clause
    /// the writer set off, not one inside a quoted fragment).
    func unquotedComma(from t: Int, before limit: Int) -> Int? {
        (t..<max(t, limit)).first { v.isChar($0, ",") && !v.inQuote[$0] }
    }

    /// End of a segment's content including its closing mark (mixed quotations keep the mark).
    func closeEnd(_ seg: QuotedSegment) -> Int {
        if let c = seg.closeLast(v) { return v.tokens[c].span.end }
        return seg.content.end
    }

    /// An -ing form that can head a participle clause ("saying", "leaving"), not one of the -ing
    /// words that work as prepositions or pronouns ("including", "nothing").
    func isParticiple(_ k: Int) -> Bool {
        guard v.isWord(k) else { return false }
        let w = v.low(k)
        return w.utf8.count > 5 && w.hasSuffix("ing") && !Self.participlePrepositions.contains(w)
    }

    /// "-ing" words that work as prepositions and stay inside a clause ("…, including the tax").
    static let participlePrepositions: Set<String> = ["including", "according", "following", "regarding", "concerning", "during",
                                                       "excluding", "involving", "notwithstanding", "pending", "considering", "barring", "nothing", "something", "anything", "everything"]

    /// Documents that speak for whoever issued them ("issued a statement saying …").
    static let documentNouns: Set<String> = ["statement", "letter", "memo", "email", "release", "tweet", "post", "video", "ad", "message", "note",
                                             "paper", "editorial", "op-ed"]

    /// Relative pronouns that stand for the reported content ("which he called …", "what she said was …").
    static let relativeObjects: Set<String> = ["which", "what"]
    /// Relative pronouns that open a clause set off by commas ("…, which votes next, …").
    static let commaRelatives: Set<String> = ["which", "who", "whose", "where"]

    /// Words that open a concessive clause after a comma ("…, even though …").
    static let concessives: Set<String> = ["although", "though", "even", "whereas", "despite"]
    /// Prepositions and subordinators that join a participle to the main clause without changing
    /// its subject ("responded by saying", "after warning", "without naming"); not "of" or "for",
    /// whose participle is often the object's ("accused Ruiz of saying").
    static let participleLinks: Set<String> = ["by", "from", "after", "before", "while", "when", "without", "in", "since", "despite", "through"]
    /// Words that open a subordinate clause before its subject ("While Ramos said …, he …").
    static let subordinators: Set<String> = ["while", "although", "though", "because", "since", "when", "whereas", "if", "after", "before", "once", "unless", "as"]

    /// Sentence adverbs, connectives and focus words that can open a clause before its subject
    /// ("However, Adelson …", "Meantime, …", "Even a top strategist …"); none of them names a speaker.
    static let openingAdverbs: Set<String> = [
        "so", "yet", "then", "still", "however", "meanwhile", "meantime", "instead", "indeed", "moreover", "furthermore",
        "nevertheless", "nonetheless", "now", "here", "there", "also", "again", "finally", "ultimately", "eventually",
        "separately", "similarly", "likewise", "otherwise", "thus", "therefore", "hence", "overall", "besides",
        "initially", "originally", "additionally", "notably", "ironically", "apparently", "clearly", "obviously",
        "afterward", "afterwards", "even", "only", "just", "perhaps", "maybe", "surely", "certainly",
    ]
    /// Prepositions that open a sentence-initial adverbial but are not in the noun-phrase list
    /// ("Alongside the calls for action, a strategist said …", "Despite the vote, …").
    static let openingPrepositions: Set<String> = [
        "alongside", "despite", "amid", "amidst", "during", "beyond", "unlike", "like", "under", "against", "among",
        "without", "throughout", "following", "toward", "towards", "over", "through", "into", "about", "upon", "behind",
        "besides", "regarding", "given", "inside", "outside", "near", "to", "until", "ahead",
    ]

    /// The token after a wire dateline opening the sentence ("WASHINGTON (AP) — …",
    /// "Washington (AFP) – …", "PARIS, France — …"): a place and an agency are never the subject.
    func datelineEnd(_ sa: Int, limit: Int) -> Int? {
        var k = sa
        // "DECATUR, Ill. —": a state's abbreviation ends with a period.
        while k < limit, k - sa < 6, v.isCapitalized(k) || v.isChar(k, ",") || isNamePeriod(k)
                || v.isChar(k, ".") && k > sa && v.isCapitalized(k - 1) && v.tokens[k - 1].span.length <= 5 { k += 1 }
        guard k > sa, v.isCapitalized(sa) else { return nil }
        if k < limit, v.isChar(k, "(") {
            var c = k + 1
            while c < limit, c - k <= 4, !v.isChar(c, ")") { c += 1 }
            guard c < limit, v.isChar(c, ")") else { return nil }
            k = c + 1
        }
        guard k + 1 < limit, v.isDash(k) else { return nil }
        return k + 1
    }

    /// A subject phrase of up to six words after the conjunction at `t`, then a cue verb that takes
    /// a clause ("and more than 4 in 10 said Trump would …", "but the mayor argued that …").
    func coordinatedAttribution(after t: Int, sb: Int) -> Bool {
        var k = t + 1
        while k < sb, k - t <= 7, v.isWord(k) || v.tokens[k].kind == .number || isNamePeriod(k), cueVerb(k) == nil, !v.has(k, .clauseWord) || v.low(k) == "than" { k += 1 }
        guard k > t + 1, k < sb, k - t <= 7, let e = cueVerb(k), !v.isCapitalized(k), complementStart(after: k, entry: e, sb: sb) != nil else { return false }
        return sourceBefore(k, floor: t + 1, lenient: true) != nil
    }

    /// Reported content from token `a` to the end of the sentence, without final punctuation.
    func content(from a: Int, to sb0: Int) -> TextSpan? {
        var sb = sb0
        var t = a + 1
        while t + 1 < sb0 {
            // ", even though …", ", although …": a concession after the reported clause is the writer's.
            // (", though culturally conservative, areas": a parenthetical adjective closed by a comma stays.)
            if v.isChar(t - 1, ","), !v.inQuote[t], Self.concessives.contains(v.low(t)),
               !(t + 2..<min(sb0, t + 5)).contains(where: { c in v.isChar(c, ",") && ((t + 1)..<c).allSatisfy { v.isWord($0) && !v.isCapitalized($0) && !v.has($0, [.subjectPronoun, .clauseWord, .determiner]) } }) {
                sb = t - 1
                break
            }
            // "…, leaving Cleveland excited", "…, describing the team as …": a participle after a
            // comma is the writer's adjunct, not the reported clause.
            let commaBefore = v.isChar(t - 1, ",") || v.isQuote(t - 1) && v.isChar(t - 2, ",")   // ",” leaving"
            if commaBefore, !v.inQuote[t], !v.isCapitalized(t), isParticiple(t) || isMannerAdverb(t) && isParticiple(t + 1) {
                sb = v.isChar(t - 1, ",") ? t - 1 : t
                break
            }
            // "…, the New York Times reported late Thursday.": a trailing attribution of its own
            // closes the clause (it attributes what comes before it, as a quotation of its own).
            if v.isChar(t - 1, ","), !v.inQuote[t], closingAttribution(at: t, sb: sb0) {
                sb = t - 1
                break
            }
            // "…, according to the sources.": a source-first cue closing the sentence, likewise.
            if v.isChar(t - 1, ","), !v.inQuote[t], closingSourceFirst(at: t, sb: sb0) != nil {
                sb = t - 1
                break
            }
            // "…, and more than 4 in 10 said …", "…, while 22 percent said …", "…; 29 percent said …":
            // a coordinated clause with a subject and a cue of its own is the next attribution.
            if v.isChar(t - 1, ","), v.has(t, .andBut) || v.low(t) == "while" || v.low(t) == "whereas", !v.inQuote[t],
               coordinatedAttribution(after: t, sb: sb0) {
                sb = t - 1
                break
            }
            if v.isChar(t, ";"), !v.inQuote[t], coordinatedAttribution(after: t, sb: sb0) {
                sb = t
                break
            }
            // "Most voters say they are embarrassed, but he is still the favorite": ", but" and a new
            // subject (a pronoun or a name) is the writer's contrast. (On PolNeAR train the reported
            // clause stops there more often than not; "…, but it needed work" inside the speaker's
            // words is the exception.)
            if v.isChar(t - 1, ","), v.low(t) == "but", !v.inQuote[t], t + 1 < sb0, v.has(t + 1, .subjectPronoun) || v.isCapitalized(t + 1) {
                sb = t - 1
                break
            }
            // "…, whom he described as “peaceful,”": a relative clause with its own speaker and cue.
            if v.isChar(t - 1, ","), !v.inQuote[t], ["who", "whom", "which"].contains(v.low(t)), t + 2 < sb0,
               v.has(t + 1, .subjectPronoun), cueVerb(t + 2) != nil {
                sb = t - 1
                break
            }
            if v.has(t, [.andBut, .sayingAdding]), !v.inQuote[t] {
                // "… and warned that", "…, but she has also cited …": a coordinated cue, with or
                // without a subject pronoun of its own, starts the next attribution; an attitude
                // verb too, after a subject pronoun or a quoted fragment ("found Trump “charming” and
                // called his standing “unheard of”"; without either, it lost on PolNeAR train).
                var first = t + 1
                if !v.has(t, .sayingAdding), first < sb0, v.has(first, .subjectPronoun), v.isChar(t - 1, ",") { first += 1 }
                let verb = v.has(t, .sayingAdding) ? t : skipForward(first, sb0)
                if let e = cueVerb(verb), !e.frames.isEmpty, verb + 1 < sb0,
                   complementStart(after: verb, entry: e, sb: sb0) != nil || (first > t + 1 || v.inQuote[t - 1]) && objectContent(after: verb, entry: e, sb: sb0) != nil {
                    sb = v.isChar(t - 1, ",") ? t - 1 : t
                    break
                }
            }
            t += 1
        }
        var b = sb
        while b > a, v.isPunct(b - 1) { b -= 1 }
        guard b > a, QuoteMarks.wordCount(v, a, b) >= 2 else { return nil }
        // Keep a closing quotation mark that ends the clause (it belongs to a quoted fragment).
        var end = v.tokens[b - 1].span.end
        if b < sb, v.isQuote(b) { end = v.tokens[b].span.end }
        else if b + 1 < sb, v.isQuote(b + 1), v.isTerminal(b) { end = v.tokens[b + 1].span.end }
        return TextSpan(v.tokens[a].span.start, end)
    }

    /// "Asked whether he would run, Ruiz said …", "When asked about the vote, …", "Asked by Lauer
    /// if …,": the reporter's question in a sentence-initial reduced passive, up to its comma. Its
    /// asker goes unnamed unless "by" names one (PolNeAR train: 32 of 38 such openings are
    /// annotated so). The main clause after the comma is left to its own cue.
    func askedQuestion(at k: Int, sentence sa: Int, _ sb: Int) -> (FoundQuote, Int)? {
        guard v.low(k) == "asked", k == sa || k == sa + 1 && v.low(sa) == "when" else { return nil }
        var w = k + 1
        var src: SourcePhrase?
        if w < sb, v.low(w) == "by" {
            guard let q = ((w + 1)..<min(sb, w + 9)).first(where: { Self.askedOpeners.contains(v.low($0)) }) else { return nil }
            src = sourceAfter(w + 1, limit: q, lenient: true)
            guard src != nil else { return nil }
            w = q
        }
        guard w < sb, Self.askedOpeners.contains(v.low(w)),
              let comma = unquotedComma(from: w + 2, before: sb), comma + 1 < sb,
              let c = content(from: w, to: comma) else { return nil }
        return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<v.cueEnd(k), lemma: "ask", confidence: 0.6), comma)
    }

    static let askedOpeners: Set<String> = questionWords.union(["whether", "if", "about"])

    /// The source of a source-first cue at `k` ("according to") whose phrase runs to the end of the
    /// sentence: "…, according to the sources.", "… according to figures her campaign released
    /// Friday." The phrase may go on past its head with a reduced relative clause or a "by" phrase,
    /// but holds no comma, quotation mark or clause of its own.
    func closingSourceFirst(at k: Int, sb: Int) -> SourcePhrase? {
        guard let after = sourceFirstCue(at: k), after < sb else { return nil }
        var end = after
        while end < sb, !v.isTerminal(end) || isNamePeriod(end) { end += 1 }
        guard end - after <= 16, !(after..<end).contains(where: { v.isChar($0, ",") || v.isQuote($0) || v.isChar($0, ";") }) else { return nil }
        if let src = sourceAfter(after, limit: end, lenient: true) { return src }
        // "figures her campaign released Friday", "data released Friday": the head noun comes before
        // the modifier that the phrase parser refuses (a day, a possessive, a cue verb).
        guard let m = ((after + 1)..<end).first(where: { v.has($0, [.weekday, .determiner, .possessive]) || cueVerb($0) != nil || v.low($0).hasSuffix("ed") }) else { return nil }
        return sourceAfter(after, limit: m, lenient: true)
    }

    /// Words before a day or time in a trailing adverbial ("late Thursday", "early this week"), besides
    /// the prepositions and day words the loops check by class.
    static let timeModifiers: Set<String> = ["late", "early"]

    /// Whether a source phrase at `t` and a speech cue after it end the sentence
    /// (", a Chinese official said.", ", the Times reported late Thursday.").
    func closingAttribution(at t: Int, sb: Int) -> Bool {
        // The verb: the first cue within a few plain words.
        var c = t
        while c < sb, c - t < 8, cueVerb(c) == nil, v.isWord(c) || isNamePeriod(c) || v.tokens[c].kind == .number { c += 1 }
        guard c > t, c < sb, let e = cueVerb(c), e.frames.contains(.that), !v.isCapitalized(c),
              let src = parse(t, c), src.b == c else { return false }
        var k = c + 1
        if k >= sb || v.isTerminal(k) { return true }
        if trailingAdjuncts(after: c, entry: e, sb: sb).map({ $0 >= sb || v.isTerminal($0) }) == true { return true }
        while k < sb, k - c <= 3, v.isWord(k), v.has(k, [.preposition, .weekday, .determiner, .adverbialNoun]) || Self.timeModifiers.contains(v.low(k)) { k += 1 }
        return k > c + 1 && (k >= sb || v.isTerminal(k))
    }

    /// Steps right over words that sit between a subject and its verb ("and also warned").
    func skipForward(_ k: Int, _ limit: Int) -> Int {
        var t = k
        while t < limit, t - k < 3, v.has(t, .between) { t += 1 }
        return min(t, limit - 1)
    }

    /// A sentence-initial subject for coordinated cues ("The federation welcomed X but warned that…").
    func leadingSubject(_ sa0: Int, limit: Int) -> SourcePhrase? {
        var sa = sa0
        // "Its ambassador, Petr Halloran, declined …": the name in the opening apposition.
        if let c = (sa..<min(limit, sa + 6)).first(where: { v.isChar($0, ",") }), v.isCapitalized(c + 1) {
            var e = c + 1
            while e < limit, v.isCapitalized(e) || isNamePeriod(e) { e += 1 }
            if e < limit, v.isChar(e, ","), e - c >= 2, let p = parse(c + 1, e), p.proper { return p }
        }
        while sa < limit, v.has(sa, .possessive) { sa += 1 }
        var b = sa
        while b < limit, b - sa < 8, v.isWord(b) || isNamePeriod(b) || v.isChar(b, "-") {
            // "Former Secretary of State Hillary Clinton": "of" between capitalized words stays in.
            if b > sa, v.isWord(b), !v.isCapitalized(b), !v.has(b, [.groupNoun, .organizationWord, .title, .personNoun]),
               !v.has(b, .determiner), v.low(b) != "'s", !(v.low(b) == "of" && v.isCapitalized(b - 1) && b + 1 < limit && v.isCapitalized(b + 1)) { break }
            b += 1
        }
        return b > sa ? parse(sa, b) : nil
    }

    /// The phrase opens its clause: at the sentence start, or after a comma, a conjunction or a
    /// subordinator ("…, though 32 percent said …", "And a number of delegates say …").
    func opensClause(_ phrase: SourcePhrase, sentence sa: Int) -> Bool {
        var a = phrase.outerA >= 0 ? min(phrase.outerA, phrase.a) : phrase.a
        while a - 1 >= sa, v.has(a - 1, .determiner) { a -= 1 }
        if a <= sa + 1 { return true }
        let w = v.low(a - 1)
        return v.isChar(a - 1, ",") || v.has(a - 1, .andBut) || Self.subordinators.contains(w) || Self.concessives.contains(w)
    }

    /// The subject of the main clause for a participle or coordinated cue at `end` ("…, saying",
    /// "… but warned"): the previous quotation's source in the same sentence, else the phrase that
    /// opens the sentence, after an opening adverbial if there is one ("In a victory speech on
    /// Tuesday, Mr. Trump struck a measured tone, saying …").
    func clauseSubject(sentence sa: Int, before end: Int) -> SourcePhrase? {
        // Direct and mixed quotations are all found before reported speech, so the previous one in
        // this sentence need not be the last one found.
        if let ps = found.last(where: { $0.source.map { v.sentence[$0.a] == v.sentence[end] } ?? false })?.source { return ps }
        var start = datelineEnd(sa, limit: end) ?? sa
        // "And he seemed …", "But, on Twitter, she responded …", "However, Adelson met … and declared",
        // "Even a top strategist said …": connectives and focus words are never the subject.
        while start < end, v.has(start, .andBut) || Self.openingAdverbs.contains(v.low(start)) || v.isChar(start, ",")
                || isOpeningLyAdverb(start, limit: end) { start += 1 }
        // "Once in my early 20s, when my mother mentioned it, I laughed and said": one adverbial after another.
        while let c = leadingAdverbialEnd(start, limit: end) ?? leadingTimePhraseEnd(start, limit: end) {
            start = c + 1
            // "Speaking in Concord, which votes next, Bush described …": a relative clause on the
            // adverbial's last noun belongs to the adverbial.
            if start < end, Self.commaRelatives.contains(v.low(start)),
               let close = (start..<min(end, start + 20)).first(where: { v.isChar($0, ",") || v.isQuote($0) || v.isTerminal($0) && !isNamePeriod($0) }),
               v.isChar(close, ",") { start = close + 1 }
            while start < end, Self.openingAdverbs.contains(v.low(start)) || v.isChar(start, ",") { start += 1 }
        }
        guard start < end, !v.has(start, .preposition) else { return nil }
        // The opening apposition's name first ("Fenwick's lawyer, Victor Amadi, asked …").
        if let s0 = leadingSubject(start, limit: end) ?? sourceAfter(start, limit: end), s0.b < end { return s0 }
        // "A port official responded by saying …": the longest opening run of words that reads as a
        // speaker (there is no verb tagging to say where the subject ends).
        var e = min(end, start + 6)
        while e > start + 1 {
            if (start..<e).allSatisfy({ v.isWord($0) || isNamePeriod($0) }), let s0 = parse(start, e) { return s0 }
            e -= 1
        }
        return nil
    }

    /// "Recently, …", "Separately, …": an -ly adverb set off by a comma opens the sentence, capitalized.
    func isOpeningLyAdverb(_ k: Int, limit: Int) -> Bool {
        k + 1 < limit && v.isChar(k + 1, ",") && v.isWord(k) && isLyAdverb(k)
    }

    /// The comma closing an adverbial that opens the sentence ("In an interview with CNN,",
    /// "On Tuesday,", "After the vote,", "Asked about the vote,"), so the subject comes after it.
    func leadingAdverbialEnd(_ sa: Int, limit: Int) -> Int? {
        // Also a participle clause: "Asked whom she supported, …", "Speaking to reporters, …".
        let participle = v.isWord(sa) && (cueVerb(sa) != nil || isParticiple(sa))
            // "Hastily politicizing the tragedy, Trump cast …": an adverb before the participle.
            || sa + 1 < limit && v.low(sa).hasSuffix("ly") && isParticiple(sa + 1)
        guard sa < limit, v.has(sa, [.preposition, .weekday]) || Self.subordinators.contains(v.low(sa))
                || Self.openingPrepositions.contains(v.low(sa)) || participle else { return nil }
        var c = sa + 1
        while c < limit, c - sa <= 14, !v.isChar(c, ","), !v.isQuote(c), !v.isTerminal(c) || isNamePeriod(c) { c += 1 }
        guard c + 1 < limit, v.isChar(c, ",") else { return nil }
        // "Speaking in Salem, New Hampshire, Trump …": a state after the town belongs to the adverbial.
        for width in 1...2 where c + width + 1 < limit && v.isChar(c + width + 1, ",") && v.isCapitalized(c + 1) {
            let name = ((c + 1)...(c + width)).map { v.low($0) }.joined(separator: " ")
            if NounPhraseWords.usStates.contains(name) { return c + width + 1 }
        }
        return c
    }

    /// "Hours later,", "Two weeks ago,", "Moments after the vote,": a time phrase opening the sentence.
    func leadingTimePhraseEnd(_ sa: Int, limit: Int) -> Int? {
        var c = sa
        while c < limit, c - sa <= 8, !v.isChar(c, ","), v.isWord(c) || v.tokens[c].kind == .number { c += 1 }
        guard c > sa + 1, c + 1 < limit, v.isChar(c, ",") else { return nil }
        let unit = v.tokens[sa].kind == .number || Self.numberWords.contains(v.low(sa)) ? sa + 1 : sa
        guard unit < c, Self.timeUnits.contains(v.low(unit)) else { return nil }
        return ["later", "earlier", "ago", "afterward", "afterwards"].contains(v.low(c - 1))
            || unit + 1 < c && ["after", "before"].contains(v.low(unit + 1)) ? c : nil
    }

    static let timeUnits: Set<String> = ["seconds", "minutes", "moments", "hours", "days", "weeks", "months", "years",
                                         "second", "minute", "moment", "hour", "day", "week", "month", "year", "decades"]
    static let numberWords: Set<String> = ["a", "an", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                           "several", "few", "many", "some", "just", "only"]

    /// Possessive pronouns that can own a noun cue, with the pronoun class of ``SpeakerLexicon``.
    static let possessives: [String: Character] = ["his": "m", "her": "f", "their": "g", "its": "o", "our": "g", "my": "s"]

    /// A noun cue after a possessive source: "his claim that …", "Ruiz's call to …". The possessor
    /// is the source; the content is the clause or infinitive after the noun. (Prepositional
    /// objects, "their support for the plan", were tried on PolNeAR train and cost as much
    /// precision as they gained recall.)
    func nounReported(at k: Int, sentence sa: Int, _ sb: Int) -> (FoundQuote, Int)? {
        guard k - 1 >= sa, k + 1 < sb, v.has(k, .nounCue), let entry = cues.nouns[v.low(k)] else { return nil }
        var src: SourcePhrase?
        let before = v.low(k - 1)
        if let p = Self.possessives[before] {
            src = pronounPhrase(at: k - 1, class: p)
        } else if before == "'s" || before == "’s" || before == "'" || before == "’" {
            src = sourceBefore(k - 1, floor: sa, lenient: true)
        }
        guard let src else { return nil }
        let next = v.low(k + 1)
        var a: Int?
        if next == "that", entry.frames.contains(.that) { a = k + 2 }
        else if next == "to", entry.frames.contains(.to), k + 2 < sb, v.isWord(k + 2), !v.has(k + 2, [.determiner, .possessive]),
                !v.isCapitalized(k + 2) { a = k + 1 }
        if let a, a < sb, let c = content(from: a, to: sb) {
            return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<v.cueEnd(k), lemma: entry.lemma, confidence: 0.5), sb)
        }
        return nil
    }

    /// The reported-speech frame whose cue is at token `k`, if any.
    func reported(at k: Int, sentence sa: Int, _ sb: Int) -> (FoundQuote, Int)? {
        if let found = nounReported(at: k, sentence: sa, sb) { return found }
        // "According to X, …" / "…, according to X."
        if let after = sourceFirstCue(at: k) {
            let lemma = (k..<after).map { v.low($0) }.joined(separator: " ")
            let closing = k - 1 > sa ? closingSourceFirst(at: k, sb: sb) : nil
            guard let src = sourceAfter(after, limit: sb, lenient: true) ?? closing else { return nil }
            // "… 46 percent to 39 percent according to a CBS poll.": no comma before a source that ends the sentence.
            if k - 1 > sa, !v.isChar(k - 1, ","), let closing, let c = content(from: sa, to: k) {
                return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: closing, cue: k..<after, lemma: lemma, confidence: 0.6), sb)
            }
            if k == sa || (k - 1 >= sa && !v.isChar(k - 1, ",")), v.isChar(src.b, ","), let c = content(from: src.b + 1, to: sb) {
                return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<after, lemma: lemma, confidence: 0.75), sb)
            }
            // "According to a 2016 study by the Pew Research Center based on census data, …": the
            // source's phrase runs on past its head to the comma that opens the content.
            if k == sa, !v.isChar(src.b, ","),
               let comma = (src.b..<min(sb, after + 30)).first(where: { v.isChar($0, ",") || v.isTerminal($0) && !isNamePeriod($0) || v.isQuote($0) || speechCue($0) != nil }),
               v.isChar(comma, ","), let c = content(from: comma + 1, to: sb) {
                return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<after, lemma: lemma, confidence: 0.7), sb)
            }
            // "A, according to X, B": the attribution sits inside the reported sentence, which is the content.
            if k - 1 > sa, v.isChar(k - 1, ","), v.isChar(src.b, ","), src.b + 1 < sb, !v.isTerminal(src.b + 1),
               let c = content(from: sa, to: sb) {
                return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<after, lemma: lemma, confidence: 0.7), sb)
            }
            if k - 1 > sa, v.isChar(k - 1, ","), let c = content(from: sa, to: k - 1) {
                return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: closing ?? src, cue: k..<after, lemma: lemma, confidence: 0.75), sb)
            }
            return nil
        }
        // A capitalized cue mid-sentence is a name ("Says Law Group") unless the sentence is set
        // in title case, as headlines are ("Trump Says He Never Pledged To …"), and the cue is
        // inflected like a headline verb ("Says", "Warned"; not "Washington Post Assembles").
        guard let entry = cueEntry(k), !v.isCapitalized(k) || k == sa || isTitleCase(sa, sb) && (v.low(k).hasSuffix("s") || v.low(k).hasSuffix("d")) else { return nil }
        if entry.lemma == "ask", let found = askedQuestion(at: k, sentence: sa, sb) { return found }
        let b0 = skipBetween(k, floor: sa)
        // "…, saying …", "… but warned …": the subject is the main clause's (below), never the
        // phrase before the comma.
        // "…, even suggesting", "…, perhaps recognizing", "…, aside from saying": a focus adverb or a
        // preposition before the participle still leaves the main clause's subject as the speaker.
        var pb = b0, linked = false
        // "…, but now said Trump had …": an adverb between the conjunction and the cue is no subject.
        if !isParticiple(k), pb - 2 > sa, !v.isCapitalized(pb - 1), Self.openingAdverbs.contains(v.low(pb - 1)), v.has(pb - 2, .andBut) { pb -= 1 }
        if isParticiple(k) {
            while pb - 1 > sa, !v.isCapitalized(pb - 1), Self.openingAdverbs.contains(v.low(pb - 1)) { pb -= 1 }
            if pb - 1 > sa, Self.participleLinks.contains(v.low(pb - 1)) {
                pb -= 1; linked = true
                if pb - 1 > sa, v.low(pb - 1) == "aside" { pb -= 1 }
            }
        }
        let participle = pb - 1 >= sa && (v.has(pb - 1, .andBut) || v.isChar(pb - 1, ",") || linked)
            && (isParticiple(k) || v.has(pb - 1, .andBut))   // "…, saying", "… but warned", "responded by saying"
        var src = participle ? nil : sourceBefore(b0, floor: sa)
        // "Voters who watched the debate said they …", "Residents who backed the governor said …":
        // a restrictive relative clause between the subject and its cue; the noun before "who" speaks.
        if !participle, b0 - 2 > sa, let w = (max(sa + 1, b0 - 10)..<(b0 - 1)).last(where: { v.has($0, .clauseWord) && v.low($0) == "who" }),
           !((w + 1)..<b0).contains(where: { v.isChar($0, ",") || v.isQuote($0) || speechCue($0) != nil || v.has($0, .clauseWord) }),
           let s = sourceBefore(w, floor: sa, lenient: true), s.pronoun == nil, s.a <= sa + 1 || v.isChar(s.a - 1, ",") {
            src = s
        }
        var next = k + 1
        // An explicit complement ("… said that", "… said they") vouches for any subject at the
        // start of the sentence ("Another 19 percent said they would …").
        if src == nil, !participle, next < sb, v.low(next) == "that" || v.has(next, .subjectPronoun),
           let s = sourceBefore(b0, floor: sa, lenient: true), s.a <= sa + 1 || (v.isChar(s.a - 1, ",") || v.isChar(s.a - 1, ";")) && s.pronoun == nil {
            src = s
        }
        // "Trump and Ryan issued a statement describing …", "Trump issued a statement saying that
        // …": a document issued by someone speaks for the subject that issued it.
        if let s0 = src, let head = s0.head, Self.documentNouns.contains(head), s0.pronoun == nil {
            var a = s0.outerA >= 0 ? min(s0.outerA, s0.a) : s0.a
            while a - 1 >= sa, v.has(a - 1, .determiner) { a -= 1 }
            if a - 1 > sa, v.isWord(a - 1), !v.isCapitalized(a - 1), !v.has(a - 1, [.preposition, .clauseWord]),
               let subject = clauseSubject(sentence: sa, before: a), subject.b <= a - 1 {
                src = subject
            }
        }
        // "Voters who say …", "Jim Hatcher, 71, who said …": the relative pronoun is the mention as
        // written; the noun phrase it attaches to names the speaker.
        // "Jim Hatcher, 71, who said …, left": a relative clause set off after the sentence's
        // subject ends at its closing comma, where the main clause's verb comes.
        var relativeEnd: Int?
        if src == nil, !participle, b0 - 1 > sa, v.low(b0 - 1) == "who", !entry.frames.isEmpty {
            let commaBefore = v.isChar(b0 - 2, ",")
            if var s = relativeAntecedent(of: b0 - 1, floor: sa) {
                // The antecedent opens the sentence, perhaps after a name and its apposition ("Jim Hatcher, 71,").
                let a0 = min(s.outerA >= 0 ? s.outerA : s.a, s.a)
                let opening = (sa..<a0).allSatisfy { v.isCapitalized($0) || v.isChar($0, ",") || v.tokens[$0].kind == .number || v.has($0, .determiner) }
                if commaBefore, opening {
                    // The comma may sit inside a closing quotation mark (`… in politics," left`).
                    var t = k + 1
                    while t < sb, !(v.isChar(t, ",") && (!v.inQuote[t] || t + 2 < sb && v.isQuote(t + 1) && v.isWord(t + 2))) { t += 1 }
                    if t < sb { relativeEnd = v.inQuote[t] ? t + 2 : t }
                }
                s.a = b0 - 1; s.b = b0
                src = s
            }
        }
        // The core speech verbs ("say", "tell") with a clause after them vouch for a subject at the
        // start of the sentence that names no speaking noun: "Six in 10 say …", "The billionaire
        // businessman says …", "An earlier report said that …".
        if src == nil, !participle, entry.lemma == "say" || entry.lemma == "tell", next < sb, !v.isPunct(next), !v.isQuote(next),
           let s = sourceBefore(b0, floor: sa, lenient: true), opensClause(s, sentence: sa), complementStart(after: k, entry: entry, sb: sb) != nil {
            src = s
        }
        // "…, the authority said on Friday." — a short adverbial before the end still ends the clause.
        if next < sb, !v.isTerminal(next), !v.isChar(next, ","), k - 1 > sa {
            var t = next
            while t < sb, t - next < 4, v.isWord(t), v.has(t, [.preposition, .weekday, .determiner, .adverbialNoun]) || Self.timeModifiers.contains(v.low(t)) { t += 1 }
            if t > next, t >= sb || v.isTerminal(t) { next = t }
            else if let end = trailingAdjuncts(after: k, entry: entry, sb: sb) { next = end }
        }
        // "X said A but warned that B", "…, saying that B": the subject is the clause's.
        if src == nil, participle {
            src = clauseSubject(sentence: sa, before: pb)
            // "But Obama, making it clear that A, stood beside …": a participle set off right after
            // the subject is a parenthetical, and its content ends at the closing comma.
            var end = sb
            if let s = src, v.isChar(pb - 1, ","), s.b == pb - 1,
               let close = unquotedComma(from: k + 1, before: sb),
               close + 1 < sb, v.isWord(close + 1), !v.isCapitalized(close + 1), !v.has(close + 1, [.andBut, .clauseWord, .determiner, .preposition]),
               speechCue(close + 1) == nil { end = close }
            if let s = src, let a = complementStart(after: k, entry: entry, sb: end), let c = content(from: a, to: end) {
                return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: s, cue: k..<v.cueEnd(k), lemma: entry.lemma, confidence: 0.6), sb)
            }
            if let s = src, let c = objectContent(after: k, entry: entry, sb: sb) {
                return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: s, cue: k..<v.cueEnd(k), lemma: entry.lemma, confidence: 0.5), sb)
            }
            return nil
        }
        if let src {
            // Where does the source's phrase start (with its article)? A comma before it means the
            // clause came first: "…, Ruiz said." or "A, Ruiz said, B."
            var start = src.outerA >= 0 ? min(src.outerA, src.a) : src.a
            while start - 1 >= sa, v.has(start - 1, .determiner) { start -= 1 }
            // (A manner-of-speaking verb with no frames, "…, Clinton laughed.", reports no clause.)
            if start - 1 > sa, v.isChar(start - 1, ","), !entry.frames.isEmpty, next >= sb || v.isTerminal(next) || v.isChar(next, ",") || v.isQuote(next) {
                // "A, she said, adding that B" / "…, citing C": a participle after the second comma
                // is an attribution of its own, not the rest of A.
                if next < sb, v.isChar(next, ","), !(next + 1 < sb && isParticiple(next + 1)), let c = content(from: sa, to: sb) {
                    return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<v.cueEnd(k), lemma: entry.lemma, confidence: 0.7), sb)
                }
                // "In July, the NAACP called for a moratorium.": an opening adverbial is no clause.
                let adverbial = v.has(sa, .preposition) && start - 1 - sa <= 5 && !((sa + 1)..<(start - 1)).contains(where: { v.has($0, [.cueVerb, .auxiliary]) })
                if !adverbial, let c = content(from: sa, to: start - 1) {
                    return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: src, cue: k..<v.cueEnd(k), lemma: entry.lemma, confidence: 0.7), sb)
                }
                return nil
            }
            guard k + 1 < sb else { return nil }
            // "While Ramos said that …, he …": inside a subordinate clause the content ends at its comma.
            var clauseEnd = relativeEnd ?? sb
            // "Although in September she said …, …": a short adverbial may sit between the subordinator and the subject.
            // ("And after the court refused to …, McCrory blamed …": a conjunction may open the sentence.)
            let subordinate = start - 1 >= sa && Self.subordinators.contains(v.low(start - 1))
                && (start - 1 == sa || v.isChar(start - 2, ",") || start - 2 == sa && v.has(sa, .andBut))
                || start - sa <= 4 && start - 1 > sa && Self.subordinators.contains(v.low(sa)) && v.low(sa) != "as"
                    && v.has(sa + 1, .preposition) && !((sa + 1)..<start).contains(where: { v.isPunct($0) || v.has($0, .cueVerb) })
            if subordinate {
                clauseEnd = unquotedComma(from: k + 1, before: sb) ?? sb
            }
            // "which Mr. Trump called ''a disgrace''", "what the probe said were …": the relative
            // pronoun the clause is about opens the content (the source and cue sit inside it).
            let relative = start - 1 >= sa && Self.relativeObjects.contains(v.low(start - 1)) ? v.tokens[start - 1].span.start : nil
            func extended(_ c: TextSpan) -> TextSpan { relative.map { TextSpan($0, c.end) } ?? c }
            // "-- which Tim Cook called ''total political crap'' -- one question is …": a relative
            // clause set off by dashes ends at the next one.
            var objectEnd = sb
            if relative != nil, let d = ((k + 1)..<sb).first(where: { !v.inQuote[$0] && v.first($0).isDash }) {
                objectEnd = d
                clauseEnd = min(clauseEnd, d)
            }
            guard let a = complementStart(after: k, entry: entry, sb: clauseEnd), let c = content(from: a, to: clauseEnd) else {
                // "which he described as “like an open orchid”": the relative pronoun is the verb's
                // object, so "as" opens what is said of it.
                guard let c = objectContent(after: k, entry: entry, sb: objectEnd, objectGap: relative != nil) else { return nil }
                return (FoundQuote(kind: .indirect, span: extended(c), pieces: [extended(c)], source: src, cue: k..<v.cueEnd(k), lemma: entry.lemma, confidence: 0.5), sb)
            }
            return (FoundQuote(kind: .indirect, span: extended(c), pieces: [extended(c)], source: src, cue: k..<v.cueEnd(k), lemma: entry.lemma, confidence: 0.7), sb)
        }
        // "…, said Ruiz."
        if k - 1 > sa, v.isChar(k - 1, ","), let s2 = sourceAfter(next, limit: sb), s2.b >= sb || v.isTerminal(s2.b) || v.isChar(s2.b, ","),
           let c = content(from: sa, to: k - 1) {
            return (FoundQuote(kind: .indirect, span: c, pieces: [c], source: s2, cue: k..<v.cueEnd(k), lemma: entry.lemma, confidence: 0.7), sb)
        }
        return nil
    }

    /// Headline style: at least three words and four in five of the longer ones capitalized.
    func isTitleCase(_ sa: Int, _ sb: Int) -> Bool {
        var long = 0, capitalized = 0
        for t in sa..<sb where v.isWord(t) && v.tokens[t].span.length > 3 {
            long += 1
            if v.isCapitalized(t) { capitalized += 1 }
        }
        return long >= 3 && capitalized * 5 >= long * 4
    }

    /// The end of what may follow a cue that closes its sentence: "…, he told the court in his
    /// filing.", "…, she said in an interview with CNN on Monday." — an addressee (for verbs with an
    /// object) and one prepositional phrase, with no clause of their own. Returns the sentence end
    /// (the terminal token) when that is all there is, else nil.
    func trailingAdjuncts(after k: Int, entry: CueEntry, sb: Int) -> Int? {
        func plain(_ t: Int) -> Bool {
            (v.isWord(t) || v.tokens[t].kind == .number || isNamePeriod(t) || isPossessiveApostrophe(t))
                && !v.has(t, [.clauseWord, .subjectPronoun]) && cueEntry(t) == nil
        }
        var t = k + 1
        if entry.frames.contains(.object) {
            while t < sb, t - k <= 4, plain(t), !v.has(t, .preposition) { t += 1 }
        }
        // "Stumpf explained earlier in the committee hearing,": a time word before the phrase.
        while t < sb, t - k <= 2, v.has(t, .weekday), !v.isCapitalized(t) { t += 1 }
        if t < sb, v.has(t, .preposition) {
            let p = t
            t += 1
            // Inside the phrase a cue form is a noun ("in a video message"), and a second phrase may
            // follow ("… to the convention", "at a rally in Ohio").
            func chained(_ t: Int) -> Bool {
                t > p + 1 && t + 1 < sb && (v.has(t, .preposition) || v.low(t) == "to")
                    && (v.has(t + 1, [.determiner, .possessive]) || v.isCapitalized(t + 1))
            }
            while t < sb, t - p <= 10, plain(t) || chained(t) || t > p + 1 && cueEntry(t) != nil && v.isWord(t) && !v.has(t, [.clauseWord, .subjectPronoun]) { t += 1 }
        }
        // "The solution, the partner told them, was simple": the adjuncts may also close a parenthetical.
        return t > k + 1 && (t >= sb || v.isTerminal(t) && !isNamePeriod(t) || v.isChar(t, ",")) ? t : nil
    }

    static let questionWords: Set<String> = ["how", "what", "which", "who", "why", "when", "where", "whom"]

    /// Where the reported clause starts after the cue at `k`, following the verb's frames.
    func complementStart(after k: Int, entry: CueEntry, sb: Int) -> Int? {
        let f = entry.frames
        guard !f.isEmpty else { return nil }
        var j = v.cueEnd(k)
        guard j < sb else { return nil }
        if v.isChar(j, ":") || v.isChar(j, ",") { return nil }
        let w = v.low(j)
        if w == "that" && f.contains(.that) { return j + 1 }
        if (w == "whether" || w == "if") && f.contains(.whether) { return j + 1 }
        if w == "to" && f.contains(.to) { return j }
        // "Kasich cautioned “let's not get ahead of ourselves,” before …": a quotation right after a
        // verb with an addressee is its clause too (a quoted title is the addressee's: "told “Meet the Press”").
        if f.contains(.that), f.contains(.object), v.isQuote(j), titleClose(at: j, before: sb) == nil { return j }
        // "said he's hopeful that …": a subject pronoun right after the verb opens the clause itself.
        if f.contains(.that), v.has(j, .subjectPronoun), w != "it" || !f.contains(.object) { return j }
        // Look ahead for "that" / "to" / "whether" past an addressee or an adverbial. A cue that
        // takes no object ("said") can only have an adverbial there ("said on Monday that", "said
        // repeatedly that"); any other word opens the clause itself, and a "that" further on is the
        // clause's own ("said business leaders fail to understand that …").
        let looksAhead = f.contains(.object) || opensAdverbial(j)
        // "called him a fascist", "called Trump “unhinged”": after a verb that also names its
        // object (frame `np`), what follows the object is no clause of its own, and the object is
        // part of what is reported; "accused him of lying" keeps its object out.
        func naming(_ t: Int) -> Int { f.contains(.np) && !v.has(t, .preposition) ? j : t }
        var t = looksAhead ? j : sb
        // Up to 14 words: addressees run long ("told a crowded banquet hall at a hotel in downtown Baltimore that …").
        while t < sb, t - j < 14, !v.isPunct(t) {
            // "said on ABC's “This Week” that …": a quoted title is part of the adverbial.
            if v.isQuote(t) {
                guard let close = titleClose(at: t, before: sb) else { break }
                t = close + 1; continue
            }
            let x = v.low(t)
            if x == "that" && (f.contains(.that) || f.contains(.object)) && t > j { return t + 1 }
            if x == "to" && f.contains(.to) && t > j { return t }
            if (x == "whether" || x == "if") && f.contains(.whether) { return t + 1 }
            // "asked Trump how high the wall would be": a question word after the addressee.
            if t > j, f.contains(.whether), f.contains(.object), Self.questionWords.contains(x) { return t }
            // A cue form after an article is an adjective ("in a written statement"), not a new verb.
            if v.has(t, .cueVerb) && t > j && !v.has(t - 1, .determiner) { break }
            t += 1
        }
        if f.contains(.that) && !f.contains(.object) {
            // "said the deal came together …": the clause follows directly; skip a time adverbial.
            if v.has(j, .preposition) && j + 1 < sb && v.has(j + 1, .weekday) { j += 2 }
            else if v.has(j, .weekday) && v.isCapitalized(j) { j += 1 }
            if j < sb, v.has(j, .complementBlocker) { return nil }
            return j
        }
        if f.contains(.object), let t = namedAddresseeEnd(j, sb: sb), t < sb,
           v.has(t, [.subjectPronoun, .possessive, .determiner]) || v.tokens[t].kind == .number {
            // "told CNN his policy would …", "told The Associated Press on Monday the inquiry was …".
            return naming(t)
        }
        if f.contains(.object), !v.has(j, .subjectPronoun) {
            // "told the crowd he would …": a short addressee, then a clause opened by a pronoun.
            // Up to seven words: "told a Planned Parenthood gathering in Washington she will …".
            var t = j + 1
            while t < sb, t - j <= 7, v.isWord(t), !v.has(t, [.subjectPronoun, .clauseWord]), !v.has(t, .cueVerb) || v.isCapitalized(t) { t += 1 }
            if t < sb, t - j <= 7, v.has(t, .subjectPronoun), t - j <= 4 || t + 1 < sb && v.isWord(t + 1) && !v.isCapitalized(t + 1) { return t }
        }
        if f.contains(.object) && v.has(j, .addressee) {
            return j + 1 < sb && !v.isPunct(j + 1) ? naming(j + 1) : nil
        }
        return nil
    }

    /// Words that can open an adverbial between a cue and its "that": a preposition, a day or
    /// time word, or an -ly adverb ("on", "Tuesday", "after a lunch", "repeatedly").
    func opensAdverbial(_ j: Int) -> Bool {
        if v.isQuote(j) { return true }
        if v.has(j, [.preposition, .weekday, .adverbialNoun]) { return true }
        let w = v.low(j)
        return Self.adverbialOpeners.contains(w) || w.count > 4 && w.hasSuffix("ly")
    }

    static let adverbialOpeners: Set<String> = [
        "to", "after", "before", "during", "since", "following", "over", "about", "through", "amid", "under", "via",
        "outside", "inside", "near", "into", "as", "throughout", "upon", "without", "while", "when", "again", "also",
        "then", "once", "previously", "often", "always", "never", "still", "now", "too", "afterward", "afterwards",
        "instead", "first", "twice",
    ]

    /// The end of a named addressee starting at `j` ("CNN", "The Associated Press", "the AP",
    /// "Fox News Sunday", "The Star-Ledger of Newark last week"), with a short time adjunct after it.
    func namedAddresseeEnd(_ j: Int, sb: Int) -> Int? {
        var t = j
        if v.low(t) == "the" { t += 1 }
        let a = t
        // "told host Sean Hannity", "told Fox News host Sean Hannity": a lower-case title before the name.
        func titleBeforeName(_ t: Int) -> Bool { !v.isCapitalized(t) && v.has(t, [.title, .personNoun]) && v.isCapitalized(t + 1) }
        while t < sb, t - a < 7, v.isCapitalized(t) && !v.has(t, .weekday) || isNamePeriod(t) || v.isChar(t, "-") && v.isCapitalized(t + 1)
                || (v.low(t) == "of" || v.low(t) == "'s" || v.low(t) == "’s") && v.isCapitalized(t + 1) || t + 1 < sb && titleBeforeName(t) { t += 1 }
        guard t > a else { return nil }
        // "on Monday", "last week", "Sunday", "this morning".
        if t < sb, v.has(t, .weekday), v.isCapitalized(t) { t += 1 }
        else if t + 1 < sb, ["on", "last", "this", "earlier"].contains(v.low(t)), v.has(t + 1, [.weekday, .adverbialNoun]) { t += 2 }
        return t
    }

    /// The object of an attitude verb with the `np` frame, up to the clause's first comma:
    /// "Sanders endorsed [Clinton]", "the council rejected [the harbor plan], citing costs". Not
    /// after a passive ("was endorsed by …"), where the subject is what the attitude is about.
    /// With `objectGap` (a relative pronoun before the source is the object), "as" may open it.
    func objectContent(after k: Int, entry: CueEntry, sb: Int, objectGap: Bool = false) -> TextSpan? {
        guard entry.frames.contains(.np), k + 1 < sb, k > 0 else { return nil }
        let before = v.low(k - 1)
        // A passive ("was endorsed by"), but not a progressive ("is praising").
        if ["was", "were", "is", "are", "been", "be", "being", "get", "got"].contains(before), !isParticiple(k) { return nil }
        let j = v.cueEnd(k)
        guard j < sb, v.isWord(j) || v.isQuote(j) || v.tokens[j].kind == .number else { return nil }
        if ["by", "that", "to", "as", "in", "on", "at", "with", "when", "after", "before", "because", "while", "if"].contains(v.low(j)),
           !(objectGap && v.low(j) == "as") { return nil }
        /// The end of the comma-free stretch from `a`.
        func stretch(_ a: Int) -> Int {
            var e = a
            while e < sb, !v.isChar(e, ","), !v.isChar(e, ";"), !v.isChar(e, ":"), !v.isTerminal(e) || isNamePeriod(e) {
                // "called Trump “crazy” and said …": a coordinated cue verb starts the next attribution.
                // ("praised her rival as “…” but described his plan as …": an attitude verb too.)
                if e > a, v.has(e, .andBut), !v.inQuote[e], e + 1 < sb, !v.isCapitalized(e + 1), cueEntry(skipForward(e + 1, sb)) != nil { break }
                // "Voters who backed the governor said they …": a speech verb with its complement is
                // the main clause's; the object ends before it.
                if e > a, !v.inQuote[e], !v.isCapitalized(e), let c = speechCue(e), c.frames.contains(.that), e + 1 < sb,
                   v.low(e + 1) == "that" || v.has(e + 1, .subjectPronoun) { break }
                e += 1
            }
            return e
        }
        var e = stretch(j)
        // The object's comma may be a list's ("workers in New York, Los Angeles and Seattle", "voters,
        // lawmakers, and thinkers") or open an example ("several factors, including …").
        let first = e
        var items = 0, closed = false
        while e < sb, v.isChar(e, ","), items < 4, !closed {
            let a = e + 1, b = stretch(a)
            guard a < b, v.isWord(a), !(a..<b).contains(where: { speechCue($0) != nil || v.has($0, .subjectPronoun) }) else { break }
            let conjunction = (a..<b).contains { ["and", "or"].contains(v.low($0)) }
            if ["including", "especially", "particularly"].contains(v.low(a)) || conjunction {
                // ", and thinkers" closes a list only after a bare item ("voters, lawmakers, and thinkers").
                if ["and", "or"].contains(v.low(a)) && items == 0 { break }
                guard b - a <= 12 else { break }
                e = b; closed = true
            } else {
                // A bare item ("Los Angeles"): the list must go on to an item with a conjunction.
                guard b - a <= 4, b < sb, v.isChar(b, ","), !(a..<b).contains(where: { v.has($0, .clauseWord) }) else { break }
                items += 1; e = b
            }
        }
        if !closed { e = first }
        while e > j, v.isPunct(e - 1) { e -= 1 }
        guard e > j, QuoteMarks.wordCount(v, j, e) >= 1 else { return nil }
        var end = v.tokens[e - 1].span.end
        if e < sb, v.isQuote(e) { end = v.tokens[e].span.end }
        return TextSpan(v.tokens[j].span.start, end)
    }
}
