import LedeCore

/// Checks a plugin's answer for one document and merges the layers it declared.
///
/// Nothing is trusted: the answer must be for the same document, keep the text unchanged, and every
/// span must lie inside the text. Only layers named in the handshake's `provides` are taken.
enum PluginAnswer {
    static func apply(_ answer: JSONValue, to document: inout Document, provides: Set<LayerKey>) throws {
        switch answer["type"]?.string {
        case "error":
            throw StageFailure("the plugin reported an error: \(answer["message"]?.string ?? "(no message)")")
        case "result":
            break
        default:
            throw PluginProcess.Failure.malformed("answered with type \(answer["type"]?.string.map { "'\($0)'" } ?? "none"); expected 'result' or 'error'")
        }
        if let reason = answer["drop"]?.string {
            document.dropReason = reason
            return
        }
        guard let result = answer["document"], result.object != nil else {
            throw PluginProcess.Failure.malformed("a result without a \"document\" object")
        }
        if let id = result["id"]?.string, id != document.id {
            throw PluginProcess.Failure.malformed("answered for document '\(id)' instead of '\(document.id)'")
        }
        if let text = result["text"]?.string, text != document.original {
            throw StageFailure("the plugin changed the document's text; external stages may add layers but not rewrite text")
        }
        let length = document.originalScalars.count
        for layer in provides.sorted() {
            switch layer {
            case .paragraphs:
                document.paragraphs = try spans(result, "paragraphs", length).map { item, span in
                    Paragraph(span: document.offsetMap.working(span), kind: ParagraphKind(rawValue: item["kind"]?.string ?? "body") ?? .body)
                }
            case .sentences:
                let paragraphs = document.paragraphs
                document.sentences = try spans(result, "sentences", length).map { _, span in
                    let w = document.offsetMap.working(span)
                    return Sentence(span: w, paragraph: paragraphs.firstIndex { $0.span.contains(w) } ?? 0)
                }
            case .quotes:
                document.quotes = try spans(result, "quotes", length).map { item, span in
                    var quote = Quote(kind: QuoteKind(rawValue: item["kind"]?.string ?? "") ?? .direct, span: document.offsetMap.working(span),
                                      speaker: nil, cue: nil, confidence: item["confidence"]?.number ?? 0.5)
                    if let speaker = item["speaker"], speaker.object != nil {
                        let s = try checkedSpan(speaker, length, "quotes[].speaker")
                        quote.speaker = SpeakerMention(span: document.offsetMap.working(s), speaker: nil, confidence: speaker["confidence"]?.number ?? 0.5)
                    }
                    if let cue = item["cue"], cue.object != nil {
                        let c = try checkedSpan(cue, length, "quotes[].cue")
                        quote.cue = Cue(span: document.offsetMap.working(c), lemma: cue["lemma"]?.string ?? "")
                    }
                    return quote
                }
            default:
                guard layer.rawValue.contains(".") else {
                    throw StageFailure("the plugin declares layer '\(layer)', which external stages cannot provide (use a namespaced name such as 'x.\(layer)', or paragraphs, sentences, quotes)")
                }
                guard let value = result["extensions"]?[layer.rawValue] else {
                    throw PluginProcess.Failure.malformed("declared layer '\(layer)' but did not return extensions[\"\(layer)\"]")
                }
                try checkOffsets(value, length, path: "extensions[\"\(layer)\"]")
                document.extensions[layer.rawValue] = value
            }
        }
    }

    private static func spans(_ result: JSONValue, _ key: String, _ length: Int) throws -> [(JSONValue, TextSpan)] {
        guard let items = result[key]?.array else {
            throw PluginProcess.Failure.malformed("declared layer '\(key)' but did not return a \"\(key)\" list")
        }
        return try items.enumerated().map { i, item in (item, try checkedSpan(item, length, "\(key)[\(i)]")) }
    }

    private static func checkedSpan(_ item: JSONValue, _ length: Int, _ path: String) throws -> TextSpan {
        guard let start = item["start"]?.int, let end = item["end"]?.int else {
            throw PluginProcess.Failure.malformed("\(path) needs integer \"start\" and \"end\"")
        }
        guard 0 <= start, start <= end, end <= length else {
            throw StageFailure("the plugin returned \(path) with offsets \(start)..<\(end) outside the text (0..<\(length))")
        }
        return TextSpan(start, end)
    }

    /// Any object with integer start/end inside a custom layer must be a span inside the text.
    private static func checkOffsets(_ value: JSONValue, _ length: Int, path: String) throws {
        switch value {
        case .object(let o):
            if o["start"] != nil || o["end"] != nil { _ = try checkedSpan(value, length, path) }
            for (k, v) in o { try checkOffsets(v, length, path: path + "." + k) }
        case .array(let a):
            for (i, v) in a.enumerated() { try checkOffsets(v, length, path: path + "[\(i)]") }
        default: break
        }
    }
}
