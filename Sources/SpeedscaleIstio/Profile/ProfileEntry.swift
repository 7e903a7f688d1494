/// One entry a profile owns: where it lives, how its value is derived, and when it is
/// written. Entries are data, so that what inject writes, what uninject removes, what a
/// conversion swaps and what lint expects are all read from the same list.
public struct ProfileEntry: Sendable, Equatable {
    /// Where the entry lives.
    public enum Target: Sendable, Equatable {
        /// A workload annotation.
        case annotation(String)
        /// A proxy variable holding a URL (on the app container, or in
        /// `extra-container-env-vars` with ``EnvironmentPlacement/annotation``).
        case proxyVariable(String)
        /// The hosts of a comma-separated list variable (`NO_PROXY`), merged with what is there.
        case hostList(String)
        /// Another variable of the app's environment, placed like the proxy variables
        /// (`NODE_USE_ENV_PROXY`).
        case variable(String)
        /// A `-Dname=value` property merged into the JVM options of
        /// ``ProfileSettings/javaOptionsHolder``, keeping every other option and its order.
        case jvmProperty(String)
        /// The options of the app container's own `JAVA_TOOL_OPTIONS`, copied into
        /// ``ProfileSettings/javaOptionsHolder`` (the `tls-java-tool-options-value`
        /// annotation, which the operator writes as `JAVA_TOOL_OPTIONS`), so that none is
        /// lost; the properties the profiles own are not copied.
        case containerJavaOptions
    }

    /// How the value is derived.
    public enum Derivation: Sendable, Equatable {
        /// Always this value.
        case fixed(String)
        /// The forward protocol's `proxy-protocol` value for the profile (`tcp:http`, `http`, ...).
        case protocolAnnotation
        /// ``ProfileSettings/proxyHost``.
        case proxyHost
        /// The workload's app port.
        case appPort
        /// ``ProfileSettings/outboundPort``.
        case outboundPort
        /// ``ProfileSettings/proxyURL``.
        case proxyURL
        /// ``ProfileSettings/noProxyEntries``.
        case noProxyHosts
        /// ``ProfileSettings/proxyEnvHost``: the host of the proxy URLs, for JVM flags.
        case proxyEnvHost
        /// ``ProfileSettings/javaNonProxyHosts``.
        case javaNonProxyHosts
        /// The options themselves (``Target/containerJavaOptions``).
        case copied
    }

    /// When the entry is written.
    public indirect enum Condition: Sendable, Equatable {
        /// Always.
        case always
        /// With ``ProfileSettings/tlsOut`` (the annotation).
        case tlsOut
        /// With ``ProfileSettings/tlsInForce`` (the annotation, or the operator's default).
        case tlsInForce
        /// With ``ProfileSettings/istioCNI``.
        case istioCNI
        /// When ``ProfileSettings/outboundPort`` is not the sidecar's default.
        case customOutboundPort
        /// With ``ProfileSettings/lowercaseEnv``.
        case lowercaseEnvironment
        /// When ``ProfileSettings/runtime`` is one of these.
        case runtime([Runtime])
        /// When the app speaks SOCKS to the forward proxy.
        case socks
        /// When the condition does not hold.
        case not(Condition)
        /// When every condition holds.
        case all([Condition])
        /// When any condition holds.
        case any([Condition])
    }

    /// What the entry does, which tells uninject when it may go.
    public enum Role: Sendable, Equatable {
        /// Configures the sidecar or the operator (annotations); removed when its value is this tool's.
        case setting
        /// Sends the app's traffic to the sidecar (a proxy URL, a JVM proxy host or port);
        /// removed when its value is this tool's (JVM host and port only together).
        case route
        /// Goes with a route (`NO_PROXY` hosts, `NODE_USE_ENV_PROXY`, JVM `nonProxyHosts`);
        /// removed only together with a route of the same container.
        case companion
    }

    /// Where it lives.
    public let target: Target
    /// How its value is derived.
    public let derivation: Derivation
    /// When it is written.
    public let condition: Condition
    /// What it does.
    public let role: Role

