// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kubectl-speedscale-istio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kubectl-speedscale_istio", targets: ["KubectlPlugin"]),
        .executable(name: "kubectl_complete-speedscale_istio", targets: ["KubectlCompletion"]),
        .library(name: "SpeedscaleIstio", targets: ["SpeedscaleIstio"]),
        // The invariants the fuzz targets in Fuzz/ check, also replayed by swift test.
        .library(name: "SpliceYAMLChecks", targets: ["SpliceYAMLChecks"]),
        .library(name: "SpeedscaleIstioChecks", targets: ["SpeedscaleIstioChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libyaml from the system (libyaml-dev / brew libyaml), through pkg-config.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Extended attributes for --in-place (Linux's <sys/xattr.h>, which the Glibc module leaves out).
        .systemLibrary(name: "CXattr"),
        // glibc's malloc tuning (<malloc.h>, which the Glibc module leaves out too).
        .systemLibrary(name: "CMalloc"),
        // YAML layer: positioned node tree over libyaml events, and splice edits on the source bytes.
        .target(name: "SpliceYAML", dependencies: ["CLibYAML"]),
        // Invariants of the YAML layer, shared by the fuzz targets in Fuzz/ and the tests.
        .target(name: "SpliceYAMLChecks", dependencies: ["SpliceYAML", "CLibYAML"]),
        // Invariants of inject, uninject and lint, shared by the fuzz targets in Fuzz/ and the tests.
        .target(name: "SpeedscaleIstioChecks", dependencies: ["SpeedscaleIstio", "SpliceYAMLChecks", "KubeManifests", "SpliceYAML"]),
        // Kubernetes layer: workloads, pod templates, containers, env, Istio objects. Knows nothing of Speedscale.
        .target(name: "KubeManifests", dependencies: ["SpliceYAML"]),
        // The Speedscale rule set, shared by inject and lint.
        .target(name: "SpeedscaleIstio", dependencies: ["KubeManifests", "SpliceYAML"]),
        // The command line: the argument-parser commands, inputs, printing and exit codes.
        // No rule logic. Both executables below share it.
        .target(
            name: "SpeedscaleIstioCLI",
            dependencies: [
                "SpeedscaleIstio",
                "CXattr",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfo"]
        ),
        // Records the git commit of the build (GeneratedBuildInfo.swift) for `version`.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        // `kubectl-speedscale_istio`, the kubectl plugin: runs the root command.
        .executableTarget(name: "KubectlPlugin", dependencies: ["SpeedscaleIstioCLI"]),
        // `kubectl_complete-speedscale_istio`: answers kubectl's plugin completion protocol.
        .executableTarget(name: "KubectlCompletion", dependencies: ["SpeedscaleIstioCLI"]),
        // Paths to Fixtures/ and ../shared/corpus, and a runner for the built executable.
        .target(name: "TestSupport", dependencies: ["SpliceYAML"], path: "Tests/TestSupport"),
        .testTarget(name: "SpliceYAMLTests", dependencies: ["SpliceYAML", "SpliceYAMLChecks", "TestSupport"]),
        .testTarget(name: "KubeManifestsTests", dependencies: ["KubeManifests", "SpliceYAML"]),
        .testTarget(name: "SpeedscaleIstioTests", dependencies: ["SpeedscaleIstio", "SpeedscaleIstioChecks", "KubeManifests", "SpliceYAML", "TestSupport"]),
        // Depends on the executables so that `swift test` builds them first: the tests run the fresh binaries.
        .testTarget(name: "EndToEndTests", dependencies: ["KubectlPlugin", "KubectlCompletion", "SpliceYAML", "TestSupport"]),
        // The command line's own types (input reading, in-place writing, reports), for what a run of the binary cannot stage.
        .testTarget(name: "SpeedscaleIstioCLITests", dependencies: ["SpeedscaleIstioCLI", "SpeedscaleIstio", "TestSupport"]),
    ]
)
