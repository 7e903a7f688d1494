import KubeManifests
import SpliceYAML

/// A place where an app is told to use a proxy: a variable holding a URL, or a pair of
/// JVM flags in `JAVA_TOOL_OPTIONS` (or the `tls-java-tool-options-value` annotation).
package struct ProxyEndpoint: Sendable {
    /// How the app learns the proxy.
    package enum Form: Sendable, Equatable {
        /// A variable such as `HTTP_PROXY` holding a URL.
        case url
        /// `-Dhttp.proxyHost`/`-Dhttps.proxyHost` and their ports.
        case javaHTTP
        /// `-DsocksProxyHost` and its port.
        case javaSocks
    }

    /// The variable or flag, as the message names it (`HTTPS_PROXY`, `-Dhttp.proxyHost`).
    package let name: String
    /// The form.
    package let form: Form
    /// The node that holds the value (the variable's value, or the JVM options string).
    package let node: YAMLNode
    /// The whole value as written.
    package let value: String
    /// The URL scheme (`http`, `socks5`, ...); nil for JVM flags or a URL without one.
    package let scheme: String?
    /// The host.
    package let host: String
    /// The port written, or the default the client uses when none is.
    package let port: Int?
    /// Whether the port was written.
    package let hasExplicitPort: Bool

    /// Whether `host` is a loopback name or address.
    package var hostIsLoopback: Bool { ProxyURL.isLoopback(host) }

    /// The URL's scheme, or what the client assumes without one.
    package var effectiveScheme: String {
        switch form {
        case .url: return scheme ?? "http"
        case .javaHTTP: return "http"
        case .javaSocks: return "socks"
        }
    }

    /// Whether the client speaks SOCKS to the proxy.
    package var speaksSocks: Bool { effectiveScheme.hasPrefix("socks") }
}

/// The proxy settings of one container: the proxy variables, the JVM proxy flags, and
/// `NO_PROXY`.
package struct ProxyEnvironment: Sendable {
    /// Variables whose value is a proxy URL, upper-case first.
    package static let urlVariables = [
        "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy",
        "GLOBAL_AGENT_HTTP_PROXY", "GLOBAL_AGENT_HTTPS_PROXY",
    ]

    /// The container.
    package let container: Container
    /// The variables in force: for each name the last entry, as Kubernetes keeps.
    package let variables: [String: EnvVar]

    /// Reads the environment of `container`.
    package init(_ container: Container) {
        self.container = container
        var variables: [String: EnvVar] = [:]
        for variable in container.env { variables[variable.name] = variable }
        self.variables = variables
    }

    /// The literal value of `name`, when it is set with `value` (not `valueFrom`).
    package func value(_ name: String) -> String? {
        guard let variable = variables[name], !variable.hasValueFrom else { return nil }
        return variable.value
    }

    /// `NO_PROXY` and `no_proxy` when set to a literal: the variable, its value node, and its
    /// comma-separated entries without surrounding spaces.
    package var noProxyLists: [(name: String, node: YAMLNode, entries: [String])] {
        ["NO_PROXY", "no_proxy"].compactMap { name in
            guard let value = value(name), let node = variables[name]?.valueNode else { return nil }
            return (name, node, Self.listEntries(value))
        }
    }

    /// The entries of a comma-separated list such as `NO_PROXY`, without surrounding spaces
    /// and without empty entries.
    package static func listEntries(_ value: String) -> [String] {
        HostList.entries(value)
    }

    /// Whether `name` is set at all (a literal or `valueFrom`).
    package func isSet(_ name: String) -> Bool { variables[name] != nil }

    /// Every endpoint the container names: URL variables, then JVM flags of `JAVA_TOOL_OPTIONS`
    /// and of `javaOptionsAnnotation` (the `tls-java-tool-options-value` entry, which the
    /// operator writes into `JAVA_TOOL_OPTIONS`).
    package func endpoints(javaOptionsAnnotation: AnnotationEntry? = nil) -> [ProxyEndpoint] {
        var endpoints: [ProxyEndpoint] = []
        for name in Self.urlVariables {
            guard let variable = variables[name], !variable.hasValueFrom, let node = variable.valueNode, node.kind == .scalar,
                  let value = variable.value, !value.isEmpty else { continue }
            endpoints.append(Self.parseURL(value, name: name, node: node))
        }
        if let variable = variables["JAVA_TOOL_OPTIONS"], let node = variable.valueNode, node.kind == .scalar, let value = variable.value {
            endpoints += Self.javaEndpoints(value, node: node)
        }
        if let entry = javaOptionsAnnotation, let value = entry.text {
            endpoints += Self.javaEndpoints(value, node: entry.valueNode)
        }
        return endpoints
    }

    /// Reads a proxy URL variable.
    static func parseURL(_ value: String, name: String, node: YAMLNode) -> ProxyEndpoint {
        let url = ProxyURL(value)
        return ProxyEndpoint(
            name: name, form: .url, node: node, value: value, scheme: url.scheme, host: url.host, port: url.port,
            hasExplicitPort: url.hasExplicitPort)
    }

    /// The JVM proxy flags of an options string, one endpoint per proxy host flag.
    static func javaEndpoints(_ options: String, node: YAMLNode) -> [ProxyEndpoint] {
        let flags = JVMOptions(options)
        let kinds: [(prefix: String, form: ProxyEndpoint.Form, defaultPort: Int)] = [
            ("http.proxy", .javaHTTP, 80), ("https.proxy", .javaHTTP, 443), ("socksProxy", .javaSocks, 1080),
        ]
        return kinds.compactMap { kind in
            guard let host = flags[kind.prefix + "Host"] else { return nil }
            let portText = flags[kind.prefix + "Port"]
            return ProxyEndpoint(
                name: "-D\(kind.prefix)Host", form: kind.form, node: node, value: "\(host):\(portText ?? "")",
                scheme: nil, host: host, port: portText.map { PortNumber.parse($0) } ?? kind.defaultPort, hasExplicitPort: portText != nil)
        }
    }
}
