import KubeManifests

/// Works out how one workload moves to the profile asked for: which entries to set and which
/// to remove, as one set of changes. The entries of the profile it declares now that the new
/// one does not own are removed (a conversion); the new profile's entries are set. A value
/// this tool would not have written is a conflict, unless overwriting is allowed.
struct Convergence {
    /// The workload's facts.
    let context: WorkloadContext
    /// Its current entries, with its app container's variables.
    let entries: CurrentEntries
    /// What was asked.
    let request: ProfileRequest
    /// Whether values this tool would not write may be replaced.
    let overwrite: Bool
    /// The configuration file's overrides that applied to the workload.
    var configuration: [String] = []
    /// Profiles resolved for earlier workloads.
    var memo = ResolutionMemo()

    /// What to do with the workload.
    enum Plan {
        /// Changes to make (none when it already has everything), with what happened.
        case changes([EntryChange], status: WorkloadOutcome.Status, decision: InjectDecision)
        /// It cannot be injected.
        case failed([WorkloadProblem])
    }

    /// The plan.
    func plan() -> Plan {
        let declared = context.declared
        let base = request.settings(over: ProfileSettings(), for: context)
        let reading = ProfileSettings.reading(context, fallback: base, entries: entries)
        let current = reading.settings
        let settings = request.settings(over: current, for: context)
        var oldProfiles = declared.profile.map { [$0] } ?? []
        var keptProfile: CaptureProfile?
        var target: CaptureProfile
        var profileSource: String
        if let mode = request.mode {
            target = mode
            profileSource = "asked for"
        } else {
            switch declared {
            case .profile(let profile, _) where profile != .dual:
                target = profile
                keptProfile = profile
                profileSource = "the workload's own"
            case .sidecarAndEBPF:
                return .failed([.sidecarAndEBPF])
            case .profile(.dual, _):
                target = .dual
                profileSource = "the workload's own"
            default:
                target = .dual
                profileSource = "the default"
            }
        }
        let sidecarProfile = context.sidecar.proxyType.flatMap { type in CaptureProfile.allCases.first { $0.proxyType == type } }
        if declared == .sidecarAndEBPF {
            oldProfiles = [.ebpf, sidecarProfile ?? .transparent]
        } else if case .other = declared, !target.usesSidecar {
            // A sidecar none of the profiles describes (proxy-type "reverse"): eBPF capture
            // takes its `inject: "true"` away, or the operator would be asked for both.
            oldProfiles = [sidecarProfile ?? .transparent]
        }
        var profileReason: String?
        var port: AppPort?
        if target == .dual || (keptProfile == .forward) {
            switch context.appPort {
            case .found(let found)?:
                port = found
            case .none?:
                if target == .dual {
                    target = .forward
                    profileReason = "forward only: no inbound port"
                }
            case .several(let ports)?:
                if target == .dual {
                    return .failed([.severalPorts(container: context.appContainer.value?.name ?? "<unnamed>", ports: ports)])
                }
            case nil:
                if target == .dual, let problem = context.appContainer.problem { return .failed([problem]) }
            }
            if keptProfile == .forward && port == nil { keptProfile = nil }
        }
        let needsContainer = target.usesForwardProxy && settings.environmentPlacement == .container
        if needsContainer, let problem = context.appContainer.problem { return .failed([problem]) }
        let javaOptions = entries.value(at: .variable(JavaTrustStore.toolOptionsVariable)).text
        let wanted = memo.resolve(target, settings, facts: EntryFacts(appPort: target == .dual ? port?.number : nil, javaToolOptions: javaOptions))
        let currentPort = context.workload.annotation(SpeedscaleAnnotation.proxyPort).flatMap(PortNumber.parse)
        // What this tool writes under any runtime counts as its own: a runtime changed (by a
        // flag, or because it is now detected) is a conversion, not a conflict.
        // Also as the asked-for tls-out would place them (JVM flags move between the container
        // and tls-java-tool-options-value): a run that adds tls-out must remove what the next
        // run would, or a second run would change the output again.
        var asTLSAsked = current
        asTLSAsked.tlsOut = settings.tlsOut
        asTLSAsked.tlsOutByOperator = settings.tlsOutByOperator
        let readings = asTLSAsked == current ? [current] : [current, asTLSAsked]
        // The target's own entries under other runtimes too: once written, the workload declares
        // the target, and the next run would remove them (a runtime changed is a conversion).
        let old = (oldProfiles.contains(target) ? oldProfiles : oldProfiles + [target]).flatMap { profile in
            readings.flatMap { memo.everyRuntime(profile, $0, facts: EntryFacts(appPort: currentPort, javaToolOptions: javaOptions)) }
        }
        // Needed only where a value differs from the one wanted (resolving every runtime costs).
        lazy var owned = old + memo.everyRuntime(target, current, facts: EntryFacts(appPort: currentPort ?? port?.number, javaToolOptions: javaOptions))
        var changes: [EntryChange] = []
        var problems: [WorkloadProblem] = []
        if target.usesForwardProxy && settings.runtime == .node && settings.forwardProtocol != .http {
            problems.append(.runtimeNeedsHTTPProxy(runtime: .node))
        }
        for entry in wanted {
            switch entries.value(at: entry.place) {
            case .absent:
                changes.append(.set(entry.place, entry.value))
            case .value(let text, let isString):
                if text == entry.value && (isString || !Self.mustBeString(entry.place)) { continue }
                if text == entry.value || overwrite || owned.contains(where: { $0.place == entry.place && $0.value == text }) {
                    changes.append(.set(entry.place, entry.value))
                } else {
                    problems.append(.conflict(place: entry.place, current: text, wanted: entry.value))
                }
            case .valueFrom:
                problems.append(.valueFrom(variable: entry.place.variableName ?? "", container: context.appContainer.value?.name ?? ""))
            case .notScalar:
                if overwrite {
                    changes.append(.set(entry.place, entry.value))
                } else {
                    problems.append(.conflict(place: entry.place, current: "not a single value", wanted: entry.value))
                }
            }
        }
        problems += portProblems(target, settings: settings)
        problems += copiedOptionConflicts(wanted, javaOptions: javaOptions, owned: owned)
        if settings.environmentPlacement == .annotation {
            problems += containerVariableConflicts(wanted, owned: owned)
        }
        let wantedPlaces = Set(wanted.map(\.place))
        for entry in old where !wantedPlaces.contains(entry.place) && !changes.contains(.remove(entry.place)) {
            if entries.value(at: entry.place).text == entry.value { changes.append(.remove(entry.place)) }
        }
        if !problems.isEmpty { return .failed(problems) }
        let usesContainer = wanted.contains { $0.place.isOnContainer || $0.place.jvmOptionsHolder != nil } || target.usesForwardProxy
        let runtime = target.usesSidecar ? request.runtime(for: context, current: reading.runtime) : nil
        let decision = InjectDecision(
            profile: target, profileReason: profileReason, kept: keptProfile,
            container: usesContainer ? context.appContainer.value?.name : nil, port: target == .dual ? port : nil,
            profileSource: profileSource, containerReason: usesContainer ? context.appContainerReason : nil,
            runtime: runtime, advice: target.usesSidecar ? RuntimeAdvice.notes(for: target, settings: settings) : [],
            configuration: configuration)
        let status: WorkloadOutcome.Status
        if let from = declared.profile, from != target, request.mode != nil, !changes.isEmpty {
            // Converted only when something changes: a profile declared on the pod template (where
            // the operator does not read it, and lint says so) is not this tool's to move.
            status = .converted(from: from, to: target)
        } else if let keptProfile, changes.isEmpty {
            status = .kept(keptProfile, convertTo: .dual)
        } else {
            status = changes.isEmpty ? .unchanged : .injected
        }
        return .changes(changes, status: status, decision: decision)
    }

