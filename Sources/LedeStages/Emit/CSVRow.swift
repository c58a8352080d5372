/// RFC 4180 fields: a field is quoted when it holds a comma, quote, CR or LF, and quotes inside
/// are doubled, so Python's `csv` module reads back exactly what was written. Works on UTF-8
/// bytes: Foundation's `replacingOccurrences` was the slowest part of CSV export.
enum CSV {
    static func appendField(_ s: String, to out: inout [UInt8]) {
        var needsQuotes = false
        for u in s.utf8 where u == UInt8(ascii: ",") || u == UInt8(ascii: "\"") || u == 0x0A || u == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { out.append(contentsOf: s.utf8); return }
        out.append(UInt8(ascii: "\""))
        for u in s.utf8 {
            out.append(u)
            if u == UInt8(ascii: "\"") { out.append(u) }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func row(_ fields: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(fields.reduce(2) { $0 + $1.utf8.count + 1 })
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendField(f, to: &out)
        }
        out.append(0x0D); out.append(0x0A)
        return out
    }
}
