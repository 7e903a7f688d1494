// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kubectl-speedscale-istio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kubectl-speedscale_istio", targets: ["SpeedscaleIstioCLI"]),
        .library(name: "SpeedscaleIstio", targets: ["SpeedscaleIstio"]),
        // The invariants the fuzz targets in Fuzz/ check, also replayed by swift test.
        .library(name: "SpliceYAMLChecks", targets: ["SpliceYAMLChecks"]),
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
        // YAML layer: positioned node tree over libyaml events, and splice edits on the source bytes.
        .target(name: "SpliceYAML", dependencies: ["CLibYAML"]),
        // Invariants of the YAML layer, shared by the fuzz targets in Fuzz/ and the tests.
        .target(name: "SpliceYAMLChecks", dependencies: ["SpliceYAML", "CLibYAML"]),
        // Kubernetes layer: workloads, pod templates, containers, env, Istio objects. Knows nothing of Speedscale.
        .target(name: "KubeManifests", dependencies: ["SpliceYAML"]),
        // The Speedscale rule set, shared by inject and lint.
        .target(name: "SpeedscaleIstio", dependencies: ["KubeManifests", "SpliceYAML"]),
        // Thin command-line front end.
        .executableTarget(
            name: "SpeedscaleIstioCLI",
            dependencies: [
                "SpeedscaleIstio",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Paths to Fixtures/ and ../shared/corpus, and a runner for the built executable.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SpliceYAMLTests", dependencies: ["SpliceYAML", "SpliceYAMLChecks", "TestSupport"]),
        .testTarget(name: "KubeManifestsTests", dependencies: ["KubeManifests"]),
        .testTarget(name: "SpeedscaleIstioTests", dependencies: ["SpeedscaleIstio", "KubeManifests", "SpliceYAML", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SpliceYAML", "TestSupport"]),
    ]
)
