/// A manifest that shows a rule at work, kept with the rule as SwiftLint keeps its examples.
/// In a triggering example each `↓` marks where a finding must point (the marker is removed
/// before the manifest is linted).
public struct RuleExample: Sendable, Equatable {
    /// The marker that precedes the node a finding points at.
    public static let marker: Character = "↓"

    /// The manifest, with markers.
    public let manifest: String
    /// The severity the findings must have, when it is not the rule's default.
    public let severity: Severity?
    /// The settings to lint it with.
    public let settings: RuleSettings

    /// Makes an example.
    public init(_ manifest: String, severity: Severity? = nil, settings: RuleSettings = RuleSettings()) {
        self.manifest = manifest
        self.severity = severity
        self.settings = settings
    }

    /// The manifest without its markers.
    public var text: String { manifest.filter { $0 != Self.marker } }

    /// The 1-based line and column of each marker, in the manifest without markers.
    public var markedLocations: [(line: Int, column: Int)] {
        var locations: [(Int, Int)] = []
        var line = 1
        var column = 1
        for character in manifest {
            if character == Self.marker {
                locations.append((line, column))
                continue
            }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return locations
    }
}

extension RuleExample {
    /// A Deployment `web` with `annotations` (lines of the workload's `metadata.annotations`,
    /// unindented), optional pod template annotations and labels, and one container `web` that
    /// listens on 8080 with the `env` given (lines of its `env` list, unindented).
    public static func deployment(
        annotations: String = "", podAnnotations: String? = nil, podLabels: String = "app: web",
        env: String? = nil, container: String? = nil, severity: Severity? = nil, settings: RuleSettings = RuleSettings()
    ) -> RuleExample {
        var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
        if !annotations.isEmpty { text += "  annotations:\n" + indent(annotations, by: 4) }
        text += "spec:\n  template:\n    metadata:\n      labels:\n" + indent(podLabels, by: 8)
        if let podAnnotations { text += "      annotations:\n" + indent(podAnnotations, by: 8) }
        text += "    spec:\n      containers:\n"
        if let container {
            text += indent(container, by: 6)
        } else {
            text += "      - name: web\n        image: example/web:1.0\n        ports:\n        - containerPort: 8080\n"
            if let env { text += "        env:\n" + indent(env, by: 8) }
        }
        return RuleExample(text, severity: severity, settings: settings)
    }

    /// The annotations of a workload in dual mode, as inject writes them for port 8080,
    /// followed by `extra` lines.
    public static let dualAnnotations = """
        sidecar.speedscale.com/inject: "true"
        sidecar.speedscale.com/capture-mode: "proxy"
        sidecar.speedscale.com/proxy-type: "dual"
        sidecar.speedscale.com/proxy-protocol: "tcp:http"
        sidecar.speedscale.com/proxy-host: "localhost"
        sidecar.speedscale.com/proxy-port: "8080"
        """

    /// The proxy variables inject writes for dual mode.
    public static let dualEnv = """
        - name: HTTP_PROXY
          value: http://localhost:4140
        - name: HTTPS_PROXY
          value: http://localhost:4140
        """

    /// The variables inject writes for dual and forward mode, NO_PROXY included.
    public static let injectedEnv = dualEnv + "\n- name: NO_PROXY\n  value: localhost,127.0.0.1"

    /// A dual-mode Deployment with `env` in place of the usual proxy variables, and `extra` annotations.
    public static func dual(env: String = dualEnv, extra: String = "", severity: Severity? = nil, settings: RuleSettings = RuleSettings()) -> RuleExample {
        deployment(annotations: dualAnnotations + (extra.isEmpty ? "" : "\n" + extra), env: env, severity: severity, settings: settings)
    }

    /// `lines` with `width` spaces before each, each ending in a newline (empty lines dropped).
    static func indent(_ lines: String, by width: Int) -> String {
        let pad = String(repeating: " ", count: width)
        return lines.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.isEmpty }
            .map { pad + $0 + "\n" }.joined()
    }
}

extension RuleExample {
    /// The example with a marker before `target` within the first occurrence of `context`.
    public func marking(_ context: String, at target: String) -> RuleExample {
        guard let outer = manifest.firstRange(of: context), let inner = manifest[outer].firstRange(of: target) else { return self }
        var text = manifest
        text.insert(Self.marker, at: inner.lowerBound)
        return RuleExample(text, severity: severity, settings: settings)
    }
}
