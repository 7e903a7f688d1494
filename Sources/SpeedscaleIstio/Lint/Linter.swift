import KubeManifests
import SpliceYAML

/// Runs the rule catalogue over a run's inputs and reports what it finds, with positions.
/// It never changes an input.
public struct Linter: Sendable {
    /// The configuration in force.
    public let configuration: LintConfiguration
    /// The rules that may run (those the configuration turns off do not).
    public let rules: [any Rule.Type]

    /// Makes a linter.
    public init(configuration: LintConfiguration = LintConfiguration(), rules: [any Rule.Type] = RuleRegistry.rules) {
        self.configuration = configuration
        self.rules = rules
    }

    /// Lints `inputs` together (Istio objects in one input apply to workloads in another).
    /// Inputs that are not YAML are reported as failures; the others are still linted.
    /// Inputs are parsed and workloads checked on up to `workers` threads (a long stream in
    /// pieces); a large run without Sidecars or VirtualServices is read a window at a time,
    /// as `windowing` says. The report depends on neither `workers` nor `windowing`.
    public func lint(_ inputs: [ManifestInput], workers: Workers = .one, windowing: Windowing = .standard) -> LintReport {
        let ignored = inputs.filter { configuration.ignores($0.file) }.map(\.file)
        let linted = inputs.filter { !configuration.ignores($0.file) }
        let enabled = rules.filter { configuration.isEnabled($0.description.id) }
        let (findings, failures, suppressed) = windowedFindings(linted, rules: enabled, workers: workers, windowing: windowing)
            ?? wholeFindings(linted, rules: enabled, workers: workers)
        return LintReport(
            rules: enabled.map { $0.description }, findings: findings, failures: failures, ignoredFiles: ignored, suppressedCount: suppressed)
    }

    /// The run's findings with the whole run parsed at once, and the inputs that are not YAML.
    private func wholeFindings(
        _ linted: [ManifestInput], rules enabled: [any Rule.Type], workers: Workers
    ) -> (findings: [LintFinding], failures: [LintInputFailure], suppressed: Int) {
        var failures: [LintInputFailure] = []
        let inner = linted.count >= workers.count ? Workers.one : workers
        let outcomes = workers.map(linted) { input -> Result<ManifestStream, YAMLParseError> in
            do throws(YAMLParseError) {
                return .success(ManifestStream(try YAMLStream(parsing: input.source, workers: inner), workers: inner))
            } catch {
                return .failure(error)
            }
        }
        var parsed: [(file: String, manifests: ManifestStream)] = []
        for (input, outcome) in zip(linted, outcomes) {
            switch outcome {
            case .success(let manifests): parsed.append((input.file, manifests))
            case .failure(let error): failures.append(LintInputFailure(file: input.file, problem: error.problem, location: error.location))
            }
        }
        let raw = findings(in: parsed.map(\.manifests), rules: enabled, workers: workers).found
        let (findings, suppressed) = reported(raw, inputs: parsed.map { ($0.file, $0.manifests.source) })
        return (Self.ordered(findings), failures, suppressed)
    }

    /// The run's findings read a window at a time (see ``Windowing``), or nil when the run is
    /// to be parsed whole: when it is small, holds Sidecars or VirtualServices (which mesh
    /// rules relate to every workload), does not parse, or when a rule may miss a finding
    /// across windows.
    private func windowedFindings(
        _ linted: [ManifestInput], rules enabled: [any Rule.Type], workers: Workers, windowing: Windowing
    ) -> (findings: [LintFinding], failures: [LintInputFailure], suppressed: Int)? {
        guard let run = WindowedRun(
            linted, windowing: windowing, workers: workers, reading: WindowedRun.runWideKinds,
            needsWholeRun: WindowedRun.holdsSidecarsOrVirtualServices
        ) else { return nil }
        let index = run.index
        var all: [(input: Int, offset: Int, finding: LintFinding)] = []
        var suppressed = 0
        let walked = run.walk(workers: workers) { parsed, _, _ -> (findings: [(input: Int, offset: Int, finding: LintFinding)], suppressed: Int)? in
            let window = findings(in: [parsed.manifests], rules: enabled, index: index)
            guard !window.missesAcrossWindows else { return nil }
            return reported(window.found, inputs: [(parsed.file, parsed.source)])
        } take: { input, _, window -> Bool in
            guard let window else { return false }
            all += window.findings.map { (input, $0.offset, $0.finding) }
            suppressed += window.suppressed
            return true
        }
        return walked ? (Self.ordered(all), [], suppressed) : nil
    }

