/// ENV012: JVM proxy or truststore flags that only `JAVA_OPTS` carries.
package struct JavaOptsOnlyRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV012", title: "JVM flags only in JAVA_OPTS", severity: .warning,
        summary: "The JVM reads JAVA_TOOL_OPTIONS by itself; JAVA_OPTS is only a convention of launch scripts (exec java $JAVA_OPTS ...). Proxy or truststore flags that only JAVA_OPTS carries take effect only when something passes $JAVA_OPTS to java; Speedscale's microservices demo hit PKIX errors this way.",
        fix: "Move the flags to JAVA_TOOL_OPTIONS (with tls-out, to the tls-java-tool-options-value annotation), or start java with $JAVA_OPTS in the container's command or args.",
        helpURI: DocumentLink.speedscaleTLS,
        triggeringExamples: [
            .dual(env: RuleExample.dualEnv + "\n- name: JAVA_OPTS\n  value: ↓-Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                container: """
                    - name: web
                      image: example/web:1.0
                      args: ["-jar", "/app.jar"]
                      env:
                      - name: JAVA_OPTS
                        value: ↓-Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks
                    """),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-out: \"true\"",
                container: """
                    - name: web
                      image: example/web:1.0
                      command: ["sh", "-c", "exec java ${JAVA_OPTS} -jar /app.jar"]
                      env:
                      - name: JAVA_OPTS
                        value: -Djavax.net.ssl.trustStore=/etc/ssl/speedscale/jks/cacerts.jks
                    """),
            .dual(env: RuleExample.dualEnv + "\n- name: JAVA_OPTS\n  value: -Dhttp.proxyHost=localhost\n- name: JAVA_TOOL_OPTIONS\n  value: -Dhttp.proxyHost=localhost -Dhttps.proxyHost=localhost"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", env: "- name: JAVA_OPTS\n  value: -Djavax.net.ssl.trustStore=/opt/store.jks"),
        ],
        corrections: [
            // inject recognises Java by its JAVA_OPTS and gives the JVM the flags where it reads them.
            RuleCorrection(
                RuleExample.dual(env: "- name: JAVA_OPTS\n  value: -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140").text,
                after: RuleExample.dual(env: "- name: JAVA_OPTS\n  value: -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140\n- name: JAVA_TOOL_OPTIONS\n  value: -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140 -Dhttps.proxyHost=localhost -Dhttps.proxyPort=4140 -Dhttp.nonProxyHosts=localhost|127.0.0.1").text),
        ])

    static let trustStoreProperties = [JVMOptions.trustStore, JVMOptions.trustStorePassword]

    package init() {}

    /// Whether `text` expands the variable `name` (`$NAME`, `${NAME}`, or Kubernetes' `$(NAME)`).
    static func references(_ name: String, in text: String) -> Bool {
        var rest = Substring(text)
        while let found = rest.firstRange(of: name) {
            let before = text[..<found.lowerBound]
            let after = rest[found.upperBound...].first
            let expanded = before.hasSuffix("$") || before.hasSuffix("${") || before.hasSuffix("$(")
            if expanded && !(after.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false) { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected else { return [] }
        let sources = context.javaOptionSources
        let annotationSources = sources.filter { $0.kind == .annotation }
        return sources.filter { $0.kind == .launchScriptVariable }.compactMap { javaOpts -> Finding? in
            guard let container = javaOpts.container,
                  !container.commandLine.contains(where: { Self.references(JavaOptionSource.launchScriptVariable, in: $0.value) }) else { return nil }
            let elsewhere = annotationSources + sources.filter { $0.reachesJVM && $0.container?.index == container.index }
            let proxyElsewhere = elsewhere.contains { !$0.options.proxyHosts.isEmpty }
            let trustStoreElsewhere = sidecar.annotations.isTrue(SpeedscaleAnnotation.tlsJavaToolOptions)
                || elsewhere.contains { $0.options[JVMOptions.trustStore] != nil }
            var stranded: [String] = []
            if sidecar.needsProxyEnvironment && !proxyElsewhere { stranded += javaOpts.options.proxyHosts }
            if sidecar.tlsOut && !trustStoreElsewhere { stranded += Self.trustStoreProperties.filter { javaOpts.options[$0] != nil } }
            guard !stranded.isEmpty else { return nil }
            return Finding(
                Self.description,
                "container \"\(container.name ?? "")\" sets \(stranded.map { "-D\($0)" }.joined(separator: ", ")) only in JAVA_OPTS, and its command and args do not pass $JAVA_OPTS to java; the JVM does not read JAVA_OPTS, so unless the image's entrypoint does, these flags are ignored",
                at: javaOpts.node.range)
        }
    }
}
