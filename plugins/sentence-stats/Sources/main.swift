import LedeCore
import LedePluginKit

// An external Lede stage in Swift: sentence statistics per document, as the layer x.sentence-stats.
// LedePluginKit speaks the protocol; this file only computes the layer.
LedePlugin.run(name: "sentence-stats", version: "1.0.0", requires: ["sentences"], provides: ["x.sentence-stats"]) { doc, options in
    let minWords = options["long_sentence_words"]?.int ?? 35
    var words: [Int] = []
    var long: [JSONValue] = []
    for span in doc.sentences {
        var count = 0, inWord = false
        for scalar in doc.scalars[span.start..<span.end] {
            let isWordScalar = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if isWordScalar && !inWord { count += 1 }
            inWord = isWordScalar
        }
        words.append(count)
        if count >= minWords { long.append(.object(["start": .number(Double(span.start)), "end": .number(Double(span.end)), "words": .number(Double(count))])) }
    }
    let mean = words.isEmpty ? 0 : Double(words.reduce(0, +)) / Double(words.count)
    return ["x.sentence-stats": .object([
        "sentences": .number(Double(words.count)),
        "mean_words": .number((mean * 10).rounded() / 10),
        "long_sentences": .array(long),
    ])]
}
