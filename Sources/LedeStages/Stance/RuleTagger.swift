import Foundation
import LedeCore

/// Stance from cues, without training: the default tagger of the `stance` stage.
///
/// For one quotation and one target:
/// 1. If none of the target's terms occurs in the quotation or its sentence, the target is not in
///    play: `none`.
/// 2. Cues are found in the quotation: the target's own favor/against phrases (weighted above the
///    rest), then the generic lexicon, plus the quotation's reporting verb ("warned", "urged").
/// 3. Each cue is flipped by a negator up to three words before it in the same clause ("would not
///    help") and weakened by a hedge in the clause before it ("might help"). Two directional cues
///    in a row compose by multiplying signs ("reject calls for" → against), since the second is the
///    object of the first.
/// 4. Neutral phrases ("too early to say", "would not fundamentally alter") compete with the net
///    polar weight; a weak or balanced net is `neutral`.
///
/// The score is a confidence in [0, 1]; the evidence lists the cue spans that decided the label.
struct RuleTagger: Sendable {
    let lexicon: StanceLexicon

    /// Words before a cue searched for a negator.
    static let negationWindow = 3
    /// Words before a cue searched for a hedge.
    static let hedgeWindow = 5
    /// Largest gap between two directional cues that still compose.
    static let compositionGap = 3
    static let negatedFactor = 0.8
    static let hedgedFactor = 0.55
    /// Below this net weight, a quotation is neutral.
    static let margin = 0.3
    static let cueVerbFactor = 0.8

    struct Hit {
        var polarity: Double
        var weight: Double
        var directional: Bool
        var start: Int
        var end: Int
        /// The cue's text span; cues composed into this one keep theirs in `composed` (rarely
        /// non-empty, so a plain hit allocates nothing).
        var span: TextSpan
        var composed: [TextSpan] = []
        var spans: [TextSpan] { [span] + composed }
    }

    /// Whether the target is mentioned in any of `positions`.
    func inPlay(_ target: CompiledTarget, _ words: KeyedWords, in positions: [Range<Int>]) -> Bool {
        positions.contains { target.terms.occurs(words, in: $0) }
    }

    /// Labels `content` (position ranges of the quotation's words in `words`) toward `target`,
    /// which the caller found in play (step 1 is ``inPlay(_:_:in:)``).
    func tag(_ words: KeyedWords, content: [Range<Int>], cueVerb: Cue?, target: CompiledTarget) -> StanceLabel {
        label(weigh(words, content: content, cueVerb: cueVerb, targetCues: target.cues), target: target.spec.id)
    }

    /// Labels a weighing toward `target`. A quotation's weighing is the same for every target
    /// without cues of its own, so the stage weighs it once for all of them.
    func label(_ w: Weighing, target: String) -> StanceLabel {
        let (favor, against, neutral, composed, neutralSpans) = (w.favor, w.against, w.neutral, w.hits, w.neutralSpans)
        let net = favor - against
        let total = favor + against
        if total == 0 || abs(net) < Self.margin || neutral >= abs(net) {
            // Confident when nothing leans at all or a neutral phrase dominates; unsure when cues cancel.
            let lean = total == 0 ? 0 : abs(net) / total
            let score = total == 0 ? 0.6 + 0.4 * tanh(neutral) : 0.5 + 0.4 * tanh(max(0, neutral - abs(net))) * (1 - lean)
            return StanceLabel(target: target, label: .neutral, score: min(1, score), evidence: neutralSpans)
        }
        let label: StanceValue = net > 0 ? .favor : .against
        let score = 0.5 + 0.5 * tanh(abs(net)) * (abs(net) / total)
        let evidence = composed.filter { ($0.polarity > 0) == (net > 0) }.flatMap(\.spans).sorted { $0.start < $1.start }
        return StanceLabel(target: target, label: label, score: score, evidence: evidence)
    }

