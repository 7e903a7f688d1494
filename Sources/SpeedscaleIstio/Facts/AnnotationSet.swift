import KubeManifests
import SpliceYAML

/// One annotation as written: its key and value nodes, and where it sits.
public struct AnnotationEntry: Sendable {
    /// The key.
    public let key: String
    /// The key's node.
    public let keyNode: YAMLNode
    /// The value's node.
    public let valueNode: YAMLNode
    /// Whether it sits on the pod template rather than on the workload.
    public let onPodTemplate: Bool

    /// The value as text when it is a scalar (null reads as ""), else nil.
    public var text: String? {
        guard valueNode.kind == .scalar else { return nil }
        return valueNode.isNull ? "" : valueNode.value
    }

    /// The entries of an annotations mapping, in source order.
    public static func entries(of node: YAMLNode?, onPodTemplate: Bool) -> [AnnotationEntry] {
        guard let node, node.kind == .mapping else { return [] }
        return node.pairs.compactMap { pair in
            guard pair.key.kind == .scalar, !pair.isMerge else { return nil }
            return AnnotationEntry(key: pair.key.value, keyNode: pair.key, valueNode: pair.value, onPodTemplate: onPodTemplate)
        }
    }
}

/// A workload's annotations: its own (`metadata.annotations`, a CronJob's job template's) and
/// its pod template's. The operator's webhook sees both, the workload's first.
public struct AnnotationSet: Sendable {
    /// The workload's own annotations.
    public let workloadEntries: [AnnotationEntry]
    /// The pod template's annotations.
    public let podTemplateEntries: [AnnotationEntry]

    /// Reads the annotations of `workload`.
    public init(_ workload: Workload) {
        workloadEntries = AnnotationEntry.entries(of: workload.annotationsNode, onPodTemplate: false)
        podTemplateEntries = AnnotationEntry.entries(of: workload.podTemplateAnnotationsNode, onPodTemplate: true)
    }

    /// Every entry, the workload's first.
    public var all: [AnnotationEntry] { workloadEntries + podTemplateEntries }

    /// The entry in force for `key`: the workload's, else the pod template's (the last of duplicates).
    public func entry(_ key: String) -> AnnotationEntry? {
        workloadEntries.last { $0.key == key } ?? podTemplateEntries.last { $0.key == key }
    }

    /// The text of the entry in force for `key`.
    public func value(_ key: String) -> String? { entry(key)?.text }

    /// Whether `key` is set to `"true"`.
    public func isTrue(_ key: String) -> Bool { value(key) == "true" }
}
