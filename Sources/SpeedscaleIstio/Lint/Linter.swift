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
    public func lint(_ inputs: [ManifestInput]) -> LintReport {
        var failures: [LintInputFailure] = []
        var ignored: [String] = []
        var parsed: [(file: String, manifests: ManifestStream)] = []
        for input in inputs {
            if configuration.ignores(input.file) {
                ignored.append(input.file)
                continue
            }
            do {
                parsed.append((input.file, ManifestStream(try YAMLStream(parsing: input.source))))
            } catch {
                failures.append(LintInputFailure(file: input.file, problem: error.problem, location: error.location))
            }
        }
        let enabled = rules.filter { configuration.isEnabled($0.description.id) }
        let raw = findings(in: parsed.map(\.manifests), rules: enabled)
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
    package func findings(in inputs: [ManifestStream], rules: [any Rule.Type]) -> [(Int, KubeObject, Finding)] {
        let settings = configuration.settings
        let workloadRules = rules.compactMap { ($0 as? any WorkloadRule.Type)?.init() }
        let meshRules = rules.compactMap { ($0 as? any MeshRule.Type)?.init() }
        var found: [(Int, KubeObject, Finding)] = []
        var injectedNamespaces: Set<String?> = []
        let index = MeshIndex(inputs)
        let inject = configuration.inject
        let contexts = MeshContext.workloadContexts(in: inputs, settings: settings, index: index) { inject.settings(for: $0).request.hints }
        for (input, context) in contexts {
            let object = context.workload.object
            if context.sidecar.isInjected { injectedNamespaces.insert(object.namespace) }
            for rule in workloadRules {
                found += rule.check(context).map { (input, object, $0) }
            }
        }
        let mesh = MeshContext(
            inputs: inputs, injectedNamespaces: injectedNamespaces, meshIsRegistryOnly: settings.registryOnly, settings: settings,
            index: index, workloadContexts: contexts)
        for rule in meshRules {
            found += rule.check(mesh).map { ($0.input, $0.object, $0.finding) }
        }
        return found
    }
}
