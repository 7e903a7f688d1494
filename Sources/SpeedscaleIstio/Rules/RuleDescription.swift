/// What a rule is: its stable ID, default severity, a title, what it checks in plain
/// language, how to fix what it finds, and the document it comes from.
public struct RuleDescription: Sendable, Equatable {
    /// Stable identifier (`INJ001`, `SS005`, ...).
    public let id: String
    /// A short title.
    public let title: String
    /// The severity of its findings unless configured otherwise.
    public let severity: Severity
    /// What it checks, in plain language.
    public let summary: String
    /// How to fix what it finds.
    public let fix: String
    /// The Speedscale or Istio page the rule comes from.
    public let helpURI: String

    /// Makes a description.
    public init(id: String, title: String, severity: Severity, summary: String, fix: String, helpURI: String) {
        self.id = id
        self.title = title
        self.severity = severity
        self.summary = summary
        self.fix = fix
        self.helpURI = helpURI
    }
}

/// Links rules cite.
public enum DocumentLink {
    public static let speedscaleIstio = "https://docs.speedscale.com/getting-started/installation/install/istio/"
    public static let speedscaleAnnotations = "https://docs.speedscale.com/getting-started/installation/sidecar/annotations/"
    public static let speedscaleProxyModes = "https://docs.speedscale.com/getting-started/installation/sidecar/proxy-modes/"
    public static let speedscaleProxyConfig = "https://docs.speedscale.com/reference/proxy_config/"
    public static let istioSidecar = "https://istio.io/latest/docs/reference/config/networking/sidecar/"
    public static let istioVirtualService = "https://istio.io/latest/docs/reference/config/networking/virtual-service/"
}