    /// Containers that listen on the ports the sidecar of `target` listens on itself.
    private func portProblems(_ target: CaptureProfile, settings: ProfileSettings) -> [WorkloadProblem] {
        guard target.usesSidecar else { return [] }
        let listeners = [(context.sidecar.inPort ?? SpeedscaleAnnotation.defaultInPort, "inbound"), (settings.outboundPort, "outbound")]
        var problems: [WorkloadProblem] = []
        for container in context.workload.containers where !AppContainer.isKnownSidecar(container) {
            for port in container.ports {
                guard let number = port.number, let listener = listeners.first(where: { $0.0 == number }) else { continue }
                problems.append(.portTaken(port: number, container: container.name ?? "", listener: listener.1))
            }
        }
        return problems
    }

    /// With tls-out, the JVM flags go into the annotation together with a copy of the app
    /// container's `JAVA_TOOL_OPTIONS`; a property there that this tool also writes, with
    /// another value, would be overridden without a word: a conflict unless overwriting.
    private func copiedOptionConflicts(_ wanted: [ResolvedEntry], javaOptions: String?, owned: @autoclosure () -> [ResolvedEntry]) -> [WorkloadProblem] {
        guard !overwrite, let javaOptions else { return [] }
        let source = EntryPlace.variable(JavaTrustStore.toolOptionsVariable)
        return wanted.compactMap { entry -> WorkloadProblem? in
            guard case .jvmProperty(let holder, let name) = entry.place, holder != source,
                  let theirs = JavaOptionsText.property(name, in: javaOptions), theirs != entry.value else { return nil }
            let place = EntryPlace.jvmProperty(in: source, name: name)
            if owned().contains(where: { $0.place == place && $0.value == theirs }) { return nil }
            return .conflict(place: place, current: theirs, wanted: entry.value)
        }
    }

