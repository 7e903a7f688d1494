import SpeedscaleIstio

/// How the report words an outcome, and the flag that resolves a problem. The library says
/// what happened; the command line adds its own flag names.
enum OutcomeWording {
    /// The flag hint for a problem's remedy.
    static func hint(for remedy: WorkloadProblem.Remedy) -> String {
        switch remedy {
        case .nameContainer: return "use --container"
        case .giveProxyPort: return "use --proxy-port"
        case .overwrite: return "use --overwrite to replace it"
        case .chooseProfile: return "pass --mode to choose one"
        }
    }

    /// A problem in words, with its flag hint.
    static func text(of problem: WorkloadProblem) -> String {
        problem.remedy.map { "\(problem) (\(hint(for: $0)))" } ?? problem.description
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
}
