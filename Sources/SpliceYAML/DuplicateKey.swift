/// A key written more than once in one mapping (`containers:` twice, say). libyaml accepts
/// it and Kubernetes' decoder keeps the last value, so parsing succeeds; the duplicate is
/// recorded for rules that want to warn about it.
public struct DuplicateKey: Sendable {
    /// The mapping that holds both keys.
    public var mapping: YAMLNode
    /// The first key with this text.
    public var first: YAMLNode
    /// A later key with the same text (a key written three times gives two records, each
    /// with the first key).
    public var duplicate: YAMLNode

    /// The key's text.
    public var key: String { first.value }
}
