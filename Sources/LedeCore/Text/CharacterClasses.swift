/// Character classes later stages share, so "is this a quotation mark?" has one answer everywhere.
///
/// The working text keeps the original characters (curly or straight); stages ask for the class.
public enum QuoteMark: Sendable, Equatable {
    /// “ „ « ‹ (and ‚ used as a low opening single mark)
    case openDouble, openSingle
    /// ” » ›
    case closeDouble, closeSingle
    /// " : opens or closes depending on context
    case ambiguousDouble
    /// ' ’ : apostrophe, or a single mark depending on context
    case ambiguousSingle

    public var isDouble: Bool { self == .openDouble || self == .closeDouble || self == .ambiguousDouble }
}

extension Unicode.Scalar {
    @inlinable public var quoteMark: QuoteMark? {
        switch value {
        case 0x22: return .ambiguousDouble                   // "
        case 0x201C, 0x201E, 0x201F, 0x00AB, 0x301D: return .openDouble    // “ „ ‟ «
        case 0x201D, 0x00BB, 0x301E: return .closeDouble     // ” »
        case 0x27, 0x2019: return .ambiguousSingle           // ' ’
        case 0x2018, 0x201A, 0x201B, 0x2039: return .openSingle  // ‘ ‚ ‛ ‹
        case 0x203A: return .closeSingle                     // ›
        default: return nil
        }
    }

    /// Hyphen, dashes and the minus sign.
    @inlinable public var isDash: Bool {
        switch value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return true
        default: return false
        }
    }

    /// ASCII letters take a fast path; the rest ask Unicode.
    @inlinable public var isLetter: Bool {
        let v = value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v >= 0x2000 && v <= 0x206F { return false }   // general punctuation: curly quotes, dashes
        return Unicode.Scalar.slowIsAlphabetic(self)
    }

    @inlinable public var isDigit: Bool { value >= 0x30 && value <= 0x39 }

    @inlinable public var isUppercaseLetter: Bool {
        let v = value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x2000 && v <= 0x206F { return false }
        return Unicode.Scalar.slowIsUppercase(self)
    }

    @inlinable public var isLowercaseLetter: Bool {
        let v = value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if v >= 0x2000 && v <= 0x206F { return false }
        return Unicode.Scalar.slowIsLowercase(self)
    }

    /// Space or tab (not a line break).
    @inlinable public var isInlineSpace: Bool { value == 0x20 || value == 0x09 }

    @inlinable public var isWhitespaceOrNewline: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D || v == 0x0C || v == 0x0B }
        if v >= 0x2000 && v <= 0x206F { return v <= 0x200A || v == 0x2028 || v == 0x2029 || v == 0x202F || v == 0x205F }
        return Unicode.Scalar.slowIsWhitespace(self)
    }

    // Property lookups kept out of line: inlined, they put Unicode metadata accesses and a dynamic
    // stack allocation into the prologue of every hot loop that asks about ASCII letters.
    @usableFromInline @inline(never) static func slowIsAlphabetic(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }
    @usableFromInline @inline(never) static func slowIsUppercase(_ c: Unicode.Scalar) -> Bool { c.properties.isUppercase }
    @usableFromInline @inline(never) static func slowIsLowercase(_ c: Unicode.Scalar) -> Bool { c.properties.isLowercase }
    @usableFromInline @inline(never) static func slowIsWhitespace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }
    /// The canonical combining class (0 for starters), out of line for the same reason.
    @inline(never) public static func combiningClass(_ c: Unicode.Scalar) -> UInt8 {
        c.value < 0x300 ? 0 : c.properties.canonicalCombiningClass.rawValue
    }
}
