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

    func assemble(_ labels: [UInt8]) -> [FoundQuote] {
        let v = x.v
        let segs = Self.segments(labels)
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
            let cue = cues.filter { sameParagraph($0, c.a, c.b) }.min { distance($0, c.a, c.b) < distance($1, c.a, c.b) }
            let anchor = cue.map { ($0.a, $0.b) } ?? (c.a, c.b)
            let source = sources.filter { sameParagraph($0, c.a, c.b) && !($0.a >= c.a && $0.b <= c.b) }
                .min { distance($0, anchor.0, anchor.1) < distance($1, anchor.0, anchor.1) }
            let span = TextSpan(v.tokens[c.a].span.start, v.tokens[c.b - 1].span.end)
            let kind = Self.kind(v, c.a, c.b)
            var phrase: SourcePhrase?
            if let s = source {
                phrase = x.parse(s.a, s.b, lenient: true)
                    ?? SourcePhrase(a: s.a, b: s.b, name: v.text(s.a, s.b), role: nil, kind: .unknown, pronoun: nil,
                                    proper: v.isCapitalized(s.b - 1), head: v.low(s.b - 1))
            }
            found.append(FoundQuote(kind: kind, span: span, pieces: [span], source: phrase,
                                    cue: cue.map { $0.a..<$0.b }, lemma: cue.map { v.text($0.a, $0.b).lowercased() },
                                    confidence: 0.7, inheritsSpeaker: phrase == nil))
        }
        return found
    }
}
