import DocumentFilter
import KeywordTagger
import LedeCLI

// A custom `lede` with two extra compiled-in stages: this one line is all a user's build needs.
Lede.main(extraStages: [DocumentFilter.self, KeywordTagger.self])
