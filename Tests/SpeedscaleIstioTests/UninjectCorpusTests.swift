import Foundation
import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing
import TestSupport

/// uninject removes exactly what inject adds: over the golden fixtures, uninject of inject
/// gives back the original bytes (the corpus is covered by the profile corpus properties).
@Suite struct UninjectRoundTripTests {
    static let fixtureCases = ProjectPaths.cases(in: "inject")

    private func roundTrip(_ bytes: [UInt8], name: String, options: InjectOptions = InjectOptions()) throws -> (injected: [UInt8], restored: [UInt8])? {
        guard (try? YAMLStream(parsing: bytes)) != nil else { return nil }
        let injected = try Injector(options: options).inject([ManifestInput(file: name, source: YAMLSource(bytes))])[0]
        let restored = try Uninjector(options: options).uninject([ManifestInput(file: name, source: YAMLSource(injected.output))])[0]
        return (injected.output, restored.output)
    }

    @Test(arguments: fixtureCases)
    func uninjectOfInjectRestoresEachFixture(_ name: String) throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.fixtures.appendingPathComponent("inject/\(name)/input.yaml"))
        guard !["already-injected", "existing-identical-env", "injected-without-no-proxy"].contains(name) else {
            // These inputs carry what inject writes before inject runs: uninject removes it.
            let restored = try Uninjector(options: InjectOptions()).uninject([ManifestInput(file: name, source: YAMLSource(bytes))])[0]
            let tree = ManifestStream(try YAMLStream(parsing: restored.output))
            #expect(tree.workloads.allSatisfy { $0.annotations.isEmpty || name == "existing-identical-env" })
            #expect(tree.workloads.flatMap(\.containers).flatMap(\.env).allSatisfy { !$0.name.hasSuffix("PROXY") })
            return
        }
        let options = try fixtureOptions(name)
        let trip = try #require(try roundTrip(bytes, name: name, options: options))
        if name == "opt-out" || name == "kind-replicationcontroller" || name == "runtime-node-socks" {
            #expect(trip.injected == bytes && trip.restored == bytes, "an opted-out, unsupported or failing workload is left alone both ways")
            return
        }
        #expect(trip.injected != bytes, "inject changed nothing")
        if name == "empty-annotations-value" {
            // `env: ~` became a list; an emptied list loses its key, and `env: ~` is null anyway.
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "        env: ~\n", with: "")
            #expect(String(decoding: trip.restored, as: UTF8.self) == text)
            return
        }
        #expect(trip.restored == bytes, "uninject did not restore the input bytes")
    }

    /// The options of a fixture's `args` file (the flags the fixtures use).
    private func fixtureOptions(_ name: String) throws -> InjectOptions {
        var options = InjectOptions()
        let url = ProjectPaths.fixtures.appendingPathComponent("inject/\(name)/args")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return options }
        var words = text.split(separator: "\n").map(String.init).makeIterator()
        while let flag = words.next() {
            switch flag {
            case "--container": options.request.hints.container = words.next()
            case "--proxy-port": options.request.hints.proxyPort = words.next().flatMap { Int($0) }
            case "--protocol":
                let value = words.next()
                options.request.forwardProtocol = try #require(value.flatMap(ForwardProtocol.init(rawValue:)))
            case "--proxy-host":
                let value = words.next()
                options.request.proxyHost = try #require(value)
            case "--tls-out": options.request.tlsOut = true
            case "--runtime": options.request.hints.runtime = try #require(words.next().flatMap(RuntimeChoice.init(rawValue:)))
            case "--mode": options.request.mode = try #require(words.next().flatMap(CaptureProfile.init(rawValue:)))
            case "--skip-failed": break
            default: Issue.record("fixture \(name) uses \(flag), which this test does not read")
            }
        }
        return options
    }
}
