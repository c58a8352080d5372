/// The tag of one token: outside, or the beginning / inside of a source, cue or content span (BIO).
///
/// B and I are kept apart so two adjacent contents (or a source followed by another attribution's
/// source) stay two spans; the decoder forbids I-X after anything but B-X or I-X.
enum AttributionLabel: UInt8, CaseIterable {
    case outside = 0
    case beginSource, insideSource
    case beginCue, insideCue
    case beginContent, insideContent

    static let count = 7

    /// 0 outside, 1 source, 2 cue, 3 content.
    var role: Int { self == .outside ? 0 : (Int(rawValue) + 1) / 2 }
    var isBegin: Bool { rawValue & 1 == 1 }

    static func begin(role: Int) -> AttributionLabel { AttributionLabel(rawValue: UInt8(role * 2 - 1))! }
    static func inside(role: Int) -> AttributionLabel { AttributionLabel(rawValue: UInt8(role * 2))! }

    /// Whether label `b` may follow label `a` (nil `a`: sequence start).
    static func allowed(_ a: Int?, _ b: Int) -> Bool {
        guard let lb = AttributionLabel(rawValue: UInt8(b)), !lb.isBegin, lb != .outside else { return true }
        guard let a, let la = AttributionLabel(rawValue: UInt8(a)) else { return false }
        return la.role == lb.role
    }
}
