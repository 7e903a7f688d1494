/// The `sidecar.speedscale.com/extra-container-env-vars` annotation: `NAME=value` lines that
/// the operator adds to every container but its own when it adds the sidecar.
public struct ExtraEnvironment: Sendable, Equatable {
    /// The lines, as written (blank lines dropped).
    public private(set) var lines: [String]

    /// Reads the annotation's text.
    public init(_ text: String) {
        lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }).map(String.init)
            .filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
    }

    /// The annotation's text: the lines joined by line feeds.
    public var text: String { lines.joined(separator: "\n") }

    /// The value of the last line that sets `name`.
    public func value(_ name: String) -> String? {
        lines.last { Self.name(of: $0) == name }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// Sets `name` to `value`: the last line that sets it is rewritten, or a line is appended.
    public mutating func set(_ name: String, _ value: String) {
        if let index = lines.lastIndex(where: { Self.name(of: $0) == name }) {
            lines[index] = name + "=" + value
        } else {
            lines.append(name + "=" + value)
        }
    }

    /// Removes every line that sets `name`.
    public mutating func remove(_ name: String) {
        lines.removeAll { Self.name(of: $0) == name }
    }

    private static func name(of line: String) -> String? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        return String(line[..<equals]).trimmingSpaces
    }
}

/// A comma-separated host list such as `NO_PROXY`, edited without disturbing the rest of its text.
public enum HostList {
    /// The entries, without surrounding spaces, empty ones dropped.
    public static func entries(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// Whether ``entries(_:)`` of `text` holds `entry`, found without making a string of
    /// each entry.
    public static func contains(_ text: String, _ entry: String) -> Bool {
        guard !entry.isEmpty else { return false }
        let bytes = text.utf8
        // ASCII text, the usual host list, is read as bytes: each comma byte is then a comma
        // character, and an entry equals `entry` exactly when its bytes do.
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return text.split(separator: ",").contains { $0.withoutSurroundingSpaces == entry }
        }
        let wanted = entry.utf8
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.endIndex
            var low = start
            var high = end
            while low < high && (bytes[low] == 0x20 || bytes[low] == 0x09) { low = bytes.index(after: low) }
            while high > low && (bytes[bytes.index(before: high)] == 0x20 || bytes[bytes.index(before: high)] == 0x09) { high = bytes.index(before: high) }
            if bytes[low..<high].elementsEqual(wanted) { return true }
            guard end < bytes.endIndex else { return false }
            start = bytes.index(after: end)
        }
    }

    /// `text` with `added` appended and `removed` taken out; the other entries keep their spacing.
    public static func editing(_ text: String, adding added: [String], removing removed: Set<String>) -> String {
        var parts = text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        parts.removeAll { removed.contains($0.trimmingSpaces) }
        let present = Set(parts.map { $0.trimmingSpaces })
        parts += added.filter { !present.contains($0) }
        return parts.joined(separator: ",")
    }
}
