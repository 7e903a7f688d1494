import KubeManifests
import SpliceYAML

/// Removes what inject writes, read from the same profile definitions: the entries of the
/// profile a workload declares whose values are the ones this tool writes (given the
/// workload's own protocol, hosts and ports), proxy variables that point at the sidecar's
/// forward proxy (also on workloads the sidecar was removed from, whose traffic would go
/// nowhere), and the Speedscale egress host of Istio Sidecars. Collections left empty go
/// with their keys, so that uninject of inject gives the original bytes.
public struct Uninjector: Sendable {
    /// The options in force: the extra `NO_PROXY` hosts, outbound port and proxy host to
    /// recognise where the workload does not show them, the selector and Sidecar egress.
    public let options: InjectOptions

    /// Makes an uninjector.
    public init(options: InjectOptions) {
        self.options = options
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
                let (status, edits) = plan(workload, source: plans[index].parsed.source, editor: editor)
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

    /// The status and edits of one workload.
    func plan(_ workload: Workload, source: YAMLSource, editor: YAMLEditor) -> (WorkloadOutcome.Status, [Edit]) {
        let settings = options.settings(for: workload)
        let context = WorkloadContext(workload: workload, source: source, hints: settings.request.hints, settings: options.ruleSettings)
        let filter = WorkloadFilter(selector: options.selector, purpose: .uninject)
        if let reason = filter.skipReason(workload, declared: context.declared) ?? (settings.exclude == true ? .excluded(by: settings.matched) : nil) {
            return (.skipped(reason.description), [])
        }
        let fallback = settings.request.settings(over: ProfileSettings(), for: context)
        let current = ProfileSettings(reading: context, fallback: fallback)
        let port = workload.annotations[SpeedscaleAnnotation.proxyPort].flatMap(PortNumber.parse)
        let javaOptions = CurrentEntries(workload, container: context.appContainer.value).value(at: .variable(JavaTrustStore.toolOptionsVariable)).text
        let facts = EntryFacts(appPort: port, javaToolOptions: javaOptions)
        var profiles: [CaptureProfile] = context.declared.profile.map { [$0] } ?? []
        if context.declared == .sidecarAndEBPF {
            profiles = [.ebpf] + CaptureProfile.allCases.filter { $0.usesSidecar && $0.proxyType == context.sidecar.proxyType }
        }
        let annotationEntries = profiles.flatMap { $0.resolveForEveryRuntime(current, facts: facts) }
            .filter { !$0.place.isOnContainer && $0.place.variableName == nil }
        var edits: [Edit] = []
        var containerChanges: [(Container?, [EntryChange])] = []
        // The JVM flags go on the container without tls-out; recognise them there in any case.
        var plain = current
        plain.tlsOut = false
        plain.tlsOutByOperator = false
        var proxyEntries: [ResolvedEntry] = []
        var seen: Set<ResolvedEntry> = []
        for entry in CaptureProfile.forward.resolveForEveryRuntime(current, facts: facts) + CaptureProfile.forward.resolveForEveryRuntime(plain, facts: facts)
        where entry.place.variableName != nil && seen.insert(entry).inserted {
            proxyEntries.append(entry)
        }
        // The proxy variables of every container that is not a known sidecar, and of the
        // extra-container-env-vars annotation (checked once, with the first).
        let containers = workload.containers.filter { !AppContainer.isKnownSidecar($0) }
        for (offset, container) in (containers.isEmpty ? [nil] : containers.map { Optional($0) }).enumerated() {
            let entries = CurrentEntries(workload, container: container)
            var changes: [EntryChange] = []
            if offset == 0 {
                changes += annotationEntries.filter { entries.value(at: $0.place).text == $0.value }.map { .remove($0.place) }
            }
            let candidates = proxyEntries.filter { offset == 0 || $0.place.isOnContainer }
            let routes = Self.matchedRoutes(candidates, in: entries)
            changes += routes.map { .remove($0.place) }
            let pointsAtSidecar = Set(routes.map { $0.place.isOnContainer })
            changes += candidates.filter { entry in
                entry.role == .companion && pointsAtSidecar.contains(entry.place.isOnContainer)
                    && entries.value(at: entry.place).text == entry.value
            }.map { .remove($0.place) }
            containerChanges.append((container, changes))
        }
        for (container, changes) in containerChanges where !changes.isEmpty {
            do {
                edits += try WorkloadWriter(workload: workload, container: container, editor: editor).edits(for: changes)
            } catch {
                return (.failed([.blocked(error)]), [])
            }
        }
        return edits.isEmpty ? (.unchanged, []) : (.uninjected, edits)
    }

    /// The route entries of `candidates` that hold this tool's values in `entries`: a proxy
    /// variable on its own, a JVM proxy host only with its port (and the port with its host).
    static func matchedRoutes(_ candidates: [ResolvedEntry], in entries: CurrentEntries) -> [ResolvedEntry] {
        let routes = candidates.filter { $0.role == .route }
        let matches = routes.filter { entries.value(at: $0.place).text == $0.value }
        // Every place of the group must hold one of the values this tool writes there.
        return matches.filter { match in
            routes.filter { $0.routeGroup == match.routeGroup }.allSatisfy { member in matches.contains { $0.place == member.place } }
        }
    }

    /// Removes `<speedscale namespace>/*` from the egress hosts of the Sidecars of `namespaces`.
    private func removeEgressHosts(from plans: inout [FilePlan], namespaces: Set<String?>) {
        let wanted = "\(options.speedscaleNamespace)/*"
        for index in plans.indices {
            for sidecar in plans[index].parsed.manifests.sidecars where namespaces.contains(sidecar.namespace) {
                let listeners = sidecar.egress.filter { $0.hosts.contains(wanted) }
                guard !listeners.isEmpty else { continue }
                var patch = DocumentPatch(editor: plans[index].editor(forDocument: sidecar.object.documentIndex), root: sidecar.object.node)
                for listener in listeners {
                    patch.remove([.key("spec"), .key("egress"), .index(listener.index), .key("hosts"), .scalar(wanted)], pruningEmptyParents: 1)
                }
                let status: WorkloadOutcome.Status
                var notes: [String] = []
                do {
                    plans[index].edits += try patch.edits()
                    status = .uninjected
                    notes.append("egress: removed \"\(wanted)\"")
                } catch {
                    status = .failed([.blocked(error)])
                }
                plans[index].outcomes.append(plans[index].outcome(for: sidecar.object, status: status, notes: notes))
            }
        }
    }
}
