import Foundation
import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing
import TestSupport

/// inject, uninject and lint over every real manifest in ../shared/corpus, for every profile
/// and the options that change where and what it writes: inject parses what libyaml parses,
/// only adds (to files without Speedscale content), never breaks a document, converges (a
/// second run changes nothing), injects each workload whole or not at all, adds no lint
/// finding at warning or above, and uninject gives back the original bytes.
@Suite(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"))
struct ProfileCorpusTests {
    /// One way of running inject.
    struct Variant: Sendable, CustomTestStringConvertible {
        let name: String
        let configure: @Sendable (inout InjectOptions) -> Void
        var testDescription: String { name }

        var options: InjectOptions {
            var options = InjectOptions()
            configure(&options)
            return options
        }
    }

    static let variants: [Variant] = [
        Variant(name: "default") { _ in },
        Variant(name: "--mode forward") { $0.request.mode = .forward },
        Variant(name: "--mode transparent --istio-cni") {
            $0.request.mode = .transparent
            $0.request.istioCNI = true
        },
        Variant(name: "--mode ebpf") { $0.request.mode = .ebpf },
        Variant(name: "--no-proxy .svc,.cluster.local") { $0.request.noProxy = [".svc", ".cluster.local"] },
        Variant(name: "--lowercase-env") { $0.request.lowercaseEnv = true },
        Variant(name: "--env-via annotation") { $0.request.environmentPlacement = .annotation },
        // With tls-out, the API server's address goes into NO_PROXY (ENV010).
        Variant(name: "--protocol socks5 --tls-out --outbound-port 5140 --no-proxy kubernetes.default.svc,10.96.0.1") {
            $0.request.forwardProtocol = .socks5
            $0.request.tlsOut = true
            $0.request.outboundPort = 5140
            $0.request.noProxy = ["kubernetes.default.svc", "10.96.0.1"]
        },
        Variant(name: "--runtime java") { $0.request.hints.runtime = .fixed(.java) },
        Variant(name: "--runtime java --tls-out --env-via annotation --no-proxy 10.96.0.1") {
            $0.request.hints.runtime = .fixed(.java)
            $0.request.tlsOut = true
            $0.request.environmentPlacement = .annotation
            $0.request.noProxy = ["10.96.0.1"]
        },
        Variant(name: "--runtime node --mode forward") {
            $0.request.hints.runtime = .fixed(.node)
            $0.request.mode = .forward
        },
        Variant(name: "--runtime python --protocol socks4") {
            $0.request.hints.runtime = .fixed(.python)
            $0.request.forwardProtocol = .socks4
        },
    ]

    /// One corpus file under one variant.
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let variant: Variant
        var testDescription: String { "\(file) \(variant.name)" }
    }

    static let cases: [Case] = ProjectPaths.corpusFiles.map(ProjectPaths.corpusName).flatMap { file in
        variants.map { Case(file: file, variant: $0) }
    }

    @Test(arguments: cases)
    func injectUninjectAndLintKeepTheirPromises(_ test: Case) throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(test.file))
        let options = test.variant.options
        let injector = Injector(options: options)
        guard let original = try? YAMLStream(parsing: bytes) else {
            // libyaml rejects the file: inject must say so (exit 2 in the CLI), never crash or write.
            #expect(throws: InjectError.self) { try injector.inject(YAMLSource(bytes), file: test.file) }
            return
        }
        let result = try injector.inject(YAMLSource(bytes), file: test.file)
        let output = try YAMLStream(parsing: result.output)

        // Converges: a second run changes nothing and reports no change.
        let again = try injector.inject(YAMLSource(result.output), file: test.file)
        #expect(again.output == result.output, "a second run changed the output")
        #expect(!again.outcomes.contains { $0.status.isChange }, "a second run reported a change")

        let hasSpeedscaleContent = Self.hasSpeedscaleContent(bytes)
        if !hasSpeedscaleContent {
            // Only additions: every input line is still there, in order (in JSON the line before
            // an addition gains the comma that separates it), and so is every parsed value.
            #expect(Self.keepsEveryLine(bytes, result.output), "an input line was changed or removed")
            #expect(original.documents.count == output.documents.count)
            for (before, after) in zip(original.documents, output.documents) {
                let problems = TreeAdditions.problems(before.root, after.root)
                #expect(problems.isEmpty, "\(problems.prefix(3))")
            }
            // uninject of inject gives the original bytes back.
            let restored = try Uninjector(options: options).uninject([ManifestInput(file: test.file, source: YAMLSource(result.output))])[0]
            #expect(restored.output == bytes, "uninject did not restore the original bytes")
        }

        // Each workload is injected whole, or left exactly as it was.
        let before = Dictionary(ManifestStream(original).workloads.map { ($0.object.displayName + " " + ($0.object.namespace ?? ""), $0) }) { first, _ in first }
        let after = Dictionary(ManifestStream(output).workloads.map { ($0.object.displayName + " " + ($0.object.namespace ?? ""), $0) }) { first, _ in first }
        for outcome in result.outcomes {
            let key = outcome.name + " " + (outcome.namespace ?? "")
            guard let old = before[key], let new = after[key] else { continue }
            switch outcome.status {
            case .injected, .unchanged, .converted:
                let profile = try #require(outcome.decision?.profile)
                Self.expectProfile(profile, on: new, options: options, runtime: outcome.decision?.runtime?.runtime ?? .generic, name: outcome.name)
            case .failed, .skipped, .kept:
                #expect(Self.text(old, bytes) == Self.text(new, result.output), "\(outcome.name) was \(outcome.status) but changed")
            case .uninjected:
                Issue.record("inject reported uninjected")
            }
            if case .failed(let problems) = outcome.status, test.variant.name == "default" {
                // Never for want of a port: a workload whose app declares none gets the forward profile.
                #expect(!problems.contains { if case .severalPorts(_, let ports) = $0 { return ports.isEmpty } else { return false } })
            }
        }

        // What inject wrote lints clean, lint told the runtime inject was (as the configuration file tells both).
        var configuration = LintConfiguration()
        configuration.inject.defaults.request.hints = options.request.hints
        #expect(LintDelta.newProblems(before: bytes, after: result.output, file: test.file, configuration: configuration) == [])
    }

    /// The default profile fails no corpus workload for want of a port.
    @Test func noCorpusWorkloadFailsForWantOfAPort() throws {
        var forwardOnly = 0
        for file in ProjectPaths.corpusFiles {
            let bytes = try ProjectPaths.bytes(file)
            guard (try? YAMLStream(parsing: bytes)) != nil else { continue }
            let result = try Injector(options: InjectOptions()).inject(YAMLSource(bytes), file: file.path)
            for outcome in result.outcomes {
                if outcome.decision?.profileReason == "forward only: no inbound port" { forwardOnly += 1 }
                guard case .failed(let problems) = outcome.status else { continue }
                for problem in problems {
                    if case .severalPorts(_, let ports) = problem {
                        #expect(ports.count >= 2, "\(outcome.name): \(problem)")
                    }
                }
            }
        }
        #expect(forwardOnly >= 30, "the corpus has dozens of Jobs and clients without an inbound port")
    }

    /// Whether the text carries anything of Speedscale's (then uninject also removes what was there).
    static func hasSpeedscaleContent(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("speedscale.com/") || text.contains("localhost:4140") || text.contains("127.0.0.1:4140")
    }

    /// Whether every line of `input` appears in `output`, in order.
    static func keepsEveryLine(_ input: [UInt8], _ output: [UInt8]) -> Bool {
        let isJSON = input.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "{")
        let old = lines(input, droppingCommas: isJSON)
        let new = lines(output, droppingCommas: isJSON)
        var next = 0
        for line in new where next < old.count && line == old[next] { next += 1 }
        return next == old.count
    }

    private static func lines(_ bytes: [UInt8], droppingCommas: Bool) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            droppingCommas && line.last == UInt8(ascii: ",") ? line.dropLast() : line
        }
    }

    private static func text(_ workload: Workload, _ bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes[workload.object.node.start..<workload.object.node.end]
    }

    /// The entries that declare `profile` are on `workload`, and the proxy variables where the
    /// options put them.
    static func expectProfile(_ profile: CaptureProfile, on workload: Workload, options: InjectOptions, runtime: Runtime, name: String) {
        let annotations = workload.annotations
        switch profile {
        case .ebpf:
            #expect(annotations["capture.speedscale.com/enabled"] == "true", "\(name)")
            #expect(annotations["sidecar.speedscale.com/inject"] == nil, "\(name)")
        case .transparent:
            #expect(annotations["sidecar.speedscale.com/inject"] == "true", "\(name)")
            #expect(annotations["sidecar.speedscale.com/proxy-type"] == nil, "\(name)")
        case .dual, .forward:
            #expect(annotations["sidecar.speedscale.com/inject"] == "true", "\(name)")
            #expect(annotations["sidecar.speedscale.com/proxy-type"] == profile.rawValue, "\(name)")
            #expect((annotations["sidecar.speedscale.com/proxy-port"] != nil) == (profile == .dual), "\(name)")
            if runtime == .java {
                let flags = options.request.tlsOut == true
                    ? annotations["sidecar.speedscale.com/tls-java-tool-options-value"]
                    : options.request.environmentPlacement == .annotation
                        ? annotations["sidecar.speedscale.com/extra-container-env-vars"]
                        : workload.containers.flatMap(\.env).first { $0.name == "JAVA_TOOL_OPTIONS" }?.value
                #expect(flags?.contains("proxyPort=\(options.request.outboundPort ?? 4140)") == true, "\(name)")
                #expect(flags?.contains("-Djavax.net.ssl.trustStore=") == (options.request.tlsOut == true), "\(name)")
            } else if options.request.environmentPlacement == .annotation {
                let extra = annotations["sidecar.speedscale.com/extra-container-env-vars"] ?? ""
                #expect(extra.contains("HTTPS_PROXY=") && extra.contains("NO_PROXY=localhost,127.0.0.1"), "\(name)")
            } else {
                let names = workload.containers.flatMap(\.env).map(\.name)
                #expect(names.contains("HTTPS_PROXY") && names.contains("NO_PROXY"), "\(name)")
                if options.request.lowercaseEnv == true || runtime == .python {
                    #expect(names.contains("https_proxy") && names.contains("no_proxy"), "\(name)")
                }
                #expect(names.contains("NODE_USE_ENV_PROXY") == (runtime == .node), "\(name)")
            }
        }
    }
}
