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
    /// pieces); the report does not depend on `workers`.
    public func lint(_ inputs: [ManifestInput], workers: Workers = .one) -> LintReport {
        var failures: [LintInputFailure] = []
        let ignored = inputs.filter { configuration.ignores($0.file) }.map(\.file)
        let linted = inputs.filter { !configuration.ignores($0.file) }
        let inner = linted.count >= workers.count ? Workers.one : workers
        let outcomes = workers.map(linted) { input -> Result<ManifestStream, YAMLParseError> in
            do throws(YAMLParseError) {
                return .success(ManifestStream(try YAMLStream(parsing: input.source, workers: inner)))
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
        let enabled = rules.filter { configuration.isEnabled($0.description.id) }
        let raw = findings(in: parsed.map(\.manifests), rules: enabled, workers: workers)
        var findings: [(input: Int, offset: Int, finding: LintFinding)] = []
        var suppressed = 0
        for (input, object, finding) in raw {
            let id = finding.rule.id
            if Suppression.silences(Suppression.all(on: object), id) {
                suppressed += 1
                continue
            }
            let source = parsed[input].manifests.source
            findings.append((input, finding.range.lowerBound, LintFinding(
                ruleID: id, severity: configuration.severity(of: id, chosen: finding.severity), message: finding.message,
                file: parsed[input].file, start: source.location(ofByte: finding.range.lowerBound),
                end: source.location(ofByte: finding.range.upperBound), resource: ResourceReference(object))))
        }
        findings.sort { ($0.input, $0.offset, $0.finding.ruleID) < ($1.input, $1.offset, $1.finding.ruleID) }
        return LintReport(
            rules: enabled.map { $0.description }, findings: findings.map(\.finding), failures: failures,
            ignoredFiles: ignored, suppressedCount: suppressed)
    }

    /// The findings of `rules` over `inputs`, each with its input and object.
    /// Workloads are checked in batches on up to `workers` threads.
    package func findings(in inputs: [ManifestStream], rules: [any Rule.Type], workers: Workers = .one) -> [(Int, KubeObject, Finding)] {
        let settings = configuration.settings
        let workloadRules = rules.compactMap { $0 as? any WorkloadRule.Type }
        let meshRules = rules.compactMap { ($0 as? any MeshRule.Type)?.init() }
        var injectedNamespaces: Set<String?> = []
        let index = MeshIndex(inputs, workers: workers)
        let inject = configuration.inject
        let workloads = inputs.enumerated().flatMap { input, manifests in manifests.workloads.map { (input, $0) } }
        let checked = workers.map(workers.batches(workloads, minimumSize: 16)) { batch in
            let rules = workloadRules.map { $0.init() }
            return batch.map { input, workload in
                let context = MeshContext.workloadContext(
                    of: workload, in: inputs[input], settings: settings, index: index, hints: inject.settings(for: workload).request.hints)
                return (input: input, context: context, findings: rules.flatMap { $0.check(context) })
            }
        }.joined()
        let contexts = checked.map { (input: $0.input, context: $0.context) }
        var found: [(Int, KubeObject, Finding)] = []
        for (input, context, findings) in checked {
            let object = context.workload.object
            if context.sidecar.isInjected { injectedNamespaces.insert(object.namespace) }
            found += findings.map { (input, object, $0) }
        }
        let mesh = MeshContext(
            inputs: inputs, injectedNamespaces: injectedNamespaces, meshIsRegistryOnly: settings.registryOnly, settings: settings,
            index: index, workloadContexts: contexts)
        // Each mesh rule reads the whole run on its own: they run side by side, their findings
        // joined in rule order.
        for findings in workers.map(meshRules, { rule in rule.check(mesh) }) {
            found += findings.map { ($0.input, $0.object, $0.finding) }
        }
        return found
    }
}