    /// Makes an entry; the role follows from the target unless given.
    public init(_ target: Target, _ derivation: Derivation, when condition: Condition = .always, role: Role? = nil) {
        self.target = target
        self.derivation = derivation
        self.condition = condition
        switch target {
        case .annotation, .containerJavaOptions: self.role = role ?? .setting
        case .proxyVariable, .jvmProperty: self.role = role ?? .route
        case .hostList, .variable: self.role = role ?? .companion
        }
    }

    /// Whether the entry is written under `settings`.
    func applies(_ settings: ProfileSettings) -> Bool {
        condition.holds(settings)
    }
}

extension ProfileEntry.Condition {
    /// Whether the condition holds under `settings`.
    func holds(_ settings: ProfileSettings) -> Bool {
        // Conditions nest at most a few levels, as the profile definitions write them.
        switch self {
        case .always: return true
        case .tlsOut: return settings.tlsOut
        case .tlsInForce: return settings.tlsInForce
        case .istioCNI: return settings.istioCNI
        case .customOutboundPort: return settings.outboundPort != SpeedscaleAnnotation.defaultOutPort
        case .lowercaseEnvironment: return settings.lowercaseEnv
        case .runtime(let runtimes): return runtimes.contains(settings.runtime)
        case .socks: return settings.forwardProtocol != .http
        case .not(let condition): return !condition.holds(settings)
        case .all(let conditions): return conditions.allSatisfy { $0.holds(settings) }
        case .any(let conditions): return conditions.contains { $0.holds(settings) }
        }
    }
}

/// An entry with its place and value worked out for one workload.
public struct ResolvedEntry: Sendable, Hashable {
    /// Where it lives.
    public let place: EntryPlace
    /// Its value.
    public let value: String
    /// What it does.
    public let role: ProfileEntry.Role

    /// Makes a resolved entry.
    public init(place: EntryPlace, value: String, role: ProfileEntry.Role = .setting) {
        self.place = place
        self.value = value
        self.role = role
    }
}

/// The facts of a workload that entry values are derived from, besides the settings.
public struct EntryFacts: Sendable, Hashable {
    /// The app's port (dual mode's `proxy-port`; without one it is left out).
    public var appPort: Int?
    /// The text of the app container's own `JAVA_TOOL_OPTIONS`, when it has a literal one.
    public var javaToolOptions: String?

    /// Makes facts.
    public init(appPort: Int? = nil, javaToolOptions: String? = nil) {
        self.appPort = appPort
        self.javaToolOptions = javaToolOptions
    }
}

extension CaptureProfile {
    /// Every entry the profile owns, in the order inject writes them.
    public var entries: [ProfileEntry] {
        switch self {
        case .dual: return Self.dualEntries
        case .forward: return Self.forwardEntries
        case .transparent: return Self.transparentEntries
        case .ebpf: return Self.ebpfEntries
        }
    }

    private static let dualEntries = definition(of: .dual)
    private static let forwardEntries = definition(of: .forward)
    private static let transparentEntries = definition(of: .transparent)
    private static let ebpfEntries = definition(of: .ebpf)

