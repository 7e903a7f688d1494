import Foundation
import SpeedscaleIstio
import SpliceYAML
import Testing

/// `.speedscale-istio.yaml`: what it sets, and errors with their position.
@Suite struct LintConfigurationTests {
    private func parse(_ text: String) throws(ConfigurationError) -> LintConfiguration { try ConfigurationText.parse(text) }

    private func error(_ text: String) -> String { ConfigurationText.error(text) }

    @Test func rulesIgnorePathsAndSettingsAreRead() throws {
        let configuration = try parse("""
            rules:
              IST014: off
              ss012: error
              ENV006: on
            ignorePaths: ["charts/**", "*.golden"]
            settings:
              speedscaleNamespace: capture
              registryOnly: true
              assumeTLSOut: true
              meshedByDefault: false
              egressExclusions: true
              istioCNI: true
              forwarderPort: 8081
              rootNamespace: istio-config
              inMeshCallers: true
            """)
        #expect(!configuration.isEnabled("IST014"))
        #expect(configuration.severity(of: "SS012", chosen: .warning) == .error)
        #expect(configuration.severity(of: "ENV006", chosen: .warning) == .warning)
        #expect(configuration.ignorePaths == [PathGlob("charts/**"), PathGlob("*.golden")])
        var expected = RuleSettings()
        expected.speedscaleNamespace = "capture"
        expected.registryOnly = true
        expected.assumeTLSOut = true
        expected.meshedByDefault = false
        expected.egressExclusions = true
        expected.istioCNI = true
        expected.forwarderPort = 8081
        expected.rootNamespace = "istio-config"
        expected.inMeshCallers = true
        #expect(configuration.settings == expected)
    }

    @Test func anEmptyFileIsTheDefaults() throws {
        #expect(try parse("# nothing yet\n") == LintConfiguration())
    }

    @Test func errorsCarryFileLineAndColumn() {
        #expect(error("rulez:\n  SS001: off\n") == "c.yaml:1:1: unknown key \"rulez\" in configuration; did you mean \"rules\"?")
        #expect(error("rules:\n  SS999: off\n") == "c.yaml:2:3: unknown rule \"SS999\"; did you mean SS009? (see lint --list-rules)")
        #expect(error("rules:\n  SS001: loud\n") == "c.yaml:2:10: rule SS001 is \"loud\"; use one of off, on, error, warning, info")
        #expect(error("settings:\n  registryOnly: maybe\n") == "c.yaml:2:17: registryOnly must be true or false, not \"maybe\"")
        #expect(error("settings:\n  istioCNI: yes\n") == "c.yaml:2:13: istioCNI must be true or false, not \"yes\"")
        #expect(error("settings:\n  istioCni: true\n") == "c.yaml:2:3: unknown key \"istioCni\" in settings; did you mean \"istioCNI\"?")
        #expect(error("settings:\n  speedscaleNamespace: Speed_Scale\n") == "c.yaml:2:24: speedscaleNamespace \"Speed_Scale\" is not a namespace name")
        #expect(error("settings:\n  forwarderPort: 70000\n") == "c.yaml:2:18: forwarderPort must be a port number (1-65535), not \"70000\"")
        #expect(error("settings:\n  forwarderPort: [80]\n") == "c.yaml:2:18: forwarderPort must be a single value")
        #expect(error("settings:\n  rootNamespace: Istio_System\n") == "c.yaml:2:18: rootNamespace \"Istio_System\" is not a namespace name")
        #expect(error("settings:\n  inMeshCallers: often\n") == "c.yaml:2:18: inMeshCallers must be true or false, not \"often\"")
        #expect(error("ignorePaths: vendor\n") == "c.yaml:1:14: ignorePaths must be a list")
        #expect(error("- rules\n") == "c.yaml:1:1: the configuration must be a mapping of rules, ignorePaths, settings and inject")
        #expect(error("rules: [\n") .hasPrefix("c.yaml:2:1: "))
    }

    @Test func ignorePathsMatchThePathAsGivenOrBelowTheConfigFolder() {
        var configuration = LintConfiguration()
        configuration.ignorePaths = [PathGlob("vendor/**"), PathGlob("**/*.golden")]
        configuration.baseDirectory = "/repo"
        #expect(configuration.ignores("vendor/a/b.yaml"))
        #expect(configuration.ignores("./vendor/b.yaml"))
        #expect(configuration.ignores("/repo/vendor/b.yaml"))
        #expect(configuration.ignores("x.golden"))
        #expect(configuration.ignores("deep/er/x.golden"))
        #expect(!configuration.ignores("app/vendor.yaml"))
        #expect(!configuration.ignores("-"))
    }

    @Test func globsFollowPathSegments() {
        #expect(PathGlob("*.yaml").matches("a.yaml"))
        #expect(!PathGlob("*.yaml").matches("dir/a.yaml"))
        #expect(PathGlob("dir/**").matches("dir/a/b/c.yaml"))
        #expect(PathGlob("**/test/*.yml").matches("test/x.yml"))
        #expect(PathGlob("**/test/*.yml").matches("a/b/test/x.yml"))
        #expect(PathGlob("a?c/*").matches("abc/d"))
        #expect(!PathGlob("a?c/*").matches("a/c/d"))
    }

    @Test func theFileIsFoundInTheWorkingDirectoryOrTheGitRoot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ConfigurationLocator.find(from: nested.path) == nil)
        try Data().write(to: root.appendingPathComponent(".git"))
        try Data("rules:\n  SS001: off\n".utf8).write(to: root.appendingPathComponent(ConfigurationLocator.fileName))
        let found = try #require(ConfigurationLocator.find(from: nested.path))
        #expect(found.hasSuffix("/\(ConfigurationLocator.fileName)"))
        #expect(try !ConfigurationLocator.load(found).isEnabled("SS001"))
        try Data("rules:\n  SS002: off\n".utf8).write(to: nested.appendingPathComponent(ConfigurationLocator.fileName))
        #expect(ConfigurationLocator.find(from: nested.path) == nested.appendingPathComponent(ConfigurationLocator.fileName).path)
    }
}
