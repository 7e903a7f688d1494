import Foundation
import Testing
import TestSupport

/// `-i`: only changed files rewritten, atomically, mode and links kept, all or nothing.
@Suite struct InPlaceTests {
    private func attributes(_ url: URL) throws -> [FileAttributeKey: Any] {
        try FileManager.default.attributesOfItem(atPath: url.path)
    }

    private func inode(_ url: URL) throws -> Int {
        try #require((try attributes(url))[.systemFileNumber] as? Int)
    }

    @Test func onlyChangedFilesAreRewrittenAndKeepTheirMode() throws {
        try TemporaryDirectory.with { directory in
            let changed = try directory.write("changed.yaml", ProjectPaths.injectFixture("crlf"))
            let unchanged = try directory.write("unchanged.yaml", ProjectPaths.injectFixture("already-injected"))
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: changed.path)
            let unchangedInode = try inode(unchanged)
            let changedInode = try inode(changed)
            let run = try ToolRunner.run(["inject", "-i", "-f", "changed.yaml", "-f", "unchanged.yaml"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.isEmpty, "nothing on standard output with -i")
            #expect(try directory.bytes("changed.yaml") == ProjectPaths.injectFixture("crlf", "expected.yaml"))
            #expect(try directory.bytes("unchanged.yaml") == ProjectPaths.injectFixture("already-injected"))
            #expect(try inode(unchanged) == unchangedInode, "an unchanged file is not rewritten")
            #expect(try inode(changed) != changedInode, "a changed file is replaced by a rename")
            #expect((try attributes(changed))[.posixPermissions] as? Int == 0o640)
            #expect(directory.listing() == ["changed.yaml", "unchanged.yaml"], "no temporary file left")
            #expect(run.stderr.hasSuffix("; 1 file rewritten\n"), "\(run.stderr)")
        }
    }

    @Test func aSymbolicLinkIsKeptAndItsTargetWritten() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("real/target.yaml", ProjectPaths.injectFixture("no-annotations-no-env"))
            try FileManager.default.createDirectory(at: directory.path("links"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: directory.path("links/link.yaml").path, withDestinationPath: "../real/target.yaml")
            let run = try ToolRunner.run(["inject", "-i", "-f", "links/link.yaml"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            #expect((try attributes(directory.path("links/link.yaml")))[.type] as? FileAttributeType == .typeSymbolicLink)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path("links/link.yaml").path) == "../real/target.yaml")
            #expect(try directory.bytes("real/target.yaml") == ProjectPaths.injectFixture("no-annotations-no-env", "expected.yaml"))
            #expect(directory.listing() == ["links", "links/link.yaml", "real", "real/target.yaml"])
        }
    }

    @Test func aFailedWorkloadRewritesNoFileUnlessSkipFailed() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("good.yaml", ProjectPaths.injectFixture("no-annotations-no-env"))
            try directory.write("bad.yaml", ProjectPaths.injectFixture("socks5-tls-options"))  // two ports: fails without --proxy-port
            let run = try ToolRunner.run(["inject", "-i", "-f", "good.yaml", "-f", "bad.yaml"], directory: directory.url)
            #expect(run.status == 1)
            #expect(run.stderr.contains("(bad.yaml:1) failed: "))
            #expect(run.stderr.contains("error: 1 object could not be injected; nothing was written"))
            #expect(try directory.bytes("good.yaml") == ProjectPaths.injectFixture("no-annotations-no-env"))
            let skipping = try ToolRunner.run(["inject", "-i", "--skip-failed", "-f", "good.yaml", "-f", "bad.yaml"], directory: directory.url)
            #expect(skipping.status == 0)
            #expect(try directory.bytes("good.yaml") == ProjectPaths.injectFixture("no-annotations-no-env", "expected.yaml"))
            #expect(try directory.bytes("bad.yaml") == ProjectPaths.injectFixture("socks5-tls-options"))
        }
    }

    /// Two changed files; the second cannot be written. Both must stay as they were, with no
    /// temporary file left behind.
    private func expectNothingChanged(_ run: ToolRun, _ directory: TemporaryDirectory, before: [String: [UInt8]], listing: [String]) throws {
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no file was changed"), "\(run.stderr)")
        for (name, bytes) in before {
            #expect(try directory.bytes(name) == bytes, "\(name) changed")
        }
        #expect(directory.listing() == listing, "a temporary file was left behind")
    }

    @Test(.enabled(if: TemporaryDirectory.permissionsAreEnforced, "running as root: chmod cannot make a directory read-only"))
    func aReadOnlyDirectoryMidwayLeavesEveryFileByteIdentical() throws {
        try TemporaryDirectory.with { directory in
            let before = ["open/one.yaml": try ProjectPaths.injectFixture("crlf"), "locked/two.yaml": try ProjectPaths.injectFixture("no-annotations-no-env")]
            for (name, bytes) in before { try directory.write(name, bytes) }
            chmod(directory.path("locked").path, 0o555)
            defer { chmod(directory.path("locked").path, 0o755) }
            let listing = directory.listing()
            let run = try ToolRunner.run(["inject", "-i", "-f", "open/one.yaml", "-f", "locked/two.yaml"], directory: directory.url)
            try expectNothingChanged(run, directory, before: before, listing: listing)
            #expect(run.stderr.contains("locked/two.yaml: cannot create a temporary file in "), "\(run.stderr)")
            #expect(run.stderr.contains("permission denied"))
        }
    }

    @Test(.enabled(if: ToolRunner.which("prlimit") != nil, "prlimit (util-linux) is not installed"))
    func aWriteThatFailsMidwayLeavesEveryFileByteIdentical() throws {
        // A file size limit makes the second, larger temporary file fail with EFBIG, as a full disk would; root included.
        let prlimit = try #require(ToolRunner.which("prlimit"))
        try TemporaryDirectory.with { directory in
            let padding = String(repeating: "# " + String(repeating: "x", count: 100) + "\n", count: 60)
            let large = try ProjectPaths.injectFixture("no-annotations-no-env") + Array(padding.utf8)
            let before = ["a/small.yaml": try ProjectPaths.injectFixture("crlf"), "b/large.yaml": large]
            for (name, bytes) in before { try directory.write(name, bytes) }
            let listing = directory.listing()
            let run = try ToolRunner.runProgram(
                prlimit, ["--fsize=4096", "--", ToolRunner.executable.path, "inject", "-i", "-f", "a/small.yaml", "-f", "b/large.yaml"],
                directory: directory.url)
            try expectNothingChanged(run, directory, before: before, listing: listing)
            #expect(run.stderr.contains("b/large.yaml: cannot write a temporary file in "), "\(run.stderr)")
            #expect(run.stderr.contains("file too large"))
        }
    }

    @Test func standardInputCannotBeRewritten() throws {
        let run = try ToolRunner.run(["inject", "-i", "-f", "-"], stdin: Array("kind: ConfigMap\n".utf8))
        #expect(run.status == 2)
        #expect(run.stderr == "error: -: standard input cannot be rewritten in place; name the files to rewrite with -f, or leave out --in-place\n")
        let implicit = try ToolRunner.run(["inject", "-i"], stdin: Array("kind: ConfigMap\n".utf8))
        #expect(implicit.status == 2)
        #expect(implicit.stderr.contains("--in-place needs files to rewrite"))
    }
}
