import LedeCore

/// Turns decoded tags into quotations: every content span becomes one quotation, joined to the
/// nearest cue span in its paragraph and to the source span nearest that cue.
///
/// Contents may run over several sentences (the tags simply continue), so the window is the
/// paragraph, not the sentence. A content with no source in its paragraph takes the previous
/// quotation's speaker, as the rules do for unattributed quotations. Speakers are then resolved by
/// the rule engine's ``SpeakerResolver``, so a model changes what is found, never how names link.
struct TripleAssembler {
    struct Segment { var role: Int; var a: Int; var b: Int }

    let x: QuoteExtractor

    /// Maximal runs of one role, split where a B tag starts a new span.
    static func segments(_ labels: [UInt8]) -> [Segment] {
        var out: [Segment] = []
        for (i, raw) in labels.enumerated() {
            let l = AttributionLabel(rawValue: raw) ?? .outside
            if l == .outside { continue }
            if !l.isBegin, var last = out.last, last.role == l.role, last.b == i {
                last.b = i + 1
                out[out.count - 1] = last
            } else {
                out.append(Segment(role: l.role, a: i, b: i + 1))
            }
        }
        return out
    }

    /// Kind from the paired quotation marks, as PolNeAR's kinds are derived: direct when at least half
    /// the content's letters are inside a quotation, mixed when some are. Token-based, so a content
    /// tagged without its marks (the gold JSON Lines convention for direct quotations) is still direct.
    static func kind(_ v: TokenView, _ a: Int, _ b: Int) -> QuoteKind {
        var letters = 0, quoted = 0
        for k in a..<b where v.isWord(k) {
            letters += v.tokens[k].span.length
            if v.inQuote[k] { quoted += v.tokens[k].span.length }
        }
        if quoted == 0 { return (a..<b).contains { v.isQuote($0) } ? .mixed : .indirect }
        return quoted * 2 >= letters ? .direct : .mixed
    }

    /// Joins content pieces split by their own source and cue ("The benefit, it says, would be
    /// $300") or by an interruption (`"A," he said. "B."`): two contents in one paragraph with only
    /// source, cue and punctuation tokens between them, at least one a cue, are one content. A piece
    /// with a cue of its own before it ("Asked whether …, Ruiz said …") is another attribution.
    func mergeInterrupted(_ segs: [Segment]) -> [Segment] {
        let v = x.v
        var out: [Segment] = []
        var i = 0
        while i < segs.count {
            var s = segs[i]
            i += 1
            guard s.role == 3, !(s.a > 0 && x.opensWithReducedPassive(s.a - 1)) else { out.append(s); continue }
            var between: [Segment] = []
            var j = i
            while j < segs.count {
                let t = segs[j]
                if t.role == 3 {
                    let gapStart = between.last?.b ?? s.b
                    let gapOK = between.contains { $0.role == 2 } && (gapStart..<t.a).allSatisfy { v.isPunct($0) || v.isQuote($0) }
                        && (between.first.map { (s.b..<$0.a).allSatisfy { (v.isPunct($0) && !v.isTerminal($0)) || v.isQuote($0) } } ?? false)
                        && v.paragraph[t.a] == v.paragraph[s.a]
                        && zip(between, between.dropFirst()).allSatisfy { p, q in (p.b..<q.a).allSatisfy { v.isPunct($0) } }
                    if gapOK || interruptedQuotation(s, between, t, next: j + 1 < segs.count ? segs[j + 1] : nil) {
                        out.append(contentsOf: between); s.b = t.b; between = []; j += 1; i = j; continue
                    }
                    break
                }
                if between.count >= 3 { break }
                between.append(t)
                j += 1
            }
            out.append(s)
        }
        return out.sorted { ($0.a, $0.role) < ($1.a, $1.role) }
    }

    /// The segment opens, after any punctuation, with a quotation mark.
    func opensQuotation(_ t: Segment) -> Bool {
        let v = x.v
        var f = t.a
        while f < t.b, v.isPunct(f), !v.isQuote(f) { f += 1 }
        return f + 1 < t.b && v.isQuote(f) && v.inQuote[f + 1]
    }

