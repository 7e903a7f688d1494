import ArgumentParser

/// `version`: the version, the git commit and the Swift version of the build.
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the version, the git commit and the Swift version it was built with."
    )

    func run() {
        StandardOutput.write(Array((BuildInfo.text + "\n").utf8))
    }
}
