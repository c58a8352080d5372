import LedeCore

/// Shell-style path patterns for `include:` and `exclude:`.
///
/// `*` and `?` match within one path component, `**` matches any number of components,
/// `[abc]` a set, `{a,b}` alternatives. A pattern without `/` matches the file name at any depth,
/// as in `.gitignore`.
public struct Glob: Sendable {
    private let alternatives: [[[Unicode.Scalar]]]
    private let anyDepth: Bool
    public let pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
        anyDepth = !pattern.contains("/")
        alternatives = Glob.expandBraces(pattern).map { alternative in
            alternative.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
        }
    }

    public func matches(_ relativePath: String) -> Bool {
        matches(components: Glob.components(relativePath))
    }

    /// A path split for matching; split once and test it against several globs.
    public static func components(_ relativePath: String) -> [[Unicode.Scalar]] {
        relativePath.split(separator: "/").map { Array($0.unicodeScalars) }
    }

    public func matches(components: [[Unicode.Scalar]]) -> Bool {
        if anyDepth, let last = components.last {
            return alternatives.contains { $0.count == 1 && Glob.matchComponent($0[0][...], last[...]) }
        }
        return alternatives.contains { Glob.matchPath($0[...], components[...]) }
    }

    private static func matchPath(_ pattern: ArraySlice<[Unicode.Scalar]>, _ path: ArraySlice<[Unicode.Scalar]>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == ["*", "*"] {
            let rest = pattern.dropFirst()
            var p = path
            while true {
                if matchPath(rest, p) { return true }
                if p.isEmpty { return false }
                p = p.dropFirst()
            }
        }
        guard let first = path.first, matchComponent(head[...], first[...]) else { return false }
        return matchPath(pattern.dropFirst(), path.dropFirst())
    }

    static func matchComponent(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var pi = p.startIndex, si = s.startIndex
        var starP: Int?, starS = 0
        while si < s.endIndex {
            if pi < p.endIndex {
                let c = p[pi]
                if c == "*" { starP = pi; starS = si; pi += 1; continue }
                if c == "?" { pi += 1; si += 1; continue }
                if c == "[", let close = p[pi...].firstIndex(of: "]"), close > pi + 1 {
                    var set = p[(pi + 1)..<close]
                    let negate = set.first == "!" || set.first == "^"
                    if negate { set = set.dropFirst() }
                    var hit = false
                    var k = set.startIndex
                    while k < set.endIndex {
                        if k + 2 < set.endIndex, set[k + 1] == "-" {
                            if s[si] >= set[k] && s[si] <= set[k + 2] { hit = true }
                            k += 3
                        } else {
                            if s[si] == set[k] { hit = true }
                            k += 1
                        }
                    }
                    if hit != negate { pi = close + 1; si += 1; continue }
                } else if c == s[si] {
                    pi += 1; si += 1; continue
                }
            }
            guard let star = starP else { return false }
            pi = star + 1
            starS += 1
            si = starS
        }
        while pi < p.endIndex && p[pi] == "*" { pi += 1 }
        return pi == p.endIndex
    }

    /// `a/{b,c}/*.{txt,md}` → four patterns.
    static func expandBraces(_ pattern: String) -> [String] {
        let scalars = Array(pattern.unicodeScalars)
        guard let open = scalars.firstIndex(of: "{") else { return [pattern] }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for i in open..<scalars.count {
            if scalars[i] == "{" { depth += 1 }
            else if scalars[i] == "}" { depth -= 1; if depth == 0 { close = i; break } }
            else if scalars[i] == ",", depth == 1 { commas.append(i) }
        }
        guard let close else { return [pattern] }
        let prefix = String(scalars: scalars[..<open])
        let suffix = String(scalars: scalars[(close + 1)...])
        let bounds = [open] + commas + [close]
        var result: [String] = []
        for k in 0..<(bounds.count - 1) {
            let part = String(scalars: scalars[(bounds[k] + 1)..<bounds[k + 1]])
            result += expandBraces(prefix + part + suffix)
        }
        return result
    }
}
