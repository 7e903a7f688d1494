import SpliceYAML

/// One container of a pod spec.
public struct Container: Sendable {
    /// Its position in `containers` (or `initContainers`).
    public let index: Int
    /// The container's mapping node.
    public let node: YAMLNode
    /// Whether it is listed under `initContainers`.
    public let isInit: Bool

    /// Makes a container view.
    public init(index: Int, node: YAMLNode, isInit: Bool) {
        self.index = index
        self.node = node
        self.isInit = isInit
    }

    /// `name`.
    public var name: String? { node.string(at: ["name"]) }
    /// `image`.
    public var image: String? { node.string(at: ["image"]) }

    /// The `containerPort`s it declares.
    public var ports: [ContainerPort] {
        guard let list = node["ports"], list.kind == .sequence else { return [] }
        return list.items.compactMap { item in
            guard item.kind == .mapping, let number = item["containerPort"], number.kind == .scalar else { return nil }
            return ContainerPort(number: Int(number.value), name: item.string(at: ["name"]), node: number)
        }
    }

    /// The `env` value node, when the key exists.
    public var envNode: YAMLNode? { node["env"] }

    /// The entries of `env`.
    public var env: [EnvVar] {
        guard let list = envNode, list.kind == .sequence else { return [] }
        return list.items.enumerated().compactMap { index, item in
            guard item.kind == .mapping, let name = item.string(at: ["name"]) else { return nil }
            return EnvVar(index: index, name: name, node: item)
        }
    }

    /// The names of the sources in `envFrom` (config maps and secrets), for reports.
    public var hasEnvFrom: Bool {
        guard let list = node["envFrom"], list.kind == .sequence else { return false }
        return !list.items.isEmpty
    }

    /// The scalar items of `command`, then of `args`, as written.
    public var commandLine: [YAMLNode] {
        ["command", "args"].flatMap { key -> [YAMLNode] in
            guard let list = node[key], list.kind == .sequence else { return [] }
            return list.items.filter { $0.kind == .scalar }
        }
    }

    /// The `mountPath` value nodes of `volumeMounts`.
    public var mountPaths: [YAMLNode] {
        guard let list = node["volumeMounts"], list.kind == .sequence else { return [] }
        return list.items.compactMap { item in
            guard item.kind == .mapping, let path = item["mountPath"], path.kind == .scalar else { return nil }
            return path
        }
    }

    /// The ports its probes (`readinessProbe`, `livenessProbe`, `startupProbe`) check, as
    /// numbers: a named port is looked up among the container's ports. Distinct, in order.
    public var probePorts: [Int] {
        var found: [Int] = []
        for probe in ["readinessProbe", "livenessProbe", "startupProbe"] {
            for handler in ["httpGet", "tcpSocket", "grpc"] {
                guard let port = node.lookup([probe, handler, "port"]), port.kind == .scalar, !port.isNull else { continue }
                let number = Int(port.value) ?? ports.first { $0.name == port.value }?.number
                if let number, !found.contains(number) { found.append(number) }
            }
        }
        return found
    }

    /// The `securityContext.runAsUser` value node, when set.
    public var runAsUserNode: YAMLNode? { node.lookup(["securityContext", "runAsUser"]) }
}

/// A `containerPort` entry.
public struct ContainerPort: Sendable {
    /// The port number, when it is an integer.
    public let number: Int?
    /// The port's name.
    public let name: String?
    /// The `containerPort` value node.
    public let node: YAMLNode
}

/// One entry of a container's `env`.
public struct EnvVar: Sendable {
    /// Its position in `env`.
    public let index: Int
    /// `name`.
    public let name: String
    /// The entry's mapping node.
    public let node: YAMLNode

    /// The `value` node, when present.
    public var valueNode: YAMLNode? { node["value"] }
    /// `value` as a string (an absent value is the empty string, as Kubernetes reads it).
    public var value: String? { valueNode.map { $0.isNull ? "" : $0.value } }
    /// Whether the value comes from `valueFrom`.
    public var hasValueFrom: Bool { node["valueFrom"] != nil }
}
