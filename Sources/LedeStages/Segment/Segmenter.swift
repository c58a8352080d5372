import LedeCore

/// Rule-based paragraph and sentence splitting over scalars, tuned for English news.
///
/// Everything the rules know about words (abbreviations, sentence starters, boilerplate phrases) is
/// data in `Resources/`, extendable from YAML, so a newsroom's house abbreviations need no code.
/// The rules themselves live in the extensions: paragraphs and their kinds, then sentences.
struct Segmenter: Sendable {
    let lexicon: SegmentLexicon
    let boilerplate: BoilerplateMatcher

    init(extraAbbreviations: [String] = [], extraTitles: [String] = [], extraBoilerplate: [String] = []) {
        lexicon = SegmentLexicon(list: WordList.load(resource: "abbreviations"),
                                 extraAbbreviations: extraAbbreviations, extraTitles: extraTitles)
        let phrases = WordList.load(resource: "boilerplate")
        boilerplate = BoilerplateMatcher(start: phrases["start"], anywhere: phrases["anywhere"] + extraBoilerplate)
    }

    func sentences(_ s: [Unicode.Scalar], paragraphs: [Paragraph]) -> [Sentence] {
        var result: [Sentence] = []
        result.reserveCapacity(paragraphs.count * 3)
        var scratch = SentenceScratch()
        for (p, paragraph) in paragraphs.enumerated() {
            sentenceSpans(s, in: paragraph.span, scratch: &scratch)
            for span in scratch.spans { result.append(Sentence(span: span, paragraph: p)) }
        }
        return result
    }

    /// Sentence spans of one paragraph (convenience for tests).
    func sentenceSpans(_ s: [Unicode.Scalar], in range: TextSpan) -> [TextSpan] {
        var scratch = SentenceScratch()
        sentenceSpans(s, in: range, scratch: &scratch)
        return scratch.spans
    }
}

/// Reused between paragraphs so splitting allocates once per document, not once per paragraph.
struct SentenceScratch {
    var spans: [TextSpan] = []
}
