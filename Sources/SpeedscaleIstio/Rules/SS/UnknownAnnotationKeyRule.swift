/// SS003: a `sidecar.speedscale.com/` key that Speedscale does not document is a typo the
/// operator silently ignores.
package struct UnknownAnnotationKeyRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS003", title: "Unknown Speedscale annotation", severity: .warning,
        summary: "The operator ignores sidecar.speedscale.com/ keys it does not know, so a misspelt key silently changes nothing.",
        fix: "Use the key from Speedscale's annotation reference that the message suggests.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\n↓sidecar.speedscale.com/proxy-protocl: \"http\""),
            .deployment(annotations: "↓sidecar.speedscale.com/tls-outbound: \"true\""),
            .deployment(annotations: "↓sidecar.speedscale.io/inject: \"true\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/ignore-dst-hosts: \"kubernetes.default.svc\""),
            .deployment(annotations: "sidecar.speedscale.com/proxyMode: \"dual\""),
        ])

    static let domain = String(SpeedscaleAnnotation.prefix.dropLast())

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        context.sidecar.annotations.all.compactMap { entry -> Finding? in
            guard let slash = entry.key.firstIndex(of: "/") else { return nil }
            let domain = String(entry.key[..<slash])
            let name = String(entry.key[entry.key.index(after: slash)...])
            if domain == Self.domain {
                if SpeedscaleAnnotation.knownNames.contains(name) || SpeedscaleAnnotation.legacyNames[name] != nil { return nil }
                let hint = Suggestion.closest(to: name, among: SpeedscaleAnnotation.knownNames)
                    .map { "did you mean \(SpeedscaleAnnotation.prefix)\($0)?" } ?? "it is not in Speedscale's annotation reference"
                return Finding(Self.description, "unknown annotation \(entry.key), which the operator ignores; \(hint)", at: entry.keyNode.range)
            }
            guard Suggestion.editDistance(Array(domain), Array(Self.domain)) <= 2,
                  !(domain + "/" == SpeedscaleAnnotation.misspeltPrefix && name == "insertfirst") else { return nil }
            return Finding(
                Self.description, "annotation \(entry.key) has the prefix \(domain)/, which the operator ignores; did you mean \(Self.domain)/\(name)?",
                at: entry.keyNode.range)
        }
    }
}
