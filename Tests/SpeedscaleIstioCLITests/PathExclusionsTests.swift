@testable import SpeedscaleIstioCLI
import Testing

/// `--exclude`: names at any depth, paths from the `-f` directory or as shown, folders only with
/// a trailing `/`, anchored with a leading `/` or `./`.
@Suite struct PathExclusionsTests {
    /// Whether `patterns` exclude the file (or folder) at `relative` inside `-f k8s`.
    private func excluded(_ patterns: [String], _ relative: String, folder: Bool = false) -> Bool {
        PathExclusions(patterns).excludes(relativePath: relative, displayPath: "k8s/" + relative, isFolder: folder)
    }

    @Test func aPatternWithoutSlashMatchesANameAtAnyDepth() {
        #expect(excluded(["*_test.yaml"], "app_test.yaml"))
        #expect(excluded(["*_test.yaml"], "a/b/app_test.yaml"))
        #expect(!excluded(["*_test.yaml"], "app.yaml"))
        #expect(excluded(["charts"], "a/charts", folder: true))
        #expect(!excluded(["charts"], "a/charts.yaml"))
        #expect(excluded(["?.yaml"], "deep/x.yaml"))
        #expect(!excluded(["?.yaml"], "deep/xy.yaml"))
    }

    @Test func aPatternWithSlashMatchesThePathFromTheDirectoryOrAsShown() {
        #expect(excluded(["overlays/*/secret.yaml"], "overlays/prod/secret.yaml"))
        #expect(!excluded(["overlays/*/secret.yaml"], "overlays/prod/deep/secret.yaml"), "* stays within one folder")
        #expect(excluded(["overlays/**/secret.yaml"], "overlays/prod/deep/secret.yaml"))
        #expect(excluded(["overlays/**/secret.yaml"], "overlays/secret.yaml"), "**/ also matches no folder")
        #expect(!excluded(["overlays/*/secret.yaml"], "base/overlays/prod/secret.yaml"), "anchored at the -f directory")
        #expect(excluded(["k8s/charts/**"], "charts/x/deploy.yaml"), "the path as shown")
        #expect(excluded(["**/secret.yaml"], "a/b/secret.yaml"))
    }

    @Test func aFolderPatternExcludesTheFolderItself() {
        #expect(excluded(["charts/**"], "charts", folder: true))
        #expect(excluded(["charts/*"], "charts", folder: true))
        #expect(!excluded(["charts/**"], "charts.yaml"))
    }

    @Test func aTrailingSlashMatchesFoldersOnly() {
        #expect(excluded(["generated/"], "x/generated", folder: true))
        #expect(!excluded(["generated.yaml/"], "generated.yaml"))
        #expect(excluded(["generated.yaml"], "generated.yaml"))
    }

    @Test func aLeadingSlashOrDotSlashAnchorsAtTheDirectory() {
        #expect(excluded(["/app.yaml"], "app.yaml"))
        #expect(!excluded(["/app.yaml"], "sub/app.yaml"))
        #expect(excluded(["./sub/app.yaml"], "sub/app.yaml"))
        #expect(!excluded(["/k8s/app.yaml"], "app.yaml"), "an anchored pattern is not matched against the path as shown")
    }

    @Test func emptyPatternsExcludeNothing() {
        #expect(PathExclusions(["", "/", "./"]).isEmpty)
        #expect(!excluded([""], "app.yaml"))
    }
}