    /// `“A,” Ruiz warned at the pier on Monday. “B.”`: a quotation closing on a comma, its source and
    /// cue, a few words of place or time the tagger left untagged, and a second quotation opening
    /// in the same paragraph are one quotation in two pieces — unless the second piece has a source
    /// or cue of its own right after it (`“B,” Okafor said`).
    func interruptedQuotation(_ s: Segment, _ between: [Segment], _ t: Segment, next: Segment?) -> Bool {
        let v = x.v
        guard between.contains(where: { $0.role == 2 }), v.paragraph[t.a] == v.paragraph[s.a] else { return false }
        var e = s.b - 1
        while e > s.a, v.isQuote(e) { e -= 1 }
        guard e < s.b - 1, v.isChar(e, ",") else { return false }
        guard opensQuotation(t) else { return false }
        let gapStart = between.last?.b ?? s.b
        guard t.a - gapStart <= 8, !(gapStart..<t.a).contains(where: { v.isQuote($0) }),
              (s.b..<(between.first?.a ?? s.b)).allSatisfy({ v.isPunct($0) || v.isQuote($0) }) else { return false }
        if let n = next, n.role != 3, n.a - t.b <= 3 { return false }
        return true
    }

    /// Splits a content that runs on into a participial cue of its own ("criticized Romney for not
    /// releasing his returns, claiming that he had a source"): in PolNeAR-style annotation the
    /// participle is a second attribution by the same speaker, while one tag per token lets the
    /// tagger carry the first content through it. The participle becomes a cue and what follows it
    /// a second content; a participle inside a quotation is quoted speech and stays, and one with no
    /// complement ("," he said, laughing. "…") is a manner, not a cue.
    func splitParticipialCues(_ segs: [Segment]) -> [Segment] {
        let v = x.v
        var out: [Segment] = []
        for s in segs {
            guard s.role == 3 else { out.append(s); continue }
            var a = s.a
            var k = s.a + 2
            while k + 2 < s.b {
                if v.isChar(k, ","), !v.inQuote[k], !v.inQuote[k + 1], v.isWord(k + 1), v.low(k + 1).hasSuffix("ing"),
                   x.cueEntry(k + 1) != nil, v.isWord(k + 2), !v.inQuote[k + 2] {
                    out.append(Segment(role: 3, a: a, b: k))
                    out.append(Segment(role: 2, a: k + 1, b: k + 2))
                    a = k + 2
                    k = a + 2
                    continue
                }
                k += 1
            }
            out.append(Segment(role: 3, a: a, b: s.b))
        }
        return out
    }

    /// A source tagged on a relative pronoun ("Voters, who say …", "the agency, which said …"):
    /// the pronoun stays the mention as written, the noun phrase before it names the speaker, as
    /// the rules do for their own relative clauses.
    func relativeSource(_ s: Segment) -> SourcePhrase? {
        let v = x.v
        guard ["who", "which"].contains(v.low(s.a)), s.a > 0 else { return nil }
        var e = s.a
        if v.isChar(e - 1, ",") { e -= 1 }
        let floor = x.sentenceBounds(s.a).0
        guard e > floor, var p = x.sourceBefore(e, floor: floor, lenient: true), p.pronoun == nil else { return nil }
        p.a = s.a; p.b = s.a + 1
        return p
    }

    /// A subject pronoun right before the cue ("… the agency said. It raised its forecast for …"),
    /// tagged as the cue's first word ("it is steering clear of"), or opening the cue's sentence
    /// when no tagged source lies in it — and no tagged source ends at the cue: the pronoun is the
    /// mention as written, resolved to its antecedent, not the nearest tagged source, which is
    /// usually the previous sentence's mention of the same speaker. Returns the pronoun's phrase
    /// and the cue without it.
    func pronounSubject(of cue: Segment, source: Segment?) -> (SourcePhrase, Segment)? {
        let v = x.v
        func isSubject(_ k: Int) -> Bool {
            k >= 0 && !v.inQuote[k] && v.has(k, .subjectPronoun) && v.low(k) != "there" && v.sentence[k] == v.sentence[cue.a]
        }
        if let s = source, s.b == cue.a { return nil }
        if cue.b - cue.a >= 2, isSubject(cue.a), let p = x.parse(cue.a, cue.a + 1, lenient: true) {
            return (p, Segment(role: 2, a: cue.a + 1, b: cue.b))
        }
        let k = cue.a - 1
        // "He arrived in 1993 … and promptly voted against …": with no tagged source in the cue's
        // sentence, a pronoun opening that sentence (after "But", "And" …) is its subject.
        if !isSubject(k), source.map({ v.sentence[$0.a] != v.sentence[cue.a] }) ?? true {
            var f = x.sentenceBounds(cue.a).0
            if f < cue.a, Self.openingConjunctions.contains(v.low(f)) { f += 1 }
            if f < k, isSubject(f), let p = x.parse(f, f + 1, lenient: true) { return (p, cue) }
        }
        guard isSubject(k), source.map({ $0.a <= k && k < $0.b }) != true, let p = x.parse(k, k + 1, lenient: true) else { return nil }
        return (p, cue)
    }

