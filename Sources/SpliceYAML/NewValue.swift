/// A value to write into a document: a string, or a mapping or sequence of values.
public indirect enum NewValue: Sendable, Equatable {
    /// A string; `quoted` forces double quotes, otherwise it is written plain when that is safe.
    case string(String, quoted: Bool)
    /// An integer, written as digits (a port number where the schema wants an integer).
    case integer(Int)
    /// A mapping, in the given key order.
    case mapping([NewEntry])
    /// A sequence.
    case sequence([NewValue])

    /// A string written plain when safe, else double-quoted.
    public static func text(_ value: String) -> NewValue { .string(value, quoted: false) }
    /// A string always written double-quoted.
    public static func quoted(_ value: String) -> NewValue { .string(value, quoted: true) }
}

/// A key and the value to write under it.
public struct NewEntry: Sendable, Equatable {
    /// The key.
    public var key: String
    /// The value.
    public var value: NewValue

    /// Makes an entry.
    public init(_ key: String, _ value: NewValue) {
        self.key = key
        self.value = value
    }
}
