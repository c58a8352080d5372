import LedeCore
@testable import LedeStages
import Testing

@Suite("Stance rule tagger")
struct StanceRuleTaggerTests {
    let tagger = StanceTagger(model: nil)
    let tax = StanceTargetSpec(id: "carbon_tax", terms: ["carbon tax*", "carbon levy"])

    func label(_ text: String, _ target: StanceTargetSpec? = nil) -> StanceLabel {
        tagger.tag(text: text, target: target ?? tax)
    }

    @Test func supportIsFavorWithEvidence() {
        let text = "We strongly support the carbon tax and welcome the vote."
        let l = label(text)
        #expect(l.label == .favor)
        #expect(l.score > 0.5 && l.score <= 1)
        let scalars = Array(text.unicodeScalars)
        let evidence = l.evidence.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(evidence.contains("support"))
        #expect(evidence.contains("welcome"))
    }

    @Test func oppositionIsAgainst() {
        #expect(label("This carbon tax will hurt families, and we oppose it.").label == .against)
        #expect(label("The carbon levy is a reckless mistake.").label == .against)
    }

    @Test func negationFlipsACue() {
        #expect(label("The carbon tax is a good idea.").label == .favor)
        #expect(label("The carbon tax is not a good idea.").label == .against)
        #expect(label("The carbon tax won't help anyone.").label == .against)
        #expect(label("We don't oppose the carbon tax.").label == .favor)
    }

    @Test func hedgingLowersConfidence() {
        let plain = label("The carbon tax will help farmers.")
        let hedged = label("The carbon tax might help farmers.")
        #expect(plain.label == .favor)
        #expect(hedged.score < plain.score)
    }

    @Test func neutralPhrasesAndNoCues() {
        #expect(label("The carbon tax would not fundamentally alter fuel prices.").label == .neutral)
        #expect(label("It is too early to say whether the carbon tax passes.").label == .neutral)
        #expect(label("The carbon tax bill runs to four hundred pages.").label == .neutral)
    }

    @Test func targetAbsentIsNone() {
        let l = label("The new bus routes are a great idea and we support them.")
        #expect(l.label == .none)
        #expect(l.evidence.isEmpty)
    }

    @Test func directionalCuesCompose() {
        #expect(label("I urge the senate to reject the carbon tax.").label == .against)
        #expect(label("We reject calls for a carbon tax.").label == .against)
        #expect(label("I urge the senate to pass the carbon tax.").label == .favor)
    }

    @Test func targetSpecificCuesOverrideGenericOnes() {
        let bare = StanceTargetSpec(id: "embargo", terms: ["embargo*"])
        var cued = bare
        cued.against = ["keep the embargo"]
        cued.favor = ["lift the embargo"]
        // Generic lexicon: "keep" is a favor cue, but keeping an embargo opposes lifting it.
        #expect(label("We must keep the embargo in place.", bare).label == .favor)
        #expect(label("We must keep the embargo in place.", cued).label == .against)
        #expect(label("It is time to lift the embargo.", cued).label == .favor)
    }

    @Test func wildcardAndInflectedTerms() {
        let embargo = StanceTargetSpec(id: "embargo", terms: ["embargo*"])
        #expect(label("The embargoes have failed and should be scrapped.", embargo).label == .against)
        #expect(label("EMBARGOES have failed and should be scrapped.", embargo).label == .against)
        // A typographic apostrophe in the text meets an ASCII one in the term.
        #expect(label("O’Neillplan is a disaster.", StanceTargetSpec(id: "p", terms: ["o'neill*"])).label == .against)
        #expect(label("Embarrassing, and it should be scrapped.", embargo).label == .none)
        #expect(StemKey.stemmed("urged") == StemKey.stemmed("urge"))
        #expect(StemKey.stemmed("stopped") == StemKey.stemmed("stop"))
        #expect(StemKey.stemmed("subsidies") == StemKey.stemmed("subsidy"))
    }
}
