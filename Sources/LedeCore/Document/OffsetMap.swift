/// Maps offsets in a document's working text back to its original text.
///
/// Normalization rewrites text (entities decoded, zero-width characters dropped, CRLF folded), yet
/// every exported offset must index the original file. The map records the rewrite as a sorted
/// list of segments, each either copied verbatim or replaced; a copied segment maps offsets one to
/// one, a replaced one maps its whole working range onto its whole original range, so a span can
/// never start or end in the middle of an original character sequence that was rewritten.
public struct OffsetMap: Sendable, Equatable {
    /// One stretch of the working text and the stretch of original text it came from.
    public struct Segment: Sendable, Equatable {
        public var working: Int
        public var original: Int
        public var workingLength: Int
        public var originalLength: Int
        public var isCopy: Bool
    }

    public private(set) var segments: [Segment]
    public private(set) var workingLength: Int
    public private(set) var originalLength: Int

    /// The identity map for a text of `length` scalars.
    public init(identity length: Int) {
        segments = length == 0 ? [] : [Segment(working: 0, original: 0, workingLength: length, originalLength: length, isCopy: true)]
        workingLength = length
        originalLength = length
    }

    public var isIdentity: Bool { segments.allSatisfy(\.isCopy) && workingLength == originalLength }

    /// Maps the start of a span: inside a replacement it snaps to the replacement's original start.
    public func originalStart(_ offset: Int) -> Int {
        guard let index = segmentIndex(containingStart: offset) else { return offset >= workingLength ? originalLength : 0 }
        let s = segments[index]
        return s.isCopy ? s.original + (offset - s.working) : s.original
    }

    /// Maps the (exclusive) end of a span: inside a replacement it snaps to the replacement's original end.
    public func originalEnd(_ offset: Int) -> Int {
        guard let index = segmentIndex(containingEnd: offset) else { return offset <= 0 ? 0 : originalLength }
        let s = segments[index]
        return s.isCopy ? s.original + (offset - s.working) : s.original + s.originalLength
    }

    public func original(_ span: TextSpan) -> TextSpan {
        if segments.count == 1 && segments[0].isCopy { return span }
        let start = originalStart(span.start)
        return TextSpan(start, max(start, originalEnd(span.end)))
    }

    /// Maps a span of the original text to the working text (for layers that arrive with original
    /// offsets, such as an external stage's answer). Rewritten stretches snap outward.
    public func working(_ span: TextSpan) -> TextSpan {
        if segments.count == 1 && segments[0].isCopy { return span }
        let start = workingOffset(original: span.start, isEnd: false)
        return TextSpan(start, max(start, workingOffset(original: span.end, isEnd: true)))
    }

    private func workingOffset(original o: Int, isEnd: Bool) -> Int {
        if o <= 0 { return 0 }
        if o >= originalLength { return workingLength }
        var lo = 0, hi = segments.count
        // First segment whose original range ends after o (or at o, for ends).
        while lo < hi {
            let mid = (lo + hi) / 2
            let s = segments[mid]
            let end = s.original + s.originalLength
            if isEnd ? end < o : end <= o { lo = mid + 1 } else { hi = mid }
        }
        guard lo < segments.count else { return workingLength }
        let s = segments[lo]
        if s.isCopy { return s.working + max(0, o - s.original) }
        return isEnd ? s.working + s.workingLength : s.working
    }

    /// The segment with `working <= offset < working + workingLength` (empty segments never match).
    private func segmentIndex(containingStart offset: Int) -> Int? {
        var lo = 0, hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let s = segments[mid]
            if s.working + s.workingLength <= offset { lo = mid + 1 } else if s.working > offset { hi = mid } else {
                if s.workingLength == 0 { lo = mid + 1 } else { return mid }
            }
        }
        return lo < segments.count && segments[lo].workingLength > 0 && segments[lo].working <= offset ? lo : nil
    }

    /// The segment with `working < offset <= working + workingLength`.
    private func segmentIndex(containingEnd offset: Int) -> Int? {
        var lo = 0, hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let s = segments[mid]
            if s.working + s.workingLength < offset { lo = mid + 1 } else if s.working >= offset { hi = mid } else { return mid }
        }
        return nil
    }

    /// Composes `self` (A → original) after `inner` (B → A): the result maps B to the original.
    public func composed(after inner: OffsetMap) -> OffsetMap {
        if isIdentity { return inner }
        if inner.isIdentity { return self }
        var builder = OffsetMapBuilder()
        for s in inner.segments {
            let start = originalStart(s.original), end = s.originalLength == 0 ? start : originalEnd(s.original + s.originalLength)
            if s.isCopy {
                // Copied stretches may cross edits of the outer map: split at its boundaries.
                var w = s.original
                let wEnd = s.original + s.workingLength
                while w < wEnd {
                    guard let i = segmentIndex(containingStart: w) else { break }
                    let o = segments[i]
                    let stop = min(wEnd, o.working + o.workingLength)
                    if o.isCopy { builder.copy(stop - w, originalFrom: o.original + (w - o.working)) } else {
                        builder.replace(originalFrom: originalStart(w), originalLength: originalEnd(stop) - originalStart(w), workingLength: stop - w)
                    }
                    w = stop
                }
            } else {
                builder.replace(originalFrom: start, originalLength: max(0, end - start), workingLength: s.workingLength)
            }
        }
        return builder.build(originalLength: originalLength)
    }

    fileprivate init(segments: [Segment], workingLength: Int, originalLength: Int) {
        self.segments = segments
        self.workingLength = workingLength
        self.originalLength = originalLength
    }
}

/// Records a left-to-right rewrite of a text into an ``OffsetMap``.
///
/// A normalizer calls ``copy(_:)`` for stretches it keeps and ``replace(originalLength:workingLength:)``
/// for stretches it rewrites (a deletion has `workingLength` 0, an insertion `originalLength` 0).
public struct OffsetMapBuilder: Sendable {
    private var segments: [OffsetMap.Segment] = []
    private var working = 0
    private var original = 0

    public init() {}

    public mutating func copy(_ count: Int) { copy(count, originalFrom: original) }

    mutating func copy(_ count: Int, originalFrom origin: Int) {
        guard count > 0 else { return }
        if var last = segments.last, last.isCopy, last.working + last.workingLength == working,
           last.original + last.originalLength == origin {
            last.workingLength += count
            last.originalLength += count
            segments[segments.count - 1] = last
        } else {
            segments.append(.init(working: working, original: origin, workingLength: count, originalLength: count, isCopy: true))
        }
        working += count
        original = origin + count
    }

    public mutating func replace(originalLength: Int, workingLength: Int) {
        replace(originalFrom: original, originalLength: originalLength, workingLength: workingLength)
    }

    mutating func replace(originalFrom origin: Int, originalLength: Int, workingLength: Int) {
        guard originalLength > 0 || workingLength > 0 else { return }
        segments.append(.init(working: working, original: origin, workingLength: workingLength,
                              originalLength: originalLength, isCopy: false))
        working += workingLength
        original = origin + originalLength
    }

    public func build(originalLength: Int? = nil) -> OffsetMap {
        OffsetMap(segments: segments, workingLength: working, originalLength: originalLength ?? original)
    }
}