    static let openingConjunctions: Set<String> = ["but", "and", "so", "yet"]

    /// Whether the tagger's own source outranks the rules' source `r.source` for content `c`: the
    /// tagger tagged no part of the rules' source, and its nearest source lies in the sentence of
    /// the content's start, end or cue.
    func taggerOverrules(_ r: FoundQuote, source: Segment?, content c: Segment, cue: Segment?, sources: [Segment]) -> Bool {
        let v = x.v
        guard let rs = r.source, let s = source, !sources.contains(where: { $0.a < rs.b && rs.a < $0.b }) else { return false }
        let sentence = v.sentence[s.a]
        return sentence == v.sentence[c.a] || sentence == v.sentence[c.b - 1] || cue.map { v.sentence[$0.a] == sentence } == true
    }

    /// A source tagged with its apposition or relative clause ("Dan Fowler, who led the harbor
    /// board from 1995 to 1997, …"): the name before the first comma names the speaker, and the whole
    /// tagged span stays the mention as written.
    func appositionHead(_ s: Segment) -> SourcePhrase? {
        let v = x.v
        guard let comma = (s.a..<s.b).first(where: { v.isChar($0, ",") }), comma > s.a,
              var p = x.parse(s.a, comma, lenient: true), p.pronoun == nil else { return nil }
        p.b = s.b
        return p
    }

