import KubeManifests
import SpliceYAML

/// An annotation `speedscale-istio.io/ignore-<ID>: "<reason>"` on a resource, which
/// silences rule `<ID>` for that resource when it gives a reason.
public struct Suppression: Sendable {
    /// The annotation prefix.
    public static let prefix = "speedscale-istio.io/ignore-"

    /// The rule ID the key names (as written).
    public let ruleID: String
    /// The annotation entry.
    public let entry: AnnotationEntry

    /// The reason, trimmed; empty when none is given.
    public var reason: String { (entry.text ?? "").trimmingSpaces }

    /// Whether it silences findings: it must say why.
    public var isEffective: Bool { !reason.isEmpty }

    /// The suppressions on `object`'s `metadata.annotations`.
    public static func all(on object: KubeObject) -> [Suppression] {
        AnnotationEntry.entries(of: object.node.lookup(["metadata", "annotations"]), onPodTemplate: false).compactMap { entry in
            guard entry.key.hasPrefix(prefix) else { return nil }
            return Suppression(ruleID: String(entry.key.dropFirst(prefix.count)), entry: entry)
        }
    }

    /// Whether one of `suppressions` silences rule `id`.
    public static func silences(_ suppressions: [Suppression], _ id: String) -> Bool {
        suppressions.contains { $0.isEffective && $0.ruleID.uppercased() == id }
    }
}
