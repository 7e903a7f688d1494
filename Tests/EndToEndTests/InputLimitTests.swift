import Foundation
import Testing
import TestSupport

/// What the tool reads and refuses: a maximum size per file and for standard input, input that
/// is not UTF-8 text, and entries of directories that are not regular files.
@Suite struct InputLimitTests {
    /// Runs the tool under `timeout`, so that a regression that reads forever or waits on a FIFO
    /// fails the test instead of hanging the run.
    private func runBounded(_ arguments: [String], stdin: [UInt8] = [], directory: URL? = nil) throws -> ToolRun {
        guard let timeout = ToolRunner.which("timeout") else { return try ToolRunner.run(arguments, stdin: stdin, directory: directory) }
        return try ToolRunner.runProgram(timeout, ["60", ToolRunner.executable.path] + arguments, stdin: stdin, directory: directory)
    }

    /// Runs `script` with `sh -c`, the tool's path as `$0`.
    private func runShell(_ script: String, directory: URL? = nil) throws -> ToolRun {
        try ToolRunner.runProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", script, ToolRunner.executable.path], directory: directory)
    }

    private let configMap = "kind: ConfigMap\nmetadata:\n  name: a\n"

    @Test func standardInputThatNeverEndsStopsAtTheLimit() throws {
        let run = try runShell("yes | timeout 60 \"$0\" lint --max-input-size 1MiB")
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr == "error: -: larger than the maximum input size, 1 MiB; nothing more was read (raise the limit with --max-input-size)\n")
    }

    @Test func devZeroIsRefusedAtItsFirstByte() throws {
        let run = try runBounded(["lint", "-f", "/dev/zero"])
        #expect(run.status == 2)
        #expect(run.stderr == "/dev/zero:1:1: a NUL byte (byte offset 0): this is not a text file; manifests are UTF-8 YAML or JSON\n")
        let inject = try runBounded(["inject", "-f", "/dev/zero"])
        #expect(inject.status == 2)
        #expect(inject.stdout.isEmpty)
        #expect(inject.stderr.hasPrefix("/dev/zero:1:1: a NUL byte"))
    }

    @Test func aLargeSparseFileIsRefusedByItsSizeOrItsFirstByte() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("sparse.yaml", [])
            let handle = try FileHandle(forWritingTo: file)
            try handle.truncate(atOffset: 1 << 30)
            try handle.close()
            let run = try runBounded(["inject", "-f", "sparse.yaml"], directory: directory.url)
            #expect(run.status == 2)
            #expect(run.stderr == "error: sparse.yaml: larger than the maximum input size, 256 MiB; nothing more was read (raise the limit with --max-input-size)\n")
            let raised = try runBounded(["inject", "--max-input-size", "2GiB", "-f", "sparse.yaml"], directory: directory.url)
            #expect(raised.status == 2)
            #expect(raised.stderr.hasPrefix("sparse.yaml:1:1: a NUL byte (byte offset 0)"), "\(raised.stderr)")
        }
    }

    @Test func theLimitIsInclusiveAndUnitsAreBinaryOrDecimal() throws {
        try TemporaryDirectory.with { directory in
            // 1,024 bytes: a ConfigMap padded with a comment.
            let padding = String(repeating: "x", count: 1024 - configMap.utf8.count - 3)
            try directory.write("a.yaml", configMap + "# " + padding + "\n")
            #expect(try directory.bytes("a.yaml").count == 1024)
            let atLimit = try runBounded(["inject", "--max-input-size", "1KiB", "-f", "a.yaml"], directory: directory.url)
            #expect(atLimit.status == 0, "\(atLimit.stderr)")
            #expect(atLimit.stdout == (try directory.bytes("a.yaml")))
            let under = try runBounded(["inject", "--max-input-size", "1K", "-f", "a.yaml"], directory: directory.url)
            #expect(under.status == 2, "1K is 1,000 bytes")
            #expect(under.stderr.contains("a.yaml: larger than the maximum input size, 1000 bytes"), "\(under.stderr)")
            #expect(under.stdout.isEmpty)
        }
    }

    @Test(arguments: ["inject", "uninject", "lint"])
    func everySubcommandThatReadsManifestsTakesTheLimit(_ subcommand: String) throws {
        let run = try runBounded([subcommand, "--max-input-size", "10", "-f", "-"], stdin: Array(configMap.utf8))
        #expect(run.status == 2)
        #expect(run.stderr.contains("-: larger than the maximum input size, 10 bytes"), "\(run.stderr)")
    }

    @Test(arguments: ["1.5GiB", "0", "12XB", "lots"])
    func aSizeThatIsNotOneIsAUsageError(_ size: String) throws {
        let run = try runBounded(["inject", "--max-input-size", size, "-f", "-"], stdin: Array(configMap.utf8))
        #expect(run.status == 2)
        #expect(run.stderr.contains("--max-input-size"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func aNULByteIsReportedWhereItIs() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("nul.yaml", Array("kind: Pod\nmetadata:\n  na".utf8) + [0] + Array("me: x\n".utf8))
            let run = try runBounded(["inject", "-f", "nul.yaml"], directory: directory.url)
            #expect(run.status == 2)
            #expect(run.stderr == "nul.yaml:3:5: a NUL byte (byte offset 24): this is not a text file; manifests are UTF-8 YAML or JSON\n")
        }
    }

    @Test func theFirstFileOfADirectoryThatIsNotTextIsReportedWhateverTheThreads() throws {
        try TemporaryDirectory.with { directory in
            // Files read side by side: the report names the first bad one in path order.
            for index in 0..<40 {
                let name = String(format: "d/%02d.yaml", index)
                switch index {
                case 17: try directory.write(name, Array("kind: Pod\n".utf8) + [0])
                case 29: try directory.write(name, [0xFF, 0xFE] + Array("k\0i\0".utf8))
                default: try directory.write(name, "kind: ConfigMap\nmetadata:\n  name: m\(index)\n")
                }
            }
            for jobs in ["1", "2", "3"] {
                let run = try runBounded(["inject", "--jobs", jobs, "-f", "d"], directory: directory.url)
                #expect(run.status == 2)
                #expect(run.stderr == "d/17.yaml:2:1: a NUL byte (byte offset 10): this is not a text file; manifests are UTF-8 YAML or JSON\n", "\(run.stderr)")
                #expect(run.stdout.isEmpty)
            }
        }
    }

    @Test func utf16AndUTF32AreRefusedWithAHint() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("kind: Pod\n".utf16).flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let withMark = try runBounded(["inject", "-f", "-"], stdin: utf16)
        #expect(withMark.status == 2)
        #expect(withMark.stderr == "-:1:1: UTF-16 input is not supported; convert it to UTF-8 (for example with iconv -f UTF-16 -t UTF-8)\n")
        let withoutMark = try runBounded(["inject", "-f", "-"], stdin: Array(utf16.dropFirst(2)))
        #expect(withoutMark.stderr.hasPrefix("-:1:1: UTF-16 input is not supported"))
        let utf32: [UInt8] = Array("kind: Pod\n".unicodeScalars).flatMap { scalar -> [UInt8] in [UInt8(scalar.value), 0, 0, 0] }
        let wide = try runBounded(["lint", "-f", "-"], stdin: utf32)
        #expect(wide.status == 2)
        #expect(wide.stderr.hasPrefix("-:1:1: UTF-32 input is not supported"), "\(wide.stderr)")
    }

    /// A directory with a manifest, a FIFO and (when python3 can make one) a socket named like manifests.
    private func makeDirectoryWithSpecialFiles(_ directory: TemporaryDirectory) throws -> Bool {
        try directory.write("d/b.yaml", configMap)
        #expect(mkfifo(directory.path("d/a.yaml").path, 0o644) == 0)
        try directory.write("d/sub/c.yaml", configMap)
        #expect(mkfifo(directory.path("d/sub/fifo.yml").path, 0o644) == 0)
        guard let python = ToolRunner.which("python3") else { return false }
        let made = try ToolRunner.runProgram(
            python, ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", directory.path("d/s.json").path])
        return made.status == 0
    }

    @Test func fifosAndSocketsInADirectoryAreSkippedWithANote() throws {
        try TemporaryDirectory.with { directory in
            let hasSocket = try makeDirectoryWithSpecialFiles(directory)
            let flat = try runBounded(["inject", "-f", "d"], directory: directory.url)
            #expect(flat.status == 0, "\(flat.stderr)")
            #expect(flat.stdout == Array(configMap.utf8))
            #expect(flat.stderr.contains("note: d/a.yaml: skipped: a FIFO (named pipe), not a regular file\n"))
            if hasSocket { #expect(flat.stderr.contains("note: d/s.json: skipped: a socket, not a regular file\n")) }
            let recursive = try runBounded(["inject", "-R", "-f", "d"], directory: directory.url)
            #expect(recursive.status == 0, "\(recursive.stderr)")
            #expect(recursive.stderr.contains("note: d/sub/fifo.yml: skipped: a FIFO (named pipe), not a regular file\n"))
            let lint = try runBounded(["lint", "-R", "-f", "d"], directory: directory.url)
            #expect(lint.status == 0, "\(lint.stderr)")
            #expect(lint.stderr.contains("note: d/a.yaml: skipped: a FIFO (named pipe), not a regular file\n"))
            let json = try runBounded(["inject", "-f", "d", "--report", "json"], directory: directory.url)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: Any])
            let skipped = try #require(report["skipped"] as? [[String: String]])
            #expect(skipped.first == ["file": "d/a.yaml", "reason": "a FIFO (named pipe), not a regular file"])
        }
    }

    /// Links in a directory: one to a file is read under its own name, one that leads nowhere
    /// is skipped with a note, one to a folder is not walked with -R (a real folder is).
    @Test func linksInADirectoryAreFollowedToFilesOnly() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("target/t.yaml", "kind: ConfigMap\nmetadata:\n  name: t\n")
            try directory.write("d/a.yaml", configMap)
            try directory.write("d/real/r.yaml", "kind: ConfigMap\nmetadata:\n  name: r\n")
            let links = FileManager.default
            try links.createSymbolicLink(atPath: directory.path("d/b.yaml").path, withDestinationPath: "../target/t.yaml")
            try links.createSymbolicLink(atPath: directory.path("d/c.yaml").path, withDestinationPath: "../target/gone.yaml")
            try links.createSymbolicLink(atPath: directory.path("d/linked").path, withDestinationPath: "../target")
            let run = try runBounded(["inject", "-R", "-f", "d"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(String(decoding: run.stdout, as: UTF8.self) == configMap + "---\nkind: ConfigMap\nmetadata:\n  name: t\n---\nkind: ConfigMap\nmetadata:\n  name: r\n")
            #expect(run.stderr.contains("note: d/c.yaml: skipped: a symbolic link that cannot be followed (no such file or directory)\n"), "\(run.stderr)")
            #expect(!run.stderr.contains("linked"))
        }
    }

    @Test func aDirectoryWithOnlyAFIFOHasNoManifest() throws {
        try TemporaryDirectory.with { directory in
            try FileManager.default.createDirectory(at: directory.path("d"), withIntermediateDirectories: true)
            #expect(mkfifo(directory.path("d/a.yaml").path, 0o644) == 0)
            let run = try runBounded(["inject", "-R", "-f", "d"], directory: directory.url)
            #expect(run.status == 2)
            #expect(run.stderr == "error: d: no .yaml, .yml or .json file in this directory (1 skipped: not regular files)\n")
        }
    }

    @Test func aPipeOrStandardInputNamedWithFIsStillRead() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("a.yaml", configMap)
            if let bash = ToolRunner.which("bash") {
                let substituted = try ToolRunner.runProgram(bash, ["-c", "\"$0\" inject -f <(cat a.yaml)", ToolRunner.executable.path], directory: directory.url)
                #expect(substituted.status == 0, "\(substituted.stderr)")
                #expect(substituted.stdout == Array(configMap.utf8))
            }
            let named = try runBounded(["inject", "-f", "/dev/stdin"], stdin: Array(configMap.utf8))
            #expect(named.status == 0, "\(named.stderr)")
            #expect(named.stdout == Array(configMap.utf8))
            let bounded = try runBounded(["inject", "-f", "/dev/stdin", "--max-input-size", "10"], stdin: Array(configMap.utf8))
            #expect(bounded.status == 2)
            #expect(bounded.stderr.contains("/dev/stdin: larger than the maximum input size, 10 bytes"))
            let twice = try runBounded(["inject", "-f", "-", "-f", "/dev/stdin"], stdin: Array(configMap.utf8))
            #expect(twice.status == 2)
            #expect(twice.stderr == "error: /dev/stdin: standard input can be read only once\n")
        }
    }
}
