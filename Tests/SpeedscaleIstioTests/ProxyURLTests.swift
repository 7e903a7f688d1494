import SpeedscaleIstio
import Testing

/// Proxy URLs read as clients read them: scheme, user, host, port and path.
@Suite struct ProxyURLTests {
    /// A URL's text and what it reads as: scheme, host, port, whether the port was written.
    private static let cases: [(String, String?, String, Int?, Bool)] = [
        ("http://localhost:4140", "http", "localhost", 4140, true),
        ("HTTP://LocalHost:4140/", "http", "LocalHost", 4140, true),
        ("localhost:4140", nil, "localhost", 4140, true),
        ("socks5://user:secret@127.0.0.1:1080", "socks5", "127.0.0.1", 1080, true),
        ("http://[::1]:4140", "http", "[::1]", 4140, true),
        ("http://[::1]", "http", "[::1]", 80, false),
        ("https://proxy.example", "https", "proxy.example", 443, false),
        ("socks4://proxy", "socks4", "proxy", 1080, false),
        ("ftp://proxy", "ftp", "proxy", nil, false),
        ("http://proxy:port", "http", "proxy", nil, true),
        ("  http://proxy:8080  ", "http", "proxy", 8080, true),
        ("", nil, "", 80, false),
        ("http://proxy:8080/path:9", "http", "proxy", 8080, true),
        ("a@b@c:1", nil, "c", 1, true),
        ("http:/proxy", nil, "http", nil, true),
        ("::1", nil, ":", 1, true),
        ("http://pröxy:4140", "http", "pröxy", 4140, true),
        ("h://x://y:2", "h", "x", nil, true),
    ]

    @Test func readsSchemeHostAndPort() {
        for (text, scheme, host, port, explicit) in Self.cases {
            let url = ProxyURL(text)
            #expect(url.scheme == scheme, "\(text)")
            #expect(url.host == host, "\(text)")
            #expect(url.port == port, "\(text)")
            #expect(url.hasExplicitPort == explicit, "\(text)")
        }
    }

    @Test func loopbackHosts() {
        #expect(ProxyURL("http://LOCALHOST:4140").hostIsLoopback)
        #expect(ProxyURL("http://[::1]:4140").hostIsLoopback)
        #expect(ProxyURL("127.0.0.1:4140").hostIsLoopback)
        #expect(!ProxyURL("http://127.0.0.2:4140").hostIsLoopback)
    }
}
