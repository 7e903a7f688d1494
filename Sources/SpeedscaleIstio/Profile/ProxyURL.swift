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

    /// Reads `value`. Its delimiters are ASCII, so it is read as UTF-8 bytes, as Go and curl
    /// read it (a grapheme-by-grapheme search costs more than the rest of reading a URL).
    public init(_ value: String) {
        let text = value.trimmingSpaces
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        var scheme: String?
        if let separator = Self.schemeSeparator(in: text[...]) {
            scheme = String(decoding: bytes[start..<separator.lowerBound], as: UTF8.self).lowercased()
            start = separator.upperBound
        }
        if let slash = bytes[start..<end].firstIndex(of: UInt8(ascii: "/")) { end = slash }
        if let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")) { start = bytes.index(after: at) }
        let rest = bytes[start..<end]
        var hostBytes = rest
        var portBytes: Substring.UTF8View.SubSequence?
        if rest.first == UInt8(ascii: "["), let close = rest.firstIndex(of: UInt8(ascii: "]")) {
            hostBytes = rest[...close]
            let after = rest[rest.index(after: close)...]
            if after.first == UInt8(ascii: ":") { portBytes = after.dropFirst() }
        } else if let colon = rest.lastIndex(of: UInt8(ascii: ":")) {
            hostBytes = rest[..<colon]
            portBytes = rest[rest.index(after: colon)...]
        }
        self.scheme = scheme
        // The cuts are at ASCII bytes, so each part is whole UTF-8.
        self.host = String(decoding: hostBytes, as: UTF8.self)
        self.port = portBytes.map { PortNumber.parse(String(decoding: $0, as: UTF8.self)) } ?? Self.defaultPort(scheme: scheme ?? "http")
        self.hasExplicitPort = portBytes != nil
    }

    /// The first `://` of `text`: at a `:` followed by `//`.
    static func schemeSeparator(in text: Substring) -> Range<Substring.Index>? {
        let bytes = text.utf8
        var start = bytes.startIndex
        while let colon = bytes[start...].firstIndex(of: UInt8(ascii: ":")) {
            let after = bytes.index(after: colon)
            if bytes[after...].starts(with: "//".utf8) { return colon..<bytes.index(after, offsetBy: 2) }
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