    /// What the cues in `content` add up to, after negation, hedging and composition.
    struct Weighing {
        var favor = 0.0, against = 0.0, neutral = 0.0
        var hits: [Hit] = []
        var neutralSpans: [TextSpan] = []
    }

    func weigh(_ words: KeyedWords, content: [Range<Int>], cueVerb: Cue?, targetCues: PhraseMatcher<Double>) -> Weighing {
        var hits: [Hit] = []
        var neutral = 0.0
        var neutralSpans: [TextSpan] = []
        for range in content {
            // Target cues first, so "keep the embargo" is not also read as the generic "keep".
            var taken = targetCues.isEmpty ? [] : [Bool](repeating: false, count: range.count)
            for m in targetCues.scan(words, in: range) {
                for i in m.start..<(m.start + m.count) { taken[i - range.lowerBound] = true }
                hits.append(Hit(polarity: m.payload > 0 ? 1 : -1, weight: abs(m.payload), directional: false,
                                start: m.start, end: m.start + m.count, span: span(words, m.start, m.count)))
            }
            var i = range.lowerBound
            while i < range.upperBound {
                if (!taken.isEmpty && taken[i - range.lowerBound]) || words.keys[i] == KeyedWords.clauseBreak { i += 1; continue }
                guard let e = lexicon.cues.match(words, at: i), i + e.words.count <= range.upperBound,
                      taken.isEmpty || !(i..<(i + e.words.count)).contains(where: { taken[$0 - range.lowerBound] }) else { i += 1; continue }
                let n = e.words.count
                if e.payload.polarity == 0 {
                    neutral += e.payload.weight
                    neutralSpans.append(span(words, i, n))
                } else {
                    hits.append(Hit(polarity: Double(e.payload.polarity), weight: e.payload.weight, directional: e.payload.directional,
                                    start: i, end: i + n, span: span(words, i, n)))
                }
                i += n
            }
        }
        hits.sort { $0.start < $1.start }
        // Negation and hedging, judged in the clause before each cue.
        for h in hits.indices {
            let start = hits[h].start
            var lo = start
            while lo > 0, start - lo < Self.hedgeWindow, words.keys[lo - 1] != KeyedWords.clauseBreak { lo -= 1 }
            if lo < start, lexicon.negators.occurs(words, in: max(lo, start - Self.negationWindow)..<start) {
                hits[h].polarity = -hits[h].polarity
                hits[h].weight *= Self.negatedFactor
            }
            if lo < start, lexicon.hedges.occurs(words, in: lo..<start) {
                hits[h].weight *= Self.hedgedFactor
            }
        }
        // Directional cues compose with the directional cue that follows them closely.
        var composed: [Hit] = []
        for h in hits {
            if var last = composed.last, last.directional, h.directional, h.start >= last.end, h.start - last.end <= Self.compositionGap,
               !(last.end..<h.start).contains(where: { words.keys[$0] == KeyedWords.clauseBreak }) {
                last.polarity *= h.polarity
                last.weight = max(last.weight, h.weight)
                last.end = h.end
                last.composed += h.spans
                composed[composed.count - 1] = last
            } else {
                composed.append(h)
            }
        }
        if let cue = cueVerb, let w = lexicon.cueVerbs[StemKey.key(cue.lemma)] {
            composed.append(Hit(polarity: w > 0 ? 1 : -1, weight: abs(w) * Self.cueVerbFactor, directional: false,
                                start: -1, end: -1, span: cue.span))
        }
        var favor = 0.0, against = 0.0
        for h in composed { if h.polarity > 0 { favor += h.weight } else { against += h.weight } }
        return Weighing(favor: favor, against: against, neutral: neutral, hits: composed, neutralSpans: neutralSpans)
    }

    private func span(_ words: KeyedWords, _ start: Int, _ count: Int) -> TextSpan {
        TextSpan(words.spans[start].start, words.spans[start + count - 1].end)
    }
}
