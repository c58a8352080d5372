/// The Windows-1252 code page's characters for bytes 0x80–0x9F, where it differs from Latin-1.
///
/// Shared by input decoding (files that are not UTF-8) and mojibake repair (UTF-8 that was
/// decoded as Windows-1252), which must agree on the table.
public enum Windows1252 {
    /// Code points for 0x80…0x9F; the five bytes the code page leaves undefined map as Latin-1.
    public static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The character a byte stands for.
    @inlinable public static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        byte >= 0x80 && byte <= 0x9F ? Unicode.Scalar(high[Int(byte - 0x80)])! : Unicode.Scalar(byte)
    }

    /// The byte a character stands for, if the code page has it.
    public static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v < 0x80 || (v >= 0xA0 && v < 0x100) { return UInt8(v) }
        if let i = high.firstIndex(of: v) { return UInt8(0x80 + i) }
        return v < 0x100 ? UInt8(v) : nil
    }
}
