import LedeConfig
import LedeCore

/// Turns a file's bytes into text, or says why it cannot be an article.
///
/// Invalid UTF-8 is not dropped silently: it is decoded with the configured fallback and the
/// document carries a diagnostic saying so. Files that look binary or hold no text fail.
enum TextDecoding {
    enum Outcome {
        case text(String, diagnostic: String?)
        case failure(String)
    }

    static func decode(_ bytes: [UInt8], fallback: InputSpec.FallbackEncoding) -> Outcome {
        if bytes.isEmpty { return .failure("empty file") }
        let probe = bytes.prefix(8192)
        if probe.contains(0) { return .failure("binary file (contains NUL bytes); not an article") }
        var controls = 0
        for b in probe where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        if controls * 20 > probe.count { return .failure("binary file (\(controls) control bytes in the first \(probe.count)); not an article") }

        var text: String
        var diagnostic: String?
        if let s = String(validating: bytes, as: UTF8.self) {
            text = s
        } else {
            switch fallback {
            case .none:
                return .failure("not valid UTF-8 (fallback_encoding is none)")
            case .windows1252, .latin1:
                text = decodeSingleByte(bytes, windows1252: fallback == .windows1252)
                let firstBad = firstInvalidUTF8(bytes)
                diagnostic = "not valid UTF-8 (first bad byte at offset \(firstBad)); decoded as \(fallback.rawValue)"
            }
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
            return .failure("empty document (only white space)")
        }
        return .text(text, diagnostic: diagnostic)
    }

    static func decodeSingleByte(_ bytes: [UInt8], windows1252: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            scalars.append(windows1252 ? Windows1252.scalar(b) : Unicode.Scalar(b))
        }
        return String(scalars)
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0x6 ? 2 : b >> 4 == 0xE ? 3 : b >> 3 == 0x1E ? 4 : 0
            if length == 0 || i + length > bytes.count { return i }
            for k in 1..<length where bytes[i + k] >> 6 != 0x2 { return i }
            if String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return i
    }
}