    /// The entries of `profile`, as written once.
    private static func definition(of profile: CaptureProfile) -> [ProfileEntry] {
        let inject = ProfileEntry(.annotation(SpeedscaleAnnotation.inject), .fixed("true"))
        let tlsOut = ProfileEntry(.annotation(SpeedscaleAnnotation.tlsOut), .fixed("true"), when: .tlsOut)
        let istioCNI = ProfileEntry(.annotation(SpeedscaleAnnotation.istioCNI), .fixed("true"), when: .istioCNI)
        let outPort = ProfileEntry(.annotation(SpeedscaleAnnotation.proxyOutPort), .outboundPort, when: .customOutboundPort)
        let captureMode = ProfileEntry(.annotation(SpeedscaleAnnotation.captureMode), .fixed("proxy"))
        let proxyProtocol = ProfileEntry(.annotation(SpeedscaleAnnotation.proxyProtocol), .protocolAnnotation)
        switch profile {
        case .dual:
            return [
                inject, captureMode,
                ProfileEntry(.annotation(SpeedscaleAnnotation.proxyType), .fixed(ProxyType.dual.rawValue)),
                proxyProtocol,
                ProfileEntry(.annotation(SpeedscaleAnnotation.proxyHost), .proxyHost),
                ProfileEntry(.annotation(SpeedscaleAnnotation.proxyPort), .appPort),
                tlsOut, outPort, istioCNI,
            ] + forwardProxyEnvironment
        case .forward:
            return [
                inject, captureMode,
                ProfileEntry(.annotation(SpeedscaleAnnotation.proxyType), .fixed(ProxyType.forward.rawValue)),
                proxyProtocol, tlsOut, outPort, istioCNI,
            ] + forwardProxyEnvironment
        case .transparent:
            return [inject, istioCNI, tlsOut] + javaTrust
        case .ebpf:
            return [ProfileEntry(.annotation(SpeedscaleAnnotation.captureEnabled), .fixed("true"))]
        }
    }

    /// What tells the app to send its outbound traffic to the forward proxy, by runtime: the
    /// proxy variables (lowercase too for Python and Ruby, which read them; with
    /// `NODE_USE_ENV_PROXY` for Node, whose HTTP clients read them only then), or for Java
    /// the JVM's proxy flags instead (the JVM does not read the proxy variables), with the
    /// truststore flags under tls-out.
    static let forwardProxyEnvironment: [ProfileEntry] = {
        let variables: ProfileEntry.Condition = .not(.runtime([.java]))
        let lowercase: ProfileEntry.Condition = .all([variables, .any([.lowercaseEnvironment, .runtime([.python, .ruby])])])
        let java: ProfileEntry.Condition = .runtime([.java])
        let javaHTTP: ProfileEntry.Condition = .all([java, .not(.socks)])
        let javaSocks: ProfileEntry.Condition = .all([java, .socks])
        return [
            ProfileEntry(.proxyVariable("HTTP_PROXY"), .proxyURL, when: variables),
            ProfileEntry(.proxyVariable("HTTPS_PROXY"), .proxyURL, when: variables),
            ProfileEntry(.hostList("NO_PROXY"), .noProxyHosts, when: variables),
            ProfileEntry(.proxyVariable("http_proxy"), .proxyURL, when: lowercase),
            ProfileEntry(.proxyVariable("https_proxy"), .proxyURL, when: lowercase),
            ProfileEntry(.hostList("no_proxy"), .noProxyHosts, when: lowercase),
            ProfileEntry(.variable(RuntimeSwitches.nodeUseEnvProxy), .fixed("1"), when: .runtime([.node])),
            ProfileEntry(.containerJavaOptions, .copied, when: .all([java, .tlsInForce])),
        ] + JavaProxyProperties.http.flatMap { prefix in
            [
                ProfileEntry(.jvmProperty(prefix + "Host"), .proxyEnvHost, when: javaHTTP),
                ProfileEntry(.jvmProperty(prefix + "Port"), .outboundPort, when: javaHTTP),
            ]
        } + [
            ProfileEntry(.jvmProperty(JavaProxyProperties.socks + "Host"), .proxyEnvHost, when: javaSocks),
            ProfileEntry(.jvmProperty(JavaProxyProperties.socks + "Port"), .outboundPort, when: javaSocks),
            ProfileEntry(.jvmProperty(JavaProxyProperties.nonProxyHosts), .javaNonProxyHosts, when: java, role: .companion),
        ] + trustStore
    }()

    /// With tls-out, a JVM trusts the Speedscale CA only through the `speedscale-jks`
    /// truststore flags; in transparent mode they go with the container's own options.
    static let javaTrust: [ProfileEntry] = [
        ProfileEntry(.containerJavaOptions, .copied, when: .all([.runtime([.java]), .tlsInForce])),
    ] + trustStore

