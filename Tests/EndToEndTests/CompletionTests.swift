import Foundation
import Testing
import TestSupport

/// Completion: `kubectl_complete-speedscale_istio` answers kubectl's plugin completion protocol
/// (candidates, then `:DIRECTIVE`), from the command definitions; kubectl reaches it through
/// `kubectl __complete speedscale-istio …`, and the shell scripts through `__complete`.
@Suite struct CompletionTests {
    /// The snapshot cases: `Fixtures/completion/NAME.txt` holds the words as a JSON array on
    /// its first line, then the expected reply. `UPDATE_SNAPSHOTS=1` rewrites them.
    static let cases: [String] = {
        let folder = ProjectPaths.fixtures.appendingPathComponent("completion")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func thereAreSnapshots() {
        #expect(Self.cases.count > 15)
    }

    @Test(arguments: cases)
    func replyMatchesTheSnapshot(_ name: String) throws {
        let file = ProjectPaths.fixtures.appendingPathComponent("completion/\(name).txt")
        let text = String(decoding: try ProjectPaths.bytes(file), as: UTF8.self)
        let firstLine = try #require(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first)
        let words = try JSONDecoder().decode([String].self, from: Data(firstLine.utf8))
        let run = try ToolRunner.runProgram(ToolRunner.completionExecutable, words)
        #expect(run.status == 0)
        Golden.expect(String(firstLine) + "\n" + run.output, matches: file)
    }

    /// The command tree as the tool describes it (`--experimental-dump-help`).
    private func dump() throws -> [String: Any] {
        let run = try ToolRunner.run(["--experimental-dump-help"])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout))
        return try #require((object as? [String: Any])?["command"] as? [String: Any])
    }

    /// The reply's candidates (without descriptions) and directive.
    private func complete(_ words: [String], with program: URL = ToolRunner.completionExecutable) throws -> (values: [String], directive: String) {
        let run = try ToolRunner.runProgram(program, words)
        #expect(run.status == 0)
        var lines = run.output.split(separator: "\n").map(String.init)
        let directive = lines.popLast() ?? ""
        return (lines.map { String($0.prefix { $0 != "\t" }) }, directive)
    }

    @Test func everySubcommandFlagAndValueListIsOffered() throws {
        let root = try dump()
        let subcommands = try #require(root["subcommands"] as? [[String: Any]]).filter { ($0["shouldDisplay"] as? Bool) ?? true }
        #expect(try complete([""]).values == subcommands.compactMap { $0["commandName"] as? String })
        var checkedValues = 0
        for subcommand in subcommands {
            let name = try #require(subcommand["commandName"] as? String)
            let arguments = (subcommand["arguments"] as? [[String: Any]]) ?? []
            let named = arguments.filter { ($0["kind"] as? String) != "positional" && (($0["shouldDisplay"] as? Bool) ?? true) }
            let longNames = named.compactMap { ($0["names"] as? [[String: String]])?.first { $0["kind"] == "long" }?["name"] }
            #expect(try complete([name, "--"]).values == longNames.map { "--" + $0 }, "\(name) --")
            for argument in named {
                guard let values = argument["allValues"] as? [String], let long = (argument["names"] as? [[String: String]])?.first(where: { $0["kind"] == "long" })?["name"] else { continue }
                let reply = try complete([name, "--" + long, ""])
                #expect(reply.values == values, "\(name) --\(long)")
                #expect(reply.directive == ":4")
                checkedValues += 1
            }
        }
        #expect(checkedValues >= 6, "--mode, --protocol, --color, --report, --format, --fail-on, ...")
    }

    @Test func explainOffersEveryRuleOfTheCatalogue() throws {
        let catalogue = try ToolRunner.run(["lint", "--list-rules", "--format", "json"])
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(catalogue.stdout)) as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.count > 50)
        #expect(try complete(["explain", ""]).values == ids)
    }

    @Test func theTopLevelOffersTheDefaultSubcommandsFlags() throws {
        let topLevel = try complete(["--"]).values
        let inject = try complete(["inject", "--"]).values
        #expect(Set(inject).isSubset(of: Set(topLevel)))
        #expect(try complete(["--mode", ""]).values == complete(["inject", "--mode", ""]).values)
    }

    @Test func pathOptionsAskForFileNames() throws {
        #expect(try complete(["inject", "-f", ""]) == (["json", "yaml", "yml"], ":8"))
        #expect(try complete(["uninject", "--filename", ""]) == (["json", "yaml", "yml"], ":8"))
        #expect(try complete(["lint", "-o", ""]) == ([], ":0"))
        #expect(try complete(["lint", "--config", ""]) == (["yaml", "yml"], ":8"))
    }

    @Test func thePluginAnswersTheSameThroughUnderscoreComplete() throws {
        for words in [["inject", "--pro"], ["explain", "SS01"], ["lint", "-f", ""], [""]] {
            let direct = try ToolRunner.runProgram(ToolRunner.completionExecutable, words)
            let viaPlugin = try ToolRunner.run(["__complete"] + words)
            #expect(viaPlugin.stdout == direct.stdout, "\(words)")
        }
    }

    /// A directory holding both executables, as `make install` lays them out, and a PATH with it first.
    private func installed(in directory: TemporaryDirectory) throws -> String {
        let bin = directory.path("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("kubectl-speedscale_istio"), withDestinationURL: ToolRunner.executable)
        try FileManager.default.createSymbolicLink(
            at: bin.appendingPathComponent("kubectl_complete-speedscale_istio"), withDestinationURL: ToolRunner.completionExecutable)
        return bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }

    @Test(.enabled(if: ToolRunner.which("kubectl") != nil, "kubectl is not installed"))
    func kubectlCompletesThePluginThroughTheCompletionExecutable() throws {
        let kubectl = try #require(ToolRunner.which("kubectl"))
        try TemporaryDirectory.with { directory in
            let path = try installed(in: directory)
            let environment = ["PATH": path, "KUBECONFIG": directory.path("no-kubeconfig").path]
            let cases: [[String]] = [[""], ["inject", "--pro"], ["--protocol", ""], ["explain", "IST01"], ["lint", "-f", ""], ["lint", "--fail-on", "w"]]
            for words in cases {
                let viaKubectl = try ToolRunner.runProgram(kubectl, ["__complete", "speedscale-istio"] + words, environment: environment)
                let direct = try ToolRunner.runProgram(ToolRunner.completionExecutable, words)
                #expect(viaKubectl.status == 0, "\(viaKubectl.stderr)")
                #expect(viaKubectl.output == direct.output, "kubectl __complete speedscale-istio \(words)")
            }
            let protocols = try ToolRunner.runProgram(kubectl, ["__complete", "speedscale-istio", "inject", "--protocol", ""], environment: environment)
            #expect(protocols.output == "http\nsocks5\nsocks4\n:4\n")
            let plugins = try ToolRunner.runProgram(kubectl, ["__complete", "speedscale-i"], environment: environment)
            #expect(plugins.output.hasPrefix("speedscale-istio\t"), "kubectl lists the plugin: \(plugins.output)")
        }
    }

    @Test(.enabled(if: ToolRunner.which("kubectl") != nil, "kubectl is not installed"))
    func withoutTheCompletionExecutableKubectlOffersNothing() throws {
        let kubectl = try #require(ToolRunner.which("kubectl"))
        try TemporaryDirectory.with { directory in
            try FileManager.default.createSymbolicLink(at: directory.path("kubectl-speedscale_istio"), withDestinationURL: ToolRunner.executable)
            let path = directory.url.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            let run = try ToolRunner.runProgram(
                kubectl, ["__complete", "speedscale-istio", "inject", "--pro"],
                environment: ["PATH": path, "KUBECONFIG": directory.path("no-kubeconfig").path])
            #expect(!run.output.contains("--protocol"), "the test above is not vacuous: the candidates come from the completion executable")
        }
    }
}
