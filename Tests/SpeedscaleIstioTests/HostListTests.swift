import SpeedscaleIstio
import Testing

/// Comma-separated host lists (`NO_PROXY`), read and edited in place.
@Suite struct HostListTests {
    private static let texts = [
        "", ",", "localhost", "localhost,127.0.0.1", " localhost , 127.0.0.1 ,", "a,,b", "\tlocalhost\t",
        ".svc,.cluster.local, 10.0.0.0/8", "localhost\u{301},x", " \u{301}localhost",
    ]

    @Test func containsAgreesWithTheEntriesRead() {
        let entries = ["", "localhost", "127.0.0.1", ".svc", "10.0.0.0/8", "a", "b", "x", "localhost\u{301}", "host"]
        for text in Self.texts {
            for entry in entries {
                #expect(HostList.contains(text, entry) == HostList.entries(text).contains(entry), "\(text) \(entry)")
            }
        }
        #expect(HostList.contains(" localhost , 127.0.0.1 ,", "127.0.0.1"))
        #expect(!HostList.contains("localhost", ""))
    }

    @Test func editingKeepsTheOtherEntriesAsWritten() {
        #expect(HostList.editing(" a , b", adding: ["c", "a"], removing: ["b"]) == " a ,c")
        #expect(HostList.editing("", adding: ["localhost"], removing: []) == "localhost")
    }
}
