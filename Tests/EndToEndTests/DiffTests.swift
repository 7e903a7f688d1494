import Foundation
import SpliceYAML
import Testing
import TestSupport

/// `--diff`: unified diffs that the real `patch -p1` and `git apply` turn into inject's output,
/// and `--color`.
@Suite struct DiffTests {
    /// Fixtures with the awkward cases: CRLF, no final newline, a byte-order mark, several documents.
    private static let cases = ["crlf", "no-final-newline", "byte-order-mark", "multi-document", "flow-collections", "already-injected"]

    /// Writes every case to `manifests/<case>.yaml` under `directory`.
    private func writeCases(to directory: TemporaryDirectory) throws {
        for name in Self.cases { try directory.write("manifests/\(name).yaml", ProjectPaths.injectFixture(name)) }
    }

    /// Runs `--diff` over the cases, applies it with `program arguments` in a fresh copy, and
    /// checks every file then holds what inject writes on standard output.
    private func checkDiffApplies(with program: URL, _ arguments: [String]) throws {
        try TemporaryDirectory.with { directory in
            try writeCases(to: directory)
            let diff = try ToolRunner.run(["inject", "--diff", "-f", "manifests"], directory: directory.url)
            #expect(diff.status == 0, "\(diff.stderr)")
            #expect(diff.output.contains("--- a/manifests/crlf.yaml\n+++ b/manifests/crlf.yaml\n@@ "))
            #expect(!diff.output.contains("already-injected"), "an unchanged file has no diff")
            #expect(diff.output.contains("\\ No newline at end of file\n"))
            try directory.write("change.patch", diff.stdout)
            let applied = try ToolRunner.runProgram(program, arguments, directory: directory.url)
            #expect(applied.status == 0, "\(program.lastPathComponent) failed: \(applied.output) \(applied.stderr)")
            for name in Self.cases {
                let injected = try ToolRunner.run(["inject", "-f", "-"], stdin: try ProjectPaths.injectFixture(name))
                #expect(try directory.bytes("manifests/\(name).yaml") == injected.stdout, "\(name) after \(program.lastPathComponent)")
            }
        }
    }

    @Test(.enabled(if: ToolRunner.which("patch") != nil, "GNU patch is not installed"))
    func patchAppliesTheDiff() throws {
        try checkDiffApplies(with: try #require(ToolRunner.which("patch")), ["-p1", "--quiet", "-i", "change.patch"])
    }

    @Test(.enabled(if: ToolRunner.which("git") != nil, "git is not installed"))
    func gitApplyAppliesTheDiff() throws {
        try checkDiffApplies(with: try #require(ToolRunner.which("git")), ["apply", "change.patch"])
    }

    @Test(.enabled(if: ProjectPaths.corpusIsPresent && ToolRunner.which("patch") != nil, "needs ../shared/corpus and GNU patch"))
    func theCorpusDiffThroughPatchEqualsAnInPlaceRun() throws {
        let patch = try #require(ToolRunner.which("patch"))
        try TemporaryDirectory.with { patched in
            try TemporaryDirectory.with { inPlace in
                var originals: [String: [UInt8]] = [:]
                for file in ProjectPaths.corpusFiles {
                    let bytes = try ProjectPaths.bytes(file)
                    guard (try? YAMLStream(parsing: bytes)) != nil else { continue }  // a few corpus files are templates
                    let name = "corpus/" + ProjectPaths.corpusName(file)
                    try patched.write(name, bytes)
                    try inPlace.write(name, bytes)
                    originals[name] = bytes
                }
                #expect(originals.count > 100)
                let diff = try ToolRunner.run(["inject", "-R", "-f", "corpus", "--skip-failed", "--diff", "-q"], directory: patched.url)
                #expect(diff.status == 0)
                try patched.write("corpus.patch", diff.stdout)
                let applied = try ToolRunner.runProgram(patch, ["-p1", "--quiet", "-i", "corpus.patch"], directory: patched.url)
                #expect(applied.status == 0, "\(applied.output) \(applied.stderr)")
                let rewrite = try ToolRunner.run(["inject", "-R", "-f", "corpus", "--skip-failed", "-i", "-q"], directory: inPlace.url)
                #expect(rewrite.status == 0)
                var changed = 0
                for (name, original) in originals {
                    let rewritten = try inPlace.bytes(name)
                    #expect(try patched.bytes(name) == rewritten, "\(name)")
                    if rewritten != original { changed += 1 }
                }
                #expect(changed > 40, "the diff covered many files")
            }
        }
    }

    @Test func aWorkloadThatCannotBeInjectedGivesNoDiff() throws {
        let stream = try ProjectPaths.injectFixture("no-annotations-no-env") + Array("---\n".utf8) + ProjectPaths.injectFixture("socks5-tls-options")
        let run = try ToolRunner.run(["inject", "--diff"], stdin: stream)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty, "D9: nothing on standard output")
        let skipping = try ToolRunner.run(["inject", "--diff", "--skip-failed"], stdin: stream)
        #expect(skipping.status == 0)
        #expect(skipping.output.contains("+    sidecar.speedscale.com/inject: \"true\"\n"))
    }

    @Test func theDiffOfStandardInputNamesItDash() throws {
        let run = try ToolRunner.run(["inject", "--diff"], stdin: try ProjectPaths.injectFixture("no-annotations-no-env"))
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("--- a/-\n+++ b/-\n@@ -"))
        #expect(!run.output.contains("apiVersion: apps/v1\nkind"), "the diff, not the manifests")
    }

