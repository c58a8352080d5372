/// The word lists behind sentence splitting, loaded once per stage from `Resources/abbreviations.txt`
/// plus the YAML extras, and queried with packed lower-case keys (``WordKey``).
///
/// A class: as a struct, every lookup from a sentence-end decision copied (retained and released)
/// all of its tables, which cost more than the lookups.
final class SegmentLexicon: Sendable {
    enum AbbreviationClass: Sendable { case title, number, general, time }

    let abbreviations: WordKeyTable<AbbreviationClass>
    /// Abbreviations that are also words: only capitalized occurrences count as abbreviations.
    let ambiguous: WordKeySet
    let starters: WordKeySet
    let attributionVerbs: WordKeySet
    let weekdays = keys(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"])
    let months = keys(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                       "sep", "sept", "oct", "nov", "dec"])
    let zones = keys(["et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc",
                      "bst", "cet", "cest", "eastern", "central", "mountain", "pacific", "local"])
    let no = WordKey("no")!
    let nos = WordKey("nos")!
    let pronounI = WordKey("i")!

    static func keys(_ words: [String]) -> WordKeySet { WordKeySet(words) }

    /// Lower case without the final period: how entries are written in the lists and in YAML.
    static func key(_ s: String) -> String {
        var t = s.lowercased()
        while t.hasSuffix(".") { t.removeLast() }
        return t
    }

    init(list: WordList, extraAbbreviations: [String], extraTitles: [String]) {
        var classes: [WordKey: AbbreviationClass] = [:]
        func add(_ words: [String], _ cls: AbbreviationClass) {
            for w in words { if let k = WordKey(Self.key(w)) { classes[k] = cls } }
        }
        // Later lists win: a word in both [general] and [title] is a title.
        add(list["general"] + extraAbbreviations, .general)
        add(list["number"], .number)
        add(list["time"], .time)
        add(list["title"] + extraTitles, .title)
        abbreviations = WordKeyTable(classes.map { ($0.key, $0.value) })
        ambiguous = SegmentLexicon.keys(list["ambiguous"])
        starters = Self.keys(list["starters"])
        attributionVerbs = Self.keys(list["attribution"])
    }
}
