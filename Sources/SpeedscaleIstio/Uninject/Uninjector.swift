import KubeManifests
import SpliceYAML

/// Removes exactly what ``Injector`` adds: the profile annotations (D3, D1), the proxy
/// variables of D4 when they hold a value inject writes, and the Speedscale egress host of
/// D7. Keys that inject created and that end up empty go too, so that uninject of inject
/// gives the original bytes.
public struct Uninjector: Sendable {
    /// The annotation keys inject may write.
    public static let annotationKeys: [String] = [
        SpeedscaleAnnotation.inject, SpeedscaleAnnotation.captureMode, SpeedscaleAnnotation.proxyType,
        SpeedscaleAnnotation.proxyProtocol, SpeedscaleAnnotation.proxyHost, SpeedscaleAnnotation.proxyPort,
        SpeedscaleAnnotation.tlsOut, SpeedscaleAnnotation.proxyOutPort, SpeedscaleAnnotation.istioCNI,
    ]

    /// The variable names inject may write.
    public static let variableNames: Set<String> = ["HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"]

    /// The options in force (the proxy host and outbound port tell which values inject wrote).
    public let options: InjectOptions

    /// Makes an uninjector.
    public init(options: InjectOptions) {
        self.options = options
    }

    /// Whether `value` is a proxy URL inject writes under the options in force.
    public func isInjectedProxyValue(_ value: String) -> Bool {
        InjectOptions.ProxyProtocol.allCases.contains { value == options.proxyURL(for: $0) }
    }

    /// Uninjects every workload of `inputs`, and removes the Speedscale egress host from the
    /// Istio `Sidecar`s of their namespaces.
    /// - Throws: ``InjectError`` when an input does not parse, or an edit would break it.
    public func uninject(_ inputs: [ManifestInput]) throws(InjectError) -> [InjectionResult] {
        let parsed = try inputs.map { input throws(InjectError) in try ParsedInput(input) }
        var plans = parsed.map { FilePlan(parsed: $0) }
        var namespaces: Set<String?> = []
        for index in plans.indices {
            for workload in plans[index].parsed.manifests.workloads {
                let editor = plans[index].editor(forDocument: workload.object.documentIndex)
                let (status, edits) = plan(workload, editor: editor)
                plans[index].edits += edits
                if status == .uninjected { namespaces.insert(workload.object.namespace) }
                plans[index].outcomes.append(plans[index].outcome(for: workload.object, status: status))
            }
        }
        if options.sidecarEgress {
            removeEgressHosts(from: &plans, namespaces: namespaces)
        }
        return try plans.map { plan throws(InjectError) in try plan.result() }
    }

    /// The values inject writes for the annotations whose value does not depend on the workload.
    static let fixedValues: [String: Set<String>] = [
        SpeedscaleAnnotation.inject: ["true"], SpeedscaleAnnotation.captureMode: ["proxy"],
        SpeedscaleAnnotation.proxyType: ["dual"], SpeedscaleAnnotation.proxyProtocol: ["tcp:http", "tcp:socks"],
        SpeedscaleAnnotation.tlsOut: ["true"], SpeedscaleAnnotation.istioCNI: ["true"],
    ]

    /// Whether `pair` is an annotation inject writes, with a value inject writes.
    static func isInjectedAnnotation(_ pair: YAMLPair) -> Bool {
        guard pair.key.kind == .scalar, annotationKeys.contains(pair.key.value), pair.value.kind == .scalar else { return false }
        return fixedValues[pair.key.value].map { $0.contains(pair.value.value) } ?? true
    }

