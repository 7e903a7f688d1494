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

    /// Uninjects every workload of `inputs`, and removes the Speedscale egress that inject
    /// adds from the Istio `Sidecar`s that applied to them, unless a workload that keeps the
    /// Speedscale sidecar still needs it. An input that is not YAML gets a result with its
    /// ``InjectionResult/parseError`` and is otherwise left out.
    ///
    /// Inputs are parsed, their workloads planned, and the results checked on up to `workers`
    /// threads (a long stream in pieces). A large run without Sidecars to clean is read a
    /// window at a time, as `windowing` says. The results depend on neither `workers` nor
    /// `windowing`.
    /// - Throws: ``InjectError`` when an edit would break a document (a bug in the tool).
    public func uninject(_ inputs: [ManifestInput], workers: Workers = .one, windowing: Windowing = .standard) throws(InjectError) -> [InjectionResult] {
        let cleansSidecars = options.sidecarEgress
        // Only Namespaces (for their labels) and Sidecars bear on workloads elsewhere in the run.
        let kinds = KindMention(["Namespace", "Sidecar"])
        if let results = try WindowedRun.results(
            of: inputs, windowing: windowing, workers: workers, reading: kinds, needsWholeRun: { cleansSidecars && !$0.sidecars.isEmpty },
            plan: { parsed, workloads, index, memo in
                self.plan(workloads, of: parsed, index: index, memo: memo, keepingContexts: false).file
            }
        ) {
            return results
        }
        // Planned in a function of its own: the parsed inputs are freed when it returns,
        // before the outputs are made and checked.
        let (slots, files) = plan(inputs, workers: workers)
        return try slots.results(of: files, workers: workers)
    }

    /// The edits, outcomes and notes of every parsed input of `inputs`.
    private func plan(_ inputs: [ManifestInput], workers: Workers) -> (RunSlots, [FileEdits]) {
        let run = RunInputs(inputs, workers: workers)
        let index = MeshIndex(run.parsed.map(\.manifests), workers: workers)
        // The facts of the workloads serve only to take egress out of Sidecars: a run
        // without a Sidecar does not keep them.
        let keepsContexts = options.sidecarEgress && run.parsed.contains { !$0.manifests.sidecars.isEmpty }
        let planned = run.planWorkloads(workers: workers) { parsed, workloads, memo in
            self.plan(workloads, of: parsed, index: index, memo: memo, keepingContexts: keepsContexts)
        }
        var plans = run.plans(joining: planned.runs, planned.plans.map(\.file))
        if options.sidecarEgress {
            removeEgress(from: &plans, uninjected: planned.plans.flatMap(\.uninjected), remaining: planned.plans.flatMap(\.remaining))
        }
        return (run.resultSlots, plans.map(\.finished))
    }

    /// The plan of `workloads`, which `parsed` holds; with the facts of the workloads
    /// uninjected and of those left running the sidecar when `keepingContexts`.
    private func plan(
        _ workloads: [Workload], of parsed: ParsedInput, index: MeshIndex, memo: ResolutionMemo, keepingContexts: Bool
    ) -> UninjectPlan {
        var plan = UninjectPlan(file: FilePlan(parsed: parsed))
        plan.file.infersLayouts = false
        for workload in workloads {
            let settings = options.settings(for: workload)
            let context = WorkloadContext(
                workload: workload, source: parsed.source, hints: settings.request.hints, settings: options.ruleSettings,
                namespaceLabels: index.labels(ofNamespace: workload.object.namespace))
            let editor = plan.file.editor(forDocument: workload.object.documentIndex)
            let (status, edits) = self.plan(context, settings: settings, editor: editor, memo: memo)
            plan.file.edits += edits
            if keepingContexts && status == .uninjected {
                plan.uninjected.append(context)
            } else if keepingContexts && context.sidecar.isInjected {
                plan.remaining.append(context)
            }
            plan.file.outcomes.append(plan.file.outcome(for: workload.object, status: status))
        }
        return plan
    }

    /// The status and edits of one workload.
    func plan(_ context: WorkloadContext, settings: WorkloadSettings, editor: YAMLEditor, memo: ResolutionMemo = ResolutionMemo()) -> (WorkloadOutcome.Status, [Edit]) {
        let workload = context.workload
        let filter = WorkloadFilter(selector: options.selector, purpose: .uninject)
        if let reason = filter.skipReason(workload, declared: context.declared) ?? (settings.exclude == true ? .excluded(by: settings.matched) : nil) {
            return (.skipped(reason.description), [])
        }
        let fallback = settings.request.settings(over: ProfileSettings(), for: context)
        let appEntries = CurrentEntries(workload, container: context.appContainer.value)
        let reading = ProfileSettings.reading(context, fallback: fallback, entries: appEntries)
        let current = reading.settings
        let port = workload.annotation(SpeedscaleAnnotation.proxyPort).flatMap(PortNumber.parse)
        let javaOptions = appEntries.value(at: .variable(JavaTrustStore.toolOptionsVariable)).text
        let facts = EntryFacts(appPort: port, javaToolOptions: javaOptions)
        var profiles: [CaptureProfile] = context.declared.profile.map { [$0] } ?? []
        if context.declared == .sidecarAndEBPF {
            profiles = [.ebpf] + CaptureProfile.allCases.filter { $0.usesSidecar && $0.proxyType == context.sidecar.proxyType }
        } else if context.declared.profile == .ebpf, let hidden = DeclaredProfile.partialSidecarProfile(proxyType: context.sidecar.proxyType) {
            // eBPF capture hides a sidecar profile declared without `inject: "true"`: once the
            // eBPF entries are gone, a second run would read that one and remove its entries,
            // so they go in this run too.
            profiles.append(hidden)
        }
        let annotationEntries = profiles.flatMap { memo.everyRuntime($0, current, facts: facts) }
            .filter { !$0.place.isOnContainer && $0.place.variableName == nil }
        var edits: [Edit] = []
        var containerChanges: [(Container?, CurrentEntries, [EntryChange])] = []
        // Proxy URLs that disagree show other settings each; reading takes the first, and once
        // it is gone, a second run would read the next: all of them are recognised at once.
        var readings = [current] + reading.otherProxyURLReadings
        // The JVM flags go on the container without tls-out; recognise them there in any case.
        for shown in readings {
            var plain = shown
            plain.tlsOut = false
            plain.tlsOutByOperator = false
            if !readings.contains(plain) { readings.append(plain) }
        }
        // Each resolution lists an entry once; with one reading there is nothing to merge.
        let candidates = readings.flatMap { memo.everyRuntime(.forward, $0, facts: facts) }
        var proxyEntries: [ResolvedEntry] = []
        var seen: Set<ResolvedEntry> = []
        for entry in candidates where entry.place.variableName != nil && (readings.count == 1 || seen.insert(entry).inserted) {
            proxyEntries.append(entry)
        }
        // The proxy variables of every container that is not a known sidecar, and of the
        // extra-container-env-vars annotation (checked once, with the first).
        let containers = workload.containers.filter { !AppContainer.isKnownSidecar($0) }
        let app = context.appContainer.value
        for (offset, container) in (containers.isEmpty ? [nil] : containers.map { Optional($0) }).enumerated() {
            let isApp = container?.index == app?.index && container?.isInit == app?.isInit
            let entries = isApp ? appEntries : CurrentEntries(workload, container: container)
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
            containerChanges.append((container, entries, changes))
        }
        for (container, entries, changes) in containerChanges where !changes.isEmpty {
            do {
                edits += try WorkloadWriter(workload: workload, container: container, editor: editor, entries: entries).edits(for: changes)
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
        let isMatch = routes.map { holds(entries.value(at: $0.place).text, $0) }
        guard isMatch.contains(true) else { return [] }
        // Every place of the group must hold one of the values this tool writes there (a place
        // may have several candidates, one per value). Routes are few: compared, not hashed.
        let placeMatched = routes.indices.map { index in
            isMatch[index] || routes.indices.contains { isMatch[$0] && routes[$0].place == routes[index].place }
        }
        let groups = routes.map(\.routeGroup)
        return routes.indices.filter { index in
            isMatch[index] && routes.indices.allSatisfy { placeMatched[$0] || groups[$0] != groups[index] }
        }.map { routes[$0] }
    }

    /// Whether `written` is the route `entry` writes: the same text, or, for a proxy URL
    /// (`http://localhost:4140`, no path), the same URL with its scheme and host in other
    /// letter cases, which name the same proxy (`http://localHost:4140`).
    static func holds(_ written: String?, _ entry: ResolvedEntry) -> Bool {
        guard let written else { return false }
        if written == entry.value { return true }
        guard entry.place.variableName != nil, let scheme = ProxyURL.schemeSeparator(in: entry.value[...]),
              !entry.value[scheme.upperBound...].contains("/") else { return false }
        return written.lowercased() == entry.value.lowercased()
    }

    /// Removes what inject adds to the Sidecars of their own namespaces that applied to the
    /// `uninjected` workloads and to none of the `remaining` ones (which keep the Speedscale
    /// sidecar): the listener inject adds for the forwarder's port, or the Speedscale host of
    /// the listener that serves that port.
    private func removeEgress(from plans: inout [FilePlan], uninjected: [WorkloadContext], remaining: [WorkloadContext]) {
        let settings = options.ruleSettings
        let inputs = plans.map(\.parsed.manifests)
        let kept = Set(SidecarEgressAudit(inputs: inputs, workloads: remaining, settings: settings).entries.map { [$0.input, $0.sidecar.object.node.start] })
        let audit = SidecarEgressAudit(inputs: inputs, workloads: uninjected, settings: settings)
        let forwarder = audit.forwarder
        for entry in audit.entries where entry.scope == .namespace && !kept.contains([entry.input, entry.sidecar.object.node.start]) {
            let sidecar = entry.sidecar
            guard let listener = ForwarderReach.listener(serving: forwarder.port, in: sidecar) else { continue }
            let item: YAMLPath = [.key("spec"), .key("egress"), .index(listener.index)]
            var patch = DocumentPatch(editor: plans[entry.input].editor(forDocument: sidecar.object.documentIndex), root: sidecar.object.node)
            let note: String
            if ForwarderListener(forwarder).isWritten(listener) {
                patch.remove(item, pruningEmptyParents: 1)
                note = "egress: removed the listener for port \(forwarder.port) with \"\(forwarder.egressHost)\""
            } else if listener.hosts.contains(forwarder.egressHost) {
                patch.remove(item.appending(.key("hosts"), .scalar(forwarder.egressHost)), pruningEmptyParents: 1)
                note = "egress: removed \"\(forwarder.egressHost)\""
            } else {
                continue
            }
            let status: WorkloadOutcome.Status
            var notes: [String] = []
            do {
                plans[entry.input].edits += try patch.edits()
                status = .uninjected
                notes.append(note)
            } catch {
                status = .failed([.blocked(error)])
            }
            plans[entry.input].outcomes.append(plans[entry.input].outcome(for: sidecar.object, status: status, notes: notes))
        }
    }
}

/// What uninject planned for a run of workloads: the file's edits and outcomes, and the
/// workloads that lost the sidecar or keep it (for the Sidecar egress).
private struct UninjectPlan: Sendable {
    var file: FilePlan
    var uninjected: [WorkloadContext] = []
    var remaining: [WorkloadContext] = []
}