    /// The truststore flags of Speedscale's `speedscale-jks` secret, under tls-out.
    static let trustStore: [ProfileEntry] = [
        ProfileEntry(.jvmProperty(JavaTrustStore.pathProperty), .fixed(JavaTrustStore.path), when: .all([.runtime([.java]), .tlsInForce]), role: .setting),
        ProfileEntry(.jvmProperty(JavaTrustStore.passwordProperty), .fixed(JavaTrustStore.password), when: .all([.runtime([.java]), .tlsInForce]), role: .setting),
    ]

    /// The JVM properties any profile writes; they are never copied from the container.
    public static let ownedJavaProperties: Set<String> = Set(allCases.flatMap(\.entries).compactMap { entry in
        if case .jvmProperty(let name) = entry.target { return name }
        return nil
    })

    /// `facts` with only what the profile's entries derive values from: the app port for a
    /// profile with an entry derived from it, a container's JVM options for one that copies
    /// them. The profile resolves the same with these as with all of `facts`.
    public func factsRead(_ facts: EntryFacts) -> EntryFacts {
        EntryFacts(
            appPort: entries.contains { $0.derivation == .appPort } ? facts.appPort : nil,
            javaToolOptions: entries.contains { $0.target == .containerJavaOptions } ? facts.javaToolOptions : nil)
    }

    /// The places of the entries whose value is the app port, under any settings.
    public var appPortPlaces: [EntryPlace] { Self.appPortPlacesOfProfiles[self] ?? [] }

    /// ``appPortPlaces`` of each profile, worked out once.
    private static let appPortPlacesOfProfiles: [CaptureProfile: [EntryPlace]] = Dictionary(uniqueKeysWithValues: allCases.map { profile in
        (profile, profile.entries.filter { $0.derivation == .appPort }.flatMap { entry -> [EntryPlace] in
            switch entry.target {
            case .annotation(let key): return [.annotation(key)]
            case .proxyVariable(let name), .variable(let name): return [.variable(name), .extraVariable(name)]
            case .hostList, .jvmProperty, .containerJavaOptions: return []
            }
        })
    })

    /// The profile's entries for one workload: places and values under `settings`, with the
    /// workload's `facts` (dual mode needs the app port; without one its `proxy-port` is left out).
    public func resolve(_ settings: ProfileSettings, facts: EntryFacts) -> [ResolvedEntry] {
        var resolved: [ResolvedEntry] = []
        for entry in entries where entry.applies(settings) {
            switch entry.target {
            case .annotation(let key):
                guard let value = value(of: entry.derivation, settings, facts: facts) else { continue }
                resolved.append(ResolvedEntry(place: .annotation(key), value: value, role: entry.role))
            case .proxyVariable(let name), .variable(let name):
                guard let value = value(of: entry.derivation, settings, facts: facts) else { continue }
                let place: EntryPlace = settings.environmentPlacement == .container ? .variable(name) : .extraVariable(name)
                resolved.append(ResolvedEntry(place: place, value: value, role: entry.role))
            case .hostList(let name):
                for host in settings.noProxyEntries {
                    let place: EntryPlace = settings.environmentPlacement == .container
                        ? .listEntry(variable: name, entry: host) : .extraListEntry(variable: name, entry: host)
                    resolved.append(ResolvedEntry(place: place, value: host, role: entry.role))
                }
            case .jvmProperty(let name):
                guard let value = value(of: entry.derivation, settings, facts: facts) else { continue }
                resolved.append(ResolvedEntry(place: .jvmProperty(in: settings.javaOptionsHolder, name: name), value: value, role: entry.role))
            case .containerJavaOptions:
                let holder = settings.javaOptionsHolder
                guard holder != .variable(JavaTrustStore.toolOptionsVariable), let text = facts.javaToolOptions else { continue }
                var seen: Set<String> = []
                for option in JavaOptionsText.words(text) where seen.insert(option).inserted {
                    if let name = JavaOptionsText.propertyName(of: option), Self.ownedJavaProperties.contains(name) { continue }
                    resolved.append(ResolvedEntry(place: .jvmOption(in: holder, option: option), value: option, role: entry.role))
                }
            }
        }
        return resolved
    }

