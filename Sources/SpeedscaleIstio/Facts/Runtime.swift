/// The runtime of an app, as far as it changes how the app must be told to use the sidecar's
/// forward proxy (proxy variables, JVM flags, `NODE_USE_ENV_PROXY`) and to trust the Speedscale
/// CA with tls-out. `generic` writes the proxy variables only.
public enum Runtime: String, Sendable, CaseIterable, Comparable {
    case generic
    case java
    case node
    case python
    case go
    case dotnet
    case ruby

    /// The name a report uses (`Java`, `Node.js`, `.NET`).
    public var displayName: String {
        switch self {
        case .generic: return "generic"
        case .java: return "Java"
        case .node: return "Node.js"
        case .python: return "Python"
        case .go: return "Go"
        case .dotnet: return ".NET"
        case .ruby: return "Ruby"
        }
    }

    public static func < (lhs: Runtime, rhs: Runtime) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// The runtime asked for a workload: one runtime, or `auto` (detected from the app
/// container's image, command and environment).
public enum RuntimeChoice: Sendable, Hashable, CaseIterable, RawRepresentable {
    /// Detect it.
    case auto
    /// This one.
    case fixed(Runtime)

    /// `auto`, then every runtime.
    public static var allCases: [RuntimeChoice] { [.auto] + Runtime.allCases.map(RuntimeChoice.fixed) }

    /// Reads `auto` or a runtime's name.
    public init?(rawValue: String) {
        if rawValue == "auto" {
            self = .auto
        } else if let runtime = Runtime(rawValue: rawValue) {
            self = .fixed(runtime)
        } else {
            return nil
        }
    }

    /// `auto`, or the runtime's name.
    public var rawValue: String { runtime?.rawValue ?? "auto" }

    /// The runtime asked for, nil for `auto`.
    public var runtime: Runtime? {
        if case .fixed(let runtime) = self { return runtime }
        return nil
    }
}

/// What is known of an app's runtime, and what told it.
public struct RuntimeGuess: Sendable, Equatable, CustomStringConvertible {
    /// The runtime (`generic` when unsure).
    public let runtime: Runtime
    /// What decided it, in words (`image "eclipse-temurin:17-jre"`, `asked for`).
    public let reason: String

    /// Makes a guess.
    public init(_ runtime: Runtime, reason: String) {
        self.runtime = runtime
        self.reason = reason
    }

    /// `java (image "eclipse-temurin:17")`.
    public var description: String { "\(runtime.rawValue) (\(reason))" }
}
