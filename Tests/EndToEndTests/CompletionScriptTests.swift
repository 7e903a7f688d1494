import Foundation
import Testing
import TestSupport

/// The shell completion scripts in `completions/` are what `completion SHELL` prints, and
/// each shell, given the script, offers what the tool's `__complete` answers: subcommands,
/// the default subcommand's flags at the top level, flag values, rule IDs, and file names
/// for path options; also for `kubectl speedscale-istio …` when kubectl's own completion is
/// not loaded.
@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func committedScriptMatchesTheGeneratedOne(_ shell: String) throws {
        let run = try ToolRunner.run(["completion", shell])
        #expect(run.status == 0)
        let committed = try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent("completions/kubectl-speedscale_istio.\(shell)"))
        #expect(run.stdout == committed, "regenerate with: kubectl-speedscale_istio completion \(shell) > completions/kubectl-speedscale_istio.\(shell)")
        let legacy = try ToolRunner.run(["--generate-completion-script", shell])
        #expect(legacy.stdout == run.stdout, "argument-parser's flag prints the same script")
        #expect(run.output.contains("__complete"))
    }

    /// A directory with the plugin on PATH and a few files to complete.
    private func workspace(_ directory: TemporaryDirectory) throws -> [String: String] {
        let bin = directory.path("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("kubectl-speedscale_istio"), withDestinationURL: ToolRunner.executable)
        for name in ["work/deploy.yaml", "work/list.json", "work/notes.txt", "work/charts/keep"] {
            try directory.write(name, "")
        }
        return ["PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }

    /// Runs `program arguments` in `work/` of a workspace with the script saved as `script`.
    private func runShell(_ program: URL, _ arguments: [String], shell: String, body: String) throws -> String {
        try TemporaryDirectory.with { directory in
            let environment = try workspace(directory)
            try directory.write("script", try ToolRunner.run(["completion", shell]).stdout)
            try directory.write("test", body.replacingOccurrences(of: "SCRIPT", with: directory.path("script").path))
            let run = try ToolRunner.runProgram(program, arguments + [directory.path("test").path], directory: directory.path("work"), environment: environment)
            #expect(run.stderr.isEmpty, "\(run.stderr)")
            return run.output
        }
    }

    @Test(.enabled(if: ToolRunner.which("bash") != nil, "bash is not installed"))
    func bashCompletes() throws {
        let output = try runShell(try #require(ToolRunner.which("bash")), ["--norc"], shell: "bash", body: #"""
            source SCRIPT
            t() { COMP_LINE=$1; COMP_POINT=${#1}; COMPREPLY=(); "$2"; printf '%s\n' "$1 => $(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd'|')"; }
            t "kubectl-speedscale_istio " _kubectl_speedscale_istio
            t "kubectl-speedscale_istio --pro" _kubectl_speedscale_istio
            t "kubectl-speedscale_istio inject --protocol=so" _kubectl_speedscale_istio
            t "kubectl-speedscale_istio inject -f " _kubectl_speedscale_istio
            t "kubectl-speedscale_istio lint -o " _kubectl_speedscale_istio
            t "kubectl-speedscale_istio explain LNT" _kubectl_speedscale_istio
            t "kubectl sp" _kubectl_speedscale_istio_kubectl
            t "kubectl speedscale-istio lint --fail-on w" _kubectl_speedscale_istio_kubectl
            """#)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines == [
            "kubectl-speedscale_istio  => completion|explain|help|inject|krm|lint|uninject|version",
            "kubectl-speedscale_istio --pro => --protocol|--proxy-env-host|--proxy-host|--proxy-port",
            "kubectl-speedscale_istio inject --protocol=so => socks4|socks5",
            "kubectl-speedscale_istio inject -f  => charts|deploy.yaml|list.json",
            "kubectl-speedscale_istio lint -o  => charts|deploy.yaml|list.json|notes.txt",
            "kubectl-speedscale_istio explain LNT => LNT001|LNT002",
            "kubectl sp => speedscale-istio",
            "kubectl speedscale-istio lint --fail-on w => warning",
        ])
    }

    @Test(.enabled(if: ToolRunner.which("zsh") != nil, "zsh is not installed"))
    func zshCompletes() throws {
        // The completion system's builtins are stood in for by functions that print their
        // arguments, so the script's own logic is what is checked.
        let output = try runShell(try #require(ToolRunner.which("zsh")), ["-f"], shell: "zsh", body: #"""
            compdef() { print -r -- "compdef $*" }
            _describe() { print -r -- "describe ${(j:|:)${(P)4}} ${@[5,-1]}" }
            _files() { print -r -- "files $*" }
            compset() { print -r -- "compset $*" }
            compadd() { print -r -- "compadd $*" }
            source SCRIPT
            t() { words=("${(@z)1}"); [[ $1 == *' ' ]] && words+=(""); CURRENT=${#words}; PREFIX=${words[-1]}; $2 }
            t "kubectl-speedscale_istio --pro" _kubectl-speedscale_istio
            t "kubectl-speedscale_istio inject -f " _kubectl-speedscale_istio
            t "kubectl-speedscale_istio --protocol=s" _kubectl-speedscale_istio
            t "kubectl-speedscale_istio lint -o " _kubectl-speedscale_istio
            t "kubectl speedscale-istio explain LNT" _kubectl_speedscale_istio_kubectl
            t "kubectl s" _kubectl_speedscale_istio_kubectl
            """#)
        #expect(output.split(separator: "\n").map(String.init) == [
            "compdef _kubectl-speedscale_istio kubectl-speedscale_istio",
            "compdef _kubectl_speedscale_istio_kubectl kubectl",
            "describe --proxy-port:The port the app listens on (proxy-port)|--protocol:The forward proxy protocol: http (default), socks5 or socks4|"
                + "--proxy-host:Where the reverse proxy forwards inbound traffic (proxy-host)|--proxy-env-host:The host in HTTP_PROXY / HTTPS_PROXY ",
            "files -g *.(json|yaml|yml)",
            "compset -P *=",
            "describe socks5|socks4 ",
            "files ",
            "describe LNT001|LNT002 ",
            "compadd -- speedscale-istio",
        ])
    }

    @Test(.enabled(if: ToolRunner.which("fish") != nil, "fish is not installed"))
    func fishCompletes() throws {
        let output = try runShell(try #require(ToolRunner.which("fish")), ["--no-config"], shell: "fish", body: #"""
            source SCRIPT
            for line in "kubectl-speedscale_istio --pro" "kubectl-speedscale_istio inject -f " "kubectl-speedscale_istio --protocol=so" "kubectl-speedscale_istio explain LNT"
                echo "$line =>" (complete -C"$line" | string replace -r '\t.*' '' | string join '|')
            end
            """#)
        #expect(output.split(separator: "\n").map(String.init) == [
            "kubectl-speedscale_istio --pro => --protocol|--proxy-env-host|--proxy-host|--proxy-port",
            "kubectl-speedscale_istio inject -f  => charts/|deploy.yaml|list.json",
            "kubectl-speedscale_istio --protocol=so => --protocol=socks4|--protocol=socks5",
            "kubectl-speedscale_istio explain LNT => LNT001|LNT002",
        ])
    }
}