    /// The findings of `raw` that no suppression on their object silences, placed in their
    /// input (`inputs` names the inputs `raw` counts, with their sources), with how many were
    /// silenced.
    private func reported(
        _ raw: [(Int, KubeObject, Finding)], inputs: [(file: String, source: YAMLSource)]
    ) -> (findings: [(input: Int, offset: Int, finding: LintFinding)], suppressed: Int) {
        var findings: [(input: Int, offset: Int, finding: LintFinding)] = []
        var suppressed = 0
        for (input, object, finding) in raw {
            let id = finding.rule.id
            if Suppression.silences(Suppression.all(on: object), id) {
                suppressed += 1
                continue
            }
            let source = inputs[input].source
            findings.append((input, finding.range.lowerBound, LintFinding(
                ruleID: id, severity: configuration.severity(of: id, chosen: finding.severity), message: finding.message,
                file: inputs[input].file, start: source.location(ofByte: finding.range.lowerBound),
                end: source.location(ofByte: finding.range.upperBound), resource: ResourceReference(object))))
        }
        return (findings, suppressed)
    }

    /// `findings` by input, then position, then rule.
    private static func ordered(_ findings: [(input: Int, offset: Int, finding: LintFinding)]) -> [LintFinding] {
        findings.sorted { ($0.input, $0.offset, $0.finding.ruleID) < ($1.input, $1.offset, $1.finding.ruleID) }.map(\.finding)
    }

    /// The findings of `rules` over `inputs`, each with its input and object, matched against
    /// `index` (by default, that of `inputs`); and, when `index` is given (`inputs` are one
    /// window of a longer run), whether a mesh rule may miss a finding that lies outside them.
    /// Workloads are checked in batches on up to `workers` threads.
    package func findings(
        in inputs: [ManifestStream], rules: [any Rule.Type], index: MeshIndex? = nil, workers: Workers = .one
    ) -> (found: [(Int, KubeObject, Finding)], missesAcrossWindows: Bool) {
        let isWindow = index != nil
        let settings = configuration.settings
        let workloadRules = rules.compactMap { $0 as? any WorkloadRule.Type }
        let meshRules = rules.compactMap { ($0 as? any MeshRule.Type)?.init() }
        var injectedNamespaces: Set<String?> = []
        let index = index ?? MeshIndex(inputs, workers: workers)
        let inject = configuration.inject
        let workloads = inputs.enumerated().flatMap { input, manifests in manifests.workloads.map { (input, $0) } }
        let checked = workers.map(workers.batches(workloads, minimumSize: 32)) { batch in
            let rules = workloadRules.map { $0.init() }
            return batch.map { input, workload -> (input: Int, context: WorkloadContext, findings: [Finding], misses: Bool) in
                let context = MeshContext.workloadContext(
                    of: workload, in: inputs[input], settings: settings, index: index, hints: inject.settings(for: workload).request.hints)
                let misses = isWindow && meshRules.contains { $0.mayMissAcrossWindows(context) }
                return (input: input, context: context, findings: rules.flatMap { $0.check(context) }, misses: misses)
            }
        }
        // One pass over the batches: each workload's facts are copied once, into `contexts`.
        var contexts: [(input: Int, context: WorkloadContext)] = []
        contexts.reserveCapacity(workloads.count)
        var found: [(Int, KubeObject, Finding)] = []
        var misses = false
        for batch in checked {
            for (input, context, findings, missesHere) in batch {
                let object = context.workload.object
                if context.sidecar.isInjected { injectedNamespaces.insert(object.namespace) }
                found += findings.map { (input, object, $0) }
                misses = misses || missesHere
                contexts.append((input, context))
            }
        }
        let mesh = MeshContext(
            inputs: inputs, injectedNamespaces: injectedNamespaces, meshIsRegistryOnly: settings.registryOnly, settings: settings,
            index: index, workloadContexts: contexts)
        // Each mesh rule reads the whole run on its own: they run side by side, their findings
        // joined in rule order.
        for findings in workers.map(meshRules, { rule in rule.check(mesh) }) {
            found += findings.map { ($0.input, $0.object, $0.finding) }
        }
        return (found, misses)
    }
}
