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
    static let impersonalVerbs: Set<String> = ["appears", "appeared", "seems", "seemed", "looks", "looked", "remains", "remained"]
    static let impersonalAdjectives: Set<String> = ["clear", "unclear", "apparent", "obvious", "evident", "likely", "unlikely", "possible",
                                                    "impossible", "certain", "uncertain", "doubtful", "true", "plain"]
}
