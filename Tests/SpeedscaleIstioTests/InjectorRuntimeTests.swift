import SpeedscaleIstio
import SpliceYAML
import Testing

/// How inject writes, converts and keeps each runtime's entries, and what uninject takes back.
@Suite struct InjectorRuntimeTests {
    private func inject(_ text: String, _ configure: (inout InjectOptions) -> Void = { _ in }) throws -> InjectionResult {
        var options = InjectOptions()
        configure(&options)
        return try Injector(options: options).inject(YAMLSource(text), file: "test.yaml")
    }

    private func uninject(_ text: String) throws -> String {
        let result = try Uninjector(options: InjectOptions()).uninject([ManifestInput(file: "test.yaml", source: YAMLSource(text))])[0]
        return String(decoding: result.output, as: UTF8.self)
    }

    private func output(_ result: InjectionResult) -> String { String(decoding: result.output, as: UTF8.self) }

    private func deployment(image: String, env: String = "", annotations: String = "") -> String {
        var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n"
        if !annotations.isEmpty { text += "  annotations:\n" + annotations.split(separator: "\n").map { "    \($0)\n" }.joined() }
        text += "spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: \(image)\n        ports:\n        - containerPort: 8080\n"
        if !env.isEmpty { text += "        env:\n" + env.split(separator: "\n").map { "        \($0)\n" }.joined() }
        return text
    }

    private let genericEnv = "- name: HTTP_PROXY\n  value: http://localhost:4140\n- name: HTTPS_PROXY\n  value: http://localhost:4140\n- name: NO_PROXY\n  value: localhost,127.0.0.1"
    private let dualAnnotations = RuleExample.dualAnnotations

    @Test func aJavaAppInjectedByAnOlderRunGetsItsJVMFlagsInsteadOfTheVariables() throws {
        let before = deployment(image: "eclipse-temurin:21", env: genericEnv, annotations: dualAnnotations)
        let result = try inject(before)
        #expect(result.outcomes.map(\.status) == [.injected])
        let text = output(result)
        #expect(!text.contains("HTTP_PROXY") && !text.contains("NO_PROXY"), "\(text)")
        #expect(text.contains("value: -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140 -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140 -Dhttp.nonProxyHosts=localhost|127.0.0.1\n"))
        #expect(result.outcomes.first?.decision?.runtime == RuntimeGuess(.java, reason: "image \"eclipse-temurin:21\""))
        #expect(try inject(text).outcomes.map(\.status) == [.unchanged])
    }

    @Test func addingTLSOutWhileLeavingJavaRemovesTheJVMFlagsFromTheTLSAnnotationAtOnce() throws {
        // Found by FuzzInject: the flags sat in tls-java-tool-options-value without tls-out;
        // the first run added tls-out and kept them, the second removed them.
        let flags = "-Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140 -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140 -Dhttp.nonProxyHosts=localhost|127.0.0.1 -Dmine=1"
        let before = deployment(
            image: "example/app", annotations: dualAnnotations + "\nsidecar.speedscale.com/tls-java-tool-options-value: \"\(flags)\"")
        let configure: (inout InjectOptions) -> Void = {
            $0.request.hints.runtime = .fixed(.ruby)
            $0.request.tlsOut = true
        }
        let result = try inject(before, configure)
        #expect(output(result).contains("sidecar.speedscale.com/tls-java-tool-options-value: \"-Dmine=1\"\n"), "\(output(result))")
        #expect(try inject(output(result), configure).output == result.output)
    }

    @Test func theTargetProfilesEntriesForAnotherRuntimeGoOnTheFirstRun() throws {
        // Found by FuzzInject: truststore flags in tls-java-tool-options-value on a workload
        // that declared no profile stayed on the first run (--runtime ruby), and went on the
        // second, once the workload declared the profile they belong to.
        let before = deployment(
            image: "example/app",
            annotations: "sidecar.speedscale.com/tls-out: \"true\"\nsidecar.speedscale.com/tls-java-tool-options-value: \"-Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=changeit\"")
        let configure: (inout InjectOptions) -> Void = {
            $0.request.hints.runtime = .fixed(.ruby)
            $0.request.tlsOut = true
        }
        let result = try inject(before, configure)
        #expect(!output(result).contains("tls-java-tool-options-value"), "\(output(result))")
        #expect(try inject(output(result), configure).output == result.output)
    }

