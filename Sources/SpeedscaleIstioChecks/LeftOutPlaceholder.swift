import SpliceYAML

/// The one difference uninject of inject may leave, as the README documents: a key that
/// inject filled and that was written empty (`env:`, `env: ~`, `annotations: null`) comes back
/// absent, because uninject cannot tell it from a key inject added at the same place.
enum LeftOutPlaceholder {
    /// Whether `restored` is `original` with only whole lines removed, each of them a block
    /// key with an empty or null value (and perhaps a comment).
    static func explains(_ original: [UInt8], _ restored: [UInt8]) -> Bool {
        let old = ResultChecks.lines(of: YAMLSource(original))
        let new = ResultChecks.lines(of: YAMLSource(restored))
        var line = 0
        var removed = 0
        for step in LineDiff.steps(from: old, to: new) {
            switch step {
            case .keep:
                line += 1
            case .delete:
                guard isEmptyKey(old[line]) else { return false }
                removed += 1
                line += 1
            case .insert:
                return false
            }
        }
        return removed > 0
    }

    /// Whether a line is `key:` with nothing, `~` or `null` after it (and perhaps a comment).
    static func isEmptyKey(_ line: ArraySlice<UInt8>) -> Bool {
        var text = Substring(String(decoding: line, as: UTF8.self))
        text = text.drop { $0 == " " || $0 == "-" }
        if let hash = text.firstRange(of: " #") { text = text[..<hash.lowerBound] }
        while let last = text.last, last == " " || last == "\t" || last == "\r" || last == "\n" || last == "\r\n" { text = text.dropLast() }
        guard let colon = text.firstIndex(of: ":") else { return false }
        let key = text[..<colon]
        let value = text[text.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
        return !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } && ["", "~", "null", "Null", "NULL"].contains(value)
    }
}
