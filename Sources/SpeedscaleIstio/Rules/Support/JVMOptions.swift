/// The `-Dname=value` system properties of a JVM options string (`JAVA_TOOL_OPTIONS`,
/// `JAVA_OPTS`, the `tls-java-tool-options-value` annotation, a `java` command line). Tokens
/// are separated by white space; a value in one pair of matching quotes is read without them;
/// the last of duplicated properties wins, as on the JVM's command line.
package struct JVMOptions: Sendable, Equatable {
    /// The proxy host properties (`-Dhttp.proxyHost` and its siblings), without `-D`.
    package static let proxyHostProperties = JavaProxyProperties.hosts
    /// The truststore path property, without `-D`.
    package static let trustStore = JavaTrustStore.pathProperty
    /// The truststore password property, without `-D`.
    package static let trustStorePassword = JavaTrustStore.passwordProperty
    /// Where the operator mounts the `speedscale-jks` truststore with `tls-out` (spec §4, §6 T4).
    package static let speedscaleTrustStore = JavaTrustStore.path
    /// The password of the `speedscale-jks` truststore.
    package static let speedscaleTrustStorePassword = JavaTrustStore.password

    /// The properties set, by name (without `-D`).
    package let properties: [String: String]

    /// Reads the `-D` properties of `text`; other tokens are ignored.
    package init(_ text: String) {
        var properties: [String: String] = [:]
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) where token.hasPrefix("-D") {
            let pair = token.dropFirst(2).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            properties[String(pair[0])] = Self.unquoted(pair[1])
        }
        self.properties = properties
    }

    /// The value of property `name` (without `-D`).
    public subscript(name: String) -> String? { properties[name] }

    /// The proxy host properties that are set, in the order of ``proxyHostProperties``.
    package var proxyHosts: [String] { Self.proxyHostProperties.filter { properties[$0] != nil } }

    /// Whether the value refers to something the shell or Kubernetes expands (`$VAR`, `$(VAR)`),
    /// so what it holds cannot be read from the manifest.
    package static func isExpanded(_ value: String) -> Bool { value.contains("$") }

    private static func unquoted(_ value: Substring) -> String {
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            return String(value.dropFirst().dropLast())
        }
        return String(value)
    }
}
