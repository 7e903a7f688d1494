import Foundation
import SpliceYAML
import Testing
import TestSupport

/// What a user installs: `version` and `--version`, `make install PREFIX=…`, the LICENSE, and
/// the krew manifest template against krew's own validation rules.
@Suite struct DistributionTests {
    /// The version number `version` prints on its first line.
    private func toolVersion() throws -> String {
        let run = try ToolRunner.run(["version"])
        let first = try #require(run.output.split(separator: "\n").first)
        return String(try #require(first.split(separator: " ").last))
    }

    @Test func versionPrintsTheVersionTheCommitAndTheSwiftVersion() throws {
        let run = try ToolRunner.run(["version"])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("kubectl-speedscale_istio ") == true)
        #expect(lines.dropFirst().first?.hasPrefix("commit: ") == true)
        let swift = try #require(lines.last)
        #expect(swift.range(of: #"^swift: 6\.\d$"#, options: .regularExpression) != nil, "\(swift)")
        let flag = try ToolRunner.run(["--version"])
        #expect(flag.stdout == run.stdout, "--version prints the same")
    }

    @Test(.enabled(if: ToolRunner.which("git") != nil && FileManager.default.fileExists(atPath: ProjectPaths.root.appendingPathComponent(".git").path),
                   "needs git and a git checkout"))
    func theCommitIsTheCheckoutsHead() throws {
        let git = try #require(ToolRunner.which("git"))
        let head = try ToolRunner.runProgram(git, ["rev-parse", "HEAD"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(head.count == 40)
        let run = try ToolRunner.run(["version"])
        #expect(run.output.contains("\ncommit: \(head)"), "\(run.output) (rebuild if HEAD moved since the build)")
    }

    /// Runs `Plugins/BuildInfo/build-info.sh` for a package laid out in `directory`, and
    /// returns the commit it records.
    private func recordedCommit(in directory: URL) throws -> String {
        let output = directory.appendingPathComponent("out/GeneratedBuildInfo.swift")
        let script = ProjectPaths.root.appendingPathComponent("Plugins/BuildInfo/build-info.sh")
        let run = try ToolRunner.runProgram(URL(fileURLWithPath: "/bin/sh"), [script.path, directory.path, output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: output, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.contains("static let commit") })
        return String(line.split(separator: "\"")[1])
    }

    @Test(.enabled(if: ToolRunner.which("git") != nil && ToolRunner.which("tar") != nil, "needs git and tar"))
    func theCommitIsRecordedInACheckoutAnArchiveAndNeitherOfThem() throws {
        let git = try #require(ToolRunner.which("git"))
        let tar = try #require(ToolRunner.which("tar"))
        try TemporaryDirectory.with { directory in
            let repository = directory.path("repository")
            try directory.write("repository/Plugins/BuildInfo/archive-commit", try ProjectPaths.bytes(
                ProjectPaths.root.appendingPathComponent("Plugins/BuildInfo/archive-commit")))
            try directory.write("repository/.gitattributes", try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent(".gitattributes")))
            let identity = ["-c", "user.name=test", "-c", "user.email=test@example.invalid"]
            for arguments in [["init", "-q"], ["add", "."], identity + ["commit", "-q", "-m", "one"]] {
                let run = try ToolRunner.runProgram(git, arguments, directory: repository)
                #expect(run.status == 0, "\(run.stderr)")
            }
            let head = try ToolRunner.runProgram(git, ["rev-parse", "HEAD"], directory: repository).output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try recordedCommit(in: repository) == head, "a checkout: HEAD")
            try FileManager.default.createDirectory(at: directory.path("tarball"), withIntermediateDirectories: true)
            let archive = try ToolRunner.runProgram(git, ["archive", "--format=tar", "-o", directory.path("source.tar").path, "HEAD"], directory: repository)
            #expect(archive.status == 0, "\(archive.stderr)")
            #expect(try ToolRunner.runProgram(tar, ["-xf", directory.path("source.tar").path, "-C", directory.path("tarball").path]).status == 0)
            #expect(try recordedCommit(in: directory.path("tarball")) == head, "a git archive: the commit export-subst wrote")
            try FileManager.default.createDirectory(at: directory.path("copy/Plugins/BuildInfo"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repository.appendingPathComponent("Plugins/BuildInfo/archive-commit"),
                                             to: directory.path("copy/Plugins/BuildInfo/archive-commit"))
            #expect(try recordedCommit(in: directory.path("copy")) == "unknown", "a plain copy: unknown")
        }
    }

    @Test(.enabled(if: ToolRunner.which("make") != nil, "make is not installed"))
    func makeInstallPutsBothExecutablesAndTheScriptsUnderThePrefix() throws {
        let make = try #require(ToolRunner.which("make"))
        try TemporaryDirectory.with { directory in
            let prefix = directory.path("prefix")
            // The tests' own build stands in for the release build (-o build: do not rebuild).
            let binPath = ToolRunner.executable.deletingLastPathComponent().path
            let run = try ToolRunner.runProgram(make, ["-s", "-o", "build", "install", "PREFIX=\(prefix.path)", "BINPATH=\(binPath)"])
            #expect(run.status == 0, "\(run.stderr)")
            let files = directory.listing().filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: directory.path(name).path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
            #expect(files == [
                "prefix/bin/kubectl-speedscale_istio",
                "prefix/bin/kubectl_complete-speedscale_istio",
                "prefix/share/bash-completion/completions/kubectl-speedscale_istio",
                "prefix/share/fish/vendor_completions.d/kubectl-speedscale_istio.fish",
                "prefix/share/zsh/site-functions/_kubectl-speedscale_istio",
            ])
            #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/kubectl_complete-speedscale_istio").path))
            let installed = try ToolRunner.runProgram(prefix.appendingPathComponent("bin/kubectl-speedscale_istio"), ["version"])
            #expect(installed.stdout == (try ToolRunner.run(["version"])).stdout)
            if let kubectl = ToolRunner.which("kubectl") {
                let path = prefix.appendingPathComponent("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
                let environment = ["PATH": path, "KUBECONFIG": directory.path("none").path]
                let version = try ToolRunner.runProgram(kubectl, ["speedscale-istio", "version"], environment: environment)
                #expect(version.stdout == installed.stdout)
                let completion = try ToolRunner.runProgram(kubectl, ["__complete", "speedscale-istio", "ver"], environment: environment)
                #expect(completion.output.hasPrefix("version\t"), "\(completion.output)")
            }
            let uninstall = try ToolRunner.runProgram(make, ["-s", "uninstall", "PREFIX=\(prefix.path)"])
            #expect(uninstall.status == 0)
            #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("bin/kubectl-speedscale_istio").path))
        }
    }