    /// `margins` (per token) and `confidence` turn a content's mean tag margin into its quotation's
    /// confidence; without them the confidences are fixed by how the quotation was made.
    func assemble(_ labels: [UInt8], rules: [FoundQuote] = [], margins: [Float]? = nil, confidence: ((Double) -> Double)? = nil) -> [FoundQuote] {
        let v = x.v
        let segs = splitParticipialCues(mergeInterrupted(Self.segments(labels)))
        let cues = segs.filter { $0.role == 2 }
        let sources = segs.filter { $0.role == 1 }
        func distance(_ s: Segment, _ a: Int, _ b: Int) -> Int {
            s.b <= a ? a - s.b : s.a >= b ? s.a - b : 0
        }
        func sameParagraph(_ s: Segment, _ a: Int, _ b: Int) -> Bool {
            let p = v.paragraph[s.a]
            return p == v.paragraph[a] || p == v.paragraph[b - 1]
        }
        var found: [FoundQuote] = []
        for c in segs where c.role == 3 {
            guard (c.a..<c.b).contains(where: { v.isWord($0) || v.tokens[$0].kind == .number }) else { continue }
            var cue = cues.filter { sameParagraph($0, c.a, c.b) }.min { distance($0, c.a, c.b) < distance($1, c.a, c.b) }
            let anchor = cue.map { ($0.a, $0.b) } ?? (c.a, c.b)
            let source = sources.filter { sameParagraph($0, c.a, c.b) }
                .min { distance($0, anchor.0, anchor.1) < distance($1, anchor.0, anchor.1) }
            let span = TextSpan(v.tokens[c.a].span.start, v.tokens[c.b - 1].span.end)
            let margin = margins.map { m in Double((c.a..<c.b).reduce(Float(0)) { $0 + m[$1] }) / Double(c.b - c.a) }
            func sure(_ fixed: Double) -> Double { margin.flatMap { m in confidence.map { $0(m) } } ?? fixed }
            // "is expected to", "it is clear that": nobody to find, and nobody to inherit.
            let nobody = cue.flatMap { x.isSourcelessCue($0.a, $0.b) ? $0.a..<$0.b : nil }
                ?? (cue.map { $0.b == c.a || (c.a..<c.b).contains($0.a) } == true ? nil : x.sourcelessCue(aroundContent: c.a, c.b))
            if let nobody {
                // "[Mr. Clinton does not seem] to be relishing the fight": the raising clause is the content.
                var span = span, a = c.a
                if nobody.upperBound <= c.a, v.sentence[nobody.lowerBound] == v.sentence[c.a],
                   let r = nobody.last(where: { QuoteExtractor.raisingVerbs.contains(v.low($0)) }), let s0 = x.raisingSubjectStart(verb: r) {
                    a = s0
                    span = TextSpan(v.tokens[a].span.start, span.end)
                }
                found.append(FoundQuote(kind: Self.kind(v, a, c.b), span: span, pieces: [span], source: nil,
                                        cue: nobody, lemma: v.text(nobody.lowerBound, nobody.upperBound).lowercased(), confidence: sure(0.7)))
                found[found.count - 1].margin = margin
                continue
            }
            // The rules' speaker for the same quotation, when they found one: their source finding
            // (appositions, "said X", interrupted quotations) is better tuned than nearest-span —
            // unless the tagger left the rules' source untagged and tagged one of its own in the
            // quotation's sentence (the rules' "While" in "While arguing about the ferry, a neighbor
            // commented: …"): on PolNeAR dev and a train hold-out alike, the tagger is right more
            // often there.
            if let r = rules.first(where: { $0.source != nil && $0.span.overlap(with: span) * 2 >= max($0.span.end, span.end) - min($0.span.start, span.start) }),
               !taggerOverrules(r, source: source, content: c, cue: cue, sources: sources) {
                found.append(FoundQuote(kind: Self.kind(v, c.a, c.b), span: span, pieces: [span], source: r.source,
                                        cue: r.cue ?? cue.map { $0.a..<$0.b }, lemma: r.lemma, confidence: sure(0.8)))
                found[found.count - 1].margin = margin
                continue
            }
            let kind = Self.kind(v, c.a, c.b)
            var phrase: SourcePhrase?
            if let cu = cue, let (p, rest) = pronounSubject(of: cu, source: source) {
                phrase = p
                cue = rest
            } else if let s = source, let p = relativeSource(s) {
                phrase = p
            } else if let s = source {
                phrase = appositionHead(s) ?? x.parse(s.a, s.b, lenient: true)
                    ?? SourcePhrase(a: s.a, b: s.b, name: v.text(s.a, s.b), role: nil, kind: .unknown, pronoun: nil,
                                    proper: v.isCapitalized(s.b - 1), head: v.low(s.b - 1))
            }
            // Reported speech needs a cue: an indirect or mixed content with none in its paragraph
            // is a tagging slip (on PolNeAR dev about one in eight was right). A direct quotation
            // stands without one, since it often continues a speaker's earlier quotation.
            if cue == nil, kind != .direct { continue }
            found.append(FoundQuote(kind: kind, span: span, pieces: [span], source: phrase,
                                    cue: cue.map { $0.a..<$0.b }, lemma: cue.map { v.text($0.a, $0.b).lowercased() },
                                    confidence: sure(0.7), inheritsSpeaker: phrase == nil))
            found[found.count - 1].margin = margin
        }
        // Nested attributions ("X said that Y claimed Z"): one tag per token keeps only the outer one,
        // so a rule quotation with a source lying inside a model content, matching none of the found
        // ones, is added as the inner attribution.
        let outer = found
        for r in rules where r.source != nil {
            let inside = outer.contains { $0.span.start <= r.span.start && r.span.end <= $0.span.end && $0.span != r.span }
            let matched = outer.contains { $0.span.overlap(with: r.span) * 2 >= max($0.span.end, r.span.end) - min($0.span.start, r.span.start) }
            if inside && !matched { found.append(r) }
        }
        found.sort { $0.span.start < $1.span.start }
        return found
    }
}
