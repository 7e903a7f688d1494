import Foundation
import SpliceYAML
import Testing
import TestSupport

/// `-f` files, directories (`-R`) and standard input, and `-l` selection, as a user runs them.
@Suite struct InputModeTests {
    private let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test func severalFilesMakeOneValidStream() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("bom.yaml", ProjectPaths.injectFixture("byte-order-mark"))
            try directory.write("no-newline.yaml", ProjectPaths.injectFixture("no-final-newline"))
            try directory.write("bom-again.yaml", ProjectPaths.injectFixture("byte-order-mark"))
            try directory.write("multi.yaml", ProjectPaths.injectFixture("multi-document"))
            let run = try ToolRunner.run(
                ["inject", "-f", "bom.yaml", "-f", "no-newline.yaml", "-f", "bom-again.yaml", "-f", "multi.yaml"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            let withoutMark = Array(try ProjectPaths.injectFixture("byte-order-mark", "expected.yaml").dropFirst(3))
            let expected = try ProjectPaths.injectFixture("byte-order-mark", "expected.yaml") + Array("---\n".utf8)
                + ProjectPaths.injectFixture("no-final-newline", "expected.yaml") + Array("\n---\n".utf8)
                + withoutMark + Array("---\n".utf8) + ProjectPaths.injectFixture("multi-document", "expected.yaml")
            #expect(run.stdout == expected)
            #expect(run.stdout.starts(with: byteOrderMark))
            #expect(!Array(run.stdout.dropFirst(3)).contains(0xEF), "a byte-order mark only at the very start")
            let documents = try YAMLStream(parsing: run.stdout).documents
            #expect(documents.count == 1 + 1 + 1 + 3)
        }
    }

