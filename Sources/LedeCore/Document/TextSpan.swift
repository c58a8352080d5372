/// A half-open range `[start, end)` of Unicode-scalar offsets.
///
/// Inside a running pipeline spans index the document's *working* text; emitters map them
/// through the ``OffsetMap`` so that every exported span indexes the *original* file text, and a
/// Python user can slice `text[start:end]` with the same numbers.
public struct TextSpan: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "span start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func contains(_ other: TextSpan) -> Bool { other.start >= start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { other.start < end && start < other.end }

    /// Number of scalars the two spans share.
    public func overlap(with other: TextSpan) -> Int { max(0, min(end, other.end) - max(start, other.start)) }

    public static func < (a: TextSpan, b: TextSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }
    public var description: String { "[\(start),\(end))" }
}
