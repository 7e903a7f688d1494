import Foundation
import Testing
import TestSupport

/// `--exclude GLOB` on inject, uninject and lint: what is passed over in `-f` directories.
@Suite struct ExcludeTests {
    /// A tree of ConfigMaps, each named after its path, so the output tells which files were read.
    private func makeTree(_ directory: TemporaryDirectory) throws {
        for path in ["app.yaml", "app_test.yaml", "charts/x/deploy.yaml", "overlays/prod/secret.yaml", "overlays/prod/deploy.yaml",
                     "sub/app.yaml", "sub/charts.yaml"] {
            try directory.write("k8s/" + path, "kind: ConfigMap\nmetadata:\n  name: \(path)\n")
        }
    }

    /// The ConfigMap names in a run's output, in order.
    private func names(_ run: ToolRun) -> [String] {
        run.output.split(separator: "\n").filter { $0.hasPrefix("  name: ") }.map { String($0.dropFirst("  name: ".count)) }
    }

    private func read(_ excludes: [String], _ directory: TemporaryDirectory, subcommand: String = "inject") throws -> [String] {
        let run = try ToolRunner.run([subcommand, "-R", "-f", "k8s"] + excludes.flatMap { ["--exclude", $0] }, directory: directory.url)
        #expect(run.status == 0, "\(run.stderr)")
        return names(run)
    }

    @Test func patternsFollowTheRulesOfGitignore() throws {
        try TemporaryDirectory.with { directory in
            try makeTree(directory)
            let everything = ["app.yaml", "app_test.yaml", "charts/x/deploy.yaml", "overlays/prod/deploy.yaml", "overlays/prod/secret.yaml",
                              "sub/app.yaml", "sub/charts.yaml"]
            #expect(try read([], directory) == everything)
            #expect(try read(["*_test.yaml"], directory) == everything.filter { $0 != "app_test.yaml" }, "a name at any depth")
            #expect(try read(["charts"], directory) == everything.filter { !$0.hasPrefix("charts/") }, "a folder name; charts.yaml stays")
            #expect(try read(["overlays/*/secret.yaml"], directory) == everything.filter { $0 != "overlays/prod/secret.yaml" }, "a path from the -f directory")
            #expect(try read(["k8s/charts/**"], directory) == everything.filter { !$0.hasPrefix("charts/") }, "a path as the report shows it")
            #expect(try read(["/app.yaml"], directory) == everything.filter { $0 != "app.yaml" }, "anchored: sub/app.yaml stays")
            #expect(try read(["app.yaml"], directory) == everything.filter { !$0.hasSuffix("/app.yaml") && $0 != "app.yaml" })
            #expect(try read(["deploy.yaml/"], directory) == everything, "a trailing / matches folders only")
            #expect(try read(["*_test.yaml", "overlays"], directory) == ["app.yaml", "charts/x/deploy.yaml", "sub/app.yaml", "sub/charts.yaml"], "repeatable")
        }
    }

    @Test func aFileNamedWithFIsReadEvenWhenItMatches() throws {
        try TemporaryDirectory.with { directory in
            try makeTree(directory)
            let run = try ToolRunner.run(["inject", "-f", "k8s/app_test.yaml", "--exclude", "*_test.yaml"], directory: directory.url)
            #expect(run.status == 0)
            #expect(names(run) == ["app_test.yaml"])
        }
    }

    @Test func uninjectAndLintTakeItToo() throws {
        try TemporaryDirectory.with { directory in
            try makeTree(directory)
            #expect(try read(["charts", "overlays", "sub"], directory, subcommand: "uninject") == ["app.yaml", "app_test.yaml"])
            // A file with an error finding, excluded, no longer fails lint.
            try directory.write("k8s/bad/deploy.yaml", ProjectPaths.injectFixture("no-annotations-no-env"))
            try directory.write("k8s/bad/annotated.yaml", """
                kind: Deployment
                apiVersion: apps/v1
                metadata: {name: bad, annotations: {sidecar.speedscale.com/inject: "yes"}}
                spec: {template: {spec: {containers: [{name: app, image: app}]}}}

                """)
            let failing = try ToolRunner.run(["lint", "-R", "-f", "k8s"], directory: directory.url)
            #expect(failing.status == 1, "\(failing.output)")
            let excluded = try ToolRunner.run(["lint", "-R", "-f", "k8s", "--exclude", "bad/"], directory: directory.url)
            #expect(excluded.status == 0, "\(excluded.output)")
            #expect(!excluded.output.contains("annotated.yaml"))
        }
    }

    @Test func aDirectoryWhoseManifestsAreAllExcludedSaysSo() throws {
        try TemporaryDirectory.with { directory in
            try makeTree(directory)
            let run = try ToolRunner.run(["inject", "-R", "-f", "k8s", "--exclude", "*.yaml"], directory: directory.url)
            #expect(run.status == 2)
            #expect(run.stderr == "error: k8s: no .yaml, .yml or .json file in this directory (some entries are excluded by --exclude)\n")
        }
    }
}
