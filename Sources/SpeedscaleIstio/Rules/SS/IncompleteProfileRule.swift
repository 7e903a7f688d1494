import KubeManifests

/// SS023: a workload that declares one of the profiles lacks entries that profile writes.
package struct IncompleteProfileRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS023", title: "Profile entries missing", severity: .info,
        summary: "The workload declares a capture profile (dual, forward, transparent or eBPF) but lacks some of the entries that profile consists of: proxy annotations that then take the operator's defaults, or proxy variables the app needs. Often a manifest written by hand from an older recipe.",
        fix: "Run kubectl speedscale-istio inject on the manifest to add the missing entries, or add them by hand.",
        helpURI: DocumentLink.speedscaleProxyModes,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: ↓\"dual\"\nsidecar.speedscale.com/proxy-port: \"8080\"",
                env: RuleExample.dualEnv),
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: ↓\"forward\"\nsidecar.speedscale.com/proxy-protocol: \"http\"", env: RuleExample.dualEnv),
        ],
        nonTriggeringExamples: [
            .dual(env: RuleExample.dualEnv + "\n- name: NO_PROXY\n  value: localhost,127.0.0.1"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\""),
            .deployment(annotations: "capture.speedscale.com/enabled: \"true\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"false\"\nsidecar.speedscale.com/proxy-type: \"dual\""),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: \"dual\"", env: RuleExample.dualEnv).text,
                after: RuleExample.deployment(
                    annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: \"dual\"\nsidecar.speedscale.com/capture-mode: \"proxy\"\nsidecar.speedscale.com/proxy-protocol: \"tcp:http\"\nsidecar.speedscale.com/proxy-host: \"localhost\"\nsidecar.speedscale.com/proxy-port: \"8080\"",
                    env: RuleExample.dualEnv + "\n- name: NO_PROXY\n  value: localhost,127.0.0.1").text),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        guard case .profile(let profile, _) = context.declared else { return [] }
        let entries = CurrentEntries(context.workload, container: context.appContainer.value)
        let settings = ProfileSettings.reading(context, fallback: ProfileSettings(), entries: entries).settings
        let port = context.workload.annotation(SpeedscaleAnnotation.proxyPort).flatMap(PortNumber.parse) ?? context.appPort?.port?.number
        let facts = EntryFacts(appPort: port, javaToolOptions: entries.value(at: .variable(JavaTrustStore.toolOptionsVariable)).text)
        let resolved = profile.resolve(settings, facts: facts)
        // Without any proxy variable or flag the app is not configured at all: ENV001 reports that.
        let configured = resolved.contains { $0.role == .route && entries.value(at: $0.place) != .absent }
        let missing = resolved.filter { entry in
            ((entry.role == .setting && entry.place.variableName == nil) || configured) && entries.value(at: entry.place) == .absent
        }
        guard !missing.isEmpty else { return [] }
        let annotations = context.sidecar.annotations
        let anchor = annotations.entry(SpeedscaleAnnotation.proxyType) ?? annotations.entry(SpeedscaleAnnotation.inject)
            ?? annotations.entry(SpeedscaleAnnotation.captureEnabled)
        let range = anchor?.valueNode.range ?? context.workloadRange
        var annotationKeys: [String] = []
        var variables: [String] = []
        var hosts: [String: [String]] = [:]
        var javaOptions: [String: [String]] = [:]
        for entry in missing {
            switch entry.place {
            case .annotation(let key): annotationKeys.append(key.replacing(SpeedscaleAnnotation.prefix, with: ""))
            case .variable(let name), .extraVariable(let name): variables.append(name)
            case .listEntry(let name, let host), .extraListEntry(let name, let host): hosts[name, default: []].append(host)
            case .jvmProperty(let holder, let name): javaOptions[holder.javaOptionsName, default: []].append("-D" + name)
            case .jvmOption(let holder, let option): javaOptions[holder.javaOptionsName, default: []].append(option)
            }
        }
        var parts: [String] = []
        if !annotationKeys.isEmpty { parts.append("the annotations \(annotationKeys.joined(separator: ", ")) (the operator's defaults apply without them)") }
        if !variables.isEmpty { parts.append("the variables \(variables.joined(separator: ", "))") }
        for (name, list) in hosts.sorted(by: { $0.key < $1.key }) { parts.append("\(list.joined(separator: ",")) in \(name)") }
        for (name, list) in javaOptions.sorted(by: { $0.key < $1.key }) { parts.append("the JVM options \(list.joined(separator: " ")) in \(name)") }
        return [Finding(
            Self.description,
            "the \(profile.rawValue) profile also has \(parts.joined(separator: "; ")); inject adds them",
            at: range)]
    }
}