    /// With the variables in `extra-container-env-vars`, a container's own variable of the same
    /// name that holds a value this tool does not write would compete with them; so would a
    /// container's own `JAVA_TOOL_OPTIONS` beside a line of JVM flags there.
    private func containerVariableConflicts(_ wanted: [ResolvedEntry], owned: [ResolvedEntry]) -> [WorkloadProblem] {
        var problems: [WorkloadProblem] = []
        var javaHolders: Set<String> = []
        for entry in wanted {
            if case .jvmProperty(.extraVariable(let name), _) = entry.place, javaHolders.insert(name).inserted {
                problems += competingJavaOptions(name, owned: owned)
            }
            guard case .extraVariable(let name) = entry.place else { continue }
            for container in context.workload.containers where !AppContainer.isKnownSidecar(container) {
                let value = CurrentEntries(context.workload, container: container).value(at: .variable(name))
                switch value {
                case .absent: continue
                case .value(let text, _) where text == entry.value || owned.contains(where: { $0.value == text && $0.place == entry.place }): continue
                default:
                    if overwrite { continue }
                    problems.append(.conflict(place: .variable(name), current: value.text ?? "not a single value", wanted: entry.value))
                }
            }
        }
        return problems
    }

    /// A container's own JVM options variable `name` beside a line of JVM flags in
    /// `extra-container-env-vars`, unless all it holds are flags this tool wrote there
    /// (replacing it would lose the container's options, so overwriting does not apply).
    private func competingJavaOptions(_ name: String, owned: [ResolvedEntry]) -> [WorkloadProblem] {
        var problems: [WorkloadProblem] = []
        for container in context.workload.containers where !AppContainer.isKnownSidecar(container) {
            let value = CurrentEntries(context.workload, container: container).value(at: .variable(name))
            guard value != .absent else { continue }
            let foreign = JavaOptionsText.words(value.text ?? "").filter { option in
                guard let property = JavaOptionsText.propertyName(of: option) else { return true }
                let place = EntryPlace.jvmProperty(in: .variable(name), name: property)
                return !owned.contains { $0.place == place && JavaOptionsText.property(property, $0.value) == option }
            }
            if value.text == nil || !foreign.isEmpty {
                problems.append(.competingJavaOptions(variable: name, container: container.name ?? ""))
            }
        }
        return problems
    }

    /// Whether values at `place` must read as strings (annotation values).
    static func mustBeString(_ place: EntryPlace) -> Bool {
        if case .annotation = place { return true }
        return false
    }
}

extension EntryPlace {
    /// The variable this place is or is in, if any.
    var variableName: String? {
        switch self {
        case .variable(let name), .extraVariable(let name), .listEntry(let name, _), .extraListEntry(let name, _): return name
        case .annotation: return nil
        case .jvmProperty(let holder, _), .jvmOption(let holder, _): return holder.variableName
        }
    }
}
