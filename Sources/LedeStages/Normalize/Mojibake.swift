import LedeCore

/// Repairs UTF-8 that was decoded as Windows-1252 or Latin-1 (`â€™` → `’`, `Ã©` → `é`), the way
/// ftfy handles its most frequent case: map the suspicious run back to bytes and accept it only
/// if those bytes are exactly one well-formed multi-byte UTF-8 sequence.
enum Mojibake {
    /// The Windows-1252 character for a byte in 0x80–0x9F.
    static func cp1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        byte >= 0x80 && byte <= 0x9F ? Windows1252.scalar(byte) : nil
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
            guard let b = Windows1252.byte(for: s[i + k]), b >= 0x80 && b <= 0xBF else { return nil }
            bytes.append(b)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self), decoded.unicodeScalars.count == 1,
              let scalar = decoded.unicodeScalars.first, scalar.value >= 0x80 else { return nil }
        return (scalar, length)
    }
}
