/// TLS006: `mount-known-ca` mounts over `/etc/ssl/certs`, where the container already mounts.
package struct KnownCAMountConflictRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "TLS006", title: "mount-known-ca over an existing /etc/ssl/certs mount", severity: .warning,
        summary: "mount-known-ca: \"true\" mounts the Speedscale CA over well-known paths such as /etc/ssl/certs/ca-certificates.crt; a container that already mounts something under /etc/ssl/certs conflicts with that mount. Speedscale prefers the CA variables (SSL_CERT_FILE, NODE_EXTRA_CA_CERTS) to mount-known-ca.",
        fix: "Remove mount-known-ca and rely on the CA variables, or drop the container's own mount under /etc/ssl/certs.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/mount-known-ca: \"true\"",
                container: """
                    - name: web
                      image: example/web:1.0
                      volumeMounts:
                      - name: corp-ca
                        mountPath: ↓/etc/ssl/certs/ca-certificates.crt
                        subPath: ca.crt
                    """),
        ],
        nonTriggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/mount-known-ca: \"true\"",
                container: "- name: web\n  image: example/web:1.0\n  volumeMounts:\n  - name: data\n    mountPath: /var/lib/data"),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"",
                container: "- name: web\n  image: example/web:1.0\n  volumeMounts:\n  - name: corp-ca\n    mountPath: /etc/ssl/certs"),
        ])

    /// The folder whose well-known files mount-known-ca replaces.
    static let certificatesDirectory = "/etc/ssl/certs"

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, sidecar.annotations.isTrue(SpeedscaleAnnotation.mountKnownCA) else { return [] }
        return context.checkedContainers.flatMap { container in
            container.mountPaths.filter { $0.value == Self.certificatesDirectory || $0.value.hasPrefix(Self.certificatesDirectory + "/") }.map { path in
                Finding(
                    Self.description,
                    "container \"\(container.name ?? "")\" mounts \(path.value), where \(SpeedscaleAnnotation.mountKnownCA): \"true\" mounts the Speedscale CA; the two mounts conflict",
                    at: path.range)
            }
        }
    }
}