    @Test(.enabled(if: ToolRunner.which("make") != nil, "make is not installed"))
    func makeLinksStaticallyOnLinuxWhenLibyamlsArchiveIsThere() throws {
        let make = try #require(ToolRunner.which("make"))
        let run = try ToolRunner.runProgram(make, ["-s", "static-flags"], directory: ProjectPaths.root)
        #expect(run.status == 0)
        let flags = run.output.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        #if os(Linux)
        #expect(flags.contains("--static-swift-stdlib"))
        let libdir = try ToolRunner.which("pkg-config").map { try ToolRunner.runProgram($0, ["--variable=libdir", "yaml-0.1"]).output }
        let archive = libdir.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) + "/libyaml.a" }
        #expect(flags.contains("-static-executable") == archive.map { FileManager.default.fileExists(atPath: $0) } ?? false)
        #else
        #expect(flags.allSatisfy(\.isEmpty), "no static linking outside Linux")
        #endif
    }

    @Test func theLicenseIsApache2() throws {
        let text = String(decoding: try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent("LICENSE")), as: UTF8.self)
        #expect(text.contains("Apache License\n                           Version 2.0, January 2004"))
        #expect(text.contains("END OF TERMS AND CONDITIONS"))
    }

    /// `.krew.yaml` with the release bot's placeholders filled as it would fill them.
    private func renderedKrewManifest(tag: String) throws -> YAMLNode {
        var lines: [String] = []
        let template = String(decoding: try ProjectPaths.bytes(ProjectPaths.root.appendingPathComponent(".krew.yaml")), as: UTF8.self)
        for line in template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let filled = line.replacingOccurrences(of: "{{ .TagName }}", with: tag)
            guard let start = filled.range(of: "{{ addURIAndSha \""), let end = filled.range(of: "\" .TagName }}") else {
                lines.append(filled)
                continue
            }
            let indentation = String(filled[..<start.lowerBound])
            lines.append(indentation + "uri: " + filled[start.upperBound..<end.lowerBound])
            lines.append(indentation + "sha256: " + String(repeating: "0123456789abcdef", count: 4))
        }
        let stream = try YAMLStream(parsing: lines.joined(separator: "\n"))
        return try #require(stream.documents.first?.root)
    }

    @Test func theKrewManifestHasEveryFieldKrewRequires() throws {
        let version = try toolVersion()
        let manifest = try renderedKrewManifest(tag: "v" + version)
        // The rules of krew's ValidatePlugin and validatePlatform.
        #expect(manifest.string(at: ["apiVersion"]) == "krew.googlecontainertools.github.com/v1alpha2")
        #expect(manifest.string(at: ["kind"]) == "Plugin")
        let name = try #require(manifest.string(at: ["metadata", "name"]))
        #expect(name == "speedscale-istio", "kubectl speedscale-istio")
        #expect(name.range(of: #"^[\w-]+$"#, options: .regularExpression) != nil)
        #expect(!(manifest.string(at: ["spec", "shortDescription"]) ?? "").isEmpty)
        #expect(manifest.string(at: ["spec", "version"]) == "v" + version)
        #expect(("v" + version).range(of: #"^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"#, options: .regularExpression) != nil)
        #expect(manifest.string(at: ["spec", "homepage"])?.hasPrefix("https://") == true)
        let platforms = try #require(manifest.lookup(["spec", "platforms"])?.items)
        #expect(platforms.count == 4)
        var selected: [String] = []
        for platform in platforms {
            let uri = try #require(platform.string(at: ["uri"]))
            #expect(uri.hasPrefix("https://") && uri.contains("/v\(version)/") && uri.hasSuffix(".tar.gz"), "\(uri)")
            #expect(platform.string(at: ["sha256"])?.range(of: "^[a-f0-9]{64}$", options: .regularExpression) != nil)
            #expect(platform.string(at: ["bin"]) == "kubectl-speedscale_istio")
            let labels = try #require(platform.lookup(["selector", "matchLabels"]))
            #expect(Set(labels.stringEntries.map(\.key)).isSubset(of: ["os", "arch"]) && !labels.stringEntries.isEmpty)
            let os = labels.string(at: ["os"]) ?? "", arch = labels.string(at: ["arch"]) ?? ""
            selected.append("\(os)/\(arch)")
            #expect(uri.hasSuffix("kubectl-speedscale_istio-\(os)-\(arch).tar.gz"), "the archive `make dist` names for \(os)/\(arch)")
            let files = try #require(platform.lookup(["files"])?.items)
            #expect(!files.isEmpty)
            for file in files {
                #expect(!(file.string(at: ["from"]) ?? "").isEmpty && !(file.string(at: ["to"]) ?? "").isEmpty)
            }
            #expect(Set(files.compactMap { $0.string(at: ["from"]) }) == ["kubectl-speedscale_istio", "kubectl_complete-speedscale_istio", "LICENSE"])
        }
        #expect(selected == ["linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64"])
    }
}
