import KubeManifests
import SpliceYAML

/// Brings every workload of a run to the profile asked for, as splice edits: computes each
/// workload's facts once, plans its entry changes from the profile definitions, opens Istio
/// `Sidecar` egress for the namespaces that run the sidecar, and notes VirtualServices to check.
public struct Injector: Sendable {
    /// The options in force.
    public let options: InjectOptions

    /// Makes an injector.
    public init(options: InjectOptions) {
        self.options = options
    }

    /// Injects every workload of `source`. Failed workloads are left unchanged (and
    /// reported); the caller decides whether to write the rest.
    /// - Throws: ``InjectError`` when the input does not parse, or an edit would break it.
    public func inject(_ source: YAMLSource, file: String) throws(InjectError) -> InjectionResult {
        try inject([ManifestInput(file: file, source: source)])[0].throwingParseError()
    }

    /// Injects every workload of `inputs`, and opens the Istio `Sidecar`s of their namespaces
    /// to the Speedscale namespace, across all inputs. An input that is not YAML gets a result
    /// with its ``InjectionResult/parseError`` and is otherwise left out.
    ///
    /// Inputs are parsed, their workloads planned, and the results checked on up to `workers`
    /// threads (a long stream in pieces); what needs every input (the Sidecars, the
    /// VirtualService notes) is done once in between. A large run without Sidecars or
    /// VirtualServices is read a window at a time, as `windowing` says. The results depend
    /// on neither `workers` nor `windowing`.
    /// - Throws: ``InjectError`` when an edit would break a document (a bug in the tool).
    public func inject(_ inputs: [ManifestInput], workers: Workers = .one, windowing: Windowing = .standard) throws(InjectError) -> [InjectionResult] {
        if let results = try WindowedRun.results(
            of: inputs, windowing: windowing, workers: workers, reading: WindowedRun.runWideKinds,
            needsWholeRun: WindowedRun.holdsSidecarsOrVirtualServices,
            plan: { parsed, workloads, index, memo in
                self.plan(workloads, of: parsed, index: index, memo: memo, keepingSidecarWorkloads: false)
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
        // The facts of the workloads left running the sidecar serve only the Sidecar and
        // VirtualService audits: a run without such objects does not keep them.
        let keepsSidecarWorkloads = run.parsed.contains { WindowedRun.holdsSidecarsOrVirtualServices($0.manifests) }
        let planned = run.planWorkloads(workers: workers) { parsed, workloads, memo in
            self.plan(workloads, of: parsed, index: index, memo: memo, keepingSidecarWorkloads: keepsSidecarWorkloads)
        }
        var plans = run.plans(joining: planned.runs, planned.plans)
        if options.sidecarEgress {
            SidecarEgressPlanner(settings: options.ruleSettings).plan(&plans)
        }
        VirtualServiceNotes.add(to: &plans, index: index)
        return (run.resultSlots, plans.map(\.finished))
    }

    /// The plan of `workloads`, which `parsed` holds.
    private func plan(
        _ workloads: [Workload], of parsed: ParsedInput, index: MeshIndex, memo: ResolutionMemo, keepingSidecarWorkloads: Bool
    ) -> FilePlan {
        var plan = FilePlan(parsed: parsed)
        for workload in workloads {
            self.plan(workload, in: &plan, index: index, memo: memo, keepingSidecarWorkloads: keepingSidecarWorkloads)
        }
        return plan
    }

    /// Plans one workload into `plan`.
    private func plan(
        _ workload: Workload, in plan: inout FilePlan, index: MeshIndex, memo: ResolutionMemo, keepingSidecarWorkloads: Bool
    ) {
        let namespace = workload.object.namespace
        let settings = options.settings(for: workload)
        let request = settings.request
        let context = WorkloadContext(
            workload: workload, source: plan.parsed.source, hints: request.hints, settings: options.ruleSettings,
            namespaceLabels: index.labels(ofNamespace: namespace),
            services: index.services(selecting: workload.podLabels, in: namespace))
        var notes: [String] = []
        if workload.hasUnusualAPIVersion {
            notes.append("apiVersion \(workload.object.apiVersion ?? "<none>") is unusual for \(workload.kind.rawValue); handled by kind")
        }
        let filter = WorkloadFilter(selector: options.selector, purpose: .inject)
        if let reason = filter.skipReason(workload, declared: context.declared, hints: request.hints)
            ?? (settings.exclude == true ? .excluded(by: settings.matched) : nil) {
            plan.outcomes.append(plan.outcome(for: workload.object, status: .skipped(reason.description), notes: notes))
            return
        }
        let entries = CurrentEntries(workload, container: context.appContainer.value)
        let convergence = Convergence(
            context: context, entries: entries, request: request, overwrite: options.overwrite, configuration: settings.matched, memo: memo)
        switch convergence.plan() {
        case .failed(let problems):
            plan.outcomes.append(plan.outcome(for: workload.object, status: .failed(problems), notes: notes))
        case .changes(let changes, let status, let decision):
            let writer = WorkloadWriter(
                workload: workload, container: context.appContainer.value, editor: plan.editor(forDocument: workload.object.documentIndex),
                entries: entries)
            do {
                plan.edits += try writer.edits(for: changes)
            } catch {
                plan.outcomes.append(plan.outcome(for: workload.object, status: .failed([.blocked(error)]), notes: notes))
                return
            }
            if keepingSidecarWorkloads && decision.profile.usesSidecar { plan.sidecarWorkloads.append(context) }
            if let port = decision.port, port.isInferred { notes.append("app port \(port)") }
            plan.outcomes.append(plan.outcome(for: workload.object, status: status, decision: decision, notes: notes))
        }
    }
}

/// What inject produced for one input.
public struct InjectionResult: Sendable {
    /// The input's name.
    public let file: String
    /// The input bytes.
    public let original: [UInt8]
    /// Remarks about the input as a whole (for example a VirtualService to check by hand).
    public var notes: [String] = []
    /// The output bytes (failed workloads left as they were).
    public let output: [UInt8]
    /// One outcome per workload (and per Istio object changed), in source order.
    public let outcomes: [WorkloadOutcome]
    /// Why the input is not YAML, when it is not: it was not transformed, and its output is
    /// its input.
    public let parseError: YAMLParseError?

    /// Makes a result.
    public init(
        file: String, original: [UInt8], output: [UInt8], outcomes: [WorkloadOutcome], notes: [String] = [],
        parseError: YAMLParseError? = nil
    ) {
        self.file = file
        self.original = original
        self.output = output
        self.outcomes = outcomes
        self.notes = notes
        self.parseError = parseError
    }

    /// Whether the output differs from the input.
    public var changed: Bool { output != original }
    /// Whether some workload failed.
    public var hasFailures: Bool { outcomes.contains { $0.isFailure } }

    /// The result, or its parse error thrown.
    func throwingParseError() throws(InjectError) -> InjectionResult {
        if let parseError { throw .unparsable(file: file, error: parseError) }
        return self
    }
}

/// Why inject could not process an input at all.
public enum InjectError: Error, Sendable, CustomStringConvertible {
    /// The input is not YAML.
    case unparsable(file: String, error: YAMLParseError)
    /// An edit would have broken the document (a bug in the tool).
    case internalError(file: String, message: String, location: SourceLocation?)

    public var description: String {
        switch self {
        case .unparsable(let file, let error): return "\(file):\(error.location): \(error.problem)"
        case .internalError(let file, let message, let location):
            return "\(file)\(location.map { ":\($0)" } ?? ""): internal error: \(message)"
        }
    }
}
