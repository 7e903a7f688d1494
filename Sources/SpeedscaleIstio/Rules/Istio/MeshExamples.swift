extension RuleExample {
    /// An injected Deployment `web` in namespace `shop` (pods labelled `app: web`), its
    /// Service `web`, then the documents of `objects` (separated by `---`).
    static func mesh(_ objects: String, severity: Severity? = nil, settings: RuleSettings = RuleSettings()) -> RuleExample {
        let workload = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              annotations:
                sidecar.speedscale.com/inject: "true"
            spec:
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

    /// A Sidecar `name` in namespace `shop` whose first egress listener has `hosts` (lines of the list,
    /// unindented) and `spec` lines appended after `egress`.
    static func sidecar(name: String = "default", hosts: String, extraSpec: String = "") -> String {
        let hostLines = hosts.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        return """
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata:
              name: \(name)
              namespace: shop
            spec:
              egress:
              - hosts:
            \(hostLines)
            \(extraSpec)
            """
    }
}
