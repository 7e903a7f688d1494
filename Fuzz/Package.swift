// swift-tools-version:6.0
// Fuzz targets for kubectl-speedscale-istio, in a package of their own: libFuzzer entry
// points cannot link into the main package's ordinary build (SwiftPM's `main` alias for
// executables), and the fuzzing flags must not reach users of the main package.
// Build and run one with ./run.sh TARGET SECONDS (see README.md).
import PackageDescription

/// What the inject, uninject and lint targets use: their checks, and FuzzEntry.
let speedscaleIstioChecks: [Target.Dependency] = [
    .product(name: "SpeedscaleIstioChecks", package: "kubectl-speedscale-istio"),
    .product(name: "SpliceYAMLChecks", package: "kubectl-speedscale-istio"),
]

let package = Package(
    name: "Fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "kubectl-speedscale-istio", path: ".."),
    ],
    targets: [
        // Parsing: SpliceYAMLChecks.ParseCheck.
        .executableTarget(
            name: "FuzzParse",
            dependencies: [.product(name: "SpliceYAMLChecks", package: "kubectl-speedscale-istio")]
        ),
        // Splice edits: SpliceYAMLChecks.EditCheck.
        .executableTarget(
            name: "FuzzEdit",
            dependencies: [.product(name: "SpliceYAMLChecks", package: "kubectl-speedscale-istio")]
        ),
        // inject, with options chosen by the input's first byte: SpeedscaleIstioChecks.InjectCheck.
        .executableTarget(name: "FuzzInject", dependencies: speedscaleIstioChecks),
        // uninject, with options chosen by the input's first byte: SpeedscaleIstioChecks.UninjectCheck.
        .executableTarget(name: "FuzzUninject", dependencies: speedscaleIstioChecks),
        // lint: SpeedscaleIstioChecks.LintCheck.
        .executableTarget(name: "FuzzLint", dependencies: speedscaleIstioChecks),
    ]
)