    @Test func absolutePathsInsideTheCurrentDirectoryAreMadeRelative() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("sub/web.yaml", ProjectPaths.injectFixture("no-annotations-no-env"))
            let run = try ToolRunner.run(["inject", "--diff", "-f", file.path], directory: directory.url.resolvingSymlinksInPath())
            #expect(run.output.hasPrefix("--- a/sub/web.yaml\n+++ b/sub/web.yaml\n"), "\(run.output)")
        }
    }

    private let escape = "\u{1B}["

    @Test func colorFollowsTheFlagAndNoColor() throws {
        let input = try ProjectPaths.injectFixture("no-annotations-no-env")
        let always = try ToolRunner.run(["inject", "--diff", "--color", "always"], stdin: input)
        #expect(always.output.contains("\(escape)32m+    sidecar.speedscale.com/inject: \"true\"\(escape)m\n"))
        #expect(always.output.hasPrefix("\(escape)1m--- a/-\(escape)m\n"))
        let alwaysDespiteNoColor = try ToolRunner.run(["inject", "--diff", "--color", "always"], stdin: input, environment: ["NO_COLOR": "1"])
        #expect(alwaysDespiteNoColor.stdout == always.stdout, "an explicit --color always wins over NO_COLOR")
        for arguments in [["--color", "auto"], ["--color", "never"], []] {
            let plain = try ToolRunner.run(["inject", "--diff"] + arguments, stdin: input)
            #expect(!plain.output.contains(escape), "no colour into a pipe with \(arguments)")
        }
    }

    @Test(.enabled(if: ToolRunner.which("script") != nil, "script (util-linux) is not installed to give a terminal"))
    func autoColorsATerminalUnlessNoColor() throws {
        let script = try #require(ToolRunner.which("script"))
        try TemporaryDirectory.with { directory in
            try directory.write("web.yaml", ProjectPaths.injectFixture("no-annotations-no-env"))
            let command = "'\(ToolRunner.executable.path)' inject --diff -f web.yaml"
            let terminal = try ToolRunner.runProgram(script, ["-q", "-e", "-c", command, "/dev/null"], directory: directory.url)
            #expect(terminal.status == 0)
            #expect(terminal.output.contains("\(escape)32m+"), "auto colours a terminal: \(terminal.output)")
            let noColor = try ToolRunner.runProgram(
                script, ["-q", "-e", "-c", command, "/dev/null"], directory: directory.url, environment: ["NO_COLOR": "1"])
            #expect(noColor.status == 0)
            #expect(noColor.output.contains("+    sidecar.speedscale.com/inject"))
            #expect(!noColor.output.contains(escape), "NO_COLOR turns auto off")
        }
    }
}