    @Test func theGenericRuntimeAskedForKeepsTheVariablesOnAJavaImage() throws {
        let before = deployment(image: "eclipse-temurin:21")
        let result = try inject(before) { $0.request.hints.runtime = .fixed(.generic) }
        #expect(output(result).contains("- name: HTTP_PROXY\n"))
        #expect(!output(result).contains("JAVA_TOOL_OPTIONS"))
        #expect(result.outcomes.first?.decision?.runtime?.reason == "asked for")
    }

    @Test func aRuntimeAskedForOnceIsKeptByTheNextRunWithoutTheFlag() throws {
        let first = try inject(deployment(image: "example/app:1")) { $0.request.hints.runtime = .fixed(.java) }
        let again = try inject(output(first))
        #expect(again.outcomes.map(\.status) == [.unchanged])
        #expect(again.outcomes.first?.decision?.runtime == RuntimeGuess(.java, reason: "the workload's JVM proxy flags"))
        let node = try inject(deployment(image: "example/app:1")) { $0.request.hints.runtime = .fixed(.node) }
        #expect(try inject(output(node)).outcomes.map(\.status) == [.unchanged])
        // auto, asked for explicitly, detects again and converts.
        let auto = try inject(output(node)) { $0.request.hints.runtime = .auto }
        #expect(!output(auto).contains("NODE_USE_ENV_PROXY"))
        #expect(output(auto).contains("HTTP_PROXY"))
    }

    @Test func nodeWithSOCKSIsAFailureThatNamesTheFix() throws {
        let result = try inject(deployment(image: "node:22")) { $0.request.forwardProtocol = .socks5 }
        #expect(result.outcomes.first?.status == .failed([.runtimeNeedsHTTPProxy(runtime: .node)]))
        #expect(WorkloadProblem.runtimeNeedsHTTPProxy(runtime: .node).remedy == .useHTTPProtocol)
        #expect(result.output == result.original)
    }

