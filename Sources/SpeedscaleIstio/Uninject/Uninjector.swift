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
    /// Istio `Sidecar`s of their namespaces. An input that is not YAML gets a result with its
    /// ``InjectionResult/parseError`` and is otherwise left out.
    /// - Throws: ``InjectError`` when an edit would break a document (a bug in the tool).
    public func uninject(_ inputs: [ManifestInput]) throws(InjectError) -> [InjectionResult] {
        let run = RunInputs(inputs)
        var plans = run.parsed.map { FilePlan(parsed: $0) }
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
        return try run.results(plans.map { plan throws(InjectError) in try plan.result() })
    }

    /// The status and edits of one workload.
    func plan(_ workload: Workload, source: YAMLSource, editor: YAMLEditor) -> (WorkloadOutcome.Status, [Edit]) {
        let context = WorkloadContext(workload: workload, source: source, hints: options.request.hints, settings: options.ruleSettings)
        let filter = WorkloadFilter(selector: options.selector, purpose: .uninject)
        if let reason = filter.skipReason(workload, declared: context.declared) {
            return (.skipped(reason.description), [])
        }
        let fallback = options.request.settings(over: ProfileSettings())
        let current = ProfileSettings(reading: context, fallback: fallback)
        let port = workload.annotations[SpeedscaleAnnotation.proxyPort].flatMap(PortNumber.parse)
        var profiles: [CaptureProfile] = context.declared.profile.map { [$0] } ?? []
        if context.declared == .sidecarAndEBPF {
            profiles = [.ebpf] + CaptureProfile.allCases.filter { $0.usesSidecar && $0.proxyType == context.sidecar.proxyType }
        }
        let annotationEntries = profiles.flatMap { $0.resolve(current, appPort: port) }.filter { !$0.place.isOnContainer && $0.place.variableName == nil }
        var edits: [Edit] = []
        var containerChanges: [(Container?, [EntryChange])] = []
        let proxyEntries = CaptureProfile.forward.resolve(current, appPort: nil).filter { $0.place.variableName != nil }
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
            let urls = candidates.filter { $0.place.listVariable == nil && entries.value(at: $0.place).text == $0.value }
            changes += urls.map { .remove($0.place) }
            let pointsAtSidecar = Set(urls.map { $0.place.isOnContainer })
            changes += candidates.filter { entry in
                entry.place.listVariable != nil && pointsAtSidecar.contains(entry.place.isOnContainer)
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
