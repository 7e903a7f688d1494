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

    @Test func theDiffOfStandardInputNamesItStdinAndPatchTakesTheFileFromTheUser() throws {
        let input = try ProjectPaths.injectFixture("no-annotations-no-env")
        let run = try ToolRunner.run(["inject", "--diff"], stdin: input)
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("--- a/<stdin>\n+++ b/<stdin>\n@@ -"))
        #expect(!run.output.contains("apiVersion: apps/v1\nkind"), "the diff, not the manifests")
        guard let patch = ToolRunner.which("patch") else { return }
        try TemporaryDirectory.with { directory in
            try directory.write("web.yaml", input)
            try directory.write("change.patch", run.stdout)
            let applied = try ToolRunner.runProgram(patch, ["--quiet", "web.yaml", "-i", "change.patch"], directory: directory.url)
            #expect(applied.status == 0, "\(applied.output) \(applied.stderr)")
            #expect(try directory.bytes("web.yaml") == ToolRunner.run(["inject"], stdin: input).stdout)
        }
    }

    /// The `--- a/` name of `file` in a diff run from `directory`.
    private func header(_ file: String, in directory: URL) throws -> String {
        let run = try ToolRunner.run(["inject", "--diff", "-f", file], directory: directory)
        #expect(run.status == 0, "\(run.stderr)")
        return String(run.output.split(separator: "\n").first?.dropFirst(4) ?? "")
    }

    @Test func pathsAreNamedSoThatTheyApplyFromTheCurrentDirectoryOrFromTheRoot() throws {
        try TemporaryDirectory.with { temporary in
            let root = temporary.url.resolvingSymlinksInPath()
            let fixture = try ProjectPaths.injectFixture("no-annotations-no-env")
            try temporary.write("work/sub/web.yaml", fixture)
            try temporary.write("k8s/web.yaml", fixture)
            let work = root.appendingPathComponent("work")
            #expect(try header("./sub//web.yaml", in: work) == "a/sub/web.yaml")
            #expect(try header("sub/../sub/web.yaml", in: work) == "a/sub/web.yaml")
            #expect(try header("../work/sub/web.yaml", in: work) == "a/sub/web.yaml", "a path through .. that comes back in")
            #expect(try header(work.path + "/sub/web.yaml", in: work) == "a/sub/web.yaml")
            let outside = root.appendingPathComponent("k8s/web.yaml").path
            #expect(try header("../k8s/web.yaml", in: work) == "a" + outside, "outside: the absolute path, from /")
            #expect(try header(outside, in: work) == "a" + outside)
        }
    }

    /// Applies `--diff -f FILE`, run in `work/`, with `program arguments` run in `applyIn`,
    /// and checks the file then holds what inject writes.
    private func checkApplies(_ file: String, from applyIn: String, with program: URL, _ arguments: [String]) throws {
        try TemporaryDirectory.with { temporary in
            let root = temporary.url.resolvingSymlinksInPath()
            let fixture = try ProjectPaths.injectFixture("crlf")
            for name in ["work/sub/web.yaml", "k8s/web.yaml"] { try temporary.write(name, fixture) }
            let diff = try ToolRunner.run(["inject", "--diff", "-f", file], directory: root.appendingPathComponent("work"))
            #expect(diff.status == 0, "\(diff.stderr)")
            let patchFile = try temporary.write("change.patch", diff.stdout)
            let directory = applyIn == "/" ? URL(fileURLWithPath: "/") : root.appendingPathComponent(applyIn)
            let applied = try ToolRunner.runProgram(program, arguments + [patchFile.path], directory: directory)
            #expect(applied.status == 0, "\(program.lastPathComponent) in \(applyIn): \(applied.output) \(applied.stderr)")
            let target = file.contains("k8s") ? "k8s/web.yaml" : "work/sub/web.yaml"
            #expect(try temporary.bytes(target) == ToolRunner.run(["inject"], stdin: fixture).stdout, "\(file) via \(program.lastPathComponent)")
        }
    }

    @Test(.enabled(if: ToolRunner.which("patch") != nil && ToolRunner.which("git") != nil, "needs GNU patch and git"))
    func patchAndGitApplyTakeEveryKindOfPath() throws {
        let patch = try #require(ToolRunner.which("patch"))
        let git = try #require(ToolRunner.which("git"))
        for (file, applyIn) in [("../work/sub/web.yaml", "work"), ("./sub/web.yaml", "work"), ("../k8s/web.yaml", "/")] {
            try checkApplies(file, from: applyIn, with: patch, ["-p1", "--quiet", "-i"])
            try checkApplies(file, from: applyIn, with: git, ["apply"])
        }
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
        #expect(always.output.hasPrefix("\(escape)1m--- a/<stdin>\(escape)m\n"))
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
