/// A proxy URL as clients read it: `scheme://[user@]host[:port][/...]` (Go reads a URL
/// without a scheme as http).
public struct ProxyURL: Sendable, Equatable {
    /// The scheme, lowercased, when written.
    public let scheme: String?
    /// The host (an IPv6 address keeps its brackets).
    public let host: String
    /// The port written, or the one the client uses without one; nil when not a port number.
    public let port: Int?
    /// Whether the port was written.
    public let hasExplicitPort: Bool

    /// Reads `value`.
    public init(_ value: String) {
        var rest = Substring(value.trimmingSpaces)
        var scheme: String?
        if let separator = Self.schemeSeparator(in: rest) {
            scheme = rest[..<separator.lowerBound].lowercased()
            rest = rest[separator.upperBound...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        var host = String(rest)
        var portText: String?
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            host = String(rest[...close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = String(after.dropFirst()) }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            portText = String(rest[rest.index(after: colon)...])
        }
        self.scheme = scheme
        self.host = host
        self.port = portText.map { PortNumber.parse($0) } ?? Self.defaultPort(scheme: scheme ?? "http")
        self.hasExplicitPort = portText != nil
    }

    /// The first `://` of `text`: at a `:` followed by `//` (the standard library's general
    /// search for a substring costs more than the whole rest of reading a URL).
    static func schemeSeparator(in text: Substring) -> Range<Substring.Index>? {
        var start = text.startIndex
        while let colon = text[start...].firstIndex(of: ":") {
            let after = text.index(after: colon)
            if text[after...].hasPrefix("//") { return colon..<text.index(after, offsetBy: 2) }
            start = after
        }
        return nil
    }

    /// Whether the host is a loopback name or address.
    public var hostIsLoopback: Bool { Self.isLoopback(host) }

    /// Whether `host` is a loopback name or address.
    public static func isLoopback(_ host: String) -> Bool {
        ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
    }

    /// The port a client uses for a proxy URL without one.
    static func defaultPort(scheme: String) -> Int? {
        switch scheme {
        case "http": return 80
        case "https": return 443
        default: return scheme.hasPrefix("socks") ? 1080 : nil
        }
    }
}
