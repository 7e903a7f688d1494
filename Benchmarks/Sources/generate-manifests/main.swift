// Synthetic manifests for the benchmark, deterministic for a given size.
//
//   generate-manifests pairs N            N Deployment + Service pairs in one stream on stdout
//   generate-manifests pairs N FIRST      the pairs numbered FIRST ..< FIRST + N (a slice of a larger stream)
//   generate-manifests files N DIRECTORY  N files, one pair each, in DIRECTORY
//   generate-manifests deep N             one Deployment whose container args hold a list nested N deep
//
// Each Deployment has an app container with one containerPort, so inject really edits it; each
// Service selects its Deployment. Objects are spread over ten namespaces.
import Foundation

/// The YAML of pair `index`: a Deployment and the Service in front of it, each starting with `---`.
func pair(_ index: Int) -> String {
    let name = "app-\(index)"
    let namespace = "team-\(index % 10)"
    let port = 8000 + index % 1000
    return """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          namespace: \(namespace)
          labels:
            app: \(name)
            tier: backend
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: \(name)
          template:
            metadata:
              labels:
                app: \(name)
                tier: backend
            spec:
              containers:
              - name: app
                image: registry.example.com/\(namespace)/\(name):1.\(index % 50).0
                ports:
                - containerPort: \(port)
                  name: http
                env:
                - name: LOG_LEVEL
                  value: info
                resources:
                  requests:
                    cpu: 100m
                    memory: 128Mi
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
          namespace: \(namespace)
        spec:
          selector:
            app: \(name)
          ports:
          - name: http
            port: 80
            targetPort: \(port)

        """
}

/// A Deployment whose app container's `args` hold a block list nested `depth` deep.
func deep(_ depth: Int) -> String {
    var text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: deep
        spec:
          template:
            spec:
              containers:
              - name: app
                image: app
                ports:
                - containerPort: 8080
                args:

        """
    text += "        " + String(repeating: "- ", count: depth) + "x\n"
    return text
}

/// Writes `text` to standard output.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, let count = Int(arguments[1]), count >= 0 else {
    FileHandle.standardError.write(Data("usage: generate-manifests pairs N [FIRST] | files N DIRECTORY | deep N\n".utf8))
    exit(2)
}
switch arguments[0] {
case "pairs":
    let first = arguments.count > 2 ? Int(arguments[2]) ?? 0 : 0
    var chunk = ""
    for index in first..<(first + count) {
        chunk += pair(index)
        if chunk.utf8.count > 1 << 20 {
            emit(chunk)
            chunk = ""
        }
    }
    emit(chunk)
case "files" where arguments.count == 3:
    let directory = URL(fileURLWithPath: arguments[2])
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for index in 0..<count {
        let name = String(format: "app-%05d.yaml", index)
        try Data(pair(index).utf8).write(to: directory.appendingPathComponent(name))
    }
case "deep":
    emit(deep(count))
default:
    FileHandle.standardError.write(Data("usage: generate-manifests pairs N [FIRST] | files N DIRECTORY | deep N\n".utf8))
    exit(2)
}