    @Test func aFileThatStartsWithItsOwnMarkerGetsNoSecond() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("a.yaml", "kind: ConfigMap\nmetadata:\n  name: a\n")
            try directory.write("b.yaml", "# Source: chart/templates/b.yaml\n---\nkind: ConfigMap\nmetadata:\n  name: b\n")
            try directory.write("c.yaml", "%YAML 1.1\n---\nkind: ConfigMap\nmetadata:\n  name: c\n")
            let run = try ToolRunner.run(["inject", "-f", "a.yaml", "-f", "b.yaml", "-f", "c.yaml"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.output == "kind: ConfigMap\nmetadata:\n  name: a\n# Source: chart/templates/b.yaml\n---\nkind: ConfigMap\nmetadata:\n  name: b\n...\n%YAML 1.1\n---\nkind: ConfigMap\nmetadata:\n  name: c\n")
            #expect(try YAMLStream(parsing: run.stdout).documents.count == 3)
        }
    }

    /// A folder with manifests at two depths and files that are not manifests.
    private func makeTree(_ directory: TemporaryDirectory) throws {
        let deployment = try ProjectPaths.injectFixture("no-annotations-no-env")
        try directory.write("tree/9-web.yaml", deployment)
        try directory.write("tree/10-api.yml", deployment)
        try directory.write("tree/config.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"from-json\"}}\n")
        try directory.write("tree/notes.txt", "kind: Deployment\nthis is not read\n")
        try directory.write("tree/README.md", "# not read\n")
        try directory.write("tree/.hidden.yaml", "kind: ConfigMap\nmetadata:\n  name: hidden\n")
        try directory.write("tree/sub/deep.yaml", "kind: ConfigMap\nmetadata:\n  name: deep\n")
    }

    @Test func aDirectoryGivesItsManifestFilesInSortedOrder() throws {
        try TemporaryDirectory.with { directory in
            try makeTree(directory)
            let run = try ToolRunner.run(["inject", "-f", "tree"], directory: directory.url)
            #expect(run.status == 0, "\(run.stderr)")
            let reported = run.stderr.split(separator: "\n").filter { $0.hasSuffix(") injected") }
            #expect(reported == ["deployment/plain (tree/10-api.yml) injected", "deployment/plain (tree/9-web.yaml) injected"])
            #expect(run.output.contains("from-json"))
            #expect(!run.output.contains("this is not read") && !run.output.contains("deep") && !run.output.contains("hidden"))
            let recursive = try ToolRunner.run(["inject", "-R", "-f", "tree/"], directory: directory.url)
            #expect(recursive.status == 0)
            #expect(recursive.output.hasPrefix(run.output))
            #expect(recursive.output.hasSuffix("---\nkind: ConfigMap\nmetadata:\n  name: deep\n"))
            #expect(try YAMLStream(parsing: recursive.stdout).documents.count == 4)
        }
    }

    @Test func aFileNamedExplicitlyIsReadWhateverItsName() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("manifest.txt", try ProjectPaths.injectFixture("no-annotations-no-env"))
            let run = try ToolRunner.run(["inject", "-f", "manifest.txt"], directory: directory.url)
            #expect(run.status == 0)
            #expect(run.stdout == (try ProjectPaths.injectFixture("no-annotations-no-env", "expected.yaml")))
            #expect(run.stderr.contains("(manifest.txt) injected"))
        }
    }

    @Test func aDirectoryWithoutManifestsExitsTwoAndNamesIt() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("only-sub/sub/a.yaml", "kind: ConfigMap\n")
            try directory.write("nothing/readme.txt", "no\n")
            let flat = try ToolRunner.run(["inject", "-f", "only-sub"], directory: directory.url)
            #expect(flat.status == 2)
            #expect(flat.stdout.isEmpty)
            #expect(flat.stderr == "error: only-sub: no .yaml, .yml or .json file in this directory (use -R to read its subdirectories)\n")
            #expect(try ToolRunner.run(["inject", "-R", "-f", "only-sub"], directory: directory.url).status == 0)
            let empty = try ToolRunner.run(["inject", "-R", "-f", "nothing"], directory: directory.url)
            #expect(empty.status == 2)
            #expect(empty.stderr == "error: nothing: no .yaml, .yml or .json file in this directory\n")
        }
    }

    @Test(.enabled(if: TemporaryDirectory.permissionsAreEnforced, "running as root: chmod 000 does not stop reading"))
    func anUnreadableFileExitsTwoAndNamesIt() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("secret.yaml", "kind: ConfigMap\n")
            chmod(file.path, 0)
            let run = try ToolRunner.run(["inject", "-f", "secret.yaml"], directory: directory.url)
            #expect(run.status == 2)
            #expect(run.stderr == "error: secret.yaml: permission denied\n")
        }
    }

    @Test func standardInputIsReadWithoutFilenameAsAHelmPostRenderer() throws {
        // What `helm template --post-renderer` pipes in: `---` and `# Source:` before each manifest.
        let deployment = String(decoding: try ProjectPaths.injectFixture("no-annotations-no-env"), as: UTF8.self)
        let rendered = "---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n"
            + "---\n# Source: shop/templates/deployment.yaml\n" + deployment
        let run = try ToolRunner.run(["inject"], stdin: Array(rendered.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let expected = String(decoding: try ProjectPaths.injectFixture("no-annotations-no-env", "expected.yaml"), as: UTF8.self)
        #expect(run.output == "---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n"
            + "---\n# Source: shop/templates/deployment.yaml\n" + expected)
        #expect(run.stderr.contains("deployment/plain (templates/deployment.yaml in chart shop) injected"), "the template, not the stream")
        #expect(try YAMLStream(parsing: run.stdout).documents.count == 2, "no document dropped or added")
        let asHelmRunsIt = try ToolRunner.run([], stdin: Array(rendered.utf8))
        #expect(asHelmRunsIt.status == 0, "inject is the default subcommand: \(asHelmRunsIt.stderr)")
        #expect(asHelmRunsIt.stdout == run.stdout)
    }

    @Test func standardInputCanBeNamedOnlyOnce() throws {
        let run = try ToolRunner.run(["inject", "-f", "-", "-f", "-"], stdin: Array("kind: ConfigMap\n".utf8))
        #expect(run.status == 2)
        #expect(run.stderr.contains("standard input can be read only once"))
    }

    @Test func aSelectorPicksTheWorkloadsToInject() throws {
        let deployment = String(decoding: try ProjectPaths.injectFixture("no-annotations-no-env"), as: UTF8.self)
        func labelled(_ name: String, _ labels: String) -> String {
            deployment.replacingOccurrences(of: "  name: plain\n  labels:\n    app: plain\n", with: "  name: \(name)\n  labels: {\(labels)}\n")
        }
        let stream = labelled("web", "app: web, tier: front") + "---\n" + labelled("db", "app: db")
        let run = try ToolRunner.run(["inject", "-l", "app=web", "-f", "-"], stdin: Array(stream.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("deployment/web (-) injected\n"))
        #expect(run.stderr.contains("deployment/db (-) skipped: not selected by the label selector app=web\n"))
        #expect(run.output.hasSuffix("---\n" + labelled("db", "app: db")), "the unselected workload is untouched")
        let set = try ToolRunner.run(["inject", "--selector", "app notin (web),!tier", "-f", "-"], stdin: Array(stream.utf8))
        #expect(set.stderr.contains("deployment/web (-) skipped: not selected by the label selector app notin (web),!tier\n"))
        #expect(set.stderr.contains("deployment/db (-) injected\n"))
        let bad = try ToolRunner.run(["inject", "-l", "app in (web", "-f", "-"], stdin: Array(stream.utf8))
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("missing ')' after the values of app"))
    }
}
