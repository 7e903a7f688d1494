import Foundation
import Testing
import TestSupport

/// The report says per workload what was decided and why (profile, runtime, container, port),
/// in text and in JSON; `--runtime` takes the runtimes and `auto` only.
@Suite struct RuntimeReportTests {
    @Test func theTextReportNamesTheDecisionAndTheRuntimesAdvice() throws {
        let run = try ToolRunner.run(["inject", "--tls-out", "-f", "-"], stdin: try ProjectPaths.injectFixture("runtime-node"))
        #expect(run.status == 0)
        let expected = """
            deployment/storefront (-) injected
              decided: dual profile (the default); runtime node (command "node server.js", image "node:22-alpine"); container "storefront" (the only container); port 8080 (the container's only port)
              note: Node.js reads HTTP_PROXY and HTTPS_PROXY with NODE_USE_ENV_PROXY=1 from 22.21 (and 24) on; older Node needs the global-agent package, a code change (import 'global-agent/bootstrap', with GLOBAL_AGENT_HTTP_PROXY and GLOBAL_AGENT_HTTPS_PROXY)
              note: with tls-out Node.js trusts the Speedscale CA through NODE_EXTRA_CA_CERTS, which the operator sets

            """
        #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
        let quiet = try ToolRunner.run(["inject", "-q", "-f", "-"], stdin: try ProjectPaths.injectFixture("runtime-node"))
        #expect(!quiet.stderr.contains("decided:"))
    }

    @Test func theJSONReportCarriesTheDecisionAndItsReasons() throws {
        let run = try ToolRunner.run(["inject", "--report", "json", "--runtime", "go", "--protocol", "socks4", "-f", "-"],
                                     stdin: try ProjectPaths.injectFixture("runtime-go"))
        #expect(run.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any])
        let object = try #require((report["objects"] as? [[String: Any]])?.first)
        let decision = try #require(object["decision"] as? [String: Any])
        #expect(decision["profile"] as? String == "dual")
        #expect(decision["profileSource"] as? String == "the default")
        #expect(decision["runtime"] as? String == "go")
        #expect(decision["runtimeReason"] as? String == "asked for")
        #expect(decision["container"] as? String == "ledger")
        #expect(decision["containerReason"] as? String == "the only container")
        #expect(decision["port"] as? Int == 8080)
        #expect(decision["portSource"] as? String == "containerPort")
        let advice = try #require(decision["advice"] as? [String])
        #expect(advice.count == 1 && advice[0].contains("Go's ProxyFromEnvironment rejects socks4://"))
        #expect(String(decoding: run.stdout, as: UTF8.self).contains("value: socks5://localhost:4140"))
    }

    @Test func nodeWithSOCKSFailsWithTheFlagsThatFixIt() throws {
        let run = try ToolRunner.run(["inject", "--protocol", "socks5", "-f", "-"], stdin: try ProjectPaths.injectFixture("runtime-node"))
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("use --protocol http, or --runtime generic when the app sets a SOCKS agent in code"), "\(run.stderr)")
        let generic = try ToolRunner.run(["inject", "--protocol", "socks5", "--runtime", "generic", "-f", "-"], stdin: try ProjectPaths.injectFixture("runtime-node"))
        #expect(generic.status == 0)
        #expect(!String(decoding: generic.stdout, as: UTF8.self).contains("NODE_USE_ENV_PROXY"))
    }

    @Test func anUnknownRuntimeIsAUsageError() throws {
        let run = try ToolRunner.run(["inject", "--runtime", "jvm", "-f", "-"], stdin: try ProjectPaths.injectFixture("runtime-java"))
        #expect(run.status == 64 || run.status == 2, "\(run.status)")
        #expect(run.stderr.contains("jvm"))
    }
}
