extension StringProtocol {
    /// The text without leading and trailing characters of `characters`.
    package func trimming(_ characters: String) -> String {
        var text = self[...]
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String { String(Substring(self).withoutSurroundingSpaces) }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs, as a slice of it.
    var withoutSurroundingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
