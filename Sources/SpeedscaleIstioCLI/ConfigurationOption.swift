import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import SpeedscaleIstio

/// `--config FILE`: the configuration file lint, inject and uninject read (rules, paths,
/// cluster settings, inject's per-workload settings), else `.speedscale-istio.yaml` in the
/// working directory or at the root of its git checkout.
struct ConfigurationOption: ParsableArguments {
    @Option(
        help: ArgumentHelp("The configuration file (default: .speedscale-istio.yaml in the working directory or the git root).", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var config: String?

    /// The configuration in force: the file given, else the one found, else the defaults.
    /// - Throws: ``ConfigurationError`` when the file cannot be read or is not valid.
    func load() throws(ConfigurationError) -> LintConfiguration {
        guard let path = config ?? ConfigurationLocator.find(from: FileManager.default.currentDirectoryPath) else {
            return LintConfiguration()
        }
        return try ConfigurationLocator.load(path)
    }
}
