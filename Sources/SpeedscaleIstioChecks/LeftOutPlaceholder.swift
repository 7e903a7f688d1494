import SpliceYAML

/// The one difference uninject of inject may leave, as the README documents: a key that
/// inject filled and that was written empty (`env:`, `env: ~`, `annotations: null`) comes back
/// absent, because uninject cannot tell it from a key inject added at the same place. When
/// that key was the only one of a list item (`- hosts:`), the item comes back as the empty
/// mapping it then is (`- {}`).
enum LeftOutPlaceholder {
    /// Whether `restored` is `original` with only whole lines removed, each of them a block
    /// key with an empty or null value (and perhaps a comment), or such a key that was a list
    /// item's only one replaced by `{}`.
    static func explains(_ original: [UInt8], _ restored: [UInt8]) -> Bool {
        let old = ResultChecks.lines(of: YAMLSource(original))
        let new = ResultChecks.lines(of: YAMLSource(restored))
        var line = 0
        var newLine = 0
        var removed = 0
        // The `- {}` lines an emptied item may become, from the lines removed since the last kept one.
        var emptiedItems: [[UInt8]] = []
        for step in LineDiff.steps(from: old, to: new) {
            switch step {
            case .keep:
                line += 1
                newLine += 1
                emptiedItems = []
            case .delete:
                guard isEmptyKey(old[line]) else { return false }
                if let item = emptiedItem(old[line]) { emptiedItems.append(item) }
                removed += 1
                line += 1
            case .insert:
                guard let match = emptiedItems.firstIndex(where: { $0.elementsEqual(new[newLine]) }) else { return false }
                emptiedItems.remove(at: match)
                newLine += 1
            }
        }
        return removed > 0
    }

    /// For a line `- key:` (a list item whose first key is empty), the line the item is once
    /// that key is gone and the item is empty: `- {}`, with the same indentation and line break.
    static func emptiedItem(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        let indentation = line.prefix { $0 == 0x20 }
        let rest = line.dropFirst(indentation.count)
        guard rest.starts(with: "- ".utf8) else { return nil }
        var content = rest
        while let last = content.last, last == 0x0A || last == 0x0D { content = content.dropLast() }
        return Array(indentation) + Array("- {}".utf8) + Array(rest[content.endIndex...])
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
