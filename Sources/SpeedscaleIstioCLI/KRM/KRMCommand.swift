import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import SpeedscaleIstio

/// `krm`: run as a KRM function (kpt `fn eval --exec`, kustomize `transformers:` with an exec
/// function). Reads a ResourceList on standard input and writes one on standard output: the
/// items injected exactly as `inject` would (every other byte, comments included, as it was),
/// and one result per outcome. With `--lint`, the items go back unchanged and the findings
/// become the results.
struct KRM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "krm",
        abstract: "Run as a KRM function for kpt or kustomize: inject (or --lint) the items of a ResourceList.",
        discussion: """
            Reads a ResourceList (config.kubernetes.io/v1 or v1beta1) on standard input and writes \
            it to standard output with the items injected as inject would, and a result for each \
            object injected, skipped or failed and each note. Settings: functionConfig, a ConfigMap \
            whose data keys are inject's long flag names (protocol: socks5, tls-out: "true"), or a \
            SpeedscaleIstioConfig holding the configuration file's sections (inject, settings, \
            rules, ignorePaths) in place of that file; and inject's flags after krm. With --lint the items are written back unchanged and each \
            finding is a result; lint's flags (fail-on, min-severity, config, selector) apply. \
            Exit codes: 0 success; 1 a workload could not be injected (the items are left \
            unchanged) or a finding is at or above --fail-on; 2 bad input or settings.
            """
    )

    @Flag(help: "Validate with lint: the items are written back unchanged, each finding becomes a result, and the exit is 1 when one is at or above --fail-on (error by default).")
    var lint = false

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Flags of inject (or of lint, with --lint).", valueName: "flags"))
    var flags: [String] = []

    func run() throws {
        guard let bytes = Descriptor.readToEnd(0) else {
            StandardError.write("error: cannot read standard input\n")
            throw ExitCode(2)
        }
        let list: ResourceList
        do {
            list = try ResourceList(bytes)
        } catch {
            StandardError.write("error: \(error.description)\n")
            throw ExitCode(2)
        }
        let tree = try CommandTree.load()
        if lint {
            try runLint(list, tree: tree)
        } else {
            try runInject(list, tree: tree)
        }
    }

    /// The arguments for `command`: the flags after `krm`, then those of functionConfig.
    /// Writes the input back with an error result, and exits 2, when they cannot be used.
    private func arguments(for command: String, list: ResourceList, tree: CommandTree) throws -> [String] {
        do throws(FunctionConfig.Invalid) {
            guard let node = tree.command(command) else { throw FunctionConfig.Invalid(description: "no \(command) command") }
            try FunctionConfig.check(flags, for: node)
            return flags + (try FunctionConfig.arguments(from: list.functionConfig, for: node))
        } catch {
            try fail(list, message: error.description)
        }
    }

    /// The configuration functionConfig holds, else the configuration file `file` names or the
    /// one found. Writes the input back with an error result, and exits 2, when it is invalid.
    private func configuration(of list: ResourceList, else file: ConfigurationOption) throws -> LintConfiguration {
        do throws(ConfigurationError) {
            if let own = try FunctionConfig.configuration(from: list.functionConfig, in: list.source) { return own }
            return try file.load()
        } catch {
            try fail(list, message: RunError(error).description)
        }
    }

    /// Writes the input back with one error result saying `message`, and exits 2.
    private func fail(_ list: ResourceList, message: String) throws -> Never {
        StandardError.write("error: \(message)\n")
        try write(list.source.bytes, results: [KRMResult(severity: "error", message: message, item: nil)])
        throw ExitCode(2)
    }

    private func runInject(_ list: ResourceList, tree: CommandTree) throws {
        let arguments = try arguments(for: Inject._commandName, list: list, tree: tree)
        let inject: Inject
        do {
            inject = try Inject.parse(arguments)
        } catch {
            try fail(list, message: Inject.message(for: error))
        }
        let configuration = try configuration(of: list, else: inject.configurationFile)
        let result: InjectionResult
        do {
            result = try inject.transform([ManifestInput(file: "-", source: list.source)], configuration: configuration)[0]
        } catch {
            StandardError.write("\(error.description)\n")
            throw ExitCode(2)
        }
        let failures = result.outcomes.filter(\.isFailure).count
        let blocked = failures > 0 && !inject.skipFailed
        var results: [KRMResult] = []
        for outcome in result.outcomes {
            let item = list.item(startingOn: outcome.line, named: outcome.name)
            switch outcome.status {
            case .injected, .uninjected:
                results.append(KRMResult(severity: "info", message: "injected" + OutcomeWording.qualifier(of: outcome.decision), item: item))
            case .converted(let from, let to):
                results.append(KRMResult(severity: "info", message: "converted \(from.rawValue) → \(to.rawValue)", item: item))
            case .unchanged: break
            case .kept(let profile, let target):
                results.append(KRMResult(severity: "info", message: "kept: \(profile.rawValue) profile (set mode: \(target.rawValue) to convert)", item: item))
            case .skipped(let reason): results.append(KRMResult(severity: "info", message: "skipped: \(reason)", item: item))
            case .failed(let problems):
                results += problems.map {
                    KRMResult(severity: inject.skipFailed ? "warning" : "error", message: OutcomeWording.text(of: $0, style: .functionConfig), item: item)
                }
            }
            results += outcome.notes.map { KRMResult(severity: "info", message: "note: \($0)", item: item) }
        }
        results += result.notes.map { KRMResult(severity: "info", message: "note: \($0)", item: nil) }
        try write(blocked ? list.source.bytes : result.output, results: results)
        if blocked {
            StandardError.write("error: \(Plural.count(failures, "object")) could not be injected; the items were left unchanged (set skip-failed: \"true\" to inject the rest)\n")
            throw ExitCode(1)
        }
    }

    private func runLint(_ list: ResourceList, tree: CommandTree) throws {
        let arguments = try arguments(for: Lint._commandName, list: list, tree: tree)
        let lint: Lint
        do {
            lint = try Lint.parse(arguments)
        } catch {
            try fail(list, message: Lint.message(for: error))
        }
        let configuration = try configuration(of: list, else: lint.configuration)
        let report = lint.shown(lint.lint([ManifestInput(file: "-", source: list.source)], configuration: configuration))
        let results = report.findings.map { finding in
            let item = list.item(containing: finding.start)
            return KRMResult(
                severity: finding.severity.rawValue, message: "[\(finding.ruleID)] \(finding.message)", item: item,
                field: item.flatMap { FieldPath.path(to: finding.start, in: $0.node, source: list.source) },
                tags: [("rule", finding.ruleID)])
        }
        try write(list.source.bytes, results: results)
        if lint.fails(report) { throw ExitCode(1) }
    }

    /// Writes `bytes` (a ResourceList) to standard output with `results` added.
    private func write(_ bytes: [UInt8], results: [KRMResult]) throws {
        do {
            StandardOutput.write(try KRMResult.adding(results, to: bytes))
        } catch {
            StandardError.write("error: cannot add the results: \(error)\n")
            throw ExitCode(2)
        }
    }
}
