/// Cues that name nobody: agentless passives ("the vote is expected to …", "he has been accused of
/// …"), impersonal frames ("it is clear that …", "it appears that …") and evidential adverbs
/// ("reportedly"). The grammatical subject there is what the statement is about, not who made it,
/// and news annotation (PolNeAR) leaves such attributions without a source; taking the subject, the
/// nearest name or the previous speaker would make a correct "nobody" wrong.
extension QuoteExtractor {
    /// Whether the cue `a..<b` (tokens) has no speaker of its own. A passive with its agent ("was
    /// criticized by the mayor") or a stative adjective with an experiencer ("Ruiz is convinced
    /// that …") keeps one.
    func isSourcelessCue(_ a: Int, _ b: Int) -> Bool {
        guard a < b, a >= 0, b <= v.count else { return false }
        // "Reportedly, …" alone; "the mayor reportedly told aides" still has the mayor.
        if (a..<b).allSatisfy({ !v.isWord($0) || Self.evidentialAdverbs.contains(v.low($0)) }) { return (a..<b).contains { v.isWord($0) } }
        let si = Int(v.sentence[a])
        let floor = si >= 0 ? Int(v.sentenceStart[si]) : a
        // The cue's last word, with the auxiliaries and adverbs before it (which the cue span may
        // leave out: "is [expected]").
        guard let h = (a..<b).last(where: { v.isWord($0) }) else { return false }
        var k = h - 1
        while k >= max(floor, a - 4), v.isWord(k), Self.passiveAdverbs.contains(v.low(k)) || v.low(k).hasSuffix("ly") { k -= 1 }
        let aux = k >= floor ? v.low(k) : ""
        let head = v.low(h)
        if Self.beForms.contains(aux), Self.isPastParticiple(head), !Self.experiencerAdjectives.contains(head) {
            return v.low(b) != "by"
        }
        // "The board has faced questions about …", "the mayor came under criticism for …": the
        // subject receives the criticism, and who voiced it goes unnamed unless "from …" follows
        // (PolNeAR train: 11 such cues without a source; where one exists it is not the subject).
        if (a..<b).contains(where: { Self.criticismNouns.contains(v.low($0)) }),
           (max(floor, a - 3)..<b).contains(where: { v.isWord($0) && Self.receivingVerbs.contains(v.low($0)) }),
           v.low(b) != "from", v.low(b) != "by" {
            return true
        }
        // "Asked whether he would run, Reid said …": a sentence-initial reduced passive names its
        // asker nowhere (with "by" it does: "Asked by Lauer whether …").
        if let first = (a..<b).first(where: { v.isWord($0) }), opensWithReducedPassive(first) {
            return true
        }
        // "Ben Carson appears to be slipping", "Mr. Trump's tone often seems to encourage …": a
        // raising verb's subject is what the writer infers about, not a speaker (PolNeAR train: 173
        // such cues without a source, 6 with one). "He seemed to confirm" does have a speaker (23 to 0).
        if let r = (a..<b).last(where: { Self.raisingVerbs.contains(v.low($0)) }),
           ((r + 1)..<b).allSatisfy({ !v.isWord($0) || Self.raisingComplements.contains(v.low($0)) }) {
            return !raisesASpeechVerb(from: b)
        }
        // "it is clear that", "it appears that", "it seems likely".
        var i = a - 1
        while i >= max(floor, a - 4), i >= 0, !(v.low(i) == "it" || v.low(i) == "it's") { i -= 1 }
        if i >= max(floor, a - 4), i >= 0 {
            let verb = v.low(i) == "it's" ? "is" : v.low(i + 1)
            if Self.impersonalVerbs.contains(verb) || Self.beForms.contains(verb) && (a..<b).contains(where: { Self.impersonalAdjectives.contains(v.low($0)) }) {
                return true
            }
        }
        return false
    }

    /// A cue that names nobody at the edge of, or inside, a content span `a..<b` (tokens), for a
    /// tagger that swallowed it into the content or left it untagged: a reduced passive right before
    /// the content ("[Asked] whether he would run, …") or a raising verb in the content's first
    /// clause ("[Ben Carson appears to be slipping]", PolNeAR's convention for the writer's own
    /// inferences). The caller takes it as the quotation's cue, with no speaker.
    func sourcelessCue(aroundContent a: Int, _ b: Int) -> Range<Int>? {
        guard a < b, a >= 0, b <= v.count else { return nil }
        if a > 0, opensWithReducedPassive(a - 1) { return (a - 1)..<a }
        let end = sentenceBounds(a).1
        var k = a, words = 0
        while k < min(b, end), words < 12 {
            if v.isWord(k) {
                if v.inQuote[k] { break }
                // "appeared at a rally" is not the raising verb.
                if Self.raisingVerbs.contains(v.low(k)) {
                    if Self.appearancePrepositions.contains(v.low(k + 1)) || raisesASpeechVerb(from: k + 1) { break }
                    return k..<(k + 1)
                }
                // "that she's glad Clinton appeared to …" is someone's reported clause.
                if Self.clauseOpeners.contains(v.low(k)) || v.low(k) == "whether" || cueVerb(k) != nil { break }
                words += 1
            } else if v.isChar(k, ",") || v.isQuote(k) { break }
            k += 1
        }
        return nil
    }

