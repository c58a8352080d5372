/// Repairs UTF-8 that was decoded as Windows-1252 or Latin-1 (`â€™` → `’`, `Ã©` → `é`), the way
/// ftfy handles its most frequent case: map the suspicious run back to bytes and accept it only
/// if those bytes are exactly one well-formed multi-byte UTF-8 sequence.
enum Mojibake {
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The Windows-1252 character for a byte in 0x80–0x9F.
    static func cp1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        guard byte >= 0x80 && byte <= 0x9F else { return nil }
        return Unicode.Scalar(cp1252High[Int(byte - 0x80)])
    }

    /// The byte a Windows-1252/Latin-1 character stands for, if any.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v < 0x100 { return UInt8(v) }
        if let i = cp1252High.firstIndex(of: v) { return UInt8(0x80 + i) }
        return nil
    }

    static func repair(_ s: [Unicode.Scalar], at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = s[i].value
        guard lead >= 0xC2 && lead <= 0xF4 else { return nil }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard i + length <= s.count else {
            // "â€" at the very end lost its last byte (often 0x9D, undefined in Windows-1252).
            return nil
        }
        var bytes: [UInt8] = [UInt8(lead)]
        for k in 1..<length {
            guard let b = byte(for: s[i + k]), b >= 0x80 && b <= 0xBF else { return nil }
            bytes.append(b)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self), decoded.unicodeScalars.count == 1,
              let scalar = decoded.unicodeScalars.first, scalar.value >= 0x80 else { return nil }
        return (scalar, length)
    }
}
