/// The text of a JVM options string (`JAVA_TOOL_OPTIONS`, the `tls-java-tool-options-value`
/// annotation) as options separated by white space, edited option by option: the other
/// options, their order and the white space between them stay as written.
public enum JavaOptionsText {
    /// `text` split into the white space before each option and the option, plus the white
    /// space after the last one.
    static func split(_ text: String) -> (parts: [(space: String, option: String)], trailing: String) {
        var parts: [(String, String)] = []
        var space = ""
        var option = ""
        for character in text {
            if isSpace(character) {
                if !option.isEmpty {
                    parts.append((space, option))
                    space = ""
                    option = ""
                }
                space.append(character)
            } else {
                option.append(character)
            }
        }
        if !option.isEmpty {
            parts.append((space, option))
            space = ""
        }
        return (parts, space)
    }

    /// The options of `text`, in order.
    public static func words(_ text: String) -> [String] {
        split(text).parts.map(\.option)
    }

    /// The property `name` of `-Dname=value` (or `-Dname`), nil for another option.
    public static func propertyName(of option: some StringProtocol) -> String? {
        guard option.hasPrefix("-D") else { return nil }
        let body = option.dropFirst(2)
        let name = body.prefix { $0 != "=" }
        return name.isEmpty ? nil : String(name)
    }

    /// The value of the last `-Dname=...` of `text` (the JVM keeps the last), without one pair of
    /// matching quotes; nil when the property is not set.
    public static func property(_ name: String, in text: String) -> String? {
        var value: String?
        for (_, option) in split(text).parts where propertyName(of: option) == name {
            let rest = option.dropFirst(2 + name.count)
            value = rest.hasPrefix("=") ? unquoted(rest.dropFirst()) : ""
        }
        return value
    }

    /// `-Dname=value`.
    public static func property(_ name: String, _ value: String) -> String { "-D\(name)=\(value)" }

    /// `text` with the properties of `set` given their values (in place where set already,
    /// else appended in order), the options of `added` appended before them when missing, and
    /// the properties named in `removedProperties` and the options of `removedOptions` taken
    /// out together with the white space before each (after it, for the first option).
    public static func editing(
        _ text: String, setting set: [(name: String, value: String)], adding added: [String],
        removingProperties removedProperties: Set<String>, removingOptions removedOptions: Set<String>
    ) -> String {
        let (parts, trailing) = split(text)
        // The JVM keeps the last of repeated properties: that is the one given a new value.
        var lastOfName: [String: Int] = [:]
        for (index, part) in parts.enumerated() {
            if let name = propertyName(of: part.option) { lastOfName[name] = index }
        }
        var kept: [(space: String, option: String)] = []
        var replaced: Set<String> = []
        for (index, part) in parts.enumerated() {
            let name = propertyName(of: part.option)
            if let name, lastOfName[name] == index, let wanted = set.last(where: { $0.name == name }) {
                replaced.insert(name)
                kept.append((part.space, property(name, wanted.value)))
            } else if name.map(removedProperties.contains) == true || removedOptions.contains(part.option) {
                continue
            } else {
                kept.append(part)
            }
        }
        let present = Set(kept.map(\.option))
        var appended = added.filter { !present.contains($0) }
        appended += set.filter { !replaced.contains($0.name) && !appended.contains(property($0.name, $0.value)) }
            .map { property($0.name, $0.value) }
        // The white space before the first option stays in front; each later option keeps its own.
        var result = parts.first?.space ?? ""
        for (offset, part) in kept.enumerated() {
            result += (offset == 0 ? "" : part.space) + part.option
        }
        if kept.isEmpty && appended.isEmpty { return result + trailing }
        result += kept.isEmpty ? "" : trailing
        for option in appended {
            result += result.isEmpty || result.last.map(isSpace) == true ? option : " " + option
        }
        return result
    }

    /// Whether `text` has no option.
    public static func isBlank(_ text: String) -> Bool { text.allSatisfy(isSpace) }

    private static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\n" || character == "\r"
    }

    private static func unquoted(_ value: Substring) -> String {
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            return String(value.dropFirst().dropLast())
        }
        return String(value)
    }
}