    /// The status and edits of one workload.
    func plan(_ workload: Workload, editor: YAMLEditor) -> (WorkloadOutcome.Status, [Edit]) {
        if let selector = options.selector, !selector.matches(workload.object.labels) {
            return (.skipped("not selected by -l \(selector)"), [])
        }
        if workload.annotations[SpeedscaleAnnotation.inject] == "false" {
            return (.skipped("opted out with \(SpeedscaleAnnotation.inject): \"false\""), [])
        }
        var edits: [Edit] = []
        if let owner = workload.annotationOwner, let metadata = owner["metadata"], let annotations = metadata["annotations"],
           annotations.kind == .mapping {
            let indexes = annotations.pairs.indices.filter { Self.isInjectedAnnotation(annotations.pairs[$0]) }
            edits += removal(of: indexes, from: annotations, key: "annotations", in: metadata, owner: owner, editor: editor,
                             removeOwnerKey: workload.kind.annotationOwnerPath.isEmpty ? nil : "metadata")
        }
        for container in workload.containers {
            guard let env = container.envNode, env.kind == .sequence else { continue }
            let indexes = container.env.filter { variable in
                Self.variableNames.contains(variable.name) && !variable.hasValueFrom && variable.value.map(isInjectedProxyValue) == true
            }.map(\.index)
            edits += removal(of: indexes, from: env, key: "env", in: container.node, owner: nil, editor: editor, removeOwnerKey: nil)
        }
        if edits.isEmpty { return (.unchanged, []) }
        return (.uninjected, edits)
    }

    /// Edits that remove the children at `indexes` of `collection` (the value of `key` in
    /// `parent`). A block collection left empty loses its key too (and `parent`, the value of
    /// `removeOwnerKey` in `owner`, when it is left empty in turn).
    private func removal(
        of indexes: [Int], from collection: YAMLNode, key: String, in parent: YAMLNode, owner: YAMLNode?,
        editor: YAMLEditor, removeOwnerKey: String?
    ) -> [Edit] {
        guard !indexes.isEmpty else { return [] }
        let count = collection.kind == .mapping ? collection.pairs.count : collection.items.count
        let keyLineHasComment = parent.pair(forKey: key).map { pair in
            editor.source.text(pair.key.end..<editor.source.nextLineStart(afterByte: pair.key.end)).contains("#")
        } ?? true
        if indexes.count == count && !collection.isFlow && !keyLineHasComment && parent.kind == .mapping && !parent.isFlow,
           let keyIndex = parent.pairs.firstIndex(where: { $0.key.kind == .scalar && $0.key.value == key }) {
            if parent.pairs.count == 1, let owner, let removeOwnerKey,
               let ownerIndex = owner.pairs.firstIndex(where: { $0.key.kind == .scalar && $0.key.value == removeOwnerKey }) {
                return editor.removeEntries(at: [ownerIndex], from: owner)
            }
            return editor.removeEntries(at: [keyIndex], from: parent)
        }
        if indexes.count == count && collection.isFlow && parent.isFlow && editor.isJSON && parent.pairs.count > 1,
           let keyIndex = parent.pairs.firstIndex(where: { $0.key.kind == .scalar && $0.key.value == key }),
           editor.source.lineIndex(ofByte: collection.contentStart) != editor.source.lineIndex(ofByte: collection.end - 1) {
            // A JSON object inject expanded from nothing: remove the key with it.
            return editor.removeEntries(at: [keyIndex], from: parent)
        }
        return collection.kind == .mapping ? editor.removeEntries(at: indexes, from: collection) : editor.removeItems(at: indexes, from: collection)
    }

    /// Removes `<speedscale namespace>/*` from the egress hosts of the Sidecars of `namespaces`.
    private func removeEgressHosts(from plans: inout [FilePlan], namespaces: Set<String?>) {
        let wanted = "\(options.speedscaleNamespace)/*"
        for index in plans.indices {
            for sidecar in plans[index].parsed.manifests.sidecars where namespaces.contains(sidecar.namespace) {
                var edits: [Edit] = []
                for listener in sidecar.egress {
                    guard let hosts = listener.hostsNode, hosts.kind == .sequence, hosts.items.count > 1 else { continue }
                    let indexes = hosts.items.indices.filter { hosts.items[$0].kind == .scalar && hosts.items[$0].value == wanted }
                    guard !indexes.isEmpty, indexes.count < hosts.items.count else { continue }
                    let editor = plans[index].editor(forDocument: sidecar.object.documentIndex)
                    edits += editor.removeItems(at: indexes, from: hosts)
                }
                guard !edits.isEmpty else { continue }
                plans[index].edits += edits
                plans[index].outcomes.append(plans[index].outcome(
                    for: sidecar.object, status: .uninjected, notes: ["egress: removed \"\(wanted)\""]))
            }
        }
    }
}
