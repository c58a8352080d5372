/// The word lists behind sentence splitting, loaded once per stage from `Resources/abbreviations.txt`
/// plus the YAML extras, and queried with lower-cased keys.
struct SegmentLexicon: Sendable {
    enum AbbreviationClass: Sendable { case title, number, general, time }

    var abbreviations: [String: AbbreviationClass] = [:]
    /// Abbreviations that are also words: only capitalized occurrences count as abbreviations.
    var ambiguous: Set<String> = []
    var starters: Set<String> = []
    var attributionVerbs: Set<String> = []
    var weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                 "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
    var months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                               "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                               "sep", "sept", "oct", "nov", "dec"]
    var zones: Set<String> = ["et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc",
                              "bst", "cet", "cest", "eastern", "central", "mountain", "pacific", "local"]

    init(list: WordList, extraAbbreviations: [String], extraTitles: [String]) {
        func key(_ s: String) -> String {
            var t = s.lowercased()
            while t.hasSuffix(".") { t.removeLast() }
            return t
        }
        for w in list["general"] + extraAbbreviations { abbreviations[key(w)] = .general }
        for w in list["number"] { abbreviations[key(w)] = .number }
        for w in list["time"] { abbreviations[key(w)] = .time }
        for w in list["title"] + extraTitles { abbreviations[key(w)] = .title }
        ambiguous = Set(list["ambiguous"].map(key))
        starters = Set(list["starters"].map(key))
        attributionVerbs = Set(list["attribution"].map(key))
    }
}