    /// ``resolve(_:facts:)`` with only the app port known.
    public func resolve(_ settings: ProfileSettings, appPort: Int?) -> [ResolvedEntry] {
        resolve(settings, facts: EntryFacts(appPort: appPort))
    }

    /// The entries the profile owns under any runtime (the same other settings), each once:
    /// what a conversion may remove, and what uninject recognises.
    public func resolveForEveryRuntime(_ settings: ProfileSettings, facts: EntryFacts) -> [ResolvedEntry] {
        var all: [ResolvedEntry] = []
        var seen: Set<ResolvedEntry> = []
        for runtime in [settings.runtime] + Runtime.allCases.filter({ $0 != settings.runtime }) {
            var variant = settings
            variant.runtime = runtime
            for entry in resolve(variant, facts: facts) where seen.insert(entry).inserted { all.append(entry) }
        }
        return all
    }

    private func value(of derivation: ProfileEntry.Derivation, _ settings: ProfileSettings, facts: EntryFacts) -> String? {
        switch derivation {
        case .fixed(let value): return value
        case .protocolAnnotation: return settings.forwardProtocol.annotationValue(for: self)
        case .proxyHost: return settings.proxyHost
        case .appPort: return facts.appPort.map(String.init)
        case .outboundPort: return String(settings.outboundPort)
        case .proxyURL: return settings.proxyURL
        case .noProxyHosts: return settings.noProxyEntries.joined(separator: ",")
        case .proxyEnvHost: return settings.proxyEnvHost
        case .javaNonProxyHosts: return settings.javaNonProxyHosts
        case .copied: return nil
        }
    }
}

/// The JVM's proxy properties: `<prefix>Host` and `<prefix>Port` for each protocol.
public enum JavaProxyProperties {
    /// The prefixes of the HTTP and HTTPS proxy properties (`http.proxyHost`, `https.proxyPort`).
    public static let http = ["http.proxy", "https.proxy"]
    /// The prefix of the SOCKS proxy properties (`socksProxyHost`).
    public static let socks = "socksProxy"
    /// The proxy host properties, HTTP, HTTPS and SOCKS.
    public static let hosts = (http + [socks]).map { $0 + "Host" }
    /// The hosts the JVM reaches without a proxy (HTTP and HTTPS).
    public static let nonProxyHosts = "http.nonProxyHosts"
}

/// Variables that switch a runtime to reading the proxy variables.
public enum RuntimeSwitches {
    /// Node 22.21 and later read `HTTP_PROXY` and `HTTPS_PROXY` only with this set to 1.
    public static let nodeUseEnvProxy = "NODE_USE_ENV_PROXY"
}

/// Speedscale's Java truststore: the `speedscale-jks` secret the operator mounts with tls-out
/// (the Speedscale CA and the JDK's default CAs), and the flags that make a JVM use it.
public enum JavaTrustStore {
    /// Where the operator mounts it.
    public static let path = "/etc/ssl/speedscale/jks/cacerts.jks"
    /// Its password.
    public static let password = "changeit"
    /// The property that names the truststore.
    public static let pathProperty = "javax.net.ssl.trustStore"
    /// The property that gives its password.
    public static let passwordProperty = "javax.net.ssl.trustStorePassword"
    /// The variable the JVM reads its options from by itself.
    public static let toolOptionsVariable = "JAVA_TOOL_OPTIONS"
}

extension ResolvedEntry {
    /// The entries that point the app at the sidecar only together: a JVM proxy host and its
    /// port (`http.proxyHost` with `http.proxyPort` in the same place); any other entry alone.
    /// The group is named by a place: the entry's own, or for a JVM proxy property the one
    /// its name without `Host` or `Port` would have (`http.proxy` in the same holder).
    public var routeGroup: EntryPlace {
        guard case .jvmProperty(let holder, let name) = place, name.hasSuffix("Host") || name.hasSuffix("Port") else { return place }
        return .jvmProperty(in: holder, name: String(name.dropLast(4)))
    }
}
