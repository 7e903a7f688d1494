extension RuleExample {
    /// An injected Deployment `web` in namespace `shop` (pods labelled `app: web`, listening on
    /// 8080) with `workloadAnnotations` (lines, unindented), its Service `web` (port 80 to
    /// targetPort 8080), then the documents of `objects` (separated by `---`).
    static func mesh(
        _ objects: String, workloadAnnotations: String = "sidecar.speedscale.com/inject: \"true\"",
        severity: Severity? = nil, settings: RuleSettings = RuleSettings()
    ) -> RuleExample {
        let workload = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              annotations:
            \(indent(workloadAnnotations, by: 4))spec:
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    ports:
                    - containerPort: 8080
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                app: web
              ports:
              - port: 80
                targetPort: 8080
            ---

            """
        return RuleExample(workload + objects, severity: severity, settings: settings)
    }

    /// A Sidecar `name` in namespace `shop` whose `workloadSelector` has `labels` (lines, unindented).
    static func selectingSidecar(name: String, labels: String) -> String {
        sidecarHeader(name) + "  workloadSelector:\n    labels:\n" + indent(labels, by: 6)
    }

    /// A Sidecar `name` in namespace `shop` whose first egress listener has `hosts` (lines of the list,
    /// unindented) and `spec` lines appended after `egress`.
    static func sidecar(name: String = "default", hosts: String, extraSpec: String = "") -> String {
        sidecarHeader(name) + "  egress:\n  - hosts:\n" + indent(hosts, by: 4) + extraSpec
    }

    /// A Sidecar `name` in `namespace` with `spec` (lines below `spec:`, unindented).
    static func sidecar(name: String = "default", namespace: String, spec: String) -> String {
        sidecarHeader(name, namespace: namespace) + indent(spec, by: 2)
    }

    /// The lines of a Sidecar `name` in `namespace` up to `spec:`.
    private static func sidecarHeader(_ name: String, namespace: String = "shop") -> String {
        "apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: \(name)\n  namespace: \(namespace)\nspec:\n"
    }
}
