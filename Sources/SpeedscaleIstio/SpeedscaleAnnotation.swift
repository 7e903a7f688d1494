/// The `sidecar.speedscale.com/*` annotation keys the tool reads and writes.
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
}
