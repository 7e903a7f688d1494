/// What a rule is: its stable ID, default severity, a title, what it checks in plain
/// language, how to fix what it finds, the document it comes from, and example manifests
/// that trigger it (with `↓` where the finding points) and that do not.
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
    /// Manifests the rule must report, each `↓` marking where a finding points.
    public var triggeringExamples: [RuleExample] { makeTriggeringExamples() }
    /// Manifests the rule must not report.
    public var nonTriggeringExamples: [RuleExample] { makeNonTriggeringExamples() }
    /// For a rule that inject or uninject fixes: manifests before and after the fix.
    public var corrections: [RuleCorrection] { makeCorrections() }

    // The examples are made when asked for: a run reads every rule's id and severity, and
    // writing out every rule's manifests would add to the start of each run.
    private let makeTriggeringExamples: @Sendable () -> [RuleExample]
    private let makeNonTriggeringExamples: @Sendable () -> [RuleExample]
    private let makeCorrections: @Sendable () -> [RuleCorrection]

    /// Makes a description.
    public init(
        id: String, title: String, severity: Severity, summary: String, fix: String, helpURI: String,
        triggeringExamples: @autoclosure @escaping @Sendable () -> [RuleExample] = [],
        nonTriggeringExamples: @autoclosure @escaping @Sendable () -> [RuleExample] = [],
        corrections: @autoclosure @escaping @Sendable () -> [RuleCorrection] = []
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.summary = summary
        self.fix = fix
        self.helpURI = helpURI
        makeTriggeringExamples = triggeringExamples
        makeNonTriggeringExamples = nonTriggeringExamples
        makeCorrections = corrections
    }

    /// Whether two descriptions say the same, examples included.
    public static func == (left: RuleDescription, right: RuleDescription) -> Bool {
        left.id == right.id && left.title == right.title && left.severity == right.severity && left.summary == right.summary
            && left.fix == right.fix && left.helpURI == right.helpURI && left.triggeringExamples == right.triggeringExamples
            && left.nonTriggeringExamples == right.nonTriggeringExamples && left.corrections == right.corrections
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
    public static let speedscaleTLS = "https://docs.speedscale.com/getting-started/installation/sidecar/tls/"
    public static let speedscaleInstall = "https://docs.speedscale.com/getting-started/installation/sidecar/install/"
    public static let speedscaleJava = "https://docs.speedscale.com/reference/languages/java/"
    public static let speedscaleNode = "https://docs.speedscale.com/reference/languages/nodejs/"
    public static let kubernetesAnnotations = "https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/"
    public static let kubernetesEnv = "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#environment-variables"
    public static let goProxy = "https://pkg.go.dev/golang.org/x/net/http/httpproxy"
    public static let istioApplicationRequirements = "https://istio.io/latest/docs/ops/deployment/application-requirements/"
    public static let istioAnalysisMultipleSidecars = "https://istio.io/latest/docs/reference/config/analysis/ist0111/"
    public static let speedscaleFAQ = "https://docs.speedscale.com/reference/faq/"
    public static let istioLabels = "https://istio.io/latest/docs/reference/config/labels/"
    public static let istioAnnotations = "https://istio.io/latest/docs/reference/config/annotations/"
    public static let istioProxyConfig = "https://istio.io/latest/docs/reference/config/istio.mesh.v1alpha1/#ProxyConfig"
    public static let istioAnalysisMisplacedAnnotation = "https://istio.io/latest/docs/reference/config/analysis/ist0107/"
    public static let istioAnalysisConflictingSelectors = "https://istio.io/latest/docs/reference/config/analysis/ist0110/"
    public static let istioAnalysisInjectionLabels = "https://istio.io/latest/docs/reference/config/analysis/ist0123/"
    public static let istioV1APIs = "https://istio.io/latest/blog/2024/v1-apis/"
}