    /// The first token of a raising verb's subject ("[Mr. Clinton] does not seem to …", "[the
    /// race] appears closer"), or nil when none stands right before it in its clause. PolNeAR's
    /// content of a raising attribution is the whole clause, subject and verb included: what the
    /// writer infers, not what anyone said.
    func raisingSubjectStart(verb r: Int) -> Int? {
        guard r > 0, r < v.count, Self.raisingVerbs.contains(v.low(r)) else { return nil }
        let floor = sentenceBounds(r).0
        var k = r - 1
        // Auxiliaries and adverbs between the subject and the verb ("does not", "may", "also").
        while k >= floor, k > r - 5, v.isWord(k), v.has(k, .auxiliary) || Self.passiveAdverbs.contains(v.low(k))
                || ["not", "may", "might", "could", "would", "does", "do", "did", "n't", "can", "will"].contains(v.low(k)) || v.low(k).hasSuffix("ly") { k -= 1 }
        let end = k + 1
        var a = end
        while a - 1 >= floor, end - a < 10 {
            let t = a - 1
            let w = v.low(t)
            guard v.isWord(t) || v.tokens[t].kind == .number || v.isChar(t, "-") || w == "'s" || w == "’s" || isNamePeriod(t) else { break }
            if v.has(t, .andBut) || Self.clauseOpeners.contains(w) || Self.subordinators.contains(w) || w == "whether" || cueVerb(t) != nil { break }
            a -= 1
        }
        // Past an opening adverbial ("On Tuesday the race appears …") the subject starts after it.
        while a < end, v.has(a, .preposition) || v.has(a, .weekday) && end - a > 1 { a += 1 }
        return a < end ? a : nil
    }

    /// Whether token `k` is "Asked" (or another reduced passive) opening its sentence, with no
    /// "by" naming the asker after it.
    func opensWithReducedPassive(_ k: Int) -> Bool {
        guard v.isWord(k), Self.reducedPassives.contains(v.low(k)), v.low(k + 1) != "by" else { return false }
        return (sentenceBounds(k).0..<k).allSatisfy { !v.isWord($0) }
    }

    /// Whether a cue verb follows a raising verb's "to (be)" from token `k` on ("seemed to
    /// confirm"): then the subject is the speaker after all.
    func raisesASpeechVerb(from start: Int) -> Bool {
        var k = start
        while k < min(start + 3, v.count), Self.raisingComplements.contains(v.low(k)) { k += 1 }
        return cueVerb(k) != nil
    }

    /// Verbs whose subject receives criticism ("faced questions", "came under fire", "dogged by charges").
    static let receivingVerbs: Set<String> = ["face", "faces", "faced", "facing", "came", "come", "comes", "coming",
                                              "dogged", "plagued", "hounded", "met"]
    static let criticismNouns: Set<String> = ["criticism", "criticisms", "questions", "charges", "accusations", "allegations",
                                              "scrutiny", "fire", "pressure", "complaints", "condemnation", "backlash", "outrage"]

    static func isPastParticiple(_ w: String) -> Bool {
        (w.utf8.count > 3 && w.hasSuffix("ed")) || irregularParticiples.contains(w)
    }

    static let beForms: Set<String> = ["is", "are", "was", "were", "be", "been", "being"]
    static let passiveAdverbs: Set<String> = ["often", "also", "not", "still", "long", "sometimes", "never", "already", "now", "once", "even", "further", "reportedly"]
    static let irregularParticiples: Set<String> = ["known", "thought", "said", "seen", "shown", "told", "held", "understood", "taken", "given",
                                                    "made", "found", "heard", "meant", "written", "sworn", "forbidden", "foreseen"]
    /// "-ed" adjectives whose subject holds the attitude: "Ruiz is concerned that …".
    static let experiencerAdjectives: Set<String> = ["concerned", "convinced", "worried", "determined", "prepared", "committed", "pleased",
                                                     "disappointed", "satisfied", "surprised", "interested", "alarmed", "frustrated",
                                                     "delighted", "excited", "tired", "scared", "troubled", "dedicated", "opposed", "inclined",
                                                     "confused", "annoyed", "angered", "shocked", "encouraged", "relieved", "embarrassed",
                                                     "outraged", "thrilled", "puzzled", "unconvinced", "undeterred", "unimpressed", "resigned",
                                                     "hooked", "focused", "obsessed", "assured", "persuaded", "dismayed", "saddened", "horrified"]
    static let evidentialAdverbs: Set<String> = ["reportedly", "allegedly", "purportedly", "supposedly", "reputedly"]
    /// Raising verbs: their subject is not who says or thinks anything.
    static let raisingVerbs: Set<String> = ["appear", "appears", "appeared", "seem", "seems", "seemed"]
    /// Words that may follow a raising verb inside a cue that still names nobody ("seemed to be").
    static let raisingComplements: Set<String> = ["to", "be", "like", "as", "if", "a"]
    /// Words after "appear" that make it "show up", not a raising verb.
    static let appearancePrepositions: Set<String> = ["at", "in", "on", "before", "with", "alongside", "onstage", "together", "live",
                                                      "via", "during", "from", "for", "inside", "outside"]
    /// Participles that open a sentence as a reduced passive of asking.
    static let reducedPassives: Set<String> = ["asked", "pressed", "questioned"]
    static let impersonalVerbs: Set<String> = ["appears", "appeared", "seems", "seemed", "looks", "looked", "remains", "remained"]
    static let impersonalAdjectives: Set<String> = ["clear", "unclear", "apparent", "obvious", "evident", "likely", "unlikely", "possible",
                                                    "impossible", "certain", "uncertain", "doubtful", "true", "plain"]
}
