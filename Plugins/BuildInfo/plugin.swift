import Foundation
import PackagePlugin

/// Writes `GeneratedBuildInfo.swift` before every build of the target it is applied to: the git
/// commit the sources were built from. It runs `build-info.sh` beside this file, which asks git
/// in a checkout, reads `archive-commit` in a `git archive` tarball (git fills it in through
/// `export-subst`), and says `unknown` otherwise. The file is rewritten only when it changes.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        let folder = context.package.directoryURL.appendingPathComponent("Plugins/BuildInfo")
        return [
            .prebuildCommand(
                displayName: "Recording the git commit for \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    folder.appendingPathComponent("build-info.sh").path,
                    context.package.directoryURL.path,
                    output.appendingPathComponent("GeneratedBuildInfo.swift").path,
                ],
                outputFilesDirectory: output),
        ]
    }
}