    @Test func aPropertyTheCopiedOptionsSetOtherwiseIsAConflictUnlessOverwriting() throws {
        let before = deployment(image: "eclipse-temurin:21", env: "- name: JAVA_TOOL_OPTIONS\n  value: -Dhttp.proxyHost=corp-proxy -Xmx1g")
        let failed = try inject(before) { $0.request.tlsOut = true }
        #expect(failed.outcomes.first?.status == .failed([
            .conflict(place: .jvmProperty(in: .variable("JAVA_TOOL_OPTIONS"), name: "http.proxyHost"), current: "corp-proxy", wanted: "localhost"),
        ]))
        let replaced = try inject(before) {
            $0.request.tlsOut = true
            $0.overwrite = true
        }
        #expect(output(replaced).contains("tls-java-tool-options-value: \"-Xmx1g -Dhttp.proxyHost=localhost"))
    }

    @Test func aContainersOwnProxyFlagIsAConflictWithoutTLS() throws {
        let before = deployment(image: "eclipse-temurin:21", env: "- name: JAVA_TOOL_OPTIONS\n  value: -Dhttp.proxyHost=corp-proxy")
        let failed = try inject(before)
        #expect(failed.outcomes.first?.status == .failed([
            .conflict(place: .jvmProperty(in: .variable("JAVA_TOOL_OPTIONS"), name: "http.proxyHost"), current: "corp-proxy", wanted: "localhost"),
        ]))
    }

    @Test func convertingJavaToTLSMovesTheFlagsIntoTheAnnotationAndBack() throws {
        let plain = try inject(deployment(image: "eclipse-temurin:21", env: "- name: JAVA_TOOL_OPTIONS\n  value: -Xmx1g"))
        let tls = try inject(output(plain)) { $0.request.tlsOut = true }
        let text = output(tls)
        #expect(text.contains("        - name: JAVA_TOOL_OPTIONS\n          value: -Xmx1g\n"), "\(text)")
        #expect(text.contains("tls-java-tool-options-value: \"-Xmx1g -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140 -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140 -Dhttp.nonProxyHosts=localhost|127.0.0.1 -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=changeit\""))
        let back = try inject(text) { $0.request.tlsOut = false }
        #expect(output(back) == output(plain))
        #expect(try uninject(text) == deployment(image: "eclipse-temurin:21", env: "- name: JAVA_TOOL_OPTIONS\n  value: -Xmx1g"))
    }

    @Test func javaFlagsGoInAnExtraContainerVariablesLineWithEnvViaAnnotation() throws {
        let result = try inject(deployment(image: "eclipse-temurin:21")) { $0.request.environmentPlacement = .annotation }
        #expect(output(result).contains("sidecar.speedscale.com/extra-container-env-vars: \"JAVA_TOOL_OPTIONS=-Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140"))
        #expect(try inject(output(result)) { $0.request.environmentPlacement = .annotation }.outcomes.map(\.status) == [.unchanged])
        #expect(try uninject(output(result)) == deployment(image: "eclipse-temurin:21"))
        let competing = try inject(deployment(image: "eclipse-temurin:21", env: "- name: JAVA_TOOL_OPTIONS\n  value: -Xmx1g")) {
            $0.request.environmentPlacement = .annotation
        }
        #expect(competing.outcomes.first?.status == .failed([.competingJavaOptions(variable: "JAVA_TOOL_OPTIONS", container: "app")]))
        // What it wrote for the container without options of its own lints clean.
        let report = Linter().lint([ManifestInput(file: "test.yaml", source: YAMLSource(output(result)))])
        #expect(report.findings.filter { $0.severity >= .warning }.map(\.message) == [])
    }

    @Test func uninjectLeavesAJVMProxyThatIsNotTheSidecars() throws {
        let own = deployment(image: "eclipse-temurin:21", env: "- name: JAVA_TOOL_OPTIONS\n  value: -Dhttp.proxyHost=localhost -Dhttp.proxyPort=3128")
        #expect(try uninject(own) == own)
    }

    @Test func theDecisionNamesProfileRuntimeContainerPortAndWhy() throws {
        let result = try inject(deployment(image: "python:3.12"))
        let decision = try #require(result.outcomes.first?.decision)
        #expect(decision.profile == .dual && decision.profileSource == "the default")
        #expect(decision.runtime == RuntimeGuess(.python, reason: "image \"python:3.12\""))
        #expect(decision.container == "app" && decision.containerReason == "the only container")
        #expect(decision.port?.number == 8080 && decision.port?.source == .containerPort)
        let socks = try inject(deployment(image: "python:3.12")) { $0.request.forwardProtocol = .socks5 }
        #expect(socks.outcomes.first?.decision?.advice.contains { $0.contains("PySocks") } == true)
        let go = try inject(deployment(image: "golang:1.23")) { $0.request.forwardProtocol = .socks4 }
        #expect(output(go).contains("value: socks5://localhost:4140\n"))
        #expect(go.outcomes.first?.decision?.advice.contains { $0.contains("rejects socks4://") } == true)
    }

    @Test func theOperatorsTLSDefaultGivesJavaItsTruststore() throws {
        let result = try inject(deployment(image: "eclipse-temurin:21")) {
            $0.request.mode = .transparent
            $0.clusterSettings.assumeTLSOut = true
        }
        let text = output(result)
        #expect(!text.contains("sidecar.speedscale.com/tls-out"))
        #expect(text.contains("tls-java-tool-options-value: \"-Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks -Djavax.net.ssl.trustStorePassword=changeit\""))
    }
}
