import Foundation

/// RFC 4180 fields: a field is quoted when it holds a comma, quote, CR or LF, and quotes inside
/// are doubled, so Python's `csv` module reads back exactly what was written.
enum CSV {
    static func field(_ s: String) -> String {
        var needsQuotes = false
        for u in s.utf8 where u == UInt8(ascii: ",") || u == UInt8(ascii: "\"") || u == 0x0A || u == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}

