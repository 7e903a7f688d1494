/// The `sidecar.speedscale.com/*` annotation keys the tool reads and writes, and the
/// catalogue of known and legacy keys (spec §3.1, §3.4, §3.6).
public enum SpeedscaleAnnotation {
    /// The prefix of every sidecar annotation.
    public static let prefix = "sidecar.speedscale.com/"
    public static let inject = prefix + "inject"
    public static let captureMode = prefix + "capture-mode"
    public static let proxyType = prefix + "proxy-type"
    public static let proxyProtocol = prefix + "proxy-protocol"
    public static let proxyHost = prefix + "proxy-host"
    public static let proxyPort = prefix + "proxy-port"
    public static let proxyInPort = prefix + "proxy-in-port"
    public static let proxyOutPort = prefix + "proxy-out-port"
    public static let tlsOut = prefix + "tls-out"
    public static let istioCNI = prefix + "istio-cni"
    public static let tlsJavaToolOptions = prefix + "tls-java-tool-options"
    public static let tlsJavaToolOptionsValue = prefix + "tls-java-tool-options-value"
    public static let kubeAPISupport = prefix + "kube-api-support"
    public static let extraContainerEnvVars = prefix + "extra-container-env-vars"
    public static let prometheusPort = prefix + "prometheus-port"
    public static let mountKnownCA = prefix + "mount-known-ca"

    /// The eBPF collector's switches, exclusive with the sidecar (§3.4).
    public static let captureEnabled = "capture.speedscale.com/enabled"
    public static let captureJavaAgent = "capture.speedscale.com/java-agent"

    /// The default inbound and outbound listener ports of the sidecar.
    public static let defaultInPort = 4143
    public static let defaultOutPort = 4140

    /// Every documented `sidecar.speedscale.com/` key, without the prefix (§3.1), plus the
    /// operator-written `injected`.
    public static let knownNames: [String] = [
        "inject", "insert-init-first", "capture-mode", "proxy-type", "proxy-protocol", "proxy-host", "proxy-port",
        "proxy-in-port", "proxy-out-port", "tls-out", "tls-java-tool-options", "tls-java-tool-options-value",
        "tls-in-secret", "tls-in-private", "tls-in-public", "tls-mutual-secret", "tls-mutual-private", "tls-mutual-public",
        "capture-node-traffic", "host-resolution", "ignore-src-ips", "ignore-src-hosts", "ignore-inbound-ports",
        "ignore-dst-ips", "ignore-dst-hosts", "ignore-outbound-ports", "ignore-loopback", "track-loopback",
        "cpu-limit", "cpu-request", "memory-limit", "memory-request", "ephemeral-storage-request", "ephemeral-storage-limit",
        "prometheus-port", "prometheus-enable-scrape-annotations", "kube-api-support", "istio-cni",
        "extra-container-env-vars", "mount-known-ca", "diagnostics", "tls-secret", "injected",
    ]

    /// The keys (without the prefix) that only the transparent proxy reads (§3.1).
    public static let transparentOnlyNames: [String] =
        knownNames.filter { $0.hasPrefix("ignore-") } + ["capture-node-traffic", "track-loopback"]

    /// Legacy keys (without the prefix) and what replaced them (§3.6).
    public static let legacyNames: [String: String] = [
        "captureMode": "use sidecar.speedscale.com/capture-mode",
        "captureNodeTraffic": "use sidecar.speedscale.com/capture-node-traffic",
        "proxyMode": "use sidecar.speedscale.com/proxy-type",
        "proxyProtocol": "use sidecar.speedscale.com/proxy-protocol",
        "proxyHost": "use sidecar.speedscale.com/proxy-host",
        "proxyPort": "use sidecar.speedscale.com/proxy-port",
        "proxyInPort": "use sidecar.speedscale.com/proxy-in-port",
        "proxyOutPort": "use sidecar.speedscale.com/proxy-out-port",
        "tls": "use sidecar.speedscale.com/tls-out: \"true\" (inbound TLS is enabled by tls-in-secret)",
        "tlsinsecret": "use sidecar.speedscale.com/tls-in-secret",
        "tlsinprivate": "use sidecar.speedscale.com/tls-in-private",
        "tlsinpublic": "use sidecar.speedscale.com/tls-in-public",
        "tlsmutualsecret": "use sidecar.speedscale.com/tls-mutual-secret",
        "tlsmutualprivate": "use sidecar.speedscale.com/tls-mutual-private",
        "tlsmutualpublic": "use sidecar.speedscale.com/tls-mutual-public",
        "ignoreDstIps": "use sidecar.speedscale.com/ignore-dst-ips",
        "ignoreSrcIps": "use sidecar.speedscale.com/ignore-src-ips",
        "ignoreDstHosts": "use sidecar.speedscale.com/ignore-dst-hosts",
        "ignoreSrcHosts": "use sidecar.speedscale.com/ignore-src-hosts",
        "insertfirst": "use sidecar.speedscale.com/insert-init-first",
        "remove": "it was removed; use sidecar.speedscale.com/inject: \"false\"",
        "status": "it was removed; use sidecar.speedscale.com/inject: \"false\"",
        "debug": "it was removed",
        "envoyFilter": "it was removed together with capture-mode wasm",
        "envoy-filter": "it was removed together with capture-mode wasm",
        "enableMongoDbDetection": "it is no longer in the annotation reference (was renamed detect-mongo)",
        "enablePostgresDetection": "it is no longer in the annotation reference (was renamed detect-postgres)",
        "enableAMQPv091Detection": "it is no longer in the annotation reference (was renamed detect-amqpv091)",
    ]

    /// The misspelt domain of the original `insertfirst` key.
    public static let misspeltPrefix = "sidecar.speedcale.com/"
}
