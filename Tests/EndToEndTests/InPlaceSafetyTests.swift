import Foundation
import Testing
import TestSupport

/// `-i` keeps what the file was (owner, group, mode, extended attributes), refuses to break hard
/// links or to replace what is not a regular file, and changes nothing when it refuses.
@Suite struct InPlaceSafetyTests {
    private let input: () throws -> [UInt8] = { try ProjectPaths.injectFixture("no-annotations-no-env") }
    private let expected: () throws -> [UInt8] = { try ProjectPaths.injectFixture("no-annotations-no-env", "expected.yaml") }

    private func status(_ url: URL) -> stat {
        var info = stat()
        stat(url.path, &info)
        return info
    }

    /// Runs the tool under `timeout`, so a regression that opens a FIFO and waits fails instead of hanging.
    private func runBounded(_ arguments: [String], directory: URL) throws -> ToolRun {
        guard let timeout = ToolRunner.which("timeout") else { return try ToolRunner.run(arguments, directory: directory) }
        return try ToolRunner.runProgram(timeout, ["60", ToolRunner.executable.path] + arguments, directory: directory)
    }

    @Test func aHardLinkedFileIsRefusedUnlessLinksMayBeBroken() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("a.yaml", input())
            #expect(link(file.path, directory.path("b.yaml").path) == 0)
            let refused = try ToolRunner.run(["inject", "-i", "-f", "a.yaml"], directory: directory.url)
            #expect(refused.status == 2)
            #expect(refused.stderr.hasSuffix(
                "error: a.yaml: has 2 hard links; replacing it would leave the other names with the old content (use --break-hardlinks to rewrite it anyway); no file was changed\n"),
                "\(refused.stderr)")
            #expect(refused.stderr.contains("deployment/plain (a.yaml) would be injected"))
            #expect(try directory.bytes("a.yaml") == input())
            #expect(status(file).st_nlink == 2)
            #expect(directory.listing() == ["a.yaml", "b.yaml"])

            let broken = try ToolRunner.run(["inject", "-i", "--break-hardlinks", "-f", "a.yaml"], directory: directory.url)
            #expect(broken.status == 0, "\(broken.stderr)")
            #expect(try directory.bytes("a.yaml") == expected())
            #expect(try directory.bytes("b.yaml") == input(), "the other name keeps the old content")
            #expect(status(file).st_nlink == 1)

            let unused = try ToolRunner.run(["inject", "--break-hardlinks", "-f", "a.yaml"], directory: directory.url)
            #expect(unused.status == 2)
            #expect(unused.stderr.contains("--break-hardlinks applies only to --in-place"))
        }
    }

    @Test func anUnchangedHardLinkedFileIsNotRefused() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("a.yaml", expected())
            #expect(link(file.path, directory.path("b.yaml").path) == 0)
            let run = try ToolRunner.run(["inject", "-i", "-f", "a.yaml"], directory: directory.url)
            #expect(run.status == 0, "nothing to replace: \(run.stderr)")
            #expect(status(file).st_nlink == 2)
        }
    }

    @Test func aFIFOIsRefusedAndStaysAFIFO() throws {
        try TemporaryDirectory.with { directory in
            #expect(mkfifo(directory.path("pipe.yaml").path, 0o644) == 0)
            let run = try runBounded(["inject", "-i", "-f", "pipe.yaml"], directory: directory.url)
            #expect(run.status == 2)
            #expect(run.stderr == "error: pipe.yaml: a FIFO (named pipe), not a regular file: only regular files can be rewritten in place\n")
            #expect(status(directory.path("pipe.yaml")).st_mode & S_IFMT == S_IFIFO)
            // In a directory, it is skipped and the regular files are rewritten.
            try FileManager.default.createDirectory(at: directory.path("d"), withIntermediateDirectories: true)
            #expect(mkfifo(directory.path("d/pipe.yaml").path, 0o644) == 0)
            try directory.write("d/real.yaml", input())
            let tree = try runBounded(["inject", "-i", "-R", "-f", "d"], directory: directory.url)
            #expect(tree.status == 0, "\(tree.stderr)")
            #expect(tree.stderr.contains("note: d/pipe.yaml: skipped: a FIFO (named pipe), not a regular file\n"))
            #expect(try directory.bytes("d/real.yaml") == expected())
            #expect(status(directory.path("d/pipe.yaml")).st_mode & S_IFMT == S_IFIFO)
        }
    }

    @Test(.enabled(if: geteuid() == 0, "changing a file's owner needs root"))
    func ownerGroupAndModeAreKept() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("a.yaml", input())
            #expect(chown(file.path, 1234, 5678) == 0)
            #expect(chmod(file.path, 0o2640) == 0)
            let before = status(file)
            let run = try ToolRunner.run(["inject", "-i", "-f", "a.yaml"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            let after = status(file)
            #expect(after.st_ino != before.st_ino, "replaced by a rename")
            #expect(after.st_uid == 1234)
            #expect(after.st_gid == 5678)
            #expect(after.st_mode & 0o7777 == 0o2640)
            #expect(try directory.bytes("a.yaml") == expected())
        }
    }

    @Test(.enabled(if: geteuid() == 0 && ToolRunner.which("setpriv") != nil, "needs root and setpriv to run the tool as another user"))
    func aFileThatWouldChangeOwnerIsRefused() throws {
        let setpriv = try #require(ToolRunner.which("setpriv"))
        try TemporaryDirectory.with { directory in
            // Owned by root, writable by all, in a directory writable by all: nobody can replace it,
            // but only with a file nobody owns.
            let file = try directory.write("a.yaml", input())
            #expect(chmod(file.path, 0o666) == 0)
            #expect(chmod(directory.url.path, 0o777) == 0)
            let run = try ToolRunner.runProgram(
                setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", ToolRunner.executable.path, "inject", "-i", "-f", "a.yaml"],
                directory: directory.url)
            #expect(run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains("error: a.yaml: cannot keep its owner and group (uid 0, gid 0): operation not permitted; no file was changed"), "\(run.stderr)")
            #expect(try directory.bytes("a.yaml") == input())
            #expect(status(file).st_uid == 0)
            #expect(directory.listing() == ["a.yaml"], "no temporary file left")
        }
    }

    /// Sets, or reads, an extended attribute with python3's `os.setxattr` / `os.getxattr` (the system calls).
    private func attribute(_ file: URL, set value: String? = nil) throws -> String? {
        guard let python = ToolRunner.which("python3") else { return nil }
        let script = value == nil
            ? "import os, sys; sys.stdout.write(os.getxattr(sys.argv[1], 'user.speedscale-test').decode())"
            : "import os, sys; os.setxattr(sys.argv[1], 'user.speedscale-test', sys.argv[2].encode())"
        let run = try ToolRunner.runProgram(python, ["-c", script, file.path] + (value.map { [$0] } ?? []))
        return run.status == 0 ? run.output : nil
    }

    @Test func extendedAttributesAreKept() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("a.yaml", input())
            guard try attribute(file, set: "kept") != nil else {
                print("skipped: python3 is missing or this file system has no user extended attributes")
                return
            }
            let run = try ToolRunner.run(["inject", "-i", "-f", "a.yaml"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try directory.bytes("a.yaml") == expected())
            #expect(try attribute(file) == "kept")
        }
    }
}
