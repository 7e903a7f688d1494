import SpeedscaleIstio

/// How the report words an outcome, and the flag that resolves a problem. The library says
/// what happened; the command line adds its own flag names.
enum OutcomeWording {
    /// How a hint names a setting: as a command-line flag, or as a KRM function's
    /// `functionConfig` key.
    enum HintStyle {
        case flag
        case functionConfig
    }

    /// The hint for a problem's remedy.
    static func hint(for remedy: WorkloadProblem.Remedy, style: HintStyle = .flag) -> String {
        let name: (String) -> String = { style == .flag ? "--\($0)" : "\($0) in the functionConfig" }
        switch remedy {
        case .nameContainer: return "use \(name("container"))"
        case .giveProxyPort: return "use \(name("proxy-port"))"
        case .overwrite: return style == .flag ? "use --overwrite to replace it" : "set overwrite: \"true\" to replace it"
        case .chooseProfile: return "choose one with \(name("mode"))"
        case .useHTTPProtocol:
            return style == .flag
                ? "use --protocol http, or --runtime generic when the app sets a SOCKS agent in code"
                : "set protocol: http, or runtime: generic when the app sets a SOCKS agent in code"
        case .placeOnContainer:
            return style == .flag ? "use --env-via container, which merges the flags into it" : "set env-via: container, which merges the flags into it"
        }
    }

    /// A problem in words, with its hint.
    static func text(of problem: WorkloadProblem, style: HintStyle = .flag) -> String {
        problem.remedy.map { "\(problem) (\(hint(for: $0, style: style)))" } ?? problem.description
    }

    /// `kept: transparent profile (pass --mode dual to convert)`.
    static func kept(_ profile: CaptureProfile, convertTo target: CaptureProfile) -> String {
        "\(profile.rawValue) profile (pass --mode \(target.rawValue) to convert)"
    }

    /// What follows the status word of a changed or unchanged workload: the profile forced
    /// on it or kept, in parentheses (`(forward only: no inbound port)`), or nothing.
    static func qualifier(of decision: InjectDecision?) -> String {
        guard let decision else { return "" }
        var parts: [String] = []
        if let reason = decision.profileReason { parts.append(reason) }
        if let kept = decision.kept { parts.append("kept " + self.kept(kept, convertTo: .dual)) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// What was decided for a workload and why, on one line: `dual profile (the default);
    /// runtime java (image "eclipse-temurin:21"); container "app" (the only container); port
    /// 8080 (the container's only port)`.
    static func decided(_ decision: InjectDecision) -> String {
        var parts = ["\(decision.profile.rawValue) profile (\(decision.profileReason ?? decision.profileSource))"]
        if let runtime = decision.runtime { parts.append("runtime \(runtime.runtime.rawValue) (\(runtime.reason))") }
        if let container = decision.container {
            parts.append("container \"\(container)\"" + (decision.containerReason.map { " (\($0))" } ?? ""))
        }
        if let port = decision.port { parts.append("port \(port.number) (\(portSource(port.source)))") }
        if !decision.configuration.isEmpty { parts.append("configuration file: " + decision.configuration.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// Where an app port was read, in words.
    static func portSource(_ source: AppPort.Source) -> String {
        switch source {
        case .requested: return "asked for"
        case .annotation: return "the proxy-port annotation"
        case .containerPort: return "the container's only port"
        case .service(let name): return "inferred from service/\(name)"
        case .probe: return "inferred from the container's probes"
        }
    }
}
