// swift-tools-version:6.0
import PackageDescription

// The benchmark's own tools, built with the same compiler and `-c release` as the tool they
// measure: a baseline that runs only libyaml's event parser, and a generator of synthetic inputs.
// Run everything with Benchmarks/run.sh from the repository root.
let package = Package(
    name: "speedscale-istio-benchmarks",
    targets: [
        // libyaml from the system, as the tool links it (pkg-config yaml-0.1).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The baseline: libyaml's bare event parse of the same bytes.
        .executableTarget(name: "libyaml-parse", dependencies: ["CYAML"]),
        // Synthetic manifests: N Deployment + Service pairs in one stream, many small files, deep nesting.
        .executableTarget(name: "generate-manifests"),
    ]
)
