@testable import SpeedscaleIstio
import Testing

/// The memo of profile resolutions gives what resolving afresh gives, whatever the workloads
/// before asked (it shares one resolution between workloads that differ only in their ports).
@Suite struct ResolutionMemoTests {
    /// Settings that change what the profiles resolve to.
    private static var settingsVariants: [ProfileSettings] {
        var variants: [ProfileSettings] = []
        for runtime in Runtime.allCases {
            for placement in EnvironmentPlacement.allCases {
                for forwardProtocol in ForwardProtocol.allCases {
                    for tlsOut in [false, true] {
                        var settings = ProfileSettings()
                        settings.runtime = runtime
                        settings.environmentPlacement = placement
                        settings.forwardProtocol = forwardProtocol
                        settings.tlsOut = tlsOut
                        settings.noProxy = ["0", "8080"]
                        variants.append(settings)
                    }
                }
            }
        }
        return variants
    }

    @Test func agreesWithResolvingAfresh() {
        let memo = ResolutionMemo()
        // Port 15001 is the outbound port, and 0 and 8080 are hosts of NO_PROXY too: only the
        // entries derived from the app port may take the workload's port.
        let facts = [nil, 8080, 15001, 1, 65535, 8080].map { EntryFacts(appPort: $0, javaToolOptions: "-Xmx1g -Dhttp.proxyPort=0") }
        var compared = 0
        for settings in Self.settingsVariants {
            for profile in CaptureProfile.allCases {
                for fact in facts {
                    #expect(memo.resolve(profile, settings, facts: fact) == profile.resolve(settings, facts: fact), "\(profile) \(fact)")
                    #expect(memo.everyRuntime(profile, settings, facts: fact) == profile.resolveForEveryRuntime(settings, facts: fact), "\(profile) \(fact)")
                    compared += 1
                }
            }
        }
        #expect(compared == Self.settingsVariants.count * CaptureProfile.allCases.count * facts.count)
    }

    @Test func dualModeWritesTheWorkloadsOwnPort() {
        let memo = ResolutionMemo()
        let settings = ProfileSettings()
        for port in [8080, 9090, 8080] {
            let entries = memo.resolve(.dual, settings, facts: EntryFacts(appPort: port))
            #expect(entries.contains(ResolvedEntry(place: .annotation(SpeedscaleAnnotation.proxyPort), value: String(port))))
            #expect(!entries.contains { $0.value == "0" })
        }
        #expect(!memo.resolve(.dual, settings, facts: EntryFacts()).contains { $0.place == .annotation(SpeedscaleAnnotation.proxyPort) })
    }
}
